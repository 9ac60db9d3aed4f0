package basemap

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestProjectUnproject(t *testing.T) {
	for _, c := range []struct{ lon, lat float64 }{
		{0, 0}, {69.17, 34.53}, {20, 15}, {90, 62}, {-179.5, -80}, {37.62, 55.75}, {180, 85},
	} {
		p := Project(c.lon, c.lat)
		if p[0] < 0 || p[0] > 1 || p[1] < 0 || p[1] > 1 {
			t.Errorf("Project(%v,%v) = %v outside [0,1]", c.lon, c.lat, p)
		}
		lon, lat := Unproject(p)
		if math.Abs(lon-c.lon) > 1e-9 || math.Abs(lat-c.lat) > 1e-9 {
			t.Errorf("Unproject(Project(%v,%v)) = %v,%v", c.lon, c.lat, lon, lat)
		}
	}
	if p := Project(0, 0); math.Abs(p[0]-0.5) > 1e-15 || math.Abs(p[1]-0.5) > 1e-15 {
		t.Errorf("Project(0,0) = %v, want 0.5,0.5", p)
	}
	// y grows southwards.
	if Project(0, 10)[1] >= Project(0, -10)[1] {
		t.Error("y should grow southwards")
	}
}

func TestLevelFor(t *testing.T) {
	cases := []struct {
		upp  float64
		want int
	}{
		{1e-4, 2},   // whole region at ~1920 px
		{8.1e-5, 2}, // still > 2 × 4e-5
		{7e-5, 1},
		{1.7e-5, 1},
		{1.5e-5, 0},
		{1e-7, 0},
	}
	for _, c := range cases {
		if got := LevelFor(c.upp); got != c.want {
			t.Errorf("LevelFor(%g) = %d, want %d", c.upp, got, c.want)
		}
	}
	for l := 0; l < Levels; l++ {
		if Tolerance(l) <= 0 {
			t.Errorf("Tolerance(%d) = %v", l, Tolerance(l))
		}
	}
	if Tolerance(-1) != 0 || Tolerance(Levels) != 0 {
		t.Error("Tolerance out of range should be 0")
	}
}

func square(x, y, s float64) orb.Ring {
	return orb.Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
}

func sample() *Basemap {
	outer := square(0.60, 0.40, 0.02)
	hole := square(0.605, 0.405, 0.005)
	afg := orb.MultiPolygon{{outer, hole}, {square(0.63, 0.40, 0.001)}}
	pak := orb.MultiPolygon{{square(0.62, 0.42, 0.01)}}
	var afgGeom, pakGeom [Levels]orb.MultiPolygon
	for l := range afgGeom {
		afgGeom[l] = afg
		pakGeom[l] = pak
	}
	afgGeom[2] = orb.MultiPolygon{{outer}}
	river := orb.MultiLineString{{{0.601, 0.401}, {0.61, 0.43}, {0.615, 0.45}}}
	var riverGeom [Levels]orb.MultiLineString
	riverGeom[0] = river
	riverGeom[1] = river
	// level 2 left empty on purpose
	openRing := orb.Ring{{0.7, 0.3}, {0.71, 0.3}, {0.71, 0.31}}
	border := orb.MultiLineString{{{0.62, 0.42}, {0.62, 0.43}}}
	var borderGeom [Levels]orb.MultiLineString
	for l := range borderGeom {
		borderGeom[l] = border
	}
	return &Basemap{
		Bound: orb.Bound{Min: orb.Point{0.55, 0.3}, Max: orb.Point{0.75, 0.5}},
		Countries: []Feature{
			{Name: "Afghanistan", Code: "AFG", Label: orb.Point{0.61, 0.41}, Bound: afg.Bound(), Geom: afgGeom},
			{Name: "Pakistan", Code: "PAK", Label: orb.Point{0.625, 0.425}, Bound: pak.Bound(), Geom: pakGeom},
		},
		Provinces: []Feature{{Name: "Kābul", Code: "AFG", Label: orb.Point{0.61, 0.41}, Bound: afg.Bound(), Geom: afgGeom}},
		Lakes:     []Feature{{Name: "", Geom: [Levels]orb.MultiPolygon{{{openRing}}}}},
		Borders:   []Line{{Name: "AFG-PAK", Bound: border.Bound(), Geom: borderGeom}},
		Rivers:    []Line{{Name: "Kabul", Bound: river.Bound(), Geom: riverGeom}},
		Cities: []City{
			{Name: "Kabul", Country: "AFG", Pos: orb.Point{0.61, 0.41}, Population: 3043532, Capital: true},
			{Name: "Jalalabad", Country: "AFG", Pos: orb.Point{0.612, 0.411}, Population: 200331},
			{Name: "Nowhere", Country: "", Pos: orb.Point{0, 1}, Population: 0},
		},
	}
}

