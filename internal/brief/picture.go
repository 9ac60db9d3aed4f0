package brief

import (
	"image"

	"github.com/paulmach/orb"

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
}

// RenderMap draws a finished map: the window's export, the CLI's export
// map, slides and the presenter all call it, so the same view and selection
// give the same pixels everywhere.
func (m *Model) RenderMap(sel Selection, p Picture) *image.RGBA {
	scale := p.Scale
	if scale <= 0 {
		scale = ExportScale(p.W, p.H)
	}
	o := m.Options(p.View, sel)
	if p.NoAttribution {
		o.Attribution = ""
	}
	img, _ := maprender.NewRenderer(m.Base).Render(maprender.FitBound(p.Area, p.W, p.H, scale), o)
	return img
}
