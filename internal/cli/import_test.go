package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"iskbrief/internal/workspace"
)

func runImportCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(append([]string{"import"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func sample(name string) string { return filepath.Join("..", "..", "testdata", name) }

func TestImportDryRunEveryTestdataFile(t *testing.T) {
	for _, c := range []struct {
		file string
		code int
		want []string
	}{
		{"acled.csv", 0, []string{"layout:   acled", "9 read, 8 kept, 1 filtered (1 actor, 0 country), 0 skipped"}},
		{"acled-2019.csv", 0, []string{"layout:   acled-2019", "5 read, 5 kept"}},
		{"acled-legacy.csv", 0, []string{"layout:   acled-legacy", "3 read, 3 kept"}},
		{"acled-malformed.csv", 0, []string{"7 read, 2 kept, 0 filtered (0 actor, 0 country), 5 skipped",
			sample("acled-malformed.csv") + `:3: event_date: "32 January 2024" is not a date`,
			sample("acled-malformed.csv") + ":4: latitude: ", sample("acled-malformed.csv") + ":5: latitude: coordinates 0,0",
			sample("acled-malformed.csv") + ":6: 12 fields, expected 31", sample("acled-malformed.csv") + ":8: notes: malformed CSV",
			"skipped by reason: bad coordinates 1, bad date 1, coordinates 0,0 1, malformed CSV 1, wrong number of fields 1"}},
		{"gtd.csv", 0, []string{"layout:   gtd", "8 read, 7 kept, 1 filtered"}},
		{"gtd-134.csv", 0, []string{"layout:   gtd", "1 read, 1 kept"}},
		{"ucdp-ged.csv", 0, []string{"layout:   ucdp-ged", "6 read, 5 kept, 1 filtered"}},
		{"ucdp-ged-hdx.csv", 0, []string{"layout:   ucdp-ged (HDX #hashtag row skipped)", "3 read, 3 kept"}},
		{"generic.csv", 0, []string{"layout:   generic-csv", "5 read, 5 kept"}},
		{"events-header.csv", 0, []string{"layout:   generic-csv", "3 read, 3 kept"}},
		{"events.geojson", 0, []string{"layout:   geojson", "5 read, 5 kept"}},
		{"bad-features.geojson", 0, []string{"4 read, 1 kept", "geometry: geometry LineString", "properties.date"}},
		{"acled-header-only.csv", 1, []string{"REFUSED", "no usable rows: the file has a header but no data rows"}},
		{"generic-no-usable.csv", 1, []string{"REFUSED", "2 read, 0 kept", "no usable rows"}},
		{"empty.csv", 1, []string{"REFUSED", "empty file"}},
		{"unknown-header.csv", 1, []string{"REFUSED", "unknown layout", "acled", "gtd", "ucdp-ged", "generic-csv", "geojson"}},
		{"truncated.geojson", 1, []string{"REFUSED", "truncated GeoJSON"}},
	} {
		code, out, errs := runImportCmd(sample(c.file), "--dry-run")
		if code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s%s", c.file, code, c.code, out, errs)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out+errs, w) {
				t.Errorf("%s: output lacks %q:\n%s%s", c.file, w, out, errs)
			}
		}
		if c.code == 0 && !strings.Contains(out, "dry run: nothing saved") {
			t.Errorf("%s: %s", c.file, out)
		}
	}
}

func TestImportOptionsAndExitCodes(t *testing.T) {
	code, out, _ := runImportCmd("--dry-run", "--actor", "all", sample("acled.csv"), "--country", "AFG,PAK")
	if code != 0 || !strings.Contains(out, "9 read, 6 kept, 3 filtered (0 actor, 3 country)") {
		t.Fatalf("--actor all --country: %d\n%s", code, out)
	}
	code, out, _ = runImportCmd(sample("acled.csv"), "--dry-run", "--actor", "Jamaat")
	if code != 0 || !strings.Contains(out, "1 kept") {
		t.Fatalf("--actor TEXT: %d\n%s", code, out)
	}
	// One refused file fails the whole import.
	if code, _, errs := runImportCmd("--dry-run", sample("acled.csv"), sample("empty.csv")); code != 1 || !strings.Contains(errs, "1 of 2 file(s) refused") {
		t.Fatalf("mixed: %d %s", code, errs)
	}
	for _, args := range [][]string{{}, {"--dry-run"}, {"--bogus", sample("acled.csv")}, {"--dry-run", "--country", "Atlantis,", sample("acled.csv")}, {"--dry-run", "--actor", " ", sample("acled.csv")}} {
		if code, _, _ := runImportCmd(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runImportCmd(sample("missing.csv"), "--dry-run"); code != 1 || !strings.Contains(errs, "missing.csv") {
		t.Errorf("missing file: %d %s", code, errs)
	}
}

func TestImportSaveLayer(t *testing.T) {
	dir := t.TempDir()
	layers := func(path string) []workspace.Layer {
		t.Helper()
		s, err := workspace.OpenExisting(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ls, err := s.Layers()
		if err != nil {
			t.Fatal(err)
		}
		return ls
	}
	// --workspace names the file; the layers land there, one per file.
	ws := filepath.Join(dir, "flag.db")
	code, out, errs := runImportCmd(sample("acled.csv"), sample("events.geojson"), "--workspace", ws)
	if code != 0 || !strings.Contains(out, "saved 8 events as layer") {
		t.Fatalf("save: %d %s %s", code, out, errs)
	}
	if ls := layers(ws); len(ls) != 2 || ls[0].Events != 8 {
		t.Fatalf("stored layers: %+v", ls)
	}
	// Without the flag, $ISKBRIEF_WORKSPACE decides.
	env := filepath.Join(dir, "env.db")
	t.Setenv(workspace.EnvVar, env)
	if code, out, errs := runImportCmd(sample("acled.csv")); code != 0 || !strings.Contains(out, env) {
		t.Fatalf("env workspace: %d %s %s", code, out, errs)
	}
	if ls := layers(env); len(ls) != 1 {
		t.Fatalf("env layers: %+v", ls)
	}
	// A refused file saves nothing, not even the good one beside it.
	if code, _, _ := runImportCmd(sample("acled.csv"), sample("truncated.geojson")); code != 1 {
		t.Fatalf("a refused file must fail the command: %d", code)
	}
	if ls := layers(env); len(ls) != 1 {
		t.Fatalf("a refused import saved %d layers", len(ls)-1)
	}
	// A folder where the workspace should be is an error that says so.
	if code, _, errs := runImportCmd(sample("acled.csv"), "--workspace", dir); code != 1 || !strings.Contains(errs, dir) {
		t.Fatalf("folder as workspace: %d %s", code, errs)
	}
}