const eps = 1.0 / quantScale

func near(a, b orb.Point) bool {
	return math.Abs(a[0]-b[0]) <= eps && math.Abs(a[1]-b[1]) <= eps
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := sample()
	data, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(in)
	if err != nil || !bytes.Equal(data, again) {
		t.Fatal("Encode is not deterministic")
	}
	out, err := Decode(data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !near(out.Bound.Min, in.Bound.Min) || !near(out.Bound.Max, in.Bound.Max) {
		t.Errorf("bound %v, want %v", out.Bound, in.Bound)
	}
	checkFeatures := func(kind string, got, want []Feature) {
		if len(got) != len(want) {
			t.Fatalf("%s: %d features, want %d", kind, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Name != w.Name || g.Code != w.Code {
				t.Errorf("%s %d: %q/%q, want %q/%q", kind, i, g.Name, g.Code, w.Name, w.Code)
			}
			if !near(g.Label, w.Label) || !near(g.Bound.Min, w.Bound.Min) || !near(g.Bound.Max, w.Bound.Max) {
				t.Errorf("%s %d: label/bound mismatch", kind, i)
			}
			for l := range w.Geom {
				if len(g.Geom[l]) != len(w.Geom[l]) {
					t.Fatalf("%s %d level %d: %d polygons, want %d", kind, i, l, len(g.Geom[l]), len(w.Geom[l]))
				}
				for p := range w.Geom[l] {
					if len(g.Geom[l][p]) != len(w.Geom[l][p]) {
						t.Fatalf("%s %d level %d polygon %d: ring count", kind, i, l, p)
					}
					for r := range w.Geom[l][p] {
						gr, wr := g.Geom[l][p][r], w.Geom[l][p][r]
						if len(gr) != len(wr) {
							t.Fatalf("%s %d level %d ring %d: %d points, want %d", kind, i, l, r, len(gr), len(wr))
						}
						for k := range wr {
							if !near(gr[k], wr[k]) {
								t.Errorf("%s %d level %d ring %d point %d: %v, want %v", kind, i, l, r, k, gr[k], wr[k])
							}
						}
						if cap(gr) != len(gr) {
							t.Errorf("ring capacity %d > length %d: appends would clobber neighbours", cap(gr), len(gr))
						}
					}
				}
			}
		}
	}
	checkFeatures("country", out.Countries, in.Countries)
	checkFeatures("province", out.Provinces, in.Provinces)
	checkFeatures("lake", out.Lakes, in.Lakes)
	if len(out.Coastlines) != 0 {
		t.Errorf("coastlines: %d, want 0", len(out.Coastlines))
	}
	if len(out.Borders) != 1 || out.Borders[0].Name != "AFG-PAK" {
		t.Fatalf("borders: %+v", out.Borders)
	}
	for l := range in.Borders[0].Geom {
		w, g := in.Borders[0].Geom[l], out.Borders[0].Geom[l]
		if len(w) != len(g) || len(w[0]) != len(g[0]) || !near(g[0][0], w[0][0]) || !near(g[0][1], w[0][1]) {
			t.Errorf("border level %d: %v, want %v", l, g, w)
		}
	}
	if len(out.Rivers) != 1 || out.Rivers[0].Name != "Kabul" {
		t.Fatalf("rivers: %+v", out.Rivers)
	}
	for l := range in.Rivers[0].Geom {
		w, g := in.Rivers[0].Geom[l], out.Rivers[0].Geom[l]
		if len(w) != len(g) {
			t.Fatalf("river level %d: %d lines, want %d", l, len(g), len(w))
		}
		for i := range w {
			for k := range w[i] {
				if !near(g[i][k], w[i][k]) {
					t.Errorf("river level %d point %d: %v, want %v", l, k, g[i][k], w[i][k])
				}
			}
		}
	}
	if len(out.Cities) != len(in.Cities) {
		t.Fatalf("cities: %d, want %d", len(out.Cities), len(in.Cities))
	}
	for i, w := range in.Cities {
		g := out.Cities[i]
		if g.Name != w.Name || g.Country != w.Country || g.Population != w.Population || g.Capital != w.Capital || !near(g.Pos, w.Pos) {
			t.Errorf("city %d: %+v, want %+v", i, g, w)
		}
	}
	// Re-encoding the decoded basemap gives the same bytes.
	re, err := Encode(out)
	if err != nil || !bytes.Equal(re, data) {
		t.Error("Encode(Decode(x)) != x")
	}
}

func TestEncodeRejectsUnprojected(t *testing.T) {
	b := sample()
	b.Cities[0].Pos = orb.Point{69.17, 34.53}
	if _, err := Encode(b); err == nil {
		t.Error("Encode accepted lon/lat coordinates")
	}
	if _, err := Encode(nil); err == nil {
		t.Error("Encode(nil) succeeded")
	}
}

func TestDecodeEmpty(t *testing.T) {
	data, err := Encode(&Basemap{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.Country("AFG") != nil || b.CountryAt(69, 34) != "" || !math.IsInf(b.DistanceToCountryKm("AFG", 69, 34), 1) {
		t.Error("empty basemap answers queries")
	}
}

func TestDecodeOtherVersion(t *testing.T) {
	data, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []byte{1, version + 1} {
		d := bytes.Clone(data[:len(data)-4])
		d[len(magic)] = v
		_, err := Decode(withCRC(d))
		if !errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), fmt.Sprintf("version %d", v)) {
			t.Errorf("Decode of version %d: %v, want an ErrVersion naming it", v, err)
		}
	}
}

func TestDecodeTruncated(t *testing.T) {
	data, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n++ {
		if _, err := Decode(data[:n]); err == nil {
			t.Fatalf("Decode of %d/%d bytes succeeded", n, len(data))
		}
	}
}

func TestDecodeCorrupt(t *testing.T) {
	data, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		c := bytes.Clone(data)
		c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
		if _, err := Decode(c); err == nil {
			t.Fatalf("Decode of corrupted data (try %d) succeeded", i)
		}
	}
	for i := 0; i < 2000; i++ {
		junk := make([]byte, rng.IntN(300))
		for k := range junk {
			junk[k] = byte(rng.Uint32())
		}
		if i%2 == 0 && len(junk) > 8 {
			copy(junk, magic+"\x01")
		}
		if _, err := Decode(junk); err == nil {
			t.Fatalf("Decode of random bytes (try %d) succeeded", i)
		}
	}
	if _, err := Decode(nil); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Decode(nil) = %v, want ErrCorrupt", err)
	}
}

