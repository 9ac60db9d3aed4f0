package cli

import (
	"archive/zip"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"iskbrief/internal/brief"
	"iskbrief/internal/importer"
	"iskbrief/internal/slides"
	"iskbrief/internal/workspace"
)

// Every command treats an unknown flag or a stray argument the same way:
// exit status 2 and a pointer to the usage.
func TestUnknownFlagsAndStrayArgumentsExit2(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.png")
	for _, args := range [][]string{
		{"export", "map", "--out", out, "--bogus"},
		{"export", "map", "--out", out, "stray"},
		{"export", "chart", "--kind", "trends", "--out", out, "--style", "dark"},
		{"export", "chart", "--kind", "trends", "--out", out, "--color-by", "claim"},
		{"export", "chart", "--kind", "trends", "--out", out, "--title", "X"},
		{"export", "chart", "--kind", "trends", "--out", out, "stray"},
		{"export", "slides", "--pdf", out, "stray"},
		{"export", "slides", "--pdf", out, "--bogus"},
		{"check", "--bogus"},
		{"check", "a", "b"},
		{"version", "--bogus"},
		{"version", "stray"},
		{"import", "--bogus", "f.csv"},
	} {
		code, _, stderr := run(args...)
		if code != 2 || !strings.Contains(stderr, "iskbrief help") {
			t.Errorf("%v: exit %d, %q; want 2 with usage", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused command wrote a file")
	}
}

// workspaceWithSlide makes a workspace holding one briefing of one slide
// over Afghanistan, and an imported layer of 8 ACLED events.
func workspaceWithSlide(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ws.db")
	s, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.CreateBriefing("Test briefing")
	if err != nil {
		t.Fatal(err)
	}
	var st workspace.SlideState
	st.Countries = []string{"AFG"}
	st.Chart = "trends"
	if _, err := s.AddSlide(b, "Afghanistan", "notes", st); err != nil {
		t.Fatal(err)
	}
	res, err := importer.ReadFile(sample("acled.csv"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := brief.SaveLayer(s, res, "acled"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportSlidesUsesTheWorkspaceEnvironmentVariable(t *testing.T) {
	ws := workspaceWithSlide(t)
	t.Setenv(workspace.EnvVar, ws)
	t.Setenv("HOME", t.TempDir()) // the default workspace must not be touched
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	pdf := filepath.Join(t.TempDir(), "b.pdf")
	code, out, stderr := run("export", "slides", "--pdf", pdf)
	if code != 0 || !strings.Contains(out, "1 pages") {
		t.Fatalf("export slides with %s=%s: %d %s %s", workspace.EnvVar, ws, code, out, stderr)
	}
	def, _ := workspace.DefaultPath()
	if _, err := os.Stat(def); !os.IsNotExist(err) {
		t.Errorf("the default workspace %s was created", def)
	}
}

func TestExportSlidesNeverCreatesAWorkspace(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "typo.db")
	code, _, stderr := run("export", "slides", "--workspace", typo, "--pdf", filepath.Join(t.TempDir(), "b.pdf"))
	if code != 1 || !strings.Contains(stderr, "no workspace at "+typo) {
		t.Errorf("mistyped workspace: %d %q", code, stderr)
	}
	if _, err := os.Stat(typo); !os.IsNotExist(err) {
		t.Error("export slides created the mistyped workspace")
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	s, _ := workspace.Open(empty)
	s.Close()
	if code, _, stderr := run("export", "slides", "--workspace", empty, "--pdf", filepath.Join(t.TempDir(), "b.pdf")); code != 1 || !strings.Contains(stderr, "has no briefings yet") {
		t.Errorf("empty workspace: %d %q", code, stderr)
	}
	ws := workspaceWithSlide(t)
	if code, _, stderr := run("export", "slides", "--workspace", ws, "--briefing", "42", "--pdf", filepath.Join(t.TempDir(), "b.pdf")); code != 1 || !strings.Contains(stderr, "no briefing with id 42; it has 1 (Test briefing)") {
		t.Errorf("unknown briefing: %d %q", code, stderr)
	}
}

// The exported slides draw the stored layers, as the window does.
func TestExportSlidesDrawsTheStoredLayers(t *testing.T) {
	ws := workspaceWithSlide(t)
	s, err := workspace.OpenExisting(ws)
	if err != nil {
		t.Fatal(err)
	}
	ss, _ := s.Slides(1)
	m, _ := brief.Load()
	m.MergeDuplicates = false // show the layer's events beside the dataset's, as the window can
	without, err := slides.Render(m, ss[0], slides.Layout{W: 1920, H: 1080})
	if err != nil {
		t.Fatal(err)
	}
	if errs := m.LoadLayers(s); len(errs) > 0 {
		t.Fatal(errs)
	}
	s.Close()
	with, _ := slides.Render(m, ss[0], slides.Layout{W: 1920, H: 1080})
	if same(with, without) {
		t.Fatal("the layer changes nothing on the slide: the test cannot tell")
	}
	// The command line reads the merge choice from nowhere: it draws the
	// layers unmerged only if told; by default (merged) it must still load them.
	dir := t.TempDir()
	t.Setenv(workspace.EnvVar, ws)
	if code, _, stderr := run("export", "slides", "--png-dir", dir); code != 0 {
		t.Fatalf("export slides: %d %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	got := readPNG(t, files[0])
	m2, _ := brief.Load()
	s2, _ := workspace.OpenExisting(ws)
	m2.LoadLayers(s2)
	s2.Close()
	want, _ := slides.Render(m2, ss[0], slides.Layout{W: 1920, H: 1080})
	noLayers, _ := slides.Render(func() *brief.Model { x, _ := brief.Load(); return x }(), ss[0], slides.Layout{W: 1920, H: 1080})
	if !same(got, want) {
		t.Error("export slides differs from the slide drawn over the stored layers")
	}
	if same(want, noLayers) {
		t.Log("merged, the layer folds into the dataset's markers: the comparison above is the check")
	}
}

func same(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				return false
			}
		}
	}
	return true
}

// export slides --pptx writes a deck whose slides and speaker notes are
// those of the briefing (LibreOffice's reading of it is tested in pptx).
func TestExportSlidesPowerPoint(t *testing.T) {
	ws := workspaceWithSlide(t)
	out := filepath.Join(t.TempDir(), "b.pptx")
	if code, so, se := run("export", "slides", "--workspace", ws, "--pptx", out); code != 0 || !strings.Contains(so, "1 slides") {
		t.Fatalf("export slides --pptx: %d %s %s", code, so, se)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var slideText, notesText string
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasPrefix(f.Name, "ppt/slides/slide"):
			slideText += string(b)
		case strings.HasPrefix(f.Name, "ppt/notesSlides/notesSlide"):
			notesText += string(b)
		}
	}
	if !strings.Contains(slideText, ">Afghanistan<") || !strings.Contains(notesText, ">notes<") {
		t.Errorf("the deck lacks the slide title or its notes")
	}
}

// The built-in briefing exports on a fresh machine with no workspace.
func TestExportStarterBriefingWithoutAWorkspace(t *testing.T) {
	t.Setenv(workspace.EnvVar, filepath.Join(t.TempDir(), "none.db"))
	dir := t.TempDir()
	pdf := filepath.Join(dir, "starter.pdf")
	code, out, stderr := run("export", "slides", "--briefing", "starter", "--pdf", pdf, "--png-dir", filepath.Join(dir, "png"))
	if code != 0 || !strings.Contains(out, "(9 pages)") {
		t.Fatalf("export starter: %d %s %s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "none.db")); !os.IsNotExist(err) {
		t.Error("exporting the starter briefing created a workspace")
	}
	if code, _, stderr := run("export", "slides", "--briefing", "nine", "--pdf", pdf); code != 2 || !strings.Contains(stderr, "expected a briefing id") {
		t.Errorf("--briefing nine: %d %s", code, stderr)
	}
}
