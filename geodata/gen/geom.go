package main

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"

	"iskbrief/internal/basemap"
)

// region is the clip box in lon/lat degrees.
// Wide enough for a 16:9 view from Istanbul to Pakistan and Moscow to the
// Arabian Sea (about 90° of longitude) to stay inside the data.
var region = orb.Bound{Min: orb.Point{5, 5}, Max: orb.Point{115, 66}}

// projectRing projects a lon/lat ring, dropping repeated consecutive points
// and closing it.
func projectRing(r orb.Ring) orb.Ring {
	out := make(orb.Ring, 0, len(r)+1)
	for _, p := range r {
		q := basemap.Project(p[0], p[1])
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

// clipProjectPolygons clips a lon/lat multipolygon to the region and
// projects it. Rings that vanish are dropped.
func clipProjectPolygons(mp orb.MultiPolygon) orb.MultiPolygon {
	mp = clip.MultiPolygon(region, mp.Clone())
	var out orb.MultiPolygon
	for _, p := range mp {
		var q orb.Polygon
		for i, r := range p {
			pr := projectRing(r)
			if !ringOK(pr, 0) {
				if i == 0 {
					break
				}
				continue
			}
			q = append(q, pr)
		}
		if len(q) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// clipProjectLines clips lon/lat lines to the region and projects them.
func clipProjectLines(mls orb.MultiLineString) orb.MultiLineString {
	mls = clip.MultiLineString(region, mls.Clone())
	var out orb.MultiLineString
	for _, l := range mls {
		q := make(orb.LineString, 0, len(l))
		for _, p := range l {
			pp := basemap.Project(p[0], p[1])
			if n := len(q); n > 0 && q[n-1] == pp {
				continue
			}
			q = append(q, pp)
		}
		if len(q) >= 2 {
			out = append(out, q)
		}
	}
	return out
}

// ringOK reports whether a closed projected ring is still a ring: at least
// three distinct points, a non-zero area, and (above level 0) not smaller
// than the level's tolerance in both directions.
func ringOK(r orb.Ring, level int) bool {
	if len(r) < 4 {
		return false
	}
	if planar.Area(r) == 0 {
		return false
	}
	if level > 0 {
		b := r.Bound()
		tol := basemap.Tolerance(level)
		if b.Max[0]-b.Min[0] < tol && b.Max[1]-b.Min[1] < tol {
			return false
		}
	}
	return true
}

// simplifyPolygons returns the geometry at every level. Level 0 is also
// simplified (with the finest tolerance) to shed points the map can never
// show.
func simplifyPolygons(mp orb.MultiPolygon) [basemap.Levels]orb.MultiPolygon {
	var out [basemap.Levels]orb.MultiPolygon
	for l := 0; l < basemap.Levels; l++ {
		s := simplify.DouglasPeucker(basemap.Tolerance(l))
		var res orb.MultiPolygon
		for _, p := range mp {
			var q orb.Polygon
			for i, r := range p {
				sr := s.Ring(r.Clone())
				if len(sr) > 0 && sr[0] != sr[len(sr)-1] {
					sr = append(sr, sr[0])
				}
				if !ringOK(sr, l) {
					if i == 0 {
						break // outer ring collapsed: drop the polygon
					}
					continue
				}
				q = append(q, sr)
			}
			if len(q) > 0 {
				res = append(res, q)
			}
		}
		out[l] = res
	}
	return out
}

func simplifyLines(mls orb.MultiLineString) [basemap.Levels]orb.MultiLineString {
	var out [basemap.Levels]orb.MultiLineString
	for l := 0; l < basemap.Levels; l++ {
		tol := basemap.Tolerance(l)
		s := simplify.DouglasPeucker(tol)
		var res orb.MultiLineString
		for _, ls := range mls {
			sl := s.LineString(ls.Clone())
			if len(sl) < 2 {
				continue
			}
			if l > 0 {
				b := sl.Bound()
				if b.Max[0]-b.Min[0] < tol && b.Max[1]-b.Min[1] < tol {
					continue
				}
			}
			res = append(res, sl)
		}
		out[l] = res
	}
	return out
}

func boundOfPolygons(mp orb.MultiPolygon) orb.Bound {
	if len(mp) == 0 {
		return orb.Bound{}
	}
	return mp.Bound()
}

func boundOfLines(mls orb.MultiLineString) orb.Bound {
	if len(mls) == 0 {
		return orb.Bound{}
	}
	return mls.Bound()
}

// labelPoint returns the pole of inaccessibility of the largest polygon
// (the polylabel algorithm), a point well inside the shape.
func labelPoint(mp orb.MultiPolygon) orb.Point {
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range mp {
		if a := math.Abs(planar.Area(p[0])); a > bestArea {
			best, bestArea = p, a
		}
	}
	if best == nil {
		return orb.Point{}
	}
	b := best.Bound()
	size := math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])
	return polylabel(best, math.Max(size/200, 1e-7))
}

type cell struct {
	c      orb.Point
	h      float64 // half size
	d      float64 // signed distance from centre to the polygon (+ inside)
	max    float64 // best possible distance in this cell
	serial int     // tie-break for determinism
}

type cellQueue []*cell

func (q cellQueue) Len() int { return len(q) }
func (q cellQueue) Less(i, j int) bool {
	if q[i].max != q[j].max {
		return q[i].max > q[j].max
	}
	return q[i].serial < q[j].serial
}
func (q cellQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)   { *q = append(*q, x.(*cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

func pointToPolygonDist(p orb.Point, poly orb.Polygon) float64 {
	inside := planar.PolygonContains(poly, p)
	min := math.Inf(1)
	for _, r := range poly {
		for i := 1; i < len(r); i++ {
			if d := planar.DistanceFromSegmentSquared(r[i-1], r[i], p); d < min {
				min = d
			}
		}
	}
	d := math.Sqrt(min)
	if !inside {
		d = -d
	}
	return d
}

func polylabel(poly orb.Polygon, precision float64) orb.Point {
	b := poly.Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	cs := math.Min(w, h)
	if cs == 0 {
		return b.Min
	}
	serial := 0
	mk := func(c orb.Point, h float64) *cell {
		d := pointToPolygonDist(c, poly)
		serial++
		return &cell{c: c, h: h, d: d, max: d + h*math.Sqrt2, serial: serial}
	}
	q := &cellQueue{}
	half := cs / 2
	for x := b.Min[0]; x < b.Max[0]; x += cs {
		for y := b.Min[1]; y < b.Max[1]; y += cs {
			heap.Push(q, mk(orb.Point{x + half, y + half}, half))
		}
	}
	// Start from the centroid if it is inside.
	cen, _ := planar.CentroidArea(poly)
	bestCell := mk(cen, 0)
	if bb := mk(b.Center(), 0); bb.d > bestCell.d {
		bestCell = bb
	}
	for q.Len() > 0 {
		c := heap.Pop(q).(*cell)
		if c.d > bestCell.d {
			bestCell = c
		}
		if c.max-bestCell.d <= precision {
			continue
		}
		h := c.h / 2
		heap.Push(q, mk(orb.Point{c.c[0] - h, c.c[1] - h}, h))
		heap.Push(q, mk(orb.Point{c.c[0] + h, c.c[1] - h}, h))
		heap.Push(q, mk(orb.Point{c.c[0] - h, c.c[1] + h}, h))
		heap.Push(q, mk(orb.Point{c.c[0] + h, c.c[1] + h}, h))
	}
	return bestCell.c
}
