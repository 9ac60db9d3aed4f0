package ui

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/basemap"
	"iskbrief/internal/brief"
	"iskbrief/internal/maprender"
)

const kerman = "irn-2024-01-03-kerman-soleimani-memorial"

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
	f, px := mw.mapw.frame, mw.mapw.pxPerDU
	mw.mapw.mu.Unlock()
	for _, it := range f.Items {
		if it.Count != 1 {
			continue
		}
		if e := mw.model.Event(mw.record(&it)); e != nil && e.ID == id {
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
	pos, _ := itemPos(t, mw, kerman)
	mw.mapw.Tapped(&fyne.PointEvent{Position: pos})
	if mw.view.Selected < 0 || mw.model.Event(mw.view.Selected).ID != kerman {
		t.Fatalf("selected %d, want %s", mw.view.Selected, kerman)
	}
	text := panelText(mw)
	for _, want := range []string{"Kerman", "Killed", "sources differ", "Sources (", "[link] ", "https://"} {
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
