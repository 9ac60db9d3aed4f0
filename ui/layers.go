package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/events"
	"iskbrief/internal/importer"
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
		hint := widget.NewLabel("Drop an ACLED, GTD, UCDP or CSV/GeoJSON export on the window to add it.")
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

// importDialog asks for a file and imports it.
func (mw *MainWindow) importDialog() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		mw.importFile(path)
	}, mw)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".json", ".geojson", ".txt"}))
	d.Show()
}

// importFile reads a file on a worker with a progress bar and a Cancel
// button, shows what was kept and skipped, and stores the layer in one
// transaction when the user confirms.
func (mw *MainWindow) importFile(path string) {
	if mw.importing {
		mw.importQueue = append(mw.importQueue, path) // one file at a time
		return
	}
	mw.importing = true
	if len(mw.model.Layers) >= brief.MaxLayers {
		mw.importFailed(fmt.Errorf("%s was not imported: at most %d layers can be loaded; remove one first", path, brief.MaxLayers))
		return
	}
	bar := widget.NewProgressBar()
	cancel := make(chan struct{})
	var cancelled atomic.Bool
	label := widget.NewLabel("Reading " + path)
	label.Wrapping = fyne.TextWrapWord
	stop := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), nil)
	prog := dialog.NewCustomWithoutButtons("Importing", container.NewVBox(label, bar, stop), mw)
	stop.OnTapped = func() {
		if cancelled.CompareAndSwap(false, true) {
			close(cancel)
		}
	}
	prog.Resize(fyne.NewSize(480, 160))
	prog.Show()
	mw.tracef("import started: %s", path)
	go func() {
		var last atomic.Int64
		res, err := importer.ReadFile(path, importer.Options{
			Cancel: cancel,
			Progress: func(done, total int64) {
				if total <= 0 {
					return
				}
				pct := done * 100 / total
				if last.Swap(pct) != pct {
					fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
				}
			},
		})
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				if cancelled.Load() && errors.Is(err, importer.ErrCanceled) {
					mw.status.SetText("Import cancelled: nothing was added")
					mw.tracef("import cancelled")
					mw.importDone()
					return
				}
				mw.tracef("import refused: %v", err)
				mw.importFailed(fmt.Errorf("%s was not imported:\n%v", path, err))
				return
			}
			mw.confirmImport(res)
		})
	}()
}

// importSummary describes a read file: layout, kept, filtered, skipped.
func importSummary(res *importer.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Layout: %s\nRows read: %d\nKept: %d\n", res.Layout, res.Rows, res.Kept)
	if res.Filtered > 0 {
		fmt.Fprintf(&b, "Left out by the filter (%s): %d\n", res.Filter, res.Filtered)
	}
	if res.SkippedTotal > 0 {
		fmt.Fprintf(&b, "Skipped as malformed: %d\n", res.SkippedTotal)
		reasons := make([]string, 0, len(res.SkippedByReason))
		for r := range res.SkippedByReason {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(&b, "  %s: %d\n", r, res.SkippedByReason[r])
		}
		for i, p := range res.Skipped {
			if i == 5 {
				break
			}
			fmt.Fprintf(&b, "  line %s\n", p.String())
		}
	}
	return b.String()
}

func (mw *MainWindow) confirmImport(res *importer.Result) {
	name := widget.NewEntry()
	name.SetText(brief.LayerName(res.File))
	summary := widget.NewLabel(importSummary(res))
	summary.Wrapping = fyne.TextWrapWord
	mw.tracef("import read: %s layout %s kept %d skipped %d", res.File, res.Layout, res.Kept, res.SkippedTotal)
	d := dialog.NewCustomConfirm("Add layer", "Add to the map", "Cancel", container.NewVBox(
		summary, container.NewBorder(nil, nil, widget.NewLabel("Layer name"), nil, name)), func(ok bool) {
		if !ok {
			mw.importDone()
			return
		}
		// Encoding and storing a large import takes seconds: do it on a
		// worker and keep the window responsive.
		wait := dialog.NewCustomWithoutButtons("Saving layer", widget.NewProgressBarInfinite(), mw)
		wait.Show()
		layerName := strings.TrimSpace(name.Text)
		go func() {
			l, err := brief.SaveLayer(mw.store, res, layerName)
			fyne.Do(func() {
				wait.Hide()
				if err == nil {
					err = mw.model.AddLayer(l)
				}
				if err != nil {
					mw.importFailed(err)
					return
				}
				defer mw.importDone()
				mw.tracef("layer added: %s (%d events)", l.Meta.Name, len(l.Events))
				mw.status.SetText(fmt.Sprintf("Added layer %s: %d events", l.Meta.Name, len(l.Events)))
				mw.layersChanged()
			})
		}()
	}, mw)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
}

// importFailed shows why an import failed; the next queued file follows
// once the message is closed.
func (mw *MainWindow) importFailed(err error) {
	d := dialog.NewError(err, mw)
	d.SetOnClosed(mw.importDone)
	d.Show()
}

// importDone ends the current import and starts the next queued file.
func (mw *MainWindow) importDone() {
	mw.importing = false
	if len(mw.importQueue) > 0 {
		next := mw.importQueue[0]
		mw.importQueue = mw.importQueue[1:]
		mw.importFile(next)
	}
}

// dropped imports the files dropped on the window, one after another.
func (mw *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			mw.importFile(u.Path())
		}
	}
}
