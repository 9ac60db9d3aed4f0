package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/events"
	"iskbrief/internal/symbology"
)

// LayersPanel toggles the embedded dataset and the imported layers, removes
// layers and switches duplicate merging.
type LayersPanel struct {
	box *fyne.Container
	mw  *MainWindow
}

func newLayersPanel(mw *MainWindow) *LayersPanel {
	p := &LayersPanel{mw: mw, box: container.NewVBox()}
	p.refresh()
	return p
}

// Object is the panel's canvas object.
func (p *LayersPanel) Object() fyne.CanvasObject { return p.box }

func swatch(i int) fyne.CanvasObject {
	c := symbology.LayerColors[min(i, len(symbology.LayerColors)-1)]
	r := canvas.NewCircle(c)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), r))
}

// refresh rebuilds the rows from the model.
func (p *LayersPanel) refresh() {
	m := p.mw.model
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil,
		widget.NewLabelWithStyle("Layers", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil,
		widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), p.mw.importDialog))}
	name := m.LayerNames()[0]
	emb := check(fmt.Sprintf("%s (%d)", name, len(m.Embedded)), m.ShowEmbedded, func(on bool) {
		m.ShowEmbedded = on
		p.mw.layersChanged()
	})
	objs = append(objs, container.NewBorder(nil, nil, swatch(0), nil, emb))
	for k, l := range m.Layers {
		chk := check(fmt.Sprintf("%s (%d, %s)", l.Meta.Name, len(l.Events), l.Meta.Layout), l.Meta.Visible, func(on bool) {
			m.SetLayerVisible(l.Meta.ID, on)
			if err := p.mw.store.SetLayerVisible(l.Meta.ID, on); err != nil {
				dialog.ShowError(err, p.mw)
			}
			p.mw.layersChanged()
		})
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.mw.removeLayer(l) })
		objs = append(objs, container.NewBorder(nil, nil, swatch(k+1), remove, chk))
	}
	if len(m.Layers) > 0 {
		merge := check(fmt.Sprintf("Merge duplicates (same day, %d km)", brief.DuplicateKm), m.MergeDuplicates, func(on bool) {
			m.MergeDuplicates = on
			p.mw.store.SetPref("merge", strconv.FormatBool(on))
			p.mw.layersChanged()
		})
		objs = append(objs, merge)
	} else {
		hint := widget.NewLabel("Drop an ACLED, GTD, UCDP or CSV/Excel/GeoJSON export on the window to add it.")
		hint.Wrapping = fyne.TextWrapWord
		hint.Importance = widget.LowImportance
		objs = append(objs, hint)
	}
	objs = append(objs, widget.NewSeparator())
	p.box.Objects = objs
	p.box.Refresh()
}

// check returns a checkbox set to on whose handler fires only on user
// changes (SetChecked would call it while the panel is being built).
func check(label string, on bool, changed func(bool)) *widget.Check {
	c := widget.NewCheck(label, nil)
	c.Checked = on
	c.OnChanged = changed
	return c
}

// layersChanged re-assembles the records and redraws every view.
func (mw *MainWindow) layersChanged() {
	mw.model.Rebuild()
	mw.view.Selected = events.NoRecord
	mw.details.ShowHint()
	mw.refreshMap()
	mw.layers.refresh()
}

func (mw *MainWindow) removeLayer(l *brief.Layer) {
	dialog.ShowConfirm("Remove layer", fmt.Sprintf("Remove “%s” (%d events) from the workspace?", l.Meta.Name, len(l.Events)), func(ok bool) {
		if !ok {
			return
		}
		if err := mw.store.RemoveLayer(l.Meta.ID); err != nil {
			dialog.ShowError(err, mw)
			return
		}
		mw.model.RemoveLayer(l.Meta.ID)
		mw.tracef("layer removed: %s", l.Meta.Name)
		mw.layersChanged()
	}, mw)
}
