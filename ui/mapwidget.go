package ui

import (
	"image"
	"math"
	"sync"

	"github.com/paulmach/orb"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/basemap"
	"iskbrief/internal/brief"
	"iskbrief/internal/events"
	"iskbrief/internal/maprender"
)

// MapHit is what lies under the cursor: a frame item and the record it
// draws (a cluster's largest member), read back through the selection that
// the frame was drawn from, never through a newer one.
type MapHit struct {
	Item   maprender.Item
	Record events.RecordIndex
}

// MapWidget shows the map and turns mouse and keyboard input into view
// changes and selections. Frames are rendered on a worker goroutine; the
// raster always shows the newest finished frame, so input never waits for
// drawing.
type MapWidget struct {
	widget.BaseWidget

	renderer *maprender.Renderer
	raster   *canvas.Raster

	// OnTap is called with what lies under a click, or nil for empty map.
	// OnHover reports what lies under the mouse (nil when nothing) and its
	// position in Fyne units.
	OnTap   func(h *MapHit)
	OnHover func(h *MapHit, at fyne.Position)
	// OnFrame is called (on the UI thread) after each frame is shown, with
	// the selection it was drawn from.
	OnFrame func(f *maprender.Frame, sel brief.Selection)
	// OnOtherKey receives keys the map does not use (F1, F5…) while it has
	// the keyboard focus, so window shortcuts keep working.
	OnOtherKey func(*fyne.KeyEvent)

	mu       sync.Mutex
	vp       maprender.Viewport
	sized    bool
	opts     maprender.Options
	sel      brief.Selection // the selection opts was built from
	pxPerDU  float64         // device pixels per Fyne unit
	img      *image.RGBA
	frame    *maprender.Frame
	frameSel brief.Selection // the selection frame was drawn from
	gen      uint64          // bumped on every change that needs a new frame
	drawnGen uint64
	wake     chan struct{}
	home     orb.Bound                                        // what Reset view frames: the selected events
	home0    func(w, h int, scale float64) maprender.Viewport // first view, if not home (restored from last session)
	moved    bool                                             // the view left home (pan, zoom): a resize keeps it
}

var (
	_ fyne.Draggable      = (*MapWidget)(nil)
	_ fyne.Scrollable     = (*MapWidget)(nil)
	_ fyne.Tappable       = (*MapWidget)(nil)
	_ fyne.DoubleTappable = (*MapWidget)(nil)
	_ fyne.Focusable      = (*MapWidget)(nil)
	_ desktop.Hoverable   = (*MapWidget)(nil)
)

// NewMapWidget returns a map over renderer r; home is the projected area
// the first view and Reset view frame.
func NewMapWidget(r *maprender.Renderer, home orb.Bound) *MapWidget {
	m := &MapWidget{renderer: r, home: home, wake: make(chan struct{}, 1), pxPerDU: 1}
	m.raster = canvas.NewRaster(m.generate)
	m.ExtendBaseWidget(m)
	go m.work()
	return m
}

// CreateRenderer implements fyne.Widget.
func (m *MapWidget) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.raster)
}

// generate is the raster's callback, on the render thread, with the size in
// device pixels. It never renders: it returns the newest frame and asks the
// worker for a new one when the size changed.
func (m *MapWidget) generate(w, h int) image.Image {
	m.mu.Lock()
	defer m.mu.Unlock()
	if sz := m.Size(); sz.Width > 0 {
		m.pxPerDU = float64(w) / float64(sz.Width)
	}
	if !m.sized || m.vp.W != w || m.vp.H != h {
		if !m.sized {
			m.vp = maprender.FitBound(m.home, w, h, m.pxPerDU)
			if m.home0 != nil {
				m.vp = m.home0(w, h, m.pxPerDU)
			}
			m.sized = true
		} else if !m.moved && m.home0 == nil {
			// Still the home view: frame the events again at the new
			// size (the window was fitted to the screen, panels toggled).
			m.vp = maprender.FitBound(m.home, w, h, m.pxPerDU)
		} else {
			m.vp.W, m.vp.H, m.vp.Scale = w, h, m.pxPerDU
			m.vp = m.vp.Clamped()
		}
		m.requestLocked()
	}
	if m.img == nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	return m.img
}

