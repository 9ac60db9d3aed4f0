package main

import (
	"os"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Mazār-e Sharīf": "Mazar-e Sharif",
		"Pul-e ‘Alam":    "Pul-e Alam",
		"İstanbul":       "Istanbul",
		"Şanlıurfa":      "Sanliurfa",
		"Kabul":          "Kabul",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMergeRings(t *testing.T) {
	// Two unit squares side by side, sharing the edge x=1.
	a := orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}
	b := orb.Ring{{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}
	m, ok := mergeRings(a, b)
	if !ok {
		t.Fatal("mergeRings failed")
	}
	if area := planar.Area(m); area < 1.999 || area > 2.001 {
		t.Errorf("merged area = %v, want 2 (%v)", area, m)
	}
	if len(m) != 7 || m[0] != m[len(m)-1] {
		t.Errorf("merged ring = %v", m)
	}
	// Disjoint squares do not merge.
	c := orb.Ring{{5, 5}, {6, 5}, {6, 6}, {5, 6}, {5, 5}}
	if _, ok := mergeRings(a, c); ok {
		t.Error("disjoint rings merged")
	}
}

func TestTopologyDecode(t *testing.T) {
	fixed := `{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
	"arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]]],
	"objects":{"a":{"type":"GeometryCollection","geometries":[
		{"type":"Polygon","id":"004","properties":{"name":"Square"},"arcs":[[0,1]]},
		{"type":"LineString","arcs":[-1]}]}}}`
	dir := t.TempDir()
	path := dir + "/t.json"
	if err := writeFile(path, fixed); err != nil {
		t.Fatal(err)
	}
	topo, err := readTopology(path)
	if err != nil {
		t.Fatal(err)
	}
	geoms, err := topo.object("a")
	if err != nil || len(geoms) != 2 {
		t.Fatalf("object: %v, %d geometries", err, len(geoms))
	}
	if geoms[0].idString() != "004" || geoms[0].prop("name") != "Square" {
		t.Errorf("id %q name %q", geoms[0].idString(), geoms[0].prop("name"))
	}
	mp, err := topo.multiPolygon(&geoms[0])
	if err != nil {
		t.Fatal(err)
	}
	want := orb.Ring{{10, 20}, {11, 20}, {11, 21}, {10, 21}, {10, 20}}
	if len(mp) != 1 || !mp[0][0].Equal(want) {
		t.Errorf("polygon = %v, want %v", mp, want)
	}
	mls, err := topo.multiLineString(&geoms[1])
	if err != nil {
		t.Fatal(err)
	}
	wantLine := orb.LineString{{11, 21}, {11, 20}, {10, 20}}
	if len(mls) != 1 || !mls[0].Equal(wantLine) {
		t.Errorf("reversed arc = %v, want %v", mls, wantLine)
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
