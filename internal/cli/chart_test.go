package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"iskbrief/internal/events"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestExportChartPNGAtRequestedSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "trends.png")
	code, so, se := runCLI("export", "chart", "--kind", "trends", "--out", out, "--width", "1000", "--height", "600", "--country", "AFG,PAK", "--from", "2020", "--to", "2024")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, so, se)
	}
	img := readPNG(t, out)
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 600 {
		t.Errorf("PNG is %v, want 1000×600", b)
	}
	if !strings.Contains(so, "wrote "+out) {
		t.Errorf("stdout %q", so)
	}
}

var svgRoot = regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"`)

func TestExportChartSVGFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, k := range []string{"trends", "killed", "fighters", "timeline", "targets"} {
		out := filepath.Join(dir, k+".svg")
		code, so, se := runCLI("export", "chart", "--kind", k, "--out", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s%s", k, code, so, se)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		m := svgRoot.FindSubmatch(b)
		if m == nil || string(m[1]) != "1920" || string(m[2]) != "1080" {
			t.Errorf("%s: SVG root without width=1920 height=1080: %.160s", k, b)
		}
	}
	// A --format that contradicts the extension is refused: a file named
	// .svg must never hold PNG data.
	out := filepath.Join(dir, "forced.svg")
	if code, _, se := runCLI("export", "chart", "--kind", "targets", "--format", "png", "--out", out); code != 2 || !strings.Contains(se, ".png file name") {
		t.Fatalf("exit %d: %s", code, se)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused export wrote a file")
	}
}

func TestExportChartUsageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.png")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "pie", "--out", out}, "trends, killed, fighters, timeline, targets"},
		{[]string{"--out", out}, "needs --kind"},
		{[]string{"--kind", "trends"}, "needs --out"},
		{[]string{"--kind", "trends", "--out", out, "--format", "gif"}, "expected png or svg"},
		{[]string{"--kind", "trends", "--out", out, "--width", "10"}, "size 10×1080"},
		{[]string{"--kind", "trends", "--out", out, "--country", "FRA"}, "expected ISO3 codes"},
		{[]string{"--kind", "trends", "--out", out, "--from", "2024", "--to", "2020"}, "after --to"},
		{[]string{"--kind", "trends", "--out", out, "--bogus"}, "flag provided but not defined"},
	}
	for _, c := range cases {
		code, _, se := runCLI(append([]string{"export", "chart"}, c.args...)...)
		if code != 2 || !strings.Contains(se, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, se, c.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed export left %s behind", out)
	}
}

func TestExportChartBadEventsRow(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "bad.csv")
	body := events.CSVHeader + "\n2021-08-26,34.5,69.2,183,AFG\n2021-13-01,34.5,69.2,1,AFG\n"
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "c.png")
	code, _, se := runCLI("export", "chart", "--kind", "trends", "--events", csv, "--out", out)
	if code != 1 || !strings.Contains(se, "bad.csv:3:") {
		t.Errorf("exit %d, stderr %q; want 1 and the bad line bad.csv:3", code, se)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed export left %s behind", out)
	}
}

func TestExportChartEmptySelectionStillWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "empty.png")
	code, so, se := runCLI("export", "chart", "--kind", "killed", "--country", "TUR", "--from", "2016", "--to", "2016", "--out", out)
	if code != 0 || !strings.Contains(so, "0 events") {
		t.Fatalf("exit %d: %s%s", code, so, se)
	}
}

// writeCSV writes n synthetic rows in the --events layout.
func writeCSV(tb testing.TB, path string, n int) {
	tb.Helper()
	countries := []string{"AFG", "PAK", "IRN", "TUR", "RUS"}
	b := make([]byte, 0, n*40)
	b = append(b, events.CSVHeader...)
	b = append(b, '\n')
	for i := range n {
		y, m, d := 2015+i%11, 1+i%12, 1+i%28
		b = fmt.Appendf(b, "%04d-%02d-%02d,", y, m, d)
		b = strconv.AppendFloat(b, 30+float64(i%1000)/100, 'f', 4, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, 62+float64(i%997)/100, 'f', 4, 64)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(i%50), 10)
		b = append(b, ',')
		b = append(b, countries[i%5]...)
		b = append(b, '\n')
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkExportChart1M runs the whole command: read a 1,000,000-row CSV,
// filter, aggregate, render 1920×1080 and write the file.
func BenchmarkExportChart1M(b *testing.B) {
	dir := b.TempDir()
	csv := filepath.Join(dir, "events.csv")
	writeCSV(b, csv, 1_000_000)
	for _, f := range []string{"png", "svg"} {
		b.Run(f, func(b *testing.B) {
			out := filepath.Join(dir, "trends."+f)
			for b.Loop() {
				if code, _, se := runCLI("export", "chart", "--kind", "trends", "--events", csv, "--out", out); code != 0 {
					b.Fatal(se)
				}
			}
		})
	}
}

func TestPeriodBoundsTakeYearsMonthsAndDays(t *testing.T) {
	for _, c := range []struct {
		v    string
		end  bool
		want string
	}{
		{"2021", false, "2021-01-01"}, {"2021", true, "2021-12-31"},
		{"2024-02", true, "2024-02-29"}, {"2024-02", false, "2024-02-01"},
		{"2021-08-15", true, "2021-08-15"},
	} {
		got, err := periodBound("--to", c.v, c.end)
		if err != nil || got.Format(time.DateOnly) != c.want {
			t.Errorf("periodBound(%q, end=%v) = %v, %v; want %s", c.v, c.end, got, err, c.want)
		}
	}
	if _, err := periodBound("--from", "2030", false); err == nil || !strings.Contains(err.Error(), "from 1970 to") {
		t.Errorf("--from 2030: %v; want the range of years allowed", err)
	}
	for _, bad := range []string{"21", "2021-13", "2021-8", "next year"} {
		if _, err := periodBound("--from", bad, false); err == nil || !strings.Contains(err.Error(), "expected a year") {
			t.Errorf("periodBound(%q): err %v", bad, err)
		}
	}
}