func (m *MapWidget) requestLocked() {
	m.gen++
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// work renders frames until the program ends, always for the latest state.
func (m *MapWidget) work() {
	for range m.wake {
		m.mu.Lock()
		vp, opts, sel, gen := m.vp, m.opts, m.sel, m.gen
		m.mu.Unlock()
		if vp.W <= 0 || vp.H <= 0 {
			continue
		}
		img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
		frame := m.renderer.RenderInto(img, vp, opts)
		m.mu.Lock()
		if gen >= m.drawnGen {
			m.img, m.frame, m.frameSel, m.drawnGen = img, frame, sel, gen
		}
		m.mu.Unlock()
		fyne.Do(func() {
			m.raster.Refresh()
			if m.OnFrame != nil {
				m.OnFrame(frame, sel)
			}
		})
	}
}

// SetView replaces what the map draws (markers, style, selection…): the
// options and the selection they were built from, which travel together
// to the frame so a click always reads the frame it hit.
func (m *MapWidget) SetView(o maprender.Options, sel brief.Selection) {
	m.mu.Lock()
	m.opts, m.sel = o, sel
	m.requestLocked()
	m.mu.Unlock()
}

// Viewport returns the current view.
func (m *MapWidget) Viewport() maprender.Viewport {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.vp
}

func (m *MapWidget) change(fn func(maprender.Viewport) maprender.Viewport) {
	m.mu.Lock()
	if m.sized {
		m.vp = fn(m.vp)
		m.moved = true
		m.requestLocked()
	}
	m.mu.Unlock()
}

// ResetView returns to the home view.
func (m *MapWidget) ResetView() {
	m.change(func(v maprender.Viewport) maprender.Viewport { return maprender.FitBound(m.home, v.W, v.H, v.Scale) })
	m.mu.Lock()
	m.moved, m.home0 = false, nil
	m.mu.Unlock()
}

// SetHome sets the area Reset view frames (the selected events).
func (m *MapWidget) SetHome(area orb.Bound) {
	m.mu.Lock()
	m.home = area
	m.mu.Unlock()
}

// ZoomBy zooms about the centre of the view.
func (m *MapWidget) ZoomBy(f float64) {
	m.change(func(v maprender.Viewport) maprender.Viewport {
		return v.ZoomAbout(float64(v.W)/2, float64(v.H)/2, f)
	})
}

// ZoomTo centres the view on a projected bound.
func (m *MapWidget) ZoomTo(fit func(w, h int, scale float64) maprender.Viewport) {
	m.change(func(v maprender.Viewport) maprender.Viewport { return fit(v.W, v.H, v.Scale) })
}

// CenterOn pans to a record if it is outside the middle of the view.
func (m *MapWidget) CenterOn(r events.Record) {
	p := basemap.Project(float64(r.Lon), float64(r.Lat))
	m.change(func(v maprender.Viewport) maprender.Viewport {
		x, y := v.ToPixel(p)
		if x > float64(v.W)*0.15 && x < float64(v.W)*0.85 && y > float64(v.H)*0.15 && y < float64(v.H)*0.85 {
			return v
		}
		v.Center = p
		return v.Clamped()
	})
}

// toDevice converts a position in Fyne units to device pixels.
func (m *MapWidget) toDevice(p fyne.Position) (float64, float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return float64(p.X) * m.pxPerDU, float64(p.Y) * m.pxPerDU
}

// Dragged pans the map.
func (m *MapWidget) Dragged(e *fyne.DragEvent) {
	dx, dy := m.toDevice(fyne.NewPos(e.Dragged.DX, e.Dragged.DY))
	m.change(func(v maprender.Viewport) maprender.Viewport { return v.Pan(dx, dy) })
}

// DragEnd implements fyne.Draggable.
func (m *MapWidget) DragEnd() {}

// Scrolled zooms about the cursor.
func (m *MapWidget) Scrolled(e *fyne.ScrollEvent) {
	x, y := m.toDevice(e.Position)
	f := math.Pow(1.0045, float64(e.Scrolled.DY)) // about 15% per wheel notch
	m.change(func(v maprender.Viewport) maprender.Viewport { return v.ZoomAbout(x, y, f) })
}

// hitAt returns what lies under a position in Fyne units, in the frame on
// screen.
func (m *MapWidget) hitAt(p fyne.Position) *MapHit {
	x, y := m.toDevice(p)
	m.mu.Lock()
	f, sel := m.frame, m.frameSel
	m.mu.Unlock()
	if i := f.HitTest(x, y); i >= 0 {
		it := f.Items[i]
		return &MapHit{Item: it, Record: sel.Record(it.Index)}
	}
	return nil
}

// Tapped selects the marker under the cursor, zooms into a cluster, or
// clears the selection on empty map.
func (m *MapWidget) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
	h := m.hitAt(e.Position)
	if h != nil && h.Item.Count > 1 {
		it := h.Item
		m.change(func(v maprender.Viewport) maprender.Viewport {
			// Centre on the cluster and zoom until its members separate.
			v = v.Pan(float64(v.W)/2-float64(it.X), float64(v.H)/2-float64(it.Y))
			return v.ZoomAbout(float64(v.W)/2, float64(v.H)/2, 3)
		})
		if m.OnHover != nil {
			m.OnHover(nil, fyne.Position{}) // the cluster's tooltip would describe what is no longer there
		}
		return
	}
	if m.OnTap != nil {
		m.OnTap(h)
	}
}

