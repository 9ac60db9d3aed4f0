package maprender

import (
	"image"
	"image/draw"
	"math"
	"slices"
	"strings"

	"iskbrief/internal/basemap"
)

// focusCountries are the five countries the dataset covers; their land is
// drawn lighter so they stand out from their neighbours.
var focusCountries = []string{"AFG", "PAK", "IRN", "TUR", "RUS"}

// drawBase draws the basemap's geometry — everything that does not depend on
// the events or on where the view's edges fall — into dst. It is the
// expensive part of a frame; Renderer caches its result. Labels are placed
// per frame (drawBaseLabels), inside the view, so none is cut at its edge.
func drawBase(dst *image.RGBA, bm *basemap.Basemap, vp Viewport, st Style) {
	draw.Draw(dst, dst.Bounds(), image.NewUniform(st.Sea), image.Point{}, draw.Src)
	if bm == nil {
		return
	}
	p := newPainter(dst, vp)
	lvl := basemap.LevelFor(vp.UnitsPerPixel())
	lz := vp.LogicalZoom()
	s := vp.Scale

	for _, c := range bm.Countries {
		fill := st.Land
		if slices.Contains(focusCountries, c.Code) {
			fill = st.FocusLand
		}
		p.fillPolygons(c.Geom[lvl], c.Bound, fill)
	}
	for _, l := range bm.Lakes {
		p.fillPolygons(l.Geom[lvl], l.Bound, st.Lake)
	}
	if lz > 4000 {
		w := 0.8 * s
		if lz > 20000 {
			w = 1.2 * s
		}
		for _, r := range bm.Rivers {
			p.strokeLines(r.Geom[lvl], r.Bound, w, st.River)
		}
	}
	// Provinces are thin and only where they help: from a country-level view in.
	if lz > 2500 {
		w := math.Min(1.6, 0.6+lz/60000) * s
		for _, pr := range bm.Provinces {
			// Elsewhere provinces are clutter until the view is regional.
			if lz > 20000 || slices.Contains(focusCountries, pr.Code) {
				p.strokeRings(pr.Geom[lvl], pr.Bound, w, st.Province)
			}
		}
	}
	for _, l := range bm.Lakes {
		p.strokeRings(l.Geom[lvl], l.Bound, 0.7*s, st.Coast)
	}
	for _, c := range bm.Coastlines {
		p.strokeLines(c.Geom[lvl], c.Bound, 1.0*s, st.Coast)
	}
	// National borders are the land edges two countries share, so the
	// coast keeps its own lighter line.
	bw := math.Min(2.6, 1.3+lz/40000) * s
	for _, b := range bm.Borders {
		p.strokeLines(b.Geom[lvl], b.Bound, bw, st.Border)
	}
}

// labeller places labels greedily in priority order and skips any that would
// overlap one already placed.
type labeller struct {
	placed []image.Rectangle
	bounds image.Rectangle
}

func (l *labeller) free(r image.Rectangle) bool {
	if !r.In(l.bounds) {
		return false
	}
	for _, p := range l.placed {
		if p.Overlaps(r) {
			return false
		}
	}
	return true
}

func (l *labeller) take(r image.Rectangle) { l.placed = append(l.placed, r) }

// countryLabel is a country name placed on the map.
type countryLabel struct {
	ts    TextStyle
	name  string
	x, y  int
	under bool // clusters cover it: drawn under the markers only
}

// countryLabels places the country names that fit (they are placed before
// any other label, so the placement depends only on the view).
func countryLabels(bm *basemap.Basemap, vp Viewport, st Style, lab *labeller, clusters []image.Rectangle) []countryLabel {
	if bm == nil {
		return nil
	}
	s := vp.Scale * st.TextScale
	countryTS := TextStyle{Size: 15 * s, Bold: true, Color: st.CountryText, Halo: st.Halo}
	if vp.LogicalZoom() > 8000 {
		countryTS.Size = 18 * s
	}
	var out []countryLabel
	for _, c := range bm.Countries {
		x, y := vp.ToPixel(c.Label)
		name := strings.ToUpper(c.Name)
		w, a, _ := measure(countryTS, name)
		// A country's name only shows if the country is big enough on screen.
		if cw := (c.Bound.Max[0] - c.Bound.Min[0]) * vp.Zoom; cw < float64(w)*0.8 {
			continue
		}
		// The name sits at its label point unless a cluster is there: it is
		// drawn over the markers, so it would hide the cluster's count. Then
		// it moves down or up by up to four lines; if clusters cover all of
		// those, it stays put under the markers.
		bx, by := int(x)-w/2, int(y)+a/2
		r := textRect(countryTS, name, bx, by)
		under := true
		for _, dy := range []int{0, 1, -1, 2, -2, 3, -3, 4, -4} {
			t := textRect(countryTS, name, bx, by+dy*a*6/5)
			if lab.free(t) && !overlapsAny(t, clusters) {
				r, by, under = t, by+dy*a*6/5, false
				break
			}
		}
		if !lab.free(r) {
			continue
		}
		lab.take(r)
		out = append(out, countryLabel{countryTS, name, bx, by, under})
	}
	return out
}

