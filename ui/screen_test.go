package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		size          fyne.Size
		scale         float32
		screenW, scrH int
		wantW, wantH  float32
	}{
		{fyne.NewSize(1500, 900), 1, 1366, 768, 1350, 720},  // the default on a laptop
		{fyne.NewSize(1500, 900), 1, 1920, 1080, 1500, 900}, // fits: unchanged
		{fyne.NewSize(1500, 900), 2, 2732, 1536, 1350, 720}, // HiDPI laptop
		{fyne.NewSize(1200, 800), 1, 800, 600, 784, 552},
	} {
		got := fitToScreen(c.size, c.scale, c.screenW, c.scrH)
		if got.Width != c.wantW || got.Height != c.wantH {
			t.Errorf("fitToScreen(%v, ×%g, %d×%d) = %v, want %g×%g", c.size, c.scale, c.screenW, c.scrH, got, c.wantW, c.wantH)
		}
	}
}