// DoubleTapped zooms in about the cursor.
func (m *MapWidget) DoubleTapped(e *fyne.PointEvent) {
	x, y := m.toDevice(e.Position)
	m.change(func(v maprender.Viewport) maprender.Viewport { return v.ZoomAbout(x, y, 2) })
}

// MouseIn implements desktop.Hoverable.
func (m *MapWidget) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved reports the item under the mouse.
func (m *MapWidget) MouseMoved(e *desktop.MouseEvent) {
	if m.OnHover != nil {
		m.OnHover(m.hitAt(e.Position), e.Position)
	}
}

// MouseOut implements desktop.Hoverable.
func (m *MapWidget) MouseOut() {
	if m.OnHover != nil {
		m.OnHover(nil, fyne.Position{})
	}
}

// FocusGained implements fyne.Focusable.
func (m *MapWidget) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (m *MapWidget) FocusLost() {}

// TypedRune zooms with + and -.
func (m *MapWidget) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.ZoomBy(1.5)
	case '-', '_':
		m.ZoomBy(1 / 1.5)
	case '0':
		m.ResetView()
	}
}

// TypedKey pans with the arrow keys.
func (m *MapWidget) TypedKey(e *fyne.KeyEvent) {
	step := 0.0
	m.mu.Lock()
	step = float64(min(m.vp.W, m.vp.H)) / 6
	m.mu.Unlock()
	switch e.Name {
	case fyne.KeyLeft:
		m.change(func(v maprender.Viewport) maprender.Viewport { return v.Pan(step, 0) })
	case fyne.KeyRight:
		m.change(func(v maprender.Viewport) maprender.Viewport { return v.Pan(-step, 0) })
	case fyne.KeyUp:
		m.change(func(v maprender.Viewport) maprender.Viewport { return v.Pan(0, step) })
	case fyne.KeyDown:
		m.change(func(v maprender.Viewport) maprender.Viewport { return v.Pan(0, -step) })
	case fyne.KeyPlus, fyne.KeyEqual:
		m.ZoomBy(1.5)
	case fyne.KeyMinus:
		m.ZoomBy(1 / 1.5)
	default:
		if m.OnOtherKey != nil {
			m.OnOtherKey(e)
		}
	}
}
