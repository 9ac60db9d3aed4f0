package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/basemap"
	"iskbrief/internal/maprender"
	"iskbrief/internal/slides"
	"iskbrief/internal/symbology"
	"iskbrief/internal/workspace"
)

// viewBox returns the map's visible extent in degrees: west, south, east, north.
func viewBox(vp maprender.Viewport) [4]float64 {
	b := vp.Bound()
	w, n := basemap.Unproject(b.Min)
	e, s := basemap.Unproject(b.Max)
	return [4]float64{w, s, e, n}
}

// captureSlide records the current view as a slide state, with a default
// title describing it.
func (mw *MainWindow) captureSlide() (workspace.SlideState, string) {
	var st workspace.SlideState
	box := viewBox(mw.mapw.Viewport())
	st.West, st.South, st.East, st.North = box[0], box[1], box[2], box[3]
	slides.Capture(&st, mw.view.Filter)
	mode, month := mw.timebar.State()
	st.TimeMode, st.TimeMonth = mode, month.Format("2006-01")
	if e := mw.model.Event(mw.view.Selected); e != nil {
		st.Selected = e.ID
	}
	st.Chart = string(mw.chart.Kind())
	st.ColorBy = string(mw.view.ColorBy)
	st.Style = mw.view.Style.Name
	title := "ISIS-K attacks · " + mw.view.Filter.String()
	if e := mw.model.Event(mw.view.Selected); e != nil {
		title = e.Title
	}
	return st, title
}

// applySlide shows a saved slide in the window: extent, filters, time
// window, selection, chart and colouring.
func (mw *MainWindow) applySlide(s workspace.Slide) {
	st := s.State
	f := slides.Filter(st)
	mw.filters.SetFilter(f)
	month, _ := time.Parse("2006-01", st.TimeMonth)
	mw.timebar.SetWindow(st.TimeMode, month)
	mw.chart.SetKind(slides.Kind(st))
	if b := slides.ColorBy(st); b != mw.view.ColorBy {
		mw.colorBySelect.SetSelected(symbology.SchemeLabel(b))
	}
	if st.East > st.West && st.North > st.South {
		area := maprender.Bounds(st.West, st.South, st.East, st.North)
		mw.mapw.ZoomTo(func(w, h int, scale float64) maprender.Viewport { return maprender.FitBound(area, w, h, scale) })
	}
	mw.view.Filter = mw.Filter()
	mw.refreshMap()
	mw.selectAndShow(mw.model.RecordOfEvent(st.Selected), false)
	mw.tracef("showing slide %q", s.Title)
}

// present starts presentation mode at slide i of the current briefing.
func (mw *MainWindow) present(i int) {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("Nothing to present", "Add slides first: set up the map and chart, then press “Add slide”.", mw)
		return
	}
	if mw.presenter != nil {
		return
	}
	mw.presenter = Present(mw, mw.model, ss, i, mw.tracef, func() { mw.presenter = nil })
}

// typedKey routes keys that no focused widget took.
func (mw *MainWindow) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyF5:
		mw.present(0)
	case fyne.KeyF1:
		mw.showHelp()
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyPlus, fyne.KeyEqual, fyne.KeyMinus:
		mw.mapw.TypedKey(e)
	}
}

// shortcuts lists the keyboard shortcuts, for the window and for Help.
var shortcuts = []struct{ keys, what string }{
	{"F5", "present the briefing full screen (→ / Page Down / Space next, ← / Page Up back, N speaker notes, Esc leaves)"},
	{"Ctrl+F", "search a place, province or attack"},
	{"Ctrl+N", "add the current view as a slide"},
	{"Ctrl+E", "export the map"},
	{"Ctrl+Shift+E", "export the chart"},
	{"Ctrl+R", "reset the filters"},
	{"+ / −, arrows, 0", "zoom, pan, reset the map (when no text field has focus)"},
	{"Double-click", "zoom in on the map"},
	{"F1", "this help"},
}

func (mw *MainWindow) addShortcuts() {
	add := func(k fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		mw.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyF, fyne.KeyModifierShortcutDefault, func() { mw.Canvas().Focus(mw.search.entry) })
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault, func() { mw.tabs.SelectIndex(3); mw.slides.addDialog() })
	add(fyne.KeyE, fyne.KeyModifierShortcutDefault, mw.exportMapDialog)
	add(fyne.KeyE, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, mw.exportChartDialog)
	add(fyne.KeyR, fyne.KeyModifierShortcutDefault, mw.filters.Reset)
}

func (mw *MainWindow) showHelp() {
	intro := widget.NewLabel("Three jobs:\n" +
		"• Present — add slides (toolbar “Add slide”), then “Present” or F5.\n" +
		"• Explore — click a marker for what happened and who says so; filter on the left; play the years with the time bar.\n" +
		"• Export — “Export map…”, the Charts tab’s “Export chart…”, the Slides tab’s PDF and PNG exports.")
	intro.Wrapping = fyne.TextWrapWord
	var rows []fyne.CanvasObject
	for _, s := range shortcuts {
		what := widget.NewLabel(s.what)
		what.Wrapping = fyne.TextWrapWord
		rows = append(rows, widget.NewLabelWithStyle(s.keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), what)
	}
	body := container.NewVBox(intro, widget.NewLabelWithStyle("Keyboard shortcuts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(), rows...))
	dialog.ShowCustom("Help", "Close", container.NewGridWrap(fyne.NewSize(660, 480), container.NewVScroll(body)), mw)
}

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
	var b [4]float64
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return
	}
	for i, p := range parts {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return
		}
		b[i] = f
	}
	if b[2] <= b[0] || b[3] <= b[1] {
		return
	}
	area := maprender.Bounds(b[0], b[1], b[2], b[3])
	mw.mapw.home0 = func(w, h int, scale float64) maprender.Viewport { return maprender.FitBound(area, w, h, scale) }
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

// exportPDFDialog saves the briefing as a PDF, one page per slide.
func (mw *MainWindow) exportPDFDialog() {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("No slides", "Add slides before exporting the briefing.", mw)
		return
	}
	title := mw.slides.BriefingTitle()
	mw.renderThenSave("isk-briefing.pdf", func() ([]byte, error) {
		tmp, err := os.CreateTemp("", "isk-briefing-*.pdf")
		if err != nil {
			return nil, err
		}
		tmp.Close()
		defer os.Remove(tmp.Name())
		if err := slides.ExportPDF(tmp.Name(), title, mw.model, ss); err != nil {
			return nil, err
		}
		return os.ReadFile(tmp.Name())
	})
}

// exportPNGsDialog writes the slides as 1920×1080 PNGs into a folder.
func (mw *MainWindow) exportPNGsDialog() {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("No slides", "Add slides before exporting the briefing.", mw)
		return
	}
	dialog.ShowFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil || lu == nil {
			return
		}
		dir := filepath.Join(lu.Path(), "isk-briefing-slides")
		mw.status.SetText("Rendering slides…")
		go func() {
			files, err := slides.ExportPNGs(dir, mw.model, ss)
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(err, mw)
					return
				}
				mw.status.SetText(fmt.Sprintf("Saved %d slides in %s", len(files), dir))
				mw.tracef("saved %d slides in %s", len(files), dir)
			})
		}()
	}, mw)
}
