package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/simplify"

	"iskbrief/internal/basemap"
)

// Countries and the coastline come from the world-atlas topology and are
// simplified arc by arc, before polygons are assembled: neighbours share the
// very same simplified border at every level (no slivers or overlaps), and
// the coastline — the arcs only one country uses — lines up exactly with the
// land polygons.

// projectedRegion is the clip box in projected units.
func projectedRegion() orb.Bound {
	return orb.Bound{
		Min: basemap.Project(region.Min[0], region.Max[1]),
		Max: basemap.Project(region.Max[0], region.Min[1]),
	}
}

// levelArcs holds the projected arcs of a topology simplified at each level.
type levelArcs [basemap.Levels][][]orb.Point

func simplifyArcs(t *topology) *levelArcs {
	var la levelArcs
	for l := range la {
		s := simplify.DouglasPeucker(basemap.Tolerance(l))
		la[l] = make([][]orb.Point, len(t.decoded))
		for i, arc := range t.decoded {
			ls := make(orb.LineString, 0, len(arc))
			for _, p := range arc {
				q := basemap.Project(p[0], p[1])
				if n := len(ls); n > 0 && ls[n-1] == q {
					continue
				}
				ls = append(ls, q)
			}
			if len(ls) > 2 {
				ls = s.LineString(ls)
			}
			la[l][i] = ls
		}
	}
	return &la
}

// withArcs returns a copy of the topology whose decoded arcs are those of
// one level (so topology.multiPolygon assembles simplified rings).
func (t *topology) withArcs(arcs [][]orb.Point) *topology {
	c := *t
	c.decoded = arcs
	return &c
}

// arcUse counts how many times each arc is used by the polygons of geoms and
// lists the geometries using it (in geometry order).
func arcUse(geoms []topoGeom) (map[int]int, map[int][]int, error) {
	use := map[int]int{}
	owners := map[int][]int{} // arc -> indexes of the geometries using it
	for gi := range geoms {
		g := &geoms[gi]
		idx, err := polygonArcIndexes(g)
		if err != nil {
			return nil, nil, err
		}
		for _, i := range idx {
			if i < 0 {
				i = ^i
			}
			use[i]++
			if o := owners[i]; len(o) == 0 || o[len(o)-1] != gi {
				owners[i] = append(o, gi)
			}
		}
	}
	return use, owners, nil
}

func polygonArcIndexes(g *topoGeom) ([]int, error) {
	var out []int
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, err
		}
		for _, r := range rings {
			out = append(out, r...)
		}
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, err
		}
		for _, p := range polys {
			for _, r := range p {
				out = append(out, r...)
			}
		}
	}
	return out, nil
}

// clipProjected clips projected polygons to the projected region and keeps
// the rings that survive at this level.
func clipProjected(mp orb.MultiPolygon, level int) orb.MultiPolygon {
	box := projectedRegion()
	if len(mp) == 0 || !box.Intersects(mp.Bound()) {
		return nil
	}
	mp = clip.MultiPolygon(box, mp.Clone())
	var out orb.MultiPolygon
	for _, p := range mp {
		var q orb.Polygon
		for i, r := range p {
			r = dedupRing(r)
			if !ringOK(r, level) {
				if i == 0 {
					break
				}
				continue
			}
			q = append(q, r)
		}
		if len(q) > 0 {
			out = append(out, q)
		}
	}
	return out
}

