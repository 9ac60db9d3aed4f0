package charts

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
)

func day(s string) int32 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return events.DayOf(t)
}

func rec(date, country string, killed, lo, hi int32) events.Record {
	return events.Record{Day: day(date), Country: events.CountryCode(country), Killed: killed, KilledLow: lo, KilledHi: hi,
		Target: events.NoCode, Attack: events.NoCode, Claim: events.NoCode, Event: -1}
}

func all(n int) []events.RecordIndex {
	idx := make([]events.RecordIndex, n)
	for i := range idx {
		idx[i] = events.RecordIndex(i)
	}
	return idx
}

func TestCivilMatchesTime(t *testing.T) {
	for d := int32(-800); d < 40000; d += 7 {
		tm := time.Unix(int64(d)*86400, 0).UTC()
		y, m := civil(d)
		if y != tm.Year() || m != int(tm.Month()) {
			t.Fatalf("day %d: civil %d-%d, time %v", d, y, m, tm)
		}
	}
}

func TestAggregateYearsCounts(t *testing.T) {
	recs := []events.Record{
		rec("2021-01-01", "AFG", 10, 8, 12),
		rec("2021-06-15", "AFG", 5, 5, 5),
		rec("2021-12-31", "AFG", -1, -1, -1),
		rec("2023-07-30", "PAK", 54, 40, 63),
		rec("2022-03-01", "IRN", 1, 1, 1), // not selected
	}
	foiled := rec("2022-05-05", "AFG", 0, 0, 0)
	foiled.Foiled = true
	recs = append(recs, foiled)
	y := AggregateYears(recs, []events.RecordIndex{0, 1, 2, 3, 5})
	if y.First != 2021 || y.Last() != 2023 || y.Len() != 3 {
		t.Fatalf("years %d–%d (%d), want 2021–2023", y.First, y.Last(), y.Len())
	}
	afg, pak := int(events.CountryCode("AFG")), int(events.CountryCode("PAK"))
	if y.Attacks[0][afg] != 3 || y.Attacks[2][pak] != 1 || y.YearTotal(1) != 0 || y.Total != 4 || y.Foiled != 1 {
		t.Errorf("counts %v total %d foiled %d; want 3 AFG in 2021, 1 PAK in 2023, 0 in 2022, 4 attacks, 1 foiled", y.Attacks, y.Total, y.Foiled)
	}
	if y.Killed[0] != 15 || y.Low[0] != 13 || y.High[0] != 17 || y.Known[0] != 2 {
		t.Errorf("2021 killed %d low %d high %d known %d; want 15, 13, 17, 2", y.Killed[0], y.Low[0], y.High[0], y.Known[0])
	}
	if y.Killed[2] != 54 || y.Low[2] != 40 || y.High[2] != 63 {
		t.Errorf("2023 killed %d [%d, %d]; want 54 [40, 63]", y.Killed[2], y.Low[2], y.High[2])
	}
	if tot := y.CountryTotals(); tot[afg] != 3 || tot[pak] != 1 || tot[events.CountryCode("IRN")] != 0 {
		t.Errorf("country totals %v", tot)
	}
	if e := AggregateYears(recs, []events.RecordIndex{}); e.Len() != 0 || e.Total != 0 {
		t.Errorf("empty selection: %+v", e)
	}
}

func TestAggregateYearsUnknownCountryAndBoundaries(t *testing.T) {
	recs := []events.Record{rec("2019-12-31", "", 1, 1, 1), rec("2020-01-01", "XXX", 2, 2, 2), rec("2024-12-31", "AFG", 3, 3, 3)}
	y := AggregateYears(recs, all(3))
	if y.First != 2019 || y.Len() != 6 || y.Attacks[0][OtherCountry] != 1 || y.Attacks[1][OtherCountry] != 1 || y.Attacks[5][0] != 1 {
		t.Errorf("got first %d, %v", y.First, y.Attacks)
	}
}

