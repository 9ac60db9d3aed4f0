// Command benchdata writes the inputs of `make bench-peers`: synthetic
// events files (events.SyntheticCSV) and the basemap's countries as GeoJSON
// in longitude/latitude, so every tool draws the same data.
//
//	go run ./scripts/benchdata -dir build/bench
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"iskbrief/geodata"
	"iskbrief/internal/atomicfile"
	"iskbrief/internal/basemap"
	"iskbrief/internal/events"
	"iskbrief/internal/importer"
)

func main() {
	dir := flag.String("dir", "build/bench", "output folder")
	acled := flag.Int("acled", 0, "also write acled-N.csv: N synthetic rows in the ACLED layout (for make bench-memory)")
	flag.Parse()
	if *acled > 0 {
		if err := writeACLED(*dir, *acled); err != nil {
			fmt.Fprintln(os.Stderr, "benchdata:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, n := range map[string]int{"events-100k.csv": 100_000, "events-1m.csv": 1_000_000} {
		if err := atomicfile.Write(filepath.Join(dir, name), events.SyntheticCSV(n), 0o644); err != nil {
			return err
		}
	}
	bm, err := geodata.Load()
	if err != nil {
		return err
	}
	// Plain GeoJSON structs: orb's geojson package would pull in a BSON
	// dependency for this one file.
	type geometry struct {
		Type        string           `json:"type"`
		Coordinates [][][][2]float64 `json:"coordinates"`
	}
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   geometry          `json:"geometry"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection"}
	for _, c := range bm.Countries {
		g := geometry{Type: "MultiPolygon"}
		for _, poly := range c.Geom[0] {
			var p [][][2]float64
			for _, ring := range poly {
				var r [][2]float64
				for _, pt := range ring {
					lon, lat := basemap.Unproject(pt)
					r = append(r, [2]float64{lon, lat})
				}
				p = append(p, r)
			}
			g.Coordinates = append(g.Coordinates, p)
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", Properties: map[string]string{"iso3": c.Code}, Geometry: g})
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "countries.geojson"), b, 0o644)
}

// writeACLED streams n synthetic ACLED rows to dir/acled-N.csv.
func writeACLED(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, fmt.Sprintf("acled-%d.csv", n))
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, importer.NewSyntheticACLED(n)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}
