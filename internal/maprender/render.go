package maprender

import (
	"image"
	"image/color"
	"image/draw"
	"sync"

	"iskbrief/internal/basemap"
)

// LegendEntry is one colour in the legend.
type LegendEntry struct {
	Label string
	Color color.RGBA
}

// Options are everything a frame shows besides the basemap.
type Options struct {
	Style       Style
	Markers     []Marker
	Colors      []color.RGBA  // marker colour per category
	Legend      []LegendEntry // category legend; empty hides the legend
	LegendTitle string
	Selected    MarkerIndex // marker to highlight, NoMarker for none
	Attribution string      // bottom line: map data and dataset version
	Title       string      // optional title drawn top-left (exports)
	Overlays    bool        // draw legend, scale bar and attribution
	// Reserve, if set, is asked once markers and overlays are laid out
	// (f's Legend, Title and ScaleTop are known) for boxes the caller will
	// draw over the frame afterwards (an inset map): labels keep out of them.
	Reserve func(f *Frame) []image.Rectangle
}

// Renderer draws frames and caches the basemap of the last view, so a frame
// whose view did not change only redraws the markers, and a pan reuses the
// cached pixels that are still in view.
type Renderer struct {
	Base *basemap.Basemap
	// OneShot renders a single frame (an export, a slide): the basemap is
	// drawn for the view only, without the pan margin a window keeps.
	OneShot bool

	mu    sync.Mutex
	cache *image.RGBA
	key   cacheKey
}

// cacheKey identifies a cached basemap: the same zoom, size, scale and style,
// at a centre that the cached image covers.
type cacheKey struct {
	zoom, scale float64
	w, h        int
	style       string
	vp          Viewport
}

// cacheMargin is how far beyond the view the basemap is drawn, as a fraction
// of the view's size, so short pans need no redraw.
const cacheMargin = 0.5

// NewRenderer returns a renderer over a basemap (nil draws only sea).
func NewRenderer(bm *basemap.Basemap) *Renderer { return &Renderer{Base: bm} }

// RenderOnce draws one frame with a fresh one-shot renderer: for exports and
// slides, which never pan.
func RenderOnce(bm *basemap.Basemap, vp Viewport, o Options) (*image.RGBA, *Frame) {
	r := &Renderer{Base: bm, OneShot: true}
	return r.Render(vp, o)
}

// drawBaseBanded draws the basemap in bands at once (see inBands).
func drawBaseBanded(img *image.RGBA, bm *basemap.Basemap, vp Viewport, st Style) {
	inBands(img, func(band *image.RGBA) { drawBase(band, bm, vp, st) })
}

// inBands runs fn on the top and bottom halves of img at once, one per
// core (the machine has at least two). Every drawing routine clips to its
// image's bounds, and a SubImage keeps absolute coordinates, so the result
// equals one pass over the whole image.
func inBands(img *image.RGBA, fn func(band *image.RGBA)) {
	mid := img.Rect.Min.Y + img.Rect.Dy()/2
	var wg sync.WaitGroup
	for _, band := range []image.Rectangle{
		image.Rect(img.Rect.Min.X, img.Rect.Min.Y, img.Rect.Max.X, mid),
		image.Rect(img.Rect.Min.X, mid, img.Rect.Max.X, img.Rect.Max.Y),
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(img.SubImage(band).(*image.RGBA))
		}()
	}
	wg.Wait()
}

// Render draws a full frame into a new image and returns it with its layout.
func (r *Renderer) Render(vp Viewport, o Options) (*image.RGBA, *Frame) {
	dst := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	f := r.RenderInto(dst, vp, o)
	return dst, f
}

// RenderInto draws a frame into dst, which must be vp.W×vp.H.
func (r *Renderer) RenderInto(dst *image.RGBA, vp Viewport, o Options) *Frame {
	r.drawBaseCached(dst, vp, o.Style)
	f := LayoutSelected(vp, o.Markers, o.Selected)
	var boxes overlayBoxes
	if o.Overlays {
		boxes = layoutOverlays(vp, o, f)
	}
	keepOut := boxes.all()
	if o.Reserve != nil {
		keepOut = append(keepOut, o.Reserve(f)...)
	}
	names := drawBaseLabels(dst, r.Base, vp, o.Style, keepOut, clusterBoxes(f))
	inBands(dst, func(band *image.RGBA) { drawItems(band, f, o.Markers, o.Colors, o.Style, o.Selected) })
	drawCountryLabelsOver(dst, names)
	if o.Overlays {
		drawOverlays(dst, vp, o, boxes)
	}
	return f
}

// drawBaseCached copies the basemap for vp from the cache, redrawing the
// cache (with a margin around the view) when the view left it.
func (r *Renderer) drawBaseCached(dst *image.RGBA, vp Viewport, st Style) {
	r.mu.Lock()
	defer r.mu.Unlock()
	mx, my := int(float64(vp.W)*cacheMargin), int(float64(vp.H)*cacheMargin)
	if r.OneShot {
		mx, my = 0, 0
	}
	k := r.key
	if r.cache != nil && k.zoom == vp.Zoom && k.scale == vp.Scale && k.w == vp.W && k.h == vp.H && k.style == st.Name {
		// Where does the view's top-left fall inside the cached image?
		cx, cy := k.vp.ToPixel(vp.ToWorld(0, 0))
		ox, oy := int(cx+0.5), int(cy+0.5)
		if ox >= 0 && oy >= 0 && ox+vp.W <= k.vp.W && oy+vp.H <= k.vp.H {
			draw.Draw(dst, dst.Bounds(), r.cache, image.Pt(ox, oy), draw.Src)
			return
		}
	}
	big := vp
	big.W, big.H = vp.W+2*mx, vp.H+2*my
	img := image.NewRGBA(image.Rect(0, 0, big.W, big.H))
	drawBaseBanded(img, r.Base, big, st)
	r.cache = img
	r.key = cacheKey{zoom: vp.Zoom, scale: vp.Scale, w: vp.W, h: vp.H, style: st.Name, vp: big}
	draw.Draw(dst, dst.Bounds(), img, image.Pt(mx, my), draw.Src)
}
