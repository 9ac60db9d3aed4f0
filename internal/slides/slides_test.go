package slides

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"iskbrief/internal/brief"
	"iskbrief/internal/filter"
	"iskbrief/internal/importer"
	"iskbrief/internal/maprender"
	"iskbrief/internal/workspace"
)

func deck(t *testing.T) (*brief.Model, []workspace.Slide) {
	t.Helper()
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	from, to := filter.YearRange(2021, 2024)
	var afpak workspace.SlideState
	Capture(&afpak, filter.Filter{Countries: []string{"AFG", "PAK"}, From: from, To: to})
	afpak.West, afpak.South, afpak.East, afpak.North = 60, 28, 75, 38
	afpak.Chart = "killed"
	afpak.Selected = "afg-2021-08-26-kabul-airport-abbey-gate"
	abroad := workspace.SlideState{Countries: []string{"IRN", "TUR", "RUS"}, Chart: "timeline", ColorBy: "country"}
	return m, []workspace.Slide{
		{Title: "ISIS-K in Afghanistan and Pakistan, 2021–2024", Notes: "The Kabul airport bombing remains the deadliest.\nSources differ on tolls.", State: afpak},
		{Title: "Attacks abroad", Notes: "Kerman, Istanbul, Moscow.", State: abroad},
		{Title: "Everything", State: workspace.SlideState{Chart: "trends"}},
	}
}

func TestCaptureRoundTrip(t *testing.T) {
	from, to := filter.YearRange(2020, 2022)
	f := filter.Filter{Countries: []string{"AFG"}, From: from, To: to, MinKilled: 10, Targets: []string{"religious"}}
	var st workspace.SlideState
	Capture(&st, f)
	if got := Filter(st); got.String() != f.String() {
		t.Errorf("round trip: %q, want %q", got.String(), f.String())
	}
}

func TestExportPNGsAndPDF(t *testing.T) {
	m, ss := deck(t)
	dir := t.TempDir()
	files, err := ExportPNGs(filepath.Join(dir, "pngs"), m, ss)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || !strings.HasSuffix(files[1], "02-attacks-abroad.png") {
		t.Fatalf("files %v", files)
	}
	for _, f := range files {
		r, _ := os.Open(f)
		img, err := png.Decode(r)
		r.Close()
		if err != nil || img.Bounds().Dx() != 1920 || img.Bounds().Dy() != 1080 {
			t.Errorf("%s: %v %v", f, err, img.Bounds())
		}
	}
	pdf := filepath.Join(dir, "briefing.pdf")
	if err := ExportPDF(pdf, "Test briefing", m, ss); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pdf)
	if !strings.HasPrefix(string(b), "%PDF-") || strings.Count(string(b), "/Type /Page\n") != 3 {
		t.Errorf("not a 3-page PDF (%d bytes, %d pages)", len(b), strings.Count(string(b), "/Type /Page\n"))
	}
	if out := os.Getenv("ISK_SLIDE_DIR"); out != "" {
		os.MkdirAll(out, 0o755)
		exec.Command("cp", append(files, pdf, out)...).Run()
	}
	if _, err := ExportPNGs(filepath.Join(dir, "none"), m, nil); err == nil {
		t.Error("an empty briefing must be refused")
	}
}

func TestRenderSlideHasMapAndChart(t *testing.T) {
	m, ss := deck(t)
	img, err := Render(m, ss[0], Layout{W: 1280, H: 720, Style: maprender.Projector()})
	if err != nil {
		t.Fatal(err)
	}
	// The left part (map) is mostly land and sea colours, the right part
	// (chart) mostly white: both must hold more than one colour.
	colours := func(x0, x1 int) int {
		seen := map[[3]uint8]bool{}
		for y := 150; y < 600; y += 3 {
			for x := x0; x < x1; x += 3 {
				c := img.RGBAAt(x, y)
				seen[[3]uint8{c.R, c.G, c.B}] = true
			}
		}
		return len(seen)
	}
	if n := colours(40, 700); n < 50 {
		t.Errorf("map area has %d colours", n)
	}
	if n := colours(800, 1240); n < 5 {
		t.Errorf("chart area has %d colours", n)
	}
}

// A slide is a snapshot: an import after it was made changes nothing in it,
// unless the slide follows the data.
func TestSlideIsASnapshot(t *testing.T) {
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	m.MergeDuplicates = false
	var st workspace.SlideState
	Capture(&st, filter.Filter{Countries: []string{"RUS"}})
	st.Records = m.Pin(m.Select(Filter(st), ColorBy(st)))
	pinned := workspace.Slide{Title: "Russia", State: st}
	live := pinned
	live.State.Records, live.State.Live = nil, true
	before := len(Selection(m, pinned).Index)
	// An imported layer with one more event in Russia.
	m.AddLayer(&brief.Layer{Meta: workspace.Layer{ID: 7, Name: "import", Visible: true},
		Events: []importer.Event{{ID: "x", Country: "RUS", Lat: 55.75, Lon: 37.6, Killed: 3, KilledLow: 3, KilledHigh: 3, Wounded: -1, Line: 2}}})
	if got := len(Selection(m, pinned).Index); got != before {
		t.Errorf("the pinned slide went from %d to %d events after an import", before, got)
	}
	if got := len(Selection(m, live).Index); got != before+1 {
		t.Errorf("the live slide shows %d events, want %d", got, before+1)
	}
}
