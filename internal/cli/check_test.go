package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"iskbrief/internal/brief"
	"iskbrief/internal/workspace"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckEmbeddedAndFolder(t *testing.T) {
	if code, out, errs := run("check"); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("check: %d %q %q", code, out, errs)
	}
	if code, out, _ := run("check", "../../assets/data"); code != 0 || !strings.Contains(out, "events") {
		t.Fatalf("check assets/data: %d %q", code, out)
	}
}

func TestCheckCatchesABrokenCopy(t *testing.T) {
	dir := t.TempDir()
	ents, _ := os.ReadDir("../../assets/data")
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join("../../assets/data", e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
	}
	// Move the first event to Paris and cite a source that does not exist.
	p := filepath.Join(dir, "events.csv")
	b, _ := os.ReadFile(p)
	lines := strings.SplitN(string(b), "\n", 4)
	f := strings.Split(lines[1], ",")
	second := strings.Split(lines[2], ",")[0]
	lines[1] = strings.Replace(lines[1], f[0]+","+f[1], f[0]+",2015-13-40", 1)
	os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
	os.WriteFile(filepath.Join(dir, "reports.csv"), append(mustRead(t, filepath.Join(dir, "reports.csv")), []byte(second+",nobody,1,,,,,settled,\n")...), 0o644)

	code, out, _ := run("check", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; output:\n%s", code, out)
	}
	for _, want := range []string{dir + "/events.csv:2: " + f[0] + ": date \"2015-13-40\" is not a date", dir + "/reports.csv:", "source \"nobody\" does not exist", "problem(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// readPNG decodes a PNG file a command wrote.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", path, err)
	}
	return img
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExportMap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	code, stdout, stderr := run("export", "map", "--out", out, "--width", "800", "--height", "450", "--country", "AFG", "--from", "2021", "--to", "2021")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	img := readPNG(t, out)
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 450 {
		t.Errorf("size %v, want 800×450", b)
	}
	if !strings.Contains(stdout, "events)") {
		t.Errorf("stdout %q", stdout)
	}
}

func TestExportMapRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("event_date,latitude,longitude,fatalities,country\n2021-08-26,34.5,69.2,1,AFG\n2021-08-26,34.5,north,1,AFG\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, []byte("event_date,latitude,longitude,fatalities,country\n"), 0o644)
	out := filepath.Join(dir, "m.png")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "map", "--out", out, "--events", bad}, 1, "bad.csv:3: latitude"},
		{[]string{"export", "map", "--out", out, "--events", empty}, 1, "no events"},
		{[]string{"export", "map", "--out", out, "--bbox", "1,2,3"}, 2, "expected lon1,lat1,lon2,lat2"},
		{[]string{"export", "map", "--out", out, "--country", "XYZ"}, 2, "expected ISO3 codes"},
		{[]string{"export", "map"}, 2, "needs --out"},
		{[]string{"export", "map", "--out", filepath.Join(dir, "no", "such", "dir.png")}, 1, "cannot write"},
		{[]string{"frobnicate"}, 2, "unknown command"},
	}
	for _, c := range cases {
		code, _, stderr := run(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed export left a file behind")
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run("version")
	if code != 0 || !strings.Contains(out, "dataset 20") || !strings.Contains(out, "commit") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestImportSavesALayerIntoTheWorkspace(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws.db")
	t.Setenv("ISKBRIEF_WORKSPACE", ws)
	code, out, errs := run("import", "../../testdata/acled.csv")
	if code != 0 || !strings.Contains(out, "saved 8 events as layer \"acled\"") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	s, err := workspace.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	m.MergeDuplicates = false
	if errs := m.LoadLayers(s); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(m.Layers) != 1 || len(m.Layers[0].Events) != 8 || len(m.Records) != len(m.Embedded)+8 {
		t.Fatalf("layers %d, records %d (embedded %d)", len(m.Layers), len(m.Records), len(m.Embedded))
	}
	// The sample's events are real, reported attacks, so they duplicate
	// embedded ones: merging folds them into the dataset's markers.
	m.MergeDuplicates = true
	m.Rebuild()
	folded := 0
	for _, refs := range m.Duplicates {
		folded += len(refs)
	}
	if folded == 0 || len(m.Records)+folded != len(m.Embedded)+8 {
		t.Errorf("merge: %d records, %d folded", len(m.Records), folded)
	}
}

func TestExportRefusesAMisleadingExtension(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "map", "--out", filepath.Join(dir, "x.jpg")},
		{"export", "chart", "--kind", "trends", "--out", filepath.Join(dir, "t.pdf")},
		{"export", "chart", "--kind", "trends", "--format", "svg", "--out", filepath.Join(dir, "t.png")},
	} {
		if code, _, stderr := run(args...); code != 2 || !strings.Contains(stderr, "file name") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files written: %v", ents)
	}
}

// export events writes the Events tab's table: the filters of export map,
// its columns, its order; --bbox keeps the events inside the box.
func TestExportEvents(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "events.csv")
	code, stdout, stderr := run("export", "events", "--out", out, "--country", "AFG", "--from", "2021", "--to", "2021", "--sort", "killed")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 5 || recs[0][0] != "Date" || recs[0][3] != "Killed" {
		t.Fatalf("%d lines, header %v", len(recs), recs[0])
	}
	if !strings.Contains(stdout, fmt.Sprintf("(%d events)", len(recs)-1)) {
		t.Errorf("stdout %q for %d rows", stdout, len(recs)-1)
	}
	top := recs[1]
	if !strings.HasPrefix(top[0], "2021-08-26") || top[2] != "AFG" {
		t.Errorf("deadliest 2021 attack first: got %v", top)
	}
	for _, r := range recs[1:] {
		if r[2] != "AFG" || !strings.HasPrefix(r[0], "2021-") {
			t.Errorf("row outside the filter: %v", r)
		}
	}
	// Kabul only: every row inside the box.
	code, stdout, stderr = run("export", "events", "--out", "-", "--bbox", "69.0,34.4,69.3,34.65")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(rows) < 10 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	for _, r := range rows[1:] {
		lat, _ := strconv.ParseFloat(r[13], 64)
		lon, _ := strconv.ParseFloat(r[14], 64)
		if lat < 34.4 || lat > 34.65 || lon < 69 || lon > 69.3 {
			t.Errorf("outside the box: %v", r)
		}
	}
	// An --events file saved as Latin-1 keeps its "Türkiye".
	latin := filepath.Join(dir, "latin1.csv")
	os.WriteFile(latin, []byte("event_date,latitude,longitude,fatalities,country\n2024-01-28,41.1,29.05,1,T\xfcrkiye\n"), 0o644)
	if code, stdout, stderr := run("export", "events", "--events", latin, "--out", "-"); code != 0 || !strings.Contains(stdout, ",TUR,") {
		t.Errorf("Latin-1 events file: exit %d, %q %q", code, stdout, stderr)
	}
	for _, bad := range [][]string{{"--out", out, "--sort", "colour"}, {"--out", out, "--format", "xlsx"}, {}} {
		if code, _, _ := run(append([]string{"export", "events"}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}