func TestAggregateMonthsAndTargets(t *testing.T) {
	recs := []events.Record{rec("2021-08-26", "AFG", 1, 1, 1), rec("2021-08-01", "AFG", 1, 1, 1), rec("2021-10-31", "AFG", 1, 1, 1)}
	recs[0].Target = 5 // foreign
	recs[1].Target = 5
	mo := AggregateMonths(recs, all(3))
	if mo.First != 2021*12+7 || len(mo.Counts) != 3 || mo.Counts[0] != 2 || mo.Counts[1] != 0 || mo.Counts[2] != 1 {
		t.Errorf("months first %d counts %v; want Aug 2021 [2 0 1]", mo.First, mo.Counts)
	}
	if MonthTime(mo.First) != time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("MonthTime = %v", MonthTime(mo.First))
	}
	tg := AggregateTargets(recs, all(3))
	if tg.Counts[5] != 2 || tg.Counts[OtherTarget] != 1 || tg.Total != 3 {
		t.Errorf("targets %v", tg.Counts)
	}
}

func embedded(t testing.TB) *dataset.Dataset {
	d, probs := dataset.Load(assets.Data)
	if len(d.Events) == 0 {
		t.Fatalf("embedded dataset: %v", probs)
	}
	return d
}

func TestFightersFlagsFamiliesAndPublisher(t *testing.T) {
	d := embedded(t)
	fs := Fighters(d, filter.Filter{})
	if len(fs) != len(d.Fighters) {
		t.Fatalf("%d estimates, want %d", len(fs), len(d.Fighters))
	}
	fam := 0
	for i, f := range fs {
		if f.Families {
			fam++
		}
		if i > 0 && f.Date.Before(fs[i-1].Date) {
			t.Errorf("not in date order at %d", i)
		}
		if f.Publisher == "" || f.Low > f.High {
			t.Errorf("estimate %d: %+v", i, f)
		}
	}
	want := 0
	for _, f := range d.Fighters {
		if f.FamiliesIncluded {
			want++
		}
	}
	if fam != want || want == 0 {
		t.Errorf("%d estimates flagged with families, want %d (>0)", fam, want)
	}
	from, to := filter.YearRange(2023, 2023)
	for _, f := range Fighters(d, filter.Filter{From: from, To: to}) {
		if f.Date.Year() != 2023 {
			t.Errorf("date filter kept %v", f.Date)
		}
	}
}

func TestShortLabelAndSpread(t *testing.T) {
	if got := ShortLabel("IS spokesman Adnani announces Wilayat Khorasan; Hafiz Saeed Khan named wali"); got != "IS spokesman Adnani announces Wilayat Khorasan" {
		t.Errorf("ShortLabel = %q", got)
	}
	if got := ShortLabel("Taliban take Kabul (Aug 2021)"); got != "Taliban take Kabul" {
		t.Errorf("ShortLabel = %q", got)
	}
	got := spread([]float64{100, 100, 100, 300}, 20, 0, 1000)
	if got[0] != 80 || got[1] != 100 || got[2] != 120 || got[3] != 300 {
		t.Errorf("spread = %v", got)
	}
	got = spread([]float64{5, 6}, 20, 0, 1000)
	if got[0] != 0 || got[1] != 20 {
		t.Errorf("spread at the edge = %v", got)
	}
}

// A label too long for its room is wrapped and shrunk, never cut: every word
// survives, each line fits, and no label takes more than two lines.
func TestFitUpKeepsEveryWord(t *testing.T) {
	m := newMetrics(800, 450, 1)
	long := "United Nations Security Council Analytical Support and Sanctions Monitoring Team"
	labels := []string{"CSIS", long}
	room := m.width(long, m.label) / 2
	f := m.fitUp(labels, room)
	if f.size >= m.label || f.most != 2 {
		t.Errorf("fitUp kept size %.1f (label %.1f) and %d lines; want a smaller size on two lines", f.size, m.label, f.most)
	}
	for i, s := range labels {
		if got := strings.Join(f.lines[i], " "); got != s {
			t.Errorf("label %d drawn as %q, want %q", i, got, s)
		}
		if f.length(i, m) > room {
			t.Errorf("label %d is %d px, room %d", i, f.length(i, m), room)
		}
	}
	if f := m.fitUp([]string{"CSIS"}, 500); f.size != m.label || f.most != 1 {
		t.Errorf("a short label was resized: %+v", f)
	}
}