func overlapsAny(r image.Rectangle, rs []image.Rectangle) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}

// clusterBoxes are the boxes of frame f's clusters, whose counts a country
// name must not cover.
func clusterBoxes(f *Frame) []image.Rectangle {
	if f == nil {
		return nil
	}
	var out []image.Rectangle
	for _, it := range f.Items {
		if it.Count > 1 {
			out = append(out, image.Rect(int(it.X-it.R), int(it.Y-it.R), int(it.X+it.R)+1, int(it.Y+it.R)+1))
		}
	}
	return out
}

// drawCountryLabelsOver writes the country names again over the markers,
// with their halo, so a cluster never hides AFGHANISTAN or PAKISTAN. They
// are the names drawBaseLabels placed for this frame.
func drawCountryLabelsOver(dst *image.RGBA, names []countryLabel) {
	for _, cl := range names {
		if !cl.under {
			drawText(dst, cl.ts, cl.name, cl.x, cl.y)
		}
	}
}

// drawBaseLabels writes country, province and city names wholly inside dst
// and clear of the overlay boxes keepOut, and returns the country names, to
// draw again over the markers. Countries win over cities at low zoom; then
// capitals and large cities first.
func drawBaseLabels(dst *image.RGBA, bm *basemap.Basemap, vp Viewport, st Style, keepOut, clusters []image.Rectangle) []countryLabel {
	if bm == nil {
		return nil
	}
	lz := vp.LogicalZoom()
	s := vp.Scale * st.TextScale
	lab := &labeller{bounds: dst.Bounds(), placed: keepOut}

	names := countryLabels(bm, vp, st, lab, clusters)
	for _, cl := range names {
		drawText(dst, cl.ts, cl.name, cl.x, cl.y)
	}

	// Cities: national capitals always, then by population while they fit.
	cityTS := TextStyle{Size: 13 * s, Color: st.Text, Halo: st.Halo}
	capTS := TextStyle{Size: 14 * s, Bold: true, Color: st.Text, Halo: st.Halo}
	limit := 12 + int(lz/400)
	minPop := 2_000_000.0 * 3000 / math.Max(lz, 1)
	shown := 0
	order := make([]int, len(bm.Cities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := bm.Cities[a].Capital, bm.Cities[b].Capital
		if ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		return 0
	})
	r := 2.6 * vp.Scale
	for _, i := range order {
		c := bm.Cities[i]
		if !c.Capital && float64(c.Population) < minPop {
			continue
		}
		if shown >= limit {
			break
		}
		x, y := vp.ToPixel(c.Pos)
		ts := cityTS
		if c.Capital {
			ts = capTS
		}
		_, a, _ := measure(ts, c.Name)
		dot := image.Rect(int(x-r)-1, int(y-r)-1, int(x+r)+2, int(y+r)+2)
		bx, by := int(x+r+3*vp.Scale), int(y)+a/3
		tr := textRect(ts, c.Name, bx, by)
		if !lab.free(dot) || !lab.free(tr) {
			// Try the label on the left of the dot.
			w, _, _ := measure(ts, c.Name)
			bx = int(x-r-3*vp.Scale) - w
			tr = textRect(ts, c.Name, bx, by)
			if !lab.free(dot) || !lab.free(tr) {
				continue
			}
		}
		lab.take(dot)
		lab.take(tr)
		disc(dst, x, y, r, st.CityDot, st.Halo, 1*vp.Scale)
		drawText(dst, ts, c.Name, bx, by)
		shown++
	}

	// Province names appear once a province is large on screen.
	if lz > 9000 {
		provTS := TextStyle{Size: 12 * s, Color: st.CountryText, Halo: st.Halo}
		for _, pr := range bm.Provinces {
			cw := (pr.Bound.Max[0] - pr.Bound.Min[0]) * vp.Zoom
			w, a, _ := measure(provTS, pr.Name)
			if cw < float64(w)*1.3 {
				continue
			}
			x, y := vp.ToPixel(pr.Label)
			bx, by := int(x)-w/2, int(y)+a/2
			tr := textRect(provTS, pr.Name, bx, by)
			if !lab.free(tr) {
				continue
			}
			lab.take(tr)
			drawText(dst, provTS, pr.Name, bx, by)
		}
	}
	return names
}
