package main

import "github.com/paulmach/orb"

// provinceMerges folds admin-1 units that no longer exist into the unit that
// absorbed them, keyed by adm1_code. The Federally Administered Tribal Areas
// became part of Khyber Pakhtunkhwa in 2018; Natural Earth still has them.
var provinceMerges = map[string]string{
	"PAK-1112": "PAK-1123",
}

// mergeRings dissolves the common border of two rings that share it vertex
// for vertex (as neighbouring admin-1 units cut from one data set do) and
// returns the outline of their union. ok is false if the rings do not form a
// single outline that way.
func mergeRings(a, b orb.Ring) (orb.Ring, bool) {
	type edge struct{ p, q orb.Point }
	edges := func(r orb.Ring) []edge {
		var out []edge
		for i := 1; i < len(r); i++ {
			if r[i-1] != r[i] {
				out = append(out, edge{r[i-1], r[i]})
			}
		}
		if n := len(r); n > 1 && r[0] != r[n-1] {
			out = append(out, edge{r[n-1], r[0]})
		}
		return out
	}
	// Give both rings the same orientation so shared edges run opposite ways.
	if ringArea(a) < 0 {
		a = reversed(a)
	}
	if ringArea(b) < 0 {
		b = reversed(b)
	}
	all := append(edges(a), edges(b)...)
	present := map[edge]int{}
	for _, e := range all {
		present[e]++
	}
	var keep []edge
	removed := 0
	for _, e := range all {
		if present[edge{e.q, e.p}] > 0 {
			removed++
			continue
		}
		keep = append(keep, e)
	}
	if removed == 0 || len(keep) < 3 {
		return nil, false
	}
	next := map[orb.Point]int{}
	for i, e := range keep {
		if _, dup := next[e.p]; dup {
			return nil, false // the outline touches itself: give up
		}
		next[e.p] = i
	}
	out := orb.Ring{keep[0].p}
	cur := keep[0]
	for steps := 0; steps < len(keep); steps++ {
		out = append(out, cur.q)
		if cur.q == keep[0].p {
			break
		}
		i, ok := next[cur.q]
		if !ok {
			return nil, false
		}
		cur = keep[i]
	}
	if len(out) != len(keep)+1 || out[0] != out[len(out)-1] {
		return nil, false // more than one outline (e.g. an enclosed hole)
	}
	return out, true
}

func ringArea(r orb.Ring) float64 {
	s := 0.0
	for i := 1; i < len(r); i++ {
		s += r[i-1][0]*r[i][1] - r[i][0]*r[i-1][1]
	}
	return s / 2
}

func reversed(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i, p := range r {
		out[len(r)-1-i] = p
	}
	return out
}

// mergeMultiPolygons merges the single polygon of from into the polygon of
// into that shares its border; ok is false if no polygon of into does.
func mergeMultiPolygons(into, from orb.MultiPolygon) (orb.MultiPolygon, bool) {
	if len(from) != 1 {
		return nil, false
	}
	for i, p := range into {
		if merged, ok := mergeRings(p[0], from[0][0]); ok {
			out := append(orb.MultiPolygon{}, into...)
			poly := orb.Polygon{merged}
			poly = append(poly, p[1:]...)
			poly = append(poly, from[0][1:]...)
			out[i] = poly
			return out, true
		}
	}
	return nil, false
}