func TestValueAxisWholeNumbers(t *testing.T) {
	for _, v := range []float64{0, 1, 3, 7, 10, 99, 1234, 5100, 1e6} {
		a := valueAxis(v, 5)
		if a.max < v || a.min != 0 || len(a.ticks) < 2 {
			t.Errorf("valueAxis(%v) = %+v", v, a)
		}
		for _, tk := range a.ticks {
			if strings.Contains(tk.Label, ".") || tk.Value != float64(int(tk.Value)) {
				t.Errorf("valueAxis(%v): tick %+v is not a whole number", v, tk)
			}
		}
	}
	if FmtInt(5100) != "5,100" || FmtInt(1234567) != "1,234,567" || FmtInt(12) != "12" {
		t.Errorf("fmtInt: %s %s %s", FmtInt(5100), FmtInt(1234567), FmtInt(12))
	}
}

func decodePNG(t *testing.T, b []byte, w, h int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("PNG is %v, want %d×%d", img.Bounds(), w, h)
	}
	return img
}

// inked counts pixels that are not white in a rectangle.
func inked(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if c.R < 200 || c.G < 200 || c.B < 200 {
				n++
			}
		}
	}
	return n
}

func TestEmptySelectionDrawsMessage(t *testing.T) {
	d := embedded(t)
	recs := events.FromDataset(d)
	for _, k := range Kinds {
		in := Input{Records: recs, Index: []events.RecordIndex{}, Data: d, Filter: filter.Filter{Countries: []string{"TUR"}}}
		if k == KindFighters {
			in.Data = nil
		}
		b, err := Render(k, in, PNG, 800, 450)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		img := decodePNG(t, b, 800, 450)
		// The message is drawn in the middle of the image.
		if n := inked(img, image.Rect(150, 180, 650, 270)); n < 200 {
			t.Errorf("%s: only %d dark pixels where the message should be", k, n)
		}
		sp := build2(t, k, in)
		if !strings.HasPrefix(sp.message, "No ") {
			t.Errorf("%s: message %q", k, sp.message)
		}
	}
	sp := build2(t, KindTrends, Input{Index: []events.RecordIndex{}})
	if sp.message != NoEvents {
		t.Errorf("trends message %q, want %q", sp.message, NoEvents)
	}
}

func build2(t *testing.T, k Kind, in Input) spec {
	t.Helper()
	m := newMetrics(800, 450, 0)
	switch k {
	case KindTrends:
		return trendsSpec(&in, m)
	case KindKilled:
		return killedSpec(&in, m)
	case KindFighters:
		return fightersSpec(&in, m)
	case KindTimeline:
		return timelineSpec(&in, m)
	case KindMonitors:
		return monitorsSpec(&in, m)
	}
	return targetsSpec(&in, m)
}

func TestSinglePointAndZeros(t *testing.T) {
	one := []events.Record{rec("2021-08-26", "AFG", 0, 0, 0)}
	zero := []events.Record{rec("2021-08-26", "AFG", 0, 0, 0), rec("2022-08-26", "AFG", 0, 0, 0)}
	unknown := []events.Record{rec("2021-08-26", "AFG", -1, -1, -1)}
	for name, recs := range map[string][]events.Record{"one": one, "zeros": zero, "unknown": unknown} {
		for _, k := range Kinds {
			for _, f := range []Format{PNG, SVG} {
				b, err := Render(k, Input{Records: recs}, f, 640, 360)
				if err != nil {
					t.Errorf("%s %s %s: %v", name, k, f, err)
					continue
				}
				if f == PNG {
					decodePNG(t, b, 640, 360)
				} else {
					checkSVG(t, b, 640, 360)
				}
			}
		}
	}
}

