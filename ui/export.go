package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/export"
)

// exportMapDialog saves the current view as a slide-sized PNG.
func (mw *MainWindow) exportMapDialog() {
	sizes := []string{"1920 × 1080 (Full HD slide)", "3840 × 2160 (4K)"}
	choice := widget.NewRadioGroup(sizes, nil)
	choice.SetSelected(sizes[0])
	inset := widget.NewCheck("Inset map where the events crowd (added only when they do)", nil)
	inset.SetChecked(true)
	dialog.ShowCustomConfirm("Export map", "Choose file…", "Cancel", container.NewVBox(
		widget.NewLabel("Export the current map view with legend, scale bar and attribution."), choice, inset),
		func(ok bool) {
			if !ok {
				return
			}
			w, h := 1920, 1080
			if choice.Selected == sizes[1] {
				w, h = 3840, 2160
			}
			m, sel, pic := mw.mapExport(w, h)
			if !inset.Checked {
				pic.Inset = brief.InsetNone
			}
			mw.renderThenSave(export.FileName(pic.View.Title, ".png"), func() ([]byte, error) {
				return export.EncodePNG(m.RenderMap(sel, pic))
			})
		}, mw)
}

// mapExport is what an exported map of the current view draws: a model
// snapshot for the worker, the selection on screen and the picture, exactly
// as `iskbrief export map` would ask for it.
func (mw *MainWindow) mapExport(w, h int) (*brief.Model, brief.Selection, brief.Picture) {
	view := mw.view
	view.Overlays, view.HideLegend = true, false // an exported map always carries legend, scale and credits
	pic := brief.Picture{View: view, Area: mw.mapw.Viewport().Bound(), W: w, H: h}
	pic.View.Title = mw.model.MapTitle(view.Filter, pic.Drawn(mw.sel))
	return mw.model.Snapshot(), mw.sel, pic
}

// renderThenSave renders an export in the background and only then asks
// where to save it, so a failed render never leaves a file behind; the file
// is written atomically.
func (mw *MainWindow) renderThenSave(name string, render func() ([]byte, error)) {
	mw.status.SetText("Rendering " + name + "…")
	go func() {
		b, err := render()
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, mw)
				return
			}
			mw.askSavePath("Save "+name, name, filepath.Ext(name), false, func(path string) {
				if err := export.WriteBytes(path, b); err != nil {
					dialog.ShowError(err, mw)
					return
				}
				mw.status.SetText("Saved " + path)
				mw.tracef("saved %s (%d bytes)", path, len(b))
			})
		})
	}()
}

// exportChartDialog saves the chart shown as PNG (Full HD or 4K) or SVG.
func (mw *MainWindow) exportChartDialog() {
	formats := []string{"PNG 1920 × 1080 (Full HD slide)", "PNG 3840 × 2160 (4K)", "SVG (vector, for editing)"}
	choice := widget.NewRadioGroup(formats, nil)
	choice.SetSelected(formats[0])
	dialog.ShowCustomConfirm("Export chart", "Choose file…", "Cancel", container.NewVBox(
		widget.NewLabel("Export “"+kindLabels[mw.chart.Kind()]+"” for the current selection."), choice),
		func(ok bool) {
			if !ok {
				return
			}
			w, h, format := 1920, 1080, charts.PNG
			switch choice.Selected {
			case formats[1]:
				w, h = 3840, 2160
			case formats[2]:
				format = charts.SVG
			}
			name := export.FileName("isk-brief-"+string(mw.chart.Kind()), "."+string(format))
			kind, in := mw.chart.Kind(), mw.chartInput()
			in.TextScale = 0 // sized for the exported image, not the side panel
			mw.renderThenSave(name, func() ([]byte, error) { return charts.Render(kind, in, format, w, h) })
		}, mw)
}
