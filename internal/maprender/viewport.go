// Package maprender draws the ISK Brief map — basemap, event markers,
// clusters, legend, scale bar and attribution — into an *image.RGBA. The
// same code serves the window and headless export.
package maprender

import (
	"math"

	"github.com/paulmach/orb"

	"iskbrief/internal/basemap"
)

// Viewport says which part of the map is drawn into which pixels. Positions
// are in the basemap's normalised Web Mercator units (0..1, y down).
type Viewport struct {
	Center orb.Point
	Zoom   float64 // device pixels per projected unit
	W, H   int     // size in device pixels
	Scale  float64 // device pixels per logical pixel (HiDPI, or bigger text for export)
}

// Region is the area the app shows: Istanbul to western China, the Arabian
// Sea to Moscow.
var Region = Bounds(23, 20, 80, 60)

// Bounds returns the projected bound of a lon/lat box. Projected y grows
// southward, so the north edge becomes Min.
func Bounds(lon1, lat1, lon2, lat2 float64) orb.Bound {
	return orb.Bound{Min: basemap.Project(min(lon1, lon2), max(lat1, lat2)), Max: basemap.Project(max(lon1, lon2), min(lat1, lat2))}
}

// Limit is the extent of the embedded basemap (the generator clips to it).
// Views never show beyond it, so no edge of the data is ever visible.
var Limit = Bounds(5, 5, 115, 66)

// Zoom limits in logical pixels per unit: from a whole-Eurasia view down to
// city streets (about 40 m per pixel at Kabul's latitude).
const (
	minLogicalZoom = 1500
	maxLogicalZoom = 800000
)

// FitBound returns a viewport of w×h pixels that shows b entirely.
func FitBound(b orb.Bound, w, h int, scale float64) Viewport {
	if scale <= 0 {
		scale = 1
	}
	bw, bh := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	z := math.Min(float64(w)/math.Max(bw, 1e-9), float64(h)/math.Max(bh, 1e-9))
	v := Viewport{Center: b.Center(), Zoom: z, W: w, H: h, Scale: scale}
	return v.Clamped()
}

// Clamped keeps the zoom within limits and the centre over the region.
func (v Viewport) Clamped() Viewport {
	if v.Scale <= 0 {
		v.Scale = 1
	}
	lw, lh := Limit.Max[0]-Limit.Min[0], Limit.Max[1]-Limit.Min[1]
	fit := math.Max(float64(v.W)/lw, float64(v.H)/lh)
	v.Zoom = math.Max(math.Max(fit, minLogicalZoom*v.Scale), math.Min(maxLogicalZoom*v.Scale, v.Zoom))
	hw, hh := float64(v.W)/2/v.Zoom, float64(v.H)/2/v.Zoom
	v.Center[0] = math.Max(Limit.Min[0]+hw, math.Min(Limit.Max[0]-hw, v.Center[0]))
	v.Center[1] = math.Max(Limit.Min[1]+hh, math.Min(Limit.Max[1]-hh, v.Center[1]))
	return v
}

// ToPixel converts a projected point to device pixel coordinates.
func (v Viewport) ToPixel(p orb.Point) (x, y float64) {
	return (p[0]-v.Center[0])*v.Zoom + float64(v.W)/2, (p[1]-v.Center[1])*v.Zoom + float64(v.H)/2
}

// ToWorld converts device pixel coordinates to a projected point.
func (v Viewport) ToWorld(x, y float64) orb.Point {
	return orb.Point{(x-float64(v.W)/2)/v.Zoom + v.Center[0], (y-float64(v.H)/2)/v.Zoom + v.Center[1]}
}

// Bound is the projected area the viewport covers.
func (v Viewport) Bound() orb.Bound {
	return orb.Bound{Min: v.ToWorld(0, 0), Max: v.ToWorld(float64(v.W), float64(v.H))}
}

// UnitsPerPixel is the projected distance one device pixel covers.
func (v Viewport) UnitsPerPixel() float64 { return 1 / v.Zoom }

// LogicalZoom is the zoom independent of pixel density: what decides which
// labels and layers show.
func (v Viewport) LogicalZoom() float64 { return v.Zoom / v.Scale }

// ZoomAbout multiplies the zoom by factor keeping the world point under
// pixel (x, y) fixed, as a scroll wheel should.
func (v Viewport) ZoomAbout(x, y, factor float64) Viewport {
	anchor := v.ToWorld(x, y)
	v.Zoom *= factor
	v = v.Clamped()
	// Put anchor back under the cursor.
	ax, ay := v.ToPixel(anchor)
	v.Center[0] += (ax - x) / v.Zoom
	v.Center[1] += (ay - y) / v.Zoom
	return v.Clamped()
}

// Pan moves the view by (dx, dy) device pixels, as a drag does.
func (v Viewport) Pan(dx, dy float64) Viewport {
	v.Center[0] -= dx / v.Zoom
	v.Center[1] -= dy / v.Zoom
	return v.Clamped()
}

// AtMaxZoom reports whether the viewport cannot zoom in further.
func (v Viewport) AtMaxZoom() bool { return v.LogicalZoom() >= maxLogicalZoom*0.999 }

// MetresPerPixel is the ground distance of one device pixel at the centre.
func (v Viewport) MetresPerPixel() float64 {
	_, lat := basemap.Unproject(v.Center)
	return 2 * math.Pi * 6378137 * math.Cos(lat*math.Pi/180) / v.Zoom
}