func TestTitleSaysWhatAndWhere(t *testing.T) {
	recs := []events.Record{rec("2021-01-01", "AFG", 1, 1, 1), rec("2023-01-01", "PAK", 1, 1, 1)}
	sp := build2(t, KindTrends, Input{Records: recs})
	if !strings.HasPrefix(sp.title, "Deadly and targeted attacks per year in the ISK Brief dataset · ") {
		t.Errorf("title %q: must say what it counts", sp.title)
	}
	if !strings.Contains(sp.subtitle, "not every ISKP attack") {
		t.Errorf("subtitle %q: must say the dataset is not a census", sp.subtitle)
	}
	if len(sp.x.ticks) != 3 || sp.x.ticks[0].Label != "2021" || sp.x.ticks[2].Label != "2023" {
		t.Errorf("x ticks %+v, want 2021 2022 2023", sp.x.ticks)
	}
	if len(sp.legend) != 2 {
		t.Errorf("legend %+v, want Afghanistan and Pakistan", sp.legend)
	}
}

// When the selection holds an imported layer, the charts count it and say so.
func TestTitlesNameTheLayersCounted(t *testing.T) {
	a, b := rec("2021-01-01", "AFG", 1, 1, 1), rec("2022-01-01", "AFG", 2, 2, 2)
	b.Layer = 1
	in := Input{Records: []events.Record{a, b}, Layers: []string{"ISK Brief dataset", "ACLED 2021"}}
	for _, k := range []Kind{KindTrends, KindKilled} {
		sp := build2(t, k, in)
		if !strings.Contains(sp.title, "ISK Brief dataset + ACLED 2021") {
			t.Errorf("%s title %q: must name both layers", k, sp.title)
		}
	}
	in.Index = []events.RecordIndex{1}
	if sp := build2(t, KindTrends, in); !strings.Contains(sp.title, "in ACLED 2021") || strings.Contains(sp.title, "ISK Brief") {
		t.Errorf("title %q: a selection of the layer alone counts the layer alone", sp.title)
	}
}

