package ui

import (
	"errors"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/basemap"
	"iskbrief/internal/brief"
	"iskbrief/internal/cli"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/version"
	"iskbrief/internal/workspace"
)

const isolated = "rus-2024-06-23-dagestan-derbent-makhachkala" // an isolated marker at the home view

func newTestWindow(t *testing.T) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, m, Options{Style: "light"})
	mw.Resize(fyne.NewSize(1200, 800))
	mw.Show()
	waitFrame(t, mw.mapw)
	return mw
}

// waitFrame makes the canvas paint (which sizes the raster) and waits until
// the worker has drawn the newest state.
func waitFrame(t *testing.T, m *MapWidget) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
			c.Capture()
		}
		m.mu.Lock()
		done := m.sized && m.frame != nil && m.drawnGen == m.gen
		m.mu.Unlock()
		if done {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no frame drawn")
}

// itemPos returns the Fyne position of the frame item holding an event.
func itemPos(t *testing.T, mw *MainWindow, id string) (fyne.Position, maprender.Item) {
	t.Helper()
	mw.mapw.mu.Lock()
	f, sel, px := mw.mapw.frame, mw.mapw.frameSel, mw.mapw.pxPerDU
	mw.mapw.mu.Unlock()
	for _, it := range f.Items {
		if it.Count != 1 {
			continue
		}
		if e := mw.model.Event(sel.Record(it.Index)); e != nil && e.ID == id {
			return fyne.NewPos(float32(float64(it.X)/px), float32(float64(it.Y)/px)), it
		}
	}
	t.Fatalf("event %s is not a single marker in the frame", id)
	return fyne.Position{}, maprender.Item{}
}

func panelText(mw *MainWindow) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString("[link] " + w.Text + " " + w.URL.String() + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(mw.details.box)
	return b.String()
}

func TestClickMarkerShowsEventAndSources(t *testing.T) {
	mw := newTestWindow(t)
	pos, _ := itemPos(t, mw, isolated)
	mw.mapw.Tapped(&fyne.PointEvent{Position: pos})
	if mw.view.Selected < 0 || mw.model.Event(mw.view.Selected).ID != isolated {
		t.Fatalf("selected %d, want %s", mw.view.Selected, isolated)
	}
	text := panelText(mw)
	for _, want := range []string{"Dagestan", "Killed", "Sources (", "[link] ", "https://"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail panel lacks %q:\n%s", want, text)
		}
	}
	// A click on empty map clears the selection.
	mw.mapw.Tapped(&fyne.PointEvent{Position: fyne.NewPos(5, 5)})
	if mw.view.Selected != -1 || !strings.Contains(panelText(mw), "Click a marker") {
		t.Errorf("empty click did not clear: selected %d", mw.view.Selected)
	}
}

func TestScrollZoomsAboutTheCursor(t *testing.T) {
	mw := newTestWindow(t)
	before := mw.mapw.Viewport()
	at := fyne.NewPos(300, 200)
	x, y := mw.mapw.toDevice(at)
	anchor := before.ToWorld(x, y)
	mw.mapw.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: 120}})
	after := mw.mapw.Viewport()
	if after.Zoom <= before.Zoom {
		t.Fatalf("zoom %v → %v, want larger", before.Zoom, after.Zoom)
	}
	if p := after.ToWorld(x, y); math.Hypot(p[0]-anchor[0], p[1]-anchor[1])*after.Zoom > 0.5 {
		t.Errorf("the point under the cursor moved by %.2f px", math.Hypot(p[0]-anchor[0], p[1]-anchor[1])*after.Zoom)
	}
}

func TestDragPansAndKeysZoom(t *testing.T) {
	mw := newTestWindow(t)
	mw.mapw.ZoomBy(3) // room to pan
	before := mw.mapw.Viewport()
	mw.mapw.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 50, DY: 0}})
	after := mw.mapw.Viewport()
	if dx := (before.Center[0] - after.Center[0]) * after.Zoom; math.Abs(dx-50*mw.mapw.pxPerDU) > 0.5 {
		t.Errorf("drag of 50 units moved the centre by %.1f px", dx)
	}
	z := after.Zoom
	mw.mapw.TypedRune('+')
	if mw.mapw.Viewport().Zoom <= z {
		t.Error("+ did not zoom in")
	}
	mw.mapw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	mw.mapw.ResetView()
	if home := mw.mapw.Viewport(); math.Abs(home.Zoom-before.Zoom/3) > 1e-6*home.Zoom {
		t.Errorf("reset zoom %v, want home %v", home.Zoom, before.Zoom/3)
	}
}

