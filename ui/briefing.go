package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"iskbrief/internal/basemap"
	"iskbrief/internal/export"
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
	// A slide is a snapshot: it keeps the events it shows now (the edit
	// dialog can make it follow the data instead).
	st.Records = mw.model.Pin(mw.sel)
	st.Live = st.Records == nil
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
	// The presenter renders on a worker: it gets a snapshot, never the live model.
	mw.presenter = Present(mw, mw.model.Snapshot(), ss, i, mw.tracef, func() { mw.presenter = nil })
	// With a second screen the briefer gets the presenter view (notes, next
	// slide, timer) at once, as PowerPoint does; P toggles it either way.
	if monitorCount() >= 2 {
		mw.presenter.togglePresenterView()
	}
}

// exportPDFDialog saves the briefing as a PDF, one page per slide.
func (mw *MainWindow) exportPDFDialog() {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("No slides", "Add slides before exporting the briefing.", mw)
		return
	}
	title := mw.slides.BriefingTitle()
	m := mw.model.Snapshot()
	mw.renderThenSave(export.FileName(title, ".pdf"), func() ([]byte, error) { return slides.BuildPDF(title, m, ss) })
}

// exportPPTXDialog saves the briefing as a PowerPoint deck with speaker
// notes.
func (mw *MainWindow) exportPPTXDialog() {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("No slides", "Add slides before exporting the briefing.", mw)
		return
	}
	title := mw.slides.BriefingTitle()
	m := mw.model.Snapshot()
	mw.renderThenSave(export.FileName(title, ".pptx"), func() ([]byte, error) { return slides.BuildPPTX(title, m, ss) })
}

// exportPNGsDialog writes the slides as 1920×1080 PNGs into a folder.
func (mw *MainWindow) exportPNGsDialog() {
	ss := mw.slides.Slides()
	if len(ss) == 0 {
		dialog.ShowInformation("No slides", "Add slides before exporting the briefing.", mw)
		return
	}
	mw.askSavePath("Save the slides as PNG files in a new folder", "isk-briefing-slides", "", true, func(dir string) {
		mw.status.SetText("Rendering slides…")
		m := mw.model.Snapshot()
		go func() {
			files, err := slides.ExportPNGs(dir, m, ss)
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(err, mw)
					return
				}
				mw.status.SetText(fmt.Sprintf("Saved %d slides in %s", len(files), dir))
				mw.tracef("saved %d slides in %s", len(files), dir)
			})
		}()
	})
}
