package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"iskbrief/internal/brief"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// A layer imported by another process (here: a second connection, as
// `iskbrief import` opens) shows in the open window without a restart, and
// goes when that process removes it.
func TestWindowPicksUpLayersStoredElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	store, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	m, _ := brief.Load()
	mw := NewMainWindow(a, m, Options{Store: store})
	mw.synced = make(chan struct{}, 8)
	mw.Resize(fyne.NewSize(1000, 700))
	mw.Show()
	waitFrame(t, mw.mapw)

	other, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	evs := []importer.Event{{ID: "x1", Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Lat: 34.5, Lon: 69.2, Killed: 3, KilledLow: -1, KilledHigh: -1, Wounded: -1}}
	blob, err := importer.EncodeEvents(evs)
	if err != nil {
		t.Fatal(err)
	}
	id, err := other.AddLayer(workspace.Layer{Name: "ACLED elsewhere", Layout: "acled", Events: 1, Visible: true}, blob)
	if err != nil {
		t.Fatal(err)
	}
	waitSync(t, mw)
	if len(mw.model.Layers) != 1 || mw.model.Layers[0].Meta.Name != "ACLED elsewhere" {
		t.Fatalf("layers after the import elsewhere: %d", len(mw.model.Layers))
	}
	if err := other.RemoveLayer(id); err != nil {
		t.Fatal(err)
	}
	waitSync(t, mw)
	if len(mw.model.Layers) != 0 {
		t.Fatalf("%d layers after the removal elsewhere", len(mw.model.Layers))
	}
}

// waitSync waits until the window has taken in a change to its workspace.
func waitSync(t *testing.T, mw *MainWindow) {
	t.Helper()
	select {
	case <-mw.synced:
	case <-time.After(10 * time.Second):
		t.Fatal("the window did not notice the workspace change")
	}
}

// Save workspace as… copies the session's work to a file and moves the
// window there: what is added afterwards is saved in the new file.
func TestSaveWorkspaceAsMovesTheWindowToTheCopy(t *testing.T) {
	mw := newTestWindow(t) // a temporary, in-memory workspace
	if err := mw.slides.AddSlide("before", ""); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "saved.db")
	if err := mw.switchWorkspace(path); err != nil {
		t.Fatal(err)
	}
	if err := mw.slides.AddSlide("after", ""); err != nil {
		t.Fatal(err)
	}
	s, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bs, _ := s.Briefings()
	var titles []string
	for _, b := range bs {
		sl, _ := s.Slides(b.ID)
		for _, x := range sl {
			titles = append(titles, x.Title)
		}
	}
	if !slices.Contains(titles, "before") || !slices.Contains(titles, "after") {
		t.Errorf("slides in the saved workspace: %v", titles)
	}
}