func TestClickClusterZoomsIn(t *testing.T) {
	mw := newTestWindow(t)
	kabul := basemap.Project(69.17, 34.53)
	vp := mw.mapw.Viewport()
	x, y := vp.ToPixel(kabul)
	mw.mapw.mu.Lock()
	f, px := mw.mapw.frame, mw.mapw.pxPerDU
	mw.mapw.mu.Unlock()
	i := f.HitTest(x, y)
	if i < 0 || f.Items[i].Count < 2 {
		t.Fatalf("no cluster over Kabul at the home view (item %d)", i)
	}
	it := f.Items[i]
	mw.mapw.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(float64(it.X)/px), float32(float64(it.Y)/px))})
	if z := mw.mapw.Viewport().Zoom; z <= vp.Zoom*2 {
		t.Errorf("cluster click: zoom %v → %v, want at least double", vp.Zoom, z)
	}
	if mw.view.Selected != -1 {
		t.Error("a cluster click must not select an event")
	}
}

func TestSafeURL(t *testing.T) {
	for s, ok := range map[string]bool{
		"https://www.reuters.com/x": true, "http://example.org/a?b": true,
		"file:///etc/passwd": false, "javascript:alert(1)": false, "//host/x": false, "": false, "ftp://x/y": false,
	} {
		if _, got := SafeURL(s); got != ok {
			t.Errorf("SafeURL(%q) = %v, want %v", s, got, ok)
		}
	}
}

// A damaged workspace is reported, left untouched, and the window still
// opens on the embedded data with a temporary workspace.
func TestCorruptWorkspaceStillOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	junk := []byte("not a database at all, but the user's file all the same")
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := openStore(path)
	if err == nil || !errors.Is(err, workspace.ErrCorrupt) {
		t.Fatalf("openStore: %v, want ErrCorrupt", err)
	}
	a := test.NewTempApp(t)
	m, _ := brief.Load()
	mw := NewMainWindow(a, m, Options{Store: store, StoreErr: err})
	mw.Resize(fyne.NewSize(1000, 700))
	mw.Show()
	waitFrame(t, mw.mapw)
	if len(mw.sel.Index) != len(m.Data.Events) {
		t.Errorf("%d events shown, want the embedded %d", len(mw.sel.Index), len(m.Data.Events))
	}
	if b, _ := os.ReadFile(path); string(b) != string(junk) {
		t.Error("the damaged workspace was modified")
	}
	// Slides still work for the session, in memory.
	if err := mw.slides.AddSlide("Temporary", ""); err != nil {
		t.Fatal(err)
	}
}

// Window size, map extent and theme come back on the next start.
func TestPreferencesAreRestored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	store, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	m, _ := brief.Load()
	mw := NewMainWindow(a, m, Options{Store: store, Style: "dark"})
	mw.Resize(fyne.NewSize(1100, 720))
	mw.Show()
	waitFrame(t, mw.mapw)
	mw.mapw.ZoomBy(4)
	waitFrame(t, mw.mapw)
	want := viewBox(mw.mapw.Viewport())
	mw.savePrefs()
	store.Close()

	store2, _ := workspace.Open(path)
	defer store2.Close()
	mw2 := NewMainWindow(test.NewTempApp(t), m, Options{Store: store2})
	if sz := mw2.savedSize(); sz.Width < 1000 || sz.Height < 700 {
		t.Errorf("restored size %v", sz)
	}
	if mw2.view.Style.Name != "dark" {
		t.Errorf("theme %q, want dark", mw2.view.Style.Name)
	}
	mw2.Resize(fyne.NewSize(1100, 720))
	mw2.Show()
	waitFrame(t, mw2.mapw)
	got := viewBox(mw2.mapw.Viewport())
	// Same centre and zoom within a pixel or two.
	if math.Abs((got[0]+got[2])-(want[0]+want[2])) > 0.2 || math.Abs((got[2]-got[0])-(want[2]-want[0])) > 0.2 {
		t.Errorf("restored view %v, want %v", got, want)
	}
}