// TestDecodeUncheckedBody exercises the parser itself on corrupted bodies
// whose checksum is made valid again, which the CRC would otherwise reject.
func TestDecodeUncheckedBody(t *testing.T) {
	data, err := Encode(sample())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		c := bytes.Clone(data[:len(data)-4])
		for k := 0; k < 1+rng.IntN(3); k++ {
			c[len(magic)+1+rng.IntN(len(c)-len(magic)-1)] = byte(rng.Uint32())
		}
		if rng.IntN(4) == 0 {
			c = c[:len(magic)+1+rng.IntN(len(c)-len(magic)-1)]
		}
		_, _ = Decode(withCRC(c)) // must not panic
	}
}

func FuzzDecode(f *testing.F) {
	data, err := Encode(sample())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)-4])
	f.Add([]byte(magic + "\x02"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		// Both as given and with a valid checksum, so the fuzzer reaches the
		// parser behind the CRC.
		for _, d := range [][]byte{in, withCRC(in)} {
			b, err := Decode(d)
			if err == nil && b == nil {
				t.Fatal("nil basemap without error")
			}
		}
	})
}

func TestCountryQueries(t *testing.T) {
	b := sample()
	if c := b.Country("PAK"); c == nil || c.Name != "Pakistan" {
		t.Fatalf("Country(PAK) = %v", c)
	}
	lon, lat := Unproject(orb.Point{0.615, 0.415})
	if got := b.CountryAt(lon, lat); got != "AFG" {
		t.Errorf("CountryAt centre = %q", got)
	}
	lon, lat = Unproject(orb.Point{0.607, 0.407}) // in the hole
	if got := b.CountryAt(lon, lat); got != "" {
		t.Errorf("CountryAt hole = %q", got)
	}
	lon, lat = Unproject(orb.Point{0.615, 0.415})
	if d := b.DistanceToCountryKm("AFG", lon, lat); d != 0 {
		t.Errorf("distance inside = %v", d)
	}
	// 0.001 units east of Pakistan's square at y≈0.425: ~1/1000 of the
	// equator × cos(lat) km.
	p := orb.Point{0.631, 0.425}
	lon, lat = Unproject(p)
	want := 40075.017 * 0.001 * math.Cos(lat*math.Pi/180)
	if d := b.DistanceToCountryKm("PAK", lon, lat); math.Abs(d-want) > 0.01*want {
		t.Errorf("distance = %v km, want ~%v", d, want)
	}
}

func withCRC(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
}
