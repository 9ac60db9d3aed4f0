package dataset_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
)

// dataFiles are the files of a data folder, fuzzed one at a time.
var dataFiles = []string{dataset.EventsFile, dataset.ReportsFile, dataset.SourcesFile, dataset.FightersFile, dataset.MilestonesFile, dataset.AnnualFile, dataset.VersionFile}

// FuzzLoad feeds `iskbrief check` a data folder whose one file is replaced
// by arbitrary bytes: loading and validating never panic, and every problem
// names a file (and a line when it is about one).
func FuzzLoad(f *testing.F) {
	// The other files are the embedded ones cut to their first lines, so
	// each run is cheap (cross-file references then fail, which is checked
	// too).
	head := func(name string, lines int) []byte {
		b, err := fs.ReadFile(assets.Data, name)
		if err != nil {
			f.Fatal(err)
		}
		parts := strings.SplitAfterN(string(b), "\n", lines+1)
		return []byte(strings.Join(parts[:min(lines, len(parts))], ""))
	}
	base := fstest.MapFS{}
	for _, name := range dataFiles {
		base[name] = &fstest.MapFile{Data: head(name, 30)}
	}
	for i, name := range dataFiles {
		f.Add(uint8(i), head(name, 4))
	}
	f.Add(uint8(0), []byte("id,date\n\"unclosed,2020-01-01\nx,y\n"))
	f.Add(uint8(1), []byte("event_id,source_id,killed\nx,y,NaN\nx,y,99999999999999999999\n"))
	f.Add(uint8(2), []byte("\x00\x00\xff\xfe"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		name := dataFiles[int(which)%len(dataFiles)]
		fsys[name] = &fstest.MapFile{Data: data}
		d, probs := dataset.Load(fsys)
		for _, p := range probs {
			if p.File == "" {
				t.Fatalf("a problem names no file: %+v", p)
			}
		}
		if d != nil {
			for _, p := range dataset.Validate(d, nil, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
				if p.File == "" {
					t.Fatalf("a validation problem names no file: %+v", p)
				}
			}
		}
	})
}
