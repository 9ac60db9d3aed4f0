package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"iskbrief/internal/maprender"
)

// Preferences live in the workspace: window size, map extent, theme. They
// are saved a moment after each change, so a crash keeps them too.

// savedSize is the window size of the last session, or a default.
func (mw *MainWindow) savedSize() fyne.Size {
	if v, ok := mw.store.Pref("window"); ok {
		var w, h float32
		if _, err := fmt.Sscanf(v, "%gx%g", &w, &h); err == nil && w >= 800 && h >= 500 && w < 10000 && h < 10000 {
			return fyne.NewSize(w, h)
		}
	}
	return fyne.NewSize(1500, 900)
}

// restoreView returns the map to the extent of the last session.
func (mw *MainWindow) restoreView() {
	v, ok := mw.store.Pref("view")
	if !ok {
		return
	}
	b, ok := parseViewPref(v)
	if !ok {
		return // a damaged preference: the map frames the events instead
	}
	area := maprender.Bounds(b[0], b[1], b[2], b[3])
	mw.mapw.home0 = func(w, h int, scale float64) maprender.Viewport { return maprender.FitBound(area, w, h, scale) }
}

// parseViewPref reads a saved map extent "west,south,east,north". NaN,
// infinite, reversed or out-of-world values are refused: they gave a blank
// map that was then saved again.
func parseViewPref(v string) ([4]float64, bool) {
	var b [4]float64
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return b, false
	}
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return b, false
		}
		b[i] = f
	}
	if b[2] <= b[0] || b[3] <= b[1] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 {
		return b, false
	}
	return b, true
}

// savePrefsSoon saves the preferences a moment after the last change, so a
// crash or a kill keeps the window as it was, not as it was last closed.
func (mw *MainWindow) savePrefsSoon() {
	if mw.prefsTimer != nil {
		mw.prefsTimer.Stop()
	}
	mw.prefsTimer = time.AfterFunc(2*time.Second, func() { fyne.Do(mw.savePrefs) })
}

// savePrefs keeps window size, map extent and theme for the next start.
func (mw *MainWindow) savePrefs() {
	sz := mw.Canvas().Size()
	if mw.presenter == nil && sz.Width > 0 {
		mw.store.SetPref("window", fmt.Sprintf("%gx%g", sz.Width, sz.Height))
	}
	if vp := mw.mapw.Viewport(); vp.W > 0 {
		b := viewBox(vp)
		mw.store.SetPref("view", fmt.Sprintf("%.4f,%.4f,%.4f,%.4f", b[0], b[1], b[2], b[3]))
	}
	mw.store.SetPref("theme", mw.view.Style.Name)
}