// The window's Export map and `iskbrief export map` of the same view and
// filter draw the same pixels: both go through brief.RenderMap.
func TestWindowExportMatchesCommandLine(t *testing.T) {
	mw := newTestWindow(t)
	mw.filters.SetFilter(filter.Filter{Countries: []string{"AFG", "PAK"}})
	mw.refreshMap()
	waitFrame(t, mw.mapw)
	m, sel, pic := mw.mapExport(960, 540)
	got := m.RenderMap(sel, pic)

	b := pic.Area
	w, n := basemap.Unproject(b.Min)
	e, s := basemap.Unproject(b.Max)
	box := strings.Join([]string{ftoa(w), ftoa(s), ftoa(e), ftoa(n)}, ",")
	out := filepath.Join(t.TempDir(), "cli.png")
	var stdout, stderr strings.Builder
	if code := cli.Run([]string{"export", "map", "--out", out, "--width", "960", "--height", "540", "--bbox", box, "--country", "AFG,PAK"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export map: %d %s", code, stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	diff := 0
	for y := range 540 {
		for x := range 960 {
			if got.At(x, y) != color.RGBAModel.Convert(want.At(x, y)) {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("window export and command line differ in %d of %d pixels", diff, 960*540)
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// A click reads the frame on screen through the selection that frame was
// drawn from, even when a newer selection is already waiting to be drawn
// (as while Play runs).
func TestClickReadsTheFramesOwnSelection(t *testing.T) {
	mw := newTestWindow(t)
	const id = isolated
	pos, _ := itemPos(t, mw, id)
	// A new selection arrives (nothing in Russia) but its frame is not
	// drawn yet: hold the worker off by setting the pending view directly.
	newer := mw.model.Select(filter.Filter{Countries: []string{"AFG"}}, mw.view.ColorBy)
	mw.mapw.mu.Lock()
	mw.mapw.opts, mw.mapw.sel = mw.model.Options(mw.view, newer), newer
	mw.mapw.mu.Unlock()
	h := mw.mapw.hitAt(pos)
	if h == nil {
		t.Fatal("nothing under the Kerman marker")
	}
	if d, ok := mw.model.Describe(h.Record); !ok || d.ID != id {
		t.Fatalf("the click opened %q, want %s", d.ID, id)
	}
}

func TestAboutCreditsEveryFont(t *testing.T) {
	mw := newTestWindow(t)
	text := mw.aboutText()
	for _, want := range []string{"Go fonts", "Roboto", version.Line()} {
		if !strings.Contains(text, want) {
			t.Errorf("About box lacks %q", want)
		}
	}
}

// The detail panel leads with the settled toll, keeps the early counts
// beside it, draws the toll history and lists sources in reporting order.
func TestDetailsShowSettledTollAndHistory(t *testing.T) {
	mw := newTestWindow(t)
	r := mw.model.RecordOfEvent("rus-2024-03-22-crocus-city-hall")
	mw.selectAndShow(r, true)
	text := panelText(mw)
	for _, want := range []string{"145–149 as settled (the settled sources differ; median 149) · early counts", "Toll history", "Early count:", "in the order they reported"} {
		if !strings.Contains(text, want) {
			t.Errorf("Crocus details lack %q:\n%s", want, text)
		}
	}
	// Kerman's settled sources disagree (84 and 95): a range, said so.
	mw.selectAndShow(mw.model.RecordOfEvent("irn-2024-01-03-kerman-soleimani-memorial"), true)
	if text := panelText(mw); !strings.Contains(text, "settled sources differ") {
		t.Errorf("Kerman details must show the settled range:\n%s", text)
	}
}

// Ctrl+B hides the side panels and the map takes the room; the choice is
// remembered for the next start.
func TestPanelsCollapseAndAreRemembered(t *testing.T) {
	mw := newTestWindow(t)
	before := mw.mapw.Size().Width
	mw.togglePanels()
	mw.Content().Refresh()
	if w := mw.mapw.Size().Width; w <= before*1.2 {
		t.Errorf("map %v wide with the panels hidden, %v with them: want it much wider", w, before)
	}
	if v, _ := mw.store.Pref("panels"); v != "hidden" {
		t.Errorf("pref panels = %q, want hidden", v)
	}
	mw.togglePanels()
	if v, _ := mw.store.Pref("panels"); v != "shown" || !mw.side.Visible() {
		t.Errorf("panels not shown again (pref %q)", v)
	}
}