func dedupRing(r orb.Ring) orb.Ring {
	out := make(orb.Ring, 0, len(r)+1)
	for _, p := range r {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		out = append(out, p)
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

// clipArc clips one simplified arc to the box and appends the pieces that
// are still worth drawing at the level.
func clipArc(dst orb.MultiLineString, box orb.Bound, arc []orb.Point, level int) orb.MultiLineString {
	ls := orb.LineString(arc)
	if len(ls) < 2 || !box.Intersects(ls.Bound()) {
		return dst
	}
	for _, part := range clip.LineString(box, ls.Clone()) {
		if len(part) < 2 {
			continue
		}
		if level > 0 {
			b := part.Bound()
			tol := basemap.Tolerance(level)
			if b.Max[0]-b.Min[0] < tol && b.Max[1]-b.Min[1] < tol {
				continue
			}
		}
		dst = append(dst, part)
	}
	return dst
}

// countriesAndCoast builds the country features, the coastline (one Line
// per country with a coast in the region) and the land borders (one Line per
// pair of neighbours, named "ISO3A-ISO3B" in code order). Borders and coast
// are the very arcs the country polygons are assembled from, so they coincide
// with the polygons at every level.
func countriesAndCoast(path string) ([]basemap.Feature, []basemap.Line, []basemap.Line, error) {
	topo, err := readTopology(path)
	if err != nil {
		return nil, nil, nil, err
	}
	geoms, err := topo.object("countries")
	if err != nil {
		return nil, nil, nil, err
	}
	arcs := simplifyArcs(topo)
	use, owners, err := arcUse(geoms)
	if err != nil {
		return nil, nil, nil, err
	}
	box := projectedRegion()

	type country struct {
		name, code string
		geom       [basemap.Levels]orb.MultiPolygon
		coast      [basemap.Levels]orb.MultiLineString
	}
	byCode := map[string]*country{}
	var missing []string
	coastOf := map[int]*country{} // geometry index -> country
	for gi := range geoms {
		g := &geoms[gi]
		raw, err := topo.multiPolygon(g)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(raw) == 0 || !raw.Bound().Intersects(region) {
			continue
		}
		var geom [basemap.Levels]orb.MultiPolygon
		for l := range geom {
			mp, err := topo.withArcs(arcs[l]).multiPolygon(g)
			if err != nil {
				return nil, nil, nil, err
			}
			geom[l] = clipProjected(mp, l)
		}
		if len(geom[0]) == 0 {
			continue
		}
		name := g.prop("name")
		code := isoNumeric[g.idString()]
		if g.idString() == "" {
			code = unnamedAreas[name]
		}
		if code == "" {
			missing = append(missing, fmt.Sprintf("%q (id %q)", name, g.idString()))
			continue
		}
		if n, ok := countryNames[name]; ok {
			name = n
		}
		c := byCode[code]
		if c == nil {
			c = &country{name: name, code: code}
			byCode[code] = c
		}
		if g.idString() != "" {
			c.name = name // an area folded into a country must not rename it
		}
		for l := range geom {
			c.geom[l] = append(c.geom[l], geom[l]...)
		}
		coastOf[gi] = c
	}
	if len(missing) > 0 {
		return nil, nil, nil, fmt.Errorf("no ISO3 code for countries in the region: %s", strings.Join(missing, ", "))
	}

	// Coast: arcs used by a single polygon; borders: arcs shared by two
	// different countries. Both in arc order for determinism.
	borders := map[string]*[basemap.Levels]orb.MultiLineString{}
	for i := range arcs[0] {
		o := owners[i]
		switch {
		case use[i] == 1:
			c, ok := coastOf[o[0]]
			if !ok {
				continue
			}
			for l := range arcs {
				c.coast[l] = clipArc(c.coast[l], box, arcs[l][i], l)
			}
		case len(o) == 2:
			a, okA := coastOf[o[0]]
			b, okB := coastOf[o[1]]
			if !okA || !okB || a.code == b.code {
				continue
			}
			name := a.code + "-" + b.code
			if b.code < a.code {
				name = b.code + "-" + a.code
			}
			g := borders[name]
			if g == nil {
				g = new([basemap.Levels]orb.MultiLineString)
				borders[name] = g
			}
			for l := range arcs {
				g[l] = clipArc(g[l], box, arcs[l][i], l)
			}
		}
	}

	codes := make([]string, 0, len(byCode))
	for code := range byCode {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var feats []basemap.Feature
	var coast []basemap.Line
	for _, code := range codes {
		c := byCode[code]
		labelGeom := c.geom[1]
		if len(labelGeom) == 0 {
			labelGeom = c.geom[0]
		}
		feats = append(feats, basemap.Feature{
			Name:  c.name,
			Code:  c.code,
			Label: labelPoint(labelGeom),
			Bound: boundOfPolygons(c.geom[0]),
			Geom:  c.geom,
		})
		if len(c.coast[0]) > 0 {
			coast = append(coast, basemap.Line{Bound: boundOfLines(c.coast[0]), Geom: c.coast})
		}
	}
	names := make([]string, 0, len(borders))
	for name := range borders {
		names = append(names, name)
	}
	sort.Strings(names)
	var border []basemap.Line
	for _, name := range names {
		g := borders[name]
		if len(g[0]) > 0 {
			border = append(border, basemap.Line{Name: name, Bound: boundOfLines(g[0]), Geom: *g})
		}
	}
	return feats, coast, border, nil
}