// The monitors chart draws a series for every monitor with full-year death
// figures, and says what it leaves out.
func TestMonitorsChartDrawsEveryMonitor(t *testing.T) {
	d, probs := dataset.Load(assets.Data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	series, partial, _ := monitorSeriesOf(d, nil, 0, 0)
	monitors := map[string]bool{}
	for _, a := range d.Annual {
		if _, ok := deathMeasures[a.Measure]; ok && a.FullYear() {
			monitors[a.Monitor] = true
		}
	}
	if len(monitors) < 2 {
		t.Fatalf("only %d monitors with full-year death figures", len(monitors))
	}
	drawn := map[string]bool{}
	for _, s := range series {
		for _, a := range s.figures {
			drawn[a.Monitor] = true
		}
	}
	for mon := range monitors {
		if !drawn[mon] {
			t.Errorf("monitor %s has figures but no series", mon)
		}
	}
	sp := build2(t, KindMonitors, Input{Data: d, Records: events.FromDataset(d)})
	if sp.message != "" || len(sp.legend) != len(series)+1 {
		t.Errorf("monitors chart: message %q, %d legend entries for %d series", sp.message, len(sp.legend), len(series))
	}
	if partial > 0 && !strings.Contains(sp.note, "part-year") {
		t.Errorf("note %q must say part-year figures are not drawn", sp.note)
	}
	for _, f := range []Format{PNG, SVG} {
		if _, err := Render(KindMonitors, Input{Data: d, Records: events.FromDataset(d)}, f, 1920, 1080); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestKilledBandSpansLowHigh(t *testing.T) {
	recs := []events.Record{rec("2021-01-01", "AFG", 10, 8, 12), rec("2021-02-01", "AFG", 5, 4, 9), rec("2022-01-01", "AFG", 3, 3, 3)}
	y := AggregateYears(recs, all(3))
	if y.Low[0] != 12 || y.High[0] != 21 || y.Killed[0] != 15 {
		t.Fatalf("2021: low %d high %d central %d, want 12, 21, 15", y.Low[0], y.High[0], y.Killed[0])
	}
	sp := build2(t, KindKilled, Input{Records: recs})
	if sp.y.max < 21 {
		t.Errorf("y axis stops at %v, below the band's top 21", sp.y.max)
	}
	// The band polygon drawn in SVG reaches the high and low sums.
	b, err := Render(KindKilled, Input{Records: recs}, SVG, 1200, 800)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("People killed")) {
		t.Error("no unit label in the SVG")
	}
}

var svgSize = regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"[^>]*viewBox="0 0 (\d+) (\d+)"`)

func checkSVG(t *testing.T, b []byte, w, h int) {
	t.Helper()
	m := svgSize.FindSubmatch(b)
	want := []string{fmt.Sprint(w), fmt.Sprint(h), fmt.Sprint(w), fmt.Sprint(h)}
	if m == nil || string(m[1]) != want[0] || string(m[2]) != want[1] || string(m[3]) != want[2] || string(m[4]) != want[3] {
		t.Fatalf("SVG root lacks width/height/viewBox %v: %.200s", want, b)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
	if bytes.Contains(b, []byte("font-family:'Roboto")) || !bytes.Contains(b, []byte("sans-serif")) {
		t.Error("SVG fonts lack the fallback list")
	}
}

func TestSVGHasSizeAndEscapes(t *testing.T) {
	d := embedded(t)
	recs := events.FromDataset(d)
	for _, k := range Kinds {
		b, err := Render(k, Input{Records: recs, Data: d}, SVG, 1920, 1080)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		checkSVG(t, b, 1920, 1080)
	}
	// "Education & health" must come out escaped.
	b, _ := Render(KindTargets, Input{Records: recs, Data: d}, SVG, 1920, 1080)
	if !bytes.Contains(b, []byte("Education &amp; health")) {
		t.Error("target label not escaped")
	}
}

func TestBadArguments(t *testing.T) {
	if _, err := Render("pie", Input{}, PNG, 800, 600); err == nil || !strings.Contains(err.Error(), "trends") {
		t.Errorf("bad kind: %v", err)
	}
	if _, err := Render(KindTrends, Input{}, "gif", 800, 600); err == nil {
		t.Error("bad format accepted")
	}
	if _, err := Render(KindTrends, Input{}, PNG, 10, 10); err == nil {
		t.Error("tiny size accepted")
	}
}

// TestDumpCharts writes every kind from the embedded dataset to
// $ISK_CHART_DIR, to look at: ISK_CHART_DIR=/tmp/charts go test -run Dump.
func TestDumpCharts(t *testing.T) {
	dir := os.Getenv("ISK_CHART_DIR")
	if dir == "" {
		t.Skip("set ISK_CHART_DIR to write the charts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := embedded(t)
	recs := events.FromDataset(d)
	from, to := filter.YearRange(2020, 2024)
	cases := []struct {
		name string
		f    filter.Filter
		w, h int
	}{
		{"", filter.Filter{}, 1920, 1080},
		{"-afpak-2020-2024", filter.Filter{Countries: []string{"AFG", "PAK"}, From: from, To: to}, 1920, 1080},
		{"-small", filter.Filter{}, 800, 450},
		{"-empty", filter.Filter{Countries: []string{"TUR"}, From: from, To: from.AddDate(0, 1, 0)}, 1920, 1080},
	}
	for _, c := range cases {
		for _, k := range Kinds {
			in := Input{Records: recs, Index: c.f.Apply(recs), Data: d, Filter: c.f}
			for _, f := range []Format{PNG, SVG} {
				if f == SVG && c.name != "" {
					continue
				}
				b, err := Render(k, in, f, c.w, c.h)
				if err != nil {
					t.Fatalf("%s%s: %v", k, c.name, err)
				}
				if err := os.WriteFile(filepath.Join(dir, string(k)+c.name+"."+string(f)), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// synthetic makes n records spread over 2015–2025 and the five countries.
func synthetic(n int) []events.Record {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]events.Record, n)
	start, end := day("2015-01-01"), day("2025-12-31")
	for i := range out {
		k := int32(rng.IntN(200))
		out[i] = events.Record{Day: start + int32(rng.IntN(int(end-start))), Country: uint8(rng.IntN(6) % 5),
			Killed: k, KilledLow: k * 8 / 10, KilledHi: k * 12 / 10, Target: uint8(rng.IntN(7)), Foiled: rng.IntN(50) == 0, Event: -1}
	}
	return out
}

func BenchmarkAggregate1M(b *testing.B) {
	recs := synthetic(1_000_000)
	idx := all(len(recs))
	b.ResetTimer()
	for b.Loop() {
		AggregateYears(recs, idx)
		AggregateMonths(recs, idx)
		AggregateTargets(recs, idx)
	}
}

func BenchmarkFilterAndAggregateYears1M(b *testing.B) {
	recs := synthetic(1_000_000)
	f := filter.Filter{Countries: []string{"AFG", "PAK"}}
	b.ResetTimer()
	for b.Loop() {
		AggregateYears(recs, f.Apply(recs))
	}
}

func BenchmarkRender(b *testing.B) {
	d := embedded(b)
	recs := events.FromDataset(d)
	in := Input{Records: recs, Index: all(len(recs)), Data: d}
	for _, f := range []Format{PNG, SVG} {
		for _, k := range Kinds {
			b.Run(string(k)+"-"+string(f), func(b *testing.B) {
				for b.Loop() {
					if _, err := Render(k, in, f, 1920, 1080); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// embeddedRecords is the embedded dataset and its records.
type embeddedRecords struct {
	Records []events.Record
	Data    *dataset.Dataset
}

func loadEmbedded(t *testing.T) embeddedRecords {
	d := embedded(t)
	return embeddedRecords{events.FromDataset(d), d}
}

func TestHitsMapPixelsBackToYearsAndTargets(t *testing.T) {
	m := loadEmbedded(t)
	in := Input{Records: m.Records, Data: m.Data}
	_, hits, err := RenderInteractive(KindTrends, in, 1200, 700)
	if err != nil {
		t.Fatal(err)
	}
	// Scan along the middle of the plot: years must rise left to right
	// and cover 2015..2025.
	seen := map[int]bool{}
	last := 0
	for x := 0; x < 1200; x += 4 {
		if h, ok := hits.At(x, hits.box.Bottom-5); ok {
			if h.Year < last {
				t.Fatalf("year %d after %d at x=%d", h.Year, last, x)
			}
			last = h.Year
			seen[h.Year] = true
		}
	}
	if !seen[2015] || !seen[2021] || !seen[2025] {
		t.Errorf("years seen %v", seen)
	}
	// Low on the 2018 bar is Afghanistan (the bottom segment).
	foundAFG := false
	for x := 0; x < 1200; x++ {
		if h, ok := hits.At(x, hits.box.Bottom-3); ok && h.Year == 2018 && h.Country == "AFG" {
			foundAFG = true
			break
		}
	}
	if !foundAFG {
		t.Error("no click on the 2018 bar's bottom segment hit Afghanistan")
	}
	if _, ok := hits.At(2, 2); ok {
		t.Error("a click on the title must hit nothing")
	}
	_, th, err := RenderInteractive(KindTargets, in, 1200, 700)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for y := 0; y < 700; y += 3 {
		if h, ok := th.At(th.box.Left+10, y); ok {
			found[h.Target] = true
		}
	}
	if !found["religious"] || !found["security"] {
		t.Errorf("targets found %v", found)
	}
}

func TestMilestonesFollowTheCountryFilter(t *testing.T) {
	m := loadEmbedded(t)
	from, to := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	labels := func(countries []string) string {
		var ls []string
		for _, ms := range Milestones(m.Data, from, to, countries) {
			ls = append(ls, ms.Label)
		}
		return strings.Join(ls, "|")
	}
	iran := labels([]string{"IRN"})
	if !strings.Contains(iran, "Kerman") || strings.Contains(iran, "Taliban take Kabul") || !strings.Contains(iran, "Foreign Terrorist") {
		t.Errorf("Iran-only milestones: %s", iran)
	}
	if all := labels(nil); !strings.Contains(all, "Taliban take Kabul") || !strings.Contains(all, "Kerman") {
		t.Errorf("all milestones: %s", all)
	}
}

// A period of two years or less is counted by month, and a year or month the
// data cover only in part is hatched and named, so a short bar is not read
// as a fall.
func TestShortPeriodsCountMonthsAndPartYearsAreMarked(t *testing.T) {
	recs := []events.Record{rec("2024-03-05", "AFG", 1, 1, 1), rec("2024-03-20", "PAK", 1, 1, 1), rec("2025-01-10", "AFG", 1, 1, 1)}
	f := filter.Filter{From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)}
	sp := build2(t, KindTrends, Input{Records: recs, Filter: f})
	if !strings.Contains(sp.title, "per month") || !sp.monthly {
		t.Errorf("a 12-month window: title %q, monthly %v; want months", sp.title, sp.monthly)
	}
	if sp.x.min != float64(2024*12+2)-0.5 || sp.x.max != float64(2025*12+1)+0.5 {
		t.Errorf("x axis %v–%v, want Mar 2024–Feb 2025 in months", sp.x.min, sp.x.max)
	}
	if strings.Contains(sp.note, "hatched") {
		t.Errorf("whole months marked part: %q", sp.note)
	}
	y := aggregateBins(recs, all(3), bins{monthly: true})
	if y.First != 2024*12+2 || y.YearTotal(0) != 2 || y.YearTotal(10) != 1 {
		t.Errorf("monthly bins: first %d, counts %v", y.First, y.Attacks)
	}

	// Jul 2016 – Jun 2018 is 24 months: monthly. Jul 2016 – Jun 2019 is
	// by year, with 2016 and 2019 each covered in part.
	f = filter.Filter{From: time.Date(2016, 7, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 6, 30, 0, 0, 0, 0, time.UTC)}
	recs = []events.Record{rec("2016-08-01", "AFG", 5, 5, 5), rec("2018-08-01", "AFG", 5, 5, 5)}
	for _, k := range []Kind{KindTrends, KindKilled} {
		sp = build2(t, k, Input{Records: recs, Filter: f})
		if sp.monthly || !strings.Contains(sp.note, "2016: 1 Jul–31 Dec only") || !strings.Contains(sp.note, "2019: 1 Jan–30 Jun only") {
			t.Errorf("%s: monthly %v, note %q; want years with 2016 and 2019 marked part", k, sp.monthly, sp.note)
		}
		if strings.Contains(sp.note, "2017") || sp.legend[len(sp.legend)-1].label != "Part year" {
			t.Errorf("%s: note %q, legend %+v", k, sp.note, sp.legend)
		}
	}
	// The embedded dataset covers whole years 2015–2025: no mark without a
	// filter, and a year past its end is "not covered".
	sp = build2(t, KindTrends, Input{Records: recs})
	if strings.Contains(sp.note, "hatched") {
		t.Errorf("unfiltered: %q", sp.note)
	}
	sp = build2(t, KindTrends, Input{Records: recs, Filter: filter.Filter{To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}})
	if !strings.Contains(sp.note, "2026: not covered") {
		t.Errorf("a year after the data: %q", sp.note)
	}
	// An imported layer covers the days its own records span.
	imp := []events.Record{rec("2023-01-01", "AFG", 1, 1, 1), rec("2024-05-31", "AFG", 1, 1, 1)}
	imp[0].Layer, imp[1].Layer = 1, 1
	sp = build2(t, KindTrends, Input{Records: imp, Layers: []string{"ISK Brief dataset", "ACLED"}})
	if !strings.Contains(sp.note, "2024: 1 Jan–31 May only") {
		t.Errorf("imported layer ending in May: %q", sp.note)
	}
}

func TestMonthlyHitsNameTheMonth(t *testing.T) {
	recs := []events.Record{rec("2024-03-05", "AFG", 1, 1, 1), rec("2024-09-20", "PAK", 1, 1, 1)}
	f := filter.Filter{From: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	_, hits, err := RenderInteractive(KindTrends, Input{Records: recs, Filter: f}, 1200, 700)
	if err != nil {
		t.Fatal(err)
	}
	months := map[int]bool{}
	for x := 0; x < 1200; x += 3 {
		if h, ok := hits.At(x, hits.box.Bottom-3); ok {
			if h.Year != 2024 {
				t.Fatalf("x=%d: year %d", x, h.Year)
			}
			months[h.Month] = true
			if h.Month == 9 && h.Country != "PAK" {
				t.Errorf("September bar: country %q, want PAK", h.Country)
			}
		}
	}
	if len(months) != 12 || months[0] {
		t.Errorf("months hit: %v, want 1–12", months)
	}
}
