package brief

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/paulmach/orb"

	"iskbrief/internal/events"
	"iskbrief/internal/maprender"
)

// Picture asks for one finished map image: what to draw (View), the area
// that must be in the frame, the size in pixels, and how large to draw
// text and markers.
type Picture struct {
	View  MapView
	Area  orb.Bound // projected; the frame fits it
	W, H  int
	Scale float64 // text and marker scale; 0 means ExportScale(W, H)
	// NoAttribution leaves the credits line off, for a slide whose footer
	// carries it.
	NoAttribution bool
	Inset         InsetMode
	InsetArea     orb.Bound // projected, for InsetFixed
}

// InsetMode says whether a finished map carries an inset map of the area
// where its events crowd (Kabul, Nangarhar, the Afghanistan–Pakistan
// border), as a QGIS user would add by hand in a print layout.
type InsetMode int

const (
	InsetAuto  InsetMode = iota // an inset when most events crowd into a small part of the frame
	InsetNone                   // never
	InsetFixed                  // an inset of InsetArea
)

// RenderMap draws a finished map: the window's export, the CLI's export
// map, slides and the presenter all call it, so the same view and selection
// give the same pixels everywhere.
func (m *Model) RenderMap(sel Selection, p Picture) *image.RGBA {
	o := m.Options(p.View, sel)
	if p.NoAttribution {
		o.Attribution = ""
	}
	vp, scale := p.viewport()
	area, want := p.InsetArea, p.Inset == InsetFixed
	if p.Inset == InsetAuto {
		area, want = DenseArea(inFrame(sel, vp), vp.Bound())
	}
	// The inset's corner depends on where the markers and the legend fall,
	// so it is chosen during the render, in time for the labels to keep
	// clear of it (none is cut at its edge).
	var box, target image.Rectangle
	inset := false
	if want {
		o.Reserve = func(f *maprender.Frame) []image.Rectangle {
			box, target, inset = insetBox(image.Rect(0, 0, vp.W, vp.H), vp, f, area, scale)
			if !inset {
				return nil // no corner free of the legend and the area: no inset rather than a hidden one
			}
			return []image.Rectangle{box.Inset(-insetLine(scale))}
		}
	}
	img, _ := maprender.RenderOnce(m.Base, vp, o)
	if inset {
		m.drawInset(img, box, target, sel, p.View, area, scale)
	}
	return img
}

// inFrame keeps the markers a viewport shows (their record indexes do not
// matter here: only positions count).
func inFrame(sel Selection, vp maprender.Viewport) Selection {
	b := vp.Bound()
	var out Selection
	for _, mk := range sel.Markers {
		if b.Contains(orb.Point{float64(mk.X), float64(mk.Y)}) {
			out.Markers = append(out.Markers, mk)
		}
	}
	return out
}

// viewport is the view picture p draws, and its text and marker scale.
func (p Picture) viewport() (maprender.Viewport, float64) {
	scale := p.Scale
	if scale <= 0 {
		scale = ExportScale(p.W, p.H)
	}
	return maprender.FitBound(p.Area, p.W, p.H, scale), scale
}

// Drawn is the part of sel that picture p shows: what its title counts. A
// map framed on Kabul counts Kabul's events, not the whole selection's.
func (p Picture) Drawn(sel Selection) []events.RecordIndex {
	vp, _ := p.viewport()
	b := vp.Bound()
	var out []events.RecordIndex
	for i, mk := range sel.Markers {
		if b.Contains(orb.Point{float64(mk.X), float64(mk.Y)}) {
			if r := sel.Record(maprender.MarkerIndex(i)); r >= 0 {
				out = append(out, r)
			}
		}
	}
	return out
}

var insetFrame = color.RGBA{0x20, 0x20, 0x20, 0xff}

// insetLine is the width of the inset's frame.
func insetLine(scale float64) int { return max(2, int(2*scale)) }

// insetBox chooses where the inset map of area goes: the corner of the
// image that hides the fewest events, never over the legend, the title, the
// scale bar or the area itself (target, the area's box on the main map).
func insetBox(bounds image.Rectangle, vp maprender.Viewport, f *maprender.Frame, area orb.Bound, scale float64) (best, target image.Rectangle, ok bool) {
	W, H := bounds.Dx(), bounds.Dy()
	iw := W * 36 / 100
	bw, bh := area.Max[0]-area.Min[0], area.Max[1]-area.Min[1]
	ih := min(max(int(float64(iw)*bh/bw), H*28/100), H*48/100)
	margin := int(10 * scale)
	x0, y0 := vp.ToPixel(area.Min)
	x1, y1 := vp.ToPixel(area.Max)
	target = image.Rect(int(x0), int(y0), int(x1), int(y1)).Canon()
	corners := []image.Rectangle{
		image.Rect(margin, f.TitleBottom+margin, margin+iw, f.TitleBottom+margin+ih), // top-left
		image.Rect(W-margin-iw, margin, W-margin, margin+ih),                         // top-right
		image.Rect(margin, H-margin-ih, margin+iw, H-margin),                         // bottom-left
		image.Rect(W-margin-iw, f.ScaleTop-margin-ih, W-margin, f.ScaleTop-margin),   // bottom-right, above the scale bar
	}
	bestN := -1
	for _, c := range corners {
		if c.Min.Y < 0 || c.Max.Y > H || c.Overlaps(f.Legend) || c.Overlaps(f.Title) || c.Overlaps(target) {
			continue
		}
		if n := f.Covered(c); bestN < 0 || n < bestN {
			best, bestN = c, n
		}
	}
	return best, target, bestN >= 0
}

// drawInset draws an inset map of area into box, with its own scale bar,
// and outlines area (target) on the main map.
func (m *Model) drawInset(img *image.RGBA, best, target image.Rectangle, sel Selection, view MapView, area orb.Bound, scale float64) {
	v := view
	v.Title, v.HideLegend, v.Overlays = "", true, true
	o := m.Options(v, sel)
	o.Attribution = ""
	ivp := maprender.FitBound(area, best.Dx(), best.Dy(), scale*0.85)
	inset, _ := maprender.RenderOnce(m.Base, ivp, o)
	line := insetLine(scale)
	strokeRect(img, target, line, insetFrame)
	draw.Draw(img, best.Inset(-line), image.NewUniform(insetFrame), image.Point{}, draw.Src)
	draw.Draw(img, best, inset, image.Point{}, draw.Src)
}

// strokeRect outlines r with a line w pixels wide.
func strokeRect(img *image.RGBA, r image.Rectangle, w int, c color.RGBA) {
	u := image.NewUniform(c)
	for _, e := range []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w), image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+w, r.Max.Y), image.Rect(r.Max.X-w, r.Min.Y, r.Max.X, r.Max.Y),
	} {
		draw.Draw(img, e.Intersect(img.Bounds()), u, image.Point{}, draw.Src)
	}
}
