package brief

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"

	"iskbrief/internal/basemap"
	"iskbrief/internal/maprender"
)

// Framing: every map the app draws (the window's home view, exports, slides,
// the presenter) fits the events it shows rather than a fixed region, and
// an export adds an inset where most of them crowd into a small area.

// minFrameKm is the smallest extent a frame is given, so one event or a
// single town's attacks still show their surroundings.
const minFrameKm = 400

// FrameEvents is the projected area that frames a selection's markers with
// a margin around them; maprender.Region when nothing is selected.
func FrameEvents(sel Selection) orb.Bound {
	if len(sel.Markers) == 0 {
		return maprender.Region
	}
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, m := range sel.Markers {
		b = b.Extend(orb.Point{float64(m.X), float64(m.Y)})
	}
	return pad(b, 0.12)
}

// pad grows a projected bound by a fraction of its size on each side, and
// to at least minFrameKm across.
func pad(b orb.Bound, frac float64) orb.Bound {
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	c := b.Center()
	_, lat := basemap.Unproject(c)
	// One normalised Web Mercator unit spans the equator's length, times
	// cos(latitude) on the ground.
	metresPerUnit := 2 * math.Pi * 6378137 * math.Cos(lat*math.Pi/180)
	minSide := minFrameKm * 1000 / metresPerUnit
	w, h = math.Max(w*(1+2*frac), minSide), math.Max(h*(1+2*frac), minSide)
	return orb.Bound{Min: orb.Point{c[0] - w/2, c[1] - h/2}, Max: orb.Point{c[0] + w/2, c[1] + h/2}}
}

// DenseArea is where most of a selection's events crowd: the box around the
// share of markers nearest their median point. ok is false when there are
// too few events, or they do not crowd (the box is not much smaller than
// the frame), so an inset would add nothing.
func DenseArea(sel Selection, frame orb.Bound) (orb.Bound, bool) {
	const minEvents, share, maxAreaShare = 6, 0.5, 0.06
	n := len(sel.Markers)
	if n < minEvents {
		return orb.Bound{}, false
	}
	// Past 50,000 markers an even sample gives the same box: this is a
	// judgement of where events crowd, and sorting a million points cost an
	// export of a 1M-event layer 280 ms (profile).
	step := max(1, n/50_000)
	xs, ys := make([]float64, 0, n/step+1), make([]float64, 0, n/step+1)
	for i := 0; i < n; i += step {
		m := sel.Markers[i]
		xs, ys = append(xs, float64(m.X)), append(ys, float64(m.Y))
	}
	n = len(xs)
	mx, my := median(xs), median(ys)
	type pt struct{ x, y, d float64 }
	pts := make([]pt, n)
	for i := range pts {
		pts[i] = pt{xs[i], ys[i], math.Hypot(xs[i]-mx, ys[i]-my)}
	}
	slices.SortFunc(pts, func(a, b pt) int { return cmp.Compare(a.d, b.d) })
	k := int(math.Ceil(float64(n) * share))
	b := orb.Bound{Min: orb.Point{pts[0].x, pts[0].y}, Max: orb.Point{pts[0].x, pts[0].y}}
	for _, p := range pts[:k] {
		b = b.Extend(orb.Point{p.x, p.y})
	}
	b = pad(b, 0.15)
	area := func(b orb.Bound) float64 { return (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1]) }
	if area(b) > maxAreaShare*area(frame) {
		return orb.Bound{}, false
	}
	return b, true
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
