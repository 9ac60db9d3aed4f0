package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"iskbrief/internal/brief"
	"iskbrief/internal/events"
	"iskbrief/internal/maprender"
)

// One way through a click: the map widget turns a click into a MapHit read
// through the selection its frame was drawn from; selectAndShow makes that
// record the selection everywhere; brief.Describe says what the record is,
// for the detail panel, the tooltip and the trace alike.

// selectionChanged redraws everything that follows the selection, after a
// short pause so a burst of edits (or playback) costs one redraw.
func (mw *MainWindow) selectionChanged() {
	if mw.debounce != nil {
		mw.debounce.Stop()
	}
	mw.debounce = time.AfterFunc(60*time.Millisecond, func() { fyne.Do(mw.refreshMap) })
}

// refreshMap applies the current filter and view to the map, the list, the
// chart and the counts.
func (mw *MainWindow) refreshMap() {
	mw.view.Filter = mw.Filter()
	mw.sel = mw.model.Select(mw.view.Filter, mw.view.ColorBy)
	if mw.view.Selected >= 0 && !mw.sel.Contains(mw.view.Selected) {
		// The selected event left the selection (a filter, the time bar):
		// do not keep describing an event the map no longer shows.
		mw.view.Selected = events.NoRecord
		mw.details.ShowHint()
	}
	mw.mapw.SetView(mw.model.Options(mw.view, mw.sel), mw.sel)
	mw.mapw.SetHome(brief.FrameEvents(mw.sel))
	mw.list.SetRows(mw.sel.Index)
	mw.chart.SetInput(mw.chartInput())
	mw.filters.SetCount(len(mw.sel.Index), len(mw.model.Records))
	mw.status.SetText(fmt.Sprintf("%d of %d events · %s · dataset %s", len(mw.sel.Index), len(mw.model.Records), mw.view.Filter.String(), mw.model.Data.Version))
}

// selectRecord selects an event from the list or the search (fromSearch)
// and frames it on the map.
func (mw *MainWindow) selectRecord(r events.RecordIndex, fromSearch bool) {
	if !mw.sel.Contains(r) {
		// A search hit hidden by the filters: show everything again rather
		// than select an event the map does not draw.
		mw.filters.Reset()
		mw.timebar.SetWindow(modeAll, time.Time{})
		mw.refreshMap()
		if d, ok := mw.model.Describe(r); ok {
			mw.status.SetText("Filters reset to show " + d.Title)
		}
	}
	mw.frameAlone(r)
	if fromSearch && mw.currentTab() == tabSlides {
		mw.showTab(tabDetails) // a search hit is read in the details
	}
	mw.selectAndShow(r, true)
}

// regionalZoom is the widest logical zoom a search hit or a list row is
// framed at: a province with its neighbours.
const regionalZoom = 30000

// frameAlone centres the map on record r at the lowest zoom, from the
// current one (or a regional view, if that is closer) up, at which r is
// drawn on its own rather than inside a cluster, so the user sees both the
// event and what surrounds it.
func (mw *MainWindow) frameAlone(r events.RecordIndex) {
	i := mw.sel.Marker(r)
	if i == maprender.NoMarker {
		return
	}
	markers := mw.sel.Markers
	from := min(mw.mapw.Viewport().LogicalZoom(), regionalZoom)
	mw.mapw.ZoomTo(func(w, h int, scale float64) maprender.Viewport {
		return maprender.StandAlone(maprender.Viewport{W: w, H: h, Scale: scale}, markers, i, from)
	})
}

func (mw *MainWindow) tapped(h *MapHit) {
	mw.tooltip.hide()
	r := events.NoRecord
	if h != nil {
		r = h.Record
	}
	mw.selectAndShow(r, true)
}

// selectAndShow selects record r everywhere: map, list and detail panel;
// showTab brings the Details tab forward unless the user is working in the
// Events or Slides tab.
func (mw *MainWindow) selectAndShow(r events.RecordIndex, showTab bool) {
	d, ok := mw.model.Describe(r)
	if !ok {
		r = events.NoRecord
	}
	mw.view.Selected = r
	mw.mapw.SetView(mw.model.Options(mw.view, mw.sel), mw.sel)
	mw.list.Select(r)
	if t := mw.currentTab(); showTab && ok && t != tabEvents && t != tabSlides {
		mw.showTab(tabDetails)
	}
	if !ok {
		mw.details.ShowHint()
		mw.tracef("selection cleared")
		return
	}
	mw.details.Show(d)
	mw.details.ShowNear(mw.model.NearDuplicates(r), mw.model)
	mw.tracef("selected %s", d.ID)
}

func (mw *MainWindow) hover(h *MapHit, at fyne.Position) {
	if h == nil {
		mw.tooltip.hide()
		return
	}
	var text string
	if h.Item.Count > 1 {
		what := "attacks"
		if h.Item.Foiled {
			what = "foiled plots"
		}
		text = fmt.Sprintf("%d %s · %d killed", h.Item.Count, what, h.Item.Killed)
		if d, ok := mw.model.Describe(h.Record); ok && !h.Item.Foiled {
			text += fmt.Sprintf("\ndeadliest: %s (%s killed)", d.Title, d.Killed)
		}
		text += "\nClick to zoom in"
	} else if d, ok := mw.model.Describe(h.Record); ok {
		text = d.Tooltip()
	} else {
		mw.tooltip.hide()
		return
	}
	mw.tooltip.show(text, at, mw.mapw.Size())
}

// frameShown traces frames; the first one reports start-up time and where a
// few markers are, so an end-to-end test can click them.
func (mw *MainWindow) frameShown(f *maprender.Frame, sel brief.Selection) {
	mw.frames++
	mw.savePrefsSoon()
	if !mw.trace || mw.traced || len(f.Items) == 0 {
		return
	}
	mw.traced = true
	mw.tracef("first frame %d ms after start, %d items, %dx%d px", time.Since(started).Milliseconds(), len(f.Items), f.VP.W, f.VP.H)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(mw.mapw)
	scale := float64(f.VP.W) / float64(mw.mapw.Size().Width)
	rect := func(o fyne.CanvasObject) string {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		s := o.Size()
		return fmt.Sprintf("%d,%d,%d,%d", int(float64(p.X)*scale), int(float64(p.Y)*scale), int(float64(s.Width)*scale), int(float64(s.Height)*scale))
	}
	mw.tracef("layout map %s details %s", rect(mw.mapw), rect(mw.details.Object()))
	for _, it := range f.Items {
		if it.Count != 1 {
			continue
		}
		if d, ok := mw.model.Describe(sel.Record(it.Index)); ok && d.Kind == brief.Curated {
			mw.tracef("marker %s at %d,%d", d.ID, int(float64(abs.X)*scale+float64(it.X)), int(float64(abs.Y)*scale+float64(it.Y)))
		}
	}
}
