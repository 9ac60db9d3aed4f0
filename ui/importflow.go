package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/importer"
)

// The import flow: a file chosen, dropped or named on the command line is
// read on a worker with progress and Cancel, summarised, confirmed, and
// stored as a layer in one transaction. Files arriving meanwhile queue.

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
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".json", ".geojson", ".txt"}))
	d.Show()
}

// importFile reads a file on a worker with a progress bar and a Cancel
// button, shows what was kept and skipped, and stores the layer in one
// transaction when the user confirms.
func (mw *MainWindow) importFile(path string) { mw.importFileWith(path, false) }

// importFileWith imports path; skipBroken reads on past a quoted field that
// is never closed (the user asked, after the first attempt was refused).
func (mw *MainWindow) importFileWith(path string, skipBroken bool) {
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
			Cancel: cancel, SkipBrokenQuotes: skipBroken,
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
				if errors.Is(err, importer.ErrBrokenQuote) {
					mw.offerSkipBrokenQuote(path, err)
					return
				}
				mw.importFailed(fmt.Errorf("%s was not imported:\n%w", path, err))
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
	if res.Encoding != "" {
		fmt.Fprintf(&b, "Text: read as %s (the file is not UTF-8)\n", res.Encoding)
	}
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

// offerSkipBrokenQuote explains a refusal for a quote never closed and
// offers to import the file without the line it opened on.
func (mw *MainWindow) offerSkipBrokenQuote(path string, err error) {
	msg := widget.NewLabel(err.Error() + "\n\nImport the rest skips that one line (it is listed in the summary) and reads every other row as usual.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(path+" was not imported", "Import the rest", "Cancel", msg, func(ok bool) {
		mw.importing = false
		if ok {
			mw.importFileWith(path, true)
			return
		}
		mw.importDone()
	}, mw)
	d.Resize(fyne.NewSize(min(640, mw.Canvas().Size().Width*0.9), d.MinSize().Height))
	d.Show()
}

// importFailed shows why an import failed; the next queued file follows
// once the message is closed.
func (mw *MainWindow) importFailed(err error) {
	var d dialog.Dialog
	var unknown *importer.UnknownLayoutError
	if errors.As(err, &unknown) {
		d = mw.unknownLayoutDialog(unknown, err)
	} else {
		d = dialog.NewError(err, mw)
	}
	d.SetOnClosed(mw.importDone)
	d.Show()
}

// unknownLayoutDialog sets the header found beside the layouts expected,
// one per line, in words rather than as a wrapped line of terminal text.
func (mw *MainWindow) unknownLayoutDialog(e *importer.UnknownLayoutError, err error) dialog.Dialog {
	para := func(s string, style fyne.TextStyle) *widget.Label {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, style)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	found := make([]string, 0, len(e.Header))
	for _, h := range e.Header[:min(len(e.Header), 40)] {
		h, _ = capText(stripBidi(h), 60)
		found = append(found, h)
	}
	if len(e.Header) > 40 {
		found = append(found, fmt.Sprintf("… and %d more", len(e.Header)-40))
	}
	file := "This file"
	var ie *importer.Error
	if errors.As(err, &ie) {
		file = ie.File
	}
	objs := []fyne.CanvasObject{
		para(file+" was not imported.", fyne.TextStyle{Bold: true}),
		para("Its first row names columns that match none of the layouts ISK Brief reads. Export the file again in one of these layouts, or rename its columns.", fyne.TextStyle{}),
		para("Columns found", fyne.TextStyle{Bold: true}),
		para(strings.Join(found, ", "), fyne.TextStyle{Monospace: true}),
	}
	if e.Resembles != "" {
		objs = append(objs, para(fmt.Sprintf("It looks most like %s, which also needs: %s.", e.Resembles, strings.Join(e.Lacks, ", ")), fyne.TextStyle{Bold: true}))
	}
	objs = append(objs, para("Layouts ISK Brief reads", fyne.TextStyle{Bold: true}))
	form := container.New(layout.NewFormLayout())
	for _, l := range importer.Layouts {
		name, cols, _ := strings.Cut(importer.LayoutHint(l), ": ")
		v := para(name+"\n"+strings.ReplaceAll(cols, ",", ", "), fyne.TextStyle{})
		form.Add(widget.NewLabelWithStyle(string(l), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		form.Add(v)
	}
	objs = append(objs, form)
	body := container.NewVScroll(container.NewVBox(objs...))
	d := dialog.NewCustom("This file's layout is not one ISK Brief reads", "Close", body, mw)
	size := mw.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width*0.92), min(620, size.Height*0.9)))
	return d
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
