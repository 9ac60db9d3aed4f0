package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne does not say how large the screen is or how many there are; GLFW,
// which Fyne's desktop driver runs on, does. These must be called on the
// main goroutine once the app runs (from a lifecycle hook or fyne.Do).

// onGLFW is set by Run, whose app is Fyne's GLFW driver; tests run on
// Fyne's test driver, where GLFW was never initialised and must not be called.
var onGLFW bool

// screenArea is the work area of the primary monitor (the screen less its
// panels) in device pixels, or ok=false when GLFW has no monitor.
func screenArea() (w, h int, ok bool) {
	if !onGLFW {
		return 0, 0, false
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, w, h = m.GetWorkarea()
	return w, h, w > 0 && h > 0
}

// monitorCount is the number of screens attached: 2 or more means the
// briefer has a laptop screen beside the projector.
func monitorCount() int {
	if !onGLFW {
		return 1
	}
	return len(glfw.GetMonitors())
}

// fitToScreen shrinks a window size (in Fyne units at the canvas scale) to
// the screen's work area, leaving room for the window's frame.
func fitToScreen(size fyne.Size, scale float32, screenW, screenH int) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	maxW := float32(screenW)/scale - 16 // window frame
	maxH := float32(screenH)/scale - 48 // title bar and frame
	return fyne.NewSize(min(size.Width, max(maxW, 640)), min(size.Height, max(maxH, 420)))
}
