package geodata

import (
	"math"
	"testing"

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
	for _, set := range [][]basemap.Line{b.Coastlines, b.Rivers} {
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
	if len(b.Coastlines) == 0 || len(b.Rivers) == 0 || len(b.Lakes) == 0 {
		t.Errorf("coastlines %d, rivers %d, lakes %d", len(b.Coastlines), len(b.Rivers), len(b.Lakes))
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
