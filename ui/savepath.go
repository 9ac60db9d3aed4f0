package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/workspace"
)

// exportDirPref remembers the folder of the last export.
const exportDirPref = "exportDir"

// exportDir is the folder exports are offered in: the last one used, else
// the home folder.
func (mw *MainWindow) exportDir() string {
	if d, ok := mw.store.Pref(exportDirPref); ok {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

// resolvePath reads a typed path: "~/" is the home folder, and a bare name
// or relative path is taken inside dir.
func resolvePath(typed, dir string) string {
	p := strings.TrimSpace(typed)
	if p == "~" || strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(h, strings.TrimPrefix(p[1:], "/"))
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p)
}

// checkSavePath says what is wrong with saving a file (or, with folder set,
// a folder) at path, in words.
func checkSavePath(path string, folder bool) error {
	parent := filepath.Dir(path)
	st, err := os.Stat(parent)
	switch {
	case err != nil:
		return fmt.Errorf("the folder %s does not exist", parent)
	case !st.IsDir():
		return fmt.Errorf("%s is a file, not a folder", parent)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() != folder {
		if folder {
			return fmt.Errorf("%s is a file; choose a folder name", path)
		}
		return fmt.Errorf("%s is a folder; type a file name", path)
	}
	return nil
}

// askSavePath asks where to save what: a path the user can type in full
// (absolute, "~/…", or a name in the folder shown) or build with "Choose
// folder…". name is the suggested file (or folder) name; ext, when set, is
// added to a typed name that lacks it. An existing file is replaced only
// after the user confirms. Nothing is created until save is called.
func (mw *MainWindow) askSavePath(what, name, ext string, folder bool, save func(path string)) {
	dir := mw.exportDir()
	entry := widget.NewEntry()
	entry.SetText(filepath.Join(dir, name))
	hint := widget.NewLabel("Type a full path, or a name to save in the folder shown.")
	hint.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	var d dialog.Dialog
	choose := widget.NewButton("Choose folder…", func() {
		open := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
			if err != nil || lu == nil {
				return
			}
			base := filepath.Base(resolvePath(entry.Text, dir))
			entry.SetText(filepath.Join(lu.Path(), base))
		}, mw)
		open.SetConfirmText("Use this folder")
		open.Show()
	})
	submit := func() {
		path := resolvePath(entry.Text, dir)
		if ext != "" && !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		if err := checkSavePath(path, folder); err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		finish := func() {
			d.Hide()
			mw.store.SetPref(exportDirPref, filepath.Dir(path))
			save(path)
		}
		if _, err := os.Stat(path); err == nil && !folder {
			dialog.ShowConfirm("Replace file?", fmt.Sprintf("%s already exists. Replace it?", path), func(ok bool) {
				if ok {
					finish()
				}
			}, mw)
			return
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		finish()
	}
	entry.OnSubmitted = func(string) { submit() }
	body := container.NewVBox(container.NewBorder(nil, nil, nil, choose, entry), hint, problem)
	// Save checks the path before the dialog closes (a confirm dialog
	// would close first), so the buttons are our own.
	saveBtn := widget.NewButton("Save", submit)
	saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide(); mw.status.SetText("Export cancelled") })
	d = dialog.NewCustomWithoutButtons(what, container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, saveBtn), nil, nil, body), mw)
	d.Resize(fyne.NewSize(max(560, mw.Canvas().Size().Width*0.5), d.MinSize().Height))
	d.Show()
	mw.Canvas().Focus(entry)
}

// saveWorkspaceAs writes the whole workspace (briefings, slides, layers,
// preferences) to a file the user names and goes on working in it: the
// way out of a read-only or temporary workspace.
func (mw *MainWindow) saveWorkspaceAs() {
	mw.askSavePath("Save the workspace (briefings, slides, layers) as", "workspace.db", ".db", false, func(path string) {
		if err := mw.switchWorkspace(path); err != nil {
			dialog.ShowError(err, mw)
			return
		}
		mw.status.SetText("Workspace saved as " + path + "; the window now works in it")
	})
}

// switchWorkspace saves the workspace as path and moves the window to it.
func (mw *MainWindow) switchWorkspace(path string) error {
	if err := mw.store.SaveAs(path); err != nil {
		return err
	}
	ns, err := workspace.Open(path)
	if err != nil {
		return fmt.Errorf("saved as %s, but it does not open: %w", path, err)
	}
	old := mw.store
	mw.store, mw.slides.store = ns, ns
	old.Close() // its watcher stops with it
	mw.slides.reloadBriefings(mw.slides.briefing)
	mw.watchWorkspace()
	mw.tracef("workspace saved as %s", path)
	return nil
}
