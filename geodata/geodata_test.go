package geodata

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"iskbrief/internal/basemap"
)

func load(t testing.TB) *basemap.Basemap {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

func TestLoadReturnsSamePointer(t *testing.T) {
	a := load(t)
	b := load(t)
	if a != b {
		t.Fatal("Load returned different pointers")
	}
}

func TestCountryAt(t *testing.T) {
	b := load(t)
	cases := []struct {
		name     string
		lon, lat float64
		want     string
	}{
		{"Kabul", 69.17, 34.53, "AFG"},
		{"Jalalabad", 70.45, 34.43, "AFG"},
		{"Kandahar", 65.71, 31.61, "AFG"},
		{"Karachi", 67.01, 24.86, "PAK"},
		{"Quetta", 67.00, 30.18, "PAK"},
		{"Peshawar", 71.58, 34.01, "PAK"},
		{"Tehran", 51.39, 35.69, "IRN"},
		{"Kerman", 57.08, 30.28, "IRN"},
		{"Istanbul", 28.98, 41.01, "TUR"},
		{"Ankara", 32.86, 39.93, "TUR"},
		{"Moscow", 37.62, 55.75, "RUS"},
		{"Krasnogorsk", 37.39, 55.83, "RUS"},
		{"Makhachkala", 47.50, 42.98, "RUS"},
		{"Dushanbe", 68.78, 38.56, "TJK"},
		{"Arabian Sea", 64.0, 20.0, ""},
		{"Arabian Sea south", 62.0, 17.0, ""},
		{"Caspian Sea", 51.0, 42.0, ""},
	}
	for _, c := range cases {
		if got := b.CountryAt(c.lon, c.lat); got != c.want {
			t.Errorf("CountryAt(%s %v,%v) = %q, want %q", c.name, c.lon, c.lat, got, c.want)
		}
	}
}

func TestCountries(t *testing.T) {
	b := load(t)
	for _, iso := range []string{"AFG", "PAK", "IRN", "TUR", "RUS", "TJK", "UZB", "TKM", "IRQ", "SYR", "IND", "KAZ"} {
		c := b.Country(iso)
		if c == nil {
			t.Errorf("Country(%s) missing", iso)
			continue
		}
		if c.Name == "" {
			t.Errorf("Country(%s) has no name", iso)
		}
		for l := range c.Geom {
			if len(c.Geom[l]) == 0 {
				t.Errorf("Country(%s) level %d is empty", iso, l)
			}
		}
		if !c.Bound.Contains(c.Label) {
			t.Errorf("Country(%s) label %v outside bound", iso, c.Label)
		}
		lon, lat := basemap.Unproject(c.Label)
		if got := b.CountryAt(lon, lat); got != iso {
			t.Errorf("Country(%s) label at %.2f,%.2f lies in %q", iso, lon, lat, got)
		}
	}
	if b.Country("USA") != nil {
		t.Error("Country(USA) should be absent")
	}
	if n := b.Country("AFG").Name; n != "Afghanistan" {
		t.Errorf("AFG name = %q", n)
	}
}

func TestProvinces(t *testing.T) {
	b := load(t)
	count := map[string]int{}
	names := map[string]bool{}
	for _, p := range b.Provinces {
		count[p.Code]++
		key := p.Code + "/" + p.Name
		if names[key] {
			t.Errorf("duplicate province %s", key)
		}
		names[key] = true
		if len(p.Geom[0]) == 0 {
			t.Errorf("province %s has no geometry", key)
		}
	}
	if count["AFG"] != 34 {
		t.Errorf("AFG has %d provinces, want 34", count["AFG"])
	}
	if count["PAK"] < 7 {
		t.Errorf("PAK has %d provinces, want at least 7", count["PAK"])
	}
	for _, want := range []string{"AFG/Kabul", "AFG/Nangarhar", "AFG/Panjshir", "AFG/Daykundi", "AFG/Parwan", "AFG/Urozgan",
		"PAK/Balochistan", "PAK/Khyber Pakhtunkhwa", "PAK/Sindh", "PAK/Punjab", "IRN/Tehran", "TUR/Istanbul", "RUS/Moscow", "RUS/Republic of Dagestan"} {
		if !names[want] {
			t.Errorf("province %s missing", want)
		}
	}
	// FATA was merged into Khyber Pakhtunkhwa in 2018.
	if names["PAK/Federally Administered Tribal Areas"] {
		t.Error("FATA should be part of Khyber Pakhtunkhwa")
	}
}

func TestCities(t *testing.T) {
	b := load(t)
	var kabul *basemap.City
	for i := range b.Cities {
		c := &b.Cities[i]
		if i > 0 && c.Population > b.Cities[i-1].Population {
			t.Fatalf("cities not sorted by population at %d (%s)", i, c.Name)
		}
		if c.Name == "Kabul" && c.Country == "AFG" {
			kabul = c
		}
	}
	if kabul == nil {
		t.Fatal("no city named Kabul")
	}
	if !kabul.Capital {
		t.Error("Kabul is not flagged as capital")
	}
	lon, lat := basemap.Unproject(kabul.Pos)
	if math.Abs(lon-69.17) > 0.1 || math.Abs(lat-34.53) > 0.1 {
		t.Errorf("Kabul at %.3f,%.3f", lon, lat)
	}
}

func TestDistanceToCountryKm(t *testing.T) {
	b := load(t)
	if d := b.DistanceToCountryKm("AFG", 69.17, 34.53); d != 0 {
		t.Errorf("Kabul to AFG = %v km, want 0", d)
	}
	// In the Arabian Sea a little south-west of Karachi.
	d := b.DistanceToCountryKm("PAK", 66.90, 24.70)
	if !(d > 0 && d < 30) {
		t.Errorf("sea near Karachi to PAK = %v km, want small but > 0", d)
	}
	// Kabul is some 200 km from Pakistan.
	if d := b.DistanceToCountryKm("PAK", 69.17, 34.53); d < 50 || d > 300 {
		t.Errorf("Kabul to PAK = %v km", d)
	}
	if d := b.DistanceToCountryKm("USA", 69.17, 34.53); !math.IsInf(d, 1) {
		t.Errorf("absent country distance = %v, want +Inf", d)
	}
}

// TestRegion checks the clip box reaches lon 5–115°E, lat 5–66°N.
func TestRegion(t *testing.T) {
	b := load(t)
	lon0, lat1 := basemap.Unproject(b.Bound.Min)
	lon1, lat0 := basemap.Unproject(b.Bound.Max)
	if math.Abs(lon0-5) > 1e-4 || math.Abs(lon1-115) > 1e-4 || math.Abs(lat0-5) > 1e-4 || math.Abs(lat1-66) > 1e-4 {
		t.Errorf("region %.4f..%.4f E, %.4f..%.4f N", lon0, lon1, lat0, lat1)
	}
	for _, c := range []struct {
		name     string
		lon, lat float64
		want     string
	}{
		{"Rome", 12.50, 41.90, "ITA"},
		{"Hohhot", 111.67, 40.82, "CHN"},
		{"Khartoum", 32.53, 15.59, "SDN"},
		{"Colombo", 79.86, 6.93, "LKA"},
	} {
		if got := b.CountryAt(c.lon, c.lat); got != c.want {
			t.Errorf("CountryAt(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

// borderDistanceKm returns the distance in km from a point to a line's finest
// geometry (nearest point found in Mercator space, as DistanceToCountryKm).
func borderDistanceKm(l *basemap.Line, lon, lat float64) float64 {
	p := basemap.Project(lon, lat)
	best := math.Inf(1)
	var bestPt orb.Point
	for _, s := range l.Geom[0] {
		for i := 1; i < len(s); i++ {
			a, c := s[i-1], s[i]
			dx, dy := c[0]-a[0], c[1]-a[1]
			q := a
			if l2 := dx*dx + dy*dy; l2 > 0 {
				u := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
				q = orb.Point{a[0] + u*dx, a[1] + u*dy}
			}
			if d := planar.DistanceSquared(p, q); d < best {
				best, bestPt = d, q
			}
		}
	}
	lon2, lat2 := basemap.Unproject(bestPt)
	const rad = math.Pi / 180
	h := math.Pow(math.Sin((lat2-lat)*rad/2), 2) + math.Cos(lat*rad)*math.Cos(lat2*rad)*math.Pow(math.Sin((lon2-lon)*rad/2), 2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(h))
}

func TestBorders(t *testing.T) {
	b := load(t)
	if len(b.Borders) == 0 {
		t.Fatal("no borders")
	}
	var afgPak *basemap.Line
	seen := map[string]bool{}
	for i := range b.Borders {
		l := &b.Borders[i]
		parts := strings.Split(l.Name, "-")
		if len(parts) != 2 || len(parts[0]) != 3 || parts[0] >= parts[1] {
			t.Errorf("border name %q is not ISO3A-ISO3B sorted", l.Name)
		} else if b.Country(parts[0]) == nil || b.Country(parts[1]) == nil {
			t.Errorf("border %q: a side has no country polygon", l.Name)
		}
		if seen[l.Name] {
			t.Errorf("border %q listed twice", l.Name)
		}
		seen[l.Name] = true
		if len(l.Geom[0]) == 0 {
			t.Errorf("border %q has no geometry", l.Name)
		}
		if l.Name == "AFG-PAK" {
			afgPak = l
		}
	}
	for _, want := range []string{"AFG-IRN", "IRN-PAK", "IND-PAK", "RUS-UKR", "SYR-TUR"} {
		if !seen[want] {
			t.Errorf("border %s missing", want)
		}
	}
	if afgPak == nil {
		t.Fatal("no border named AFG-PAK")
	}
	if d := borderDistanceKm(afgPak, 71.10, 34.11); d > 3 {
		t.Errorf("AFG-PAK border is %.2f km from Torkham, want <= 3", d)
	}
	// The border is made of the very vertices of both countries' polygons at
	// every level, so fills and strokes coincide.
	vertices := func(iso string, l int) map[orb.Point]bool {
		m := map[orb.Point]bool{}
		for _, p := range b.Country(iso).Geom[l] {
			for _, r := range p {
				for _, pt := range r {
					m[pt] = true
				}
			}
		}
		return m
	}
	for l := range afgPak.Geom {
		if len(afgPak.Geom[l]) == 0 {
			t.Errorf("AFG-PAK level %d empty", l)
		}
		afg, pak := vertices("AFG", l), vertices("PAK", l)
		for _, s := range afgPak.Geom[l] {
			for _, pt := range s {
				if !afg[pt] || !pak[pt] {
					t.Fatalf("AFG-PAK level %d vertex %v is not a vertex of both countries", l, pt)
				}
			}
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := basemap.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGeometryWellFormed(t *testing.T) {
	b := load(t)
	check := func(kind string, fs []basemap.Feature) {
		for _, f := range fs {
			for l, mp := range f.Geom {
				for _, p := range mp {
					for _, r := range p {
						if len(r) < 4 || r[0] != r[len(r)-1] {
							t.Errorf("%s %s/%s level %d: ring of %d points not closed", kind, f.Code, f.Name, l, len(r))
						}
						for _, pt := range r {
							if !b.Bound.Contains(pt) {
								t.Errorf("%s %s level %d: point %v outside the region %v", kind, f.Name, l, pt, b.Bound)
								break
							}
						}
					}
				}
			}
			if len(f.Geom[0]) > 0 && !planar.MultiPolygonContains(f.Geom[0], f.Label) {
				t.Errorf("%s %s/%s: label %v not inside", kind, f.Code, f.Name, f.Label)
			}
		}
	}
	check("country", b.Countries)
	check("province", b.Provinces)
	check("lake", b.Lakes)
	for _, set := range [][]basemap.Line{b.Coastlines, b.Borders, b.Rivers} {
		for _, l := range set {
			for lv, mls := range l.Geom {
				for _, s := range mls {
					if len(s) < 2 {
						t.Errorf("line %q level %d: %d points", l.Name, lv, len(s))
					}
				}
			}
		}
	}
	if len(b.Coastlines) == 0 || len(b.Borders) == 0 || len(b.Rivers) == 0 || len(b.Lakes) == 0 {
		t.Errorf("coastlines %d, borders %d, rivers %d, lakes %d", len(b.Coastlines), len(b.Borders), len(b.Rivers), len(b.Lakes))
	}
	codes := map[string]bool{}
	for _, c := range b.Countries {
		codes[c.Code] = true
	}
	for _, c := range b.Cities {
		if !codes[c.Country] {
			t.Errorf("city %s: country %q has no polygon", c.Name, c.Country)
		}
	}
	for _, p := range b.Provinces {
		if !codes[p.Code] {
			t.Errorf("province %s: parent %q has no polygon", p.Name, p.Code)
		}
	}
}
