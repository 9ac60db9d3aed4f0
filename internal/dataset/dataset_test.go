package dataset_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"iskbrief/assets"
	"iskbrief/geodata"
	"iskbrief/internal/dataset"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func loadEmbedded(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, probs := dataset.Load(assets.Data)
	if len(probs) > 0 {
		t.Fatalf("embedded data does not load cleanly:\n%v", probs)
	}
	return d
}

func TestEmbeddedDataIsValid(t *testing.T) {
	d := loadEmbedded(t)
	bm, err := geodata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if probs := dataset.Validate(d, bm, today); len(probs) > 0 {
		for _, p := range probs {
			t.Error(p)
		}
	}
}

// The coverage floor: attacks (not plots) per country.
func TestEmbeddedCoverage(t *testing.T) {
	d := loadEmbedded(t)
	want := map[string]int{"AFG": 45, "PAK": 12, "IRN": 4, "RUS": 2, "TUR": 1}
	got := map[string]int{}
	twoSources := 0
	for _, e := range d.Events {
		if e.Outcome == dataset.Attack {
			got[e.Country]++
		}
		srcs := map[string]bool{}
		for _, r := range e.Reports {
			srcs[r.SourceID] = true
		}
		if len(srcs) >= 2 {
			twoSources++
		}
	}
	for c, n := range want {
		if got[c] < n {
			t.Errorf("%s: %d attacks, want at least %d", c, got[c], n)
		}
	}
	if len(d.Fighters) < 15 {
		t.Errorf("%d fighter estimates, want at least 15", len(d.Fighters))
	}
	if len(d.Milestones) < 8 {
		t.Errorf("%d milestones, want at least 8", len(d.Milestones))
	}
	t.Logf("%d events, %d with two or more sources", len(d.Events), twoSources)
}

// The seed articles' named attacks must be in the data with the conflicting
// figures they report.
func TestNamedAttacksAndConflictingFigures(t *testing.T) {
	d := loadEmbedded(t)
	find := func(substr string) *dataset.Event {
		for i := range d.Events {
			if strings.Contains(d.Events[i].ID, substr) {
				return &d.Events[i]
			}
		}
		t.Errorf("no event matching %q", substr)
		return nil
	}
	crocus := find("crocus")
	for _, s := range []string{"kabul-airport", "russian-embassy", "kerman", "kandahar", "santa-maria", "jalalabad-prison", "maternity", "sayed-ul-shuhada"} {
		find(s)
	}
	if crocus == nil {
		return
	}
	figures := map[int]bool{}
	for _, r := range crocus.Reports {
		if r.Killed != nil {
			figures[*r.Killed] = true
		}
	}
	for _, k := range []int{133, 137, 139, 145} {
		if !figures[k] {
			t.Errorf("Crocus City Hall: no source reporting %d killed", k)
		}
	}
	// The headline is the figure the toll settled at (the 149 of the 2025
	// case files; an undated encyclopedia copy still says 145); the
	// first-day counts are kept as the early counts they superseded.
	if crocus.Killed.Central != 149 || crocus.Killed.Low != 145 {
		t.Errorf("Crocus headline killed %v, want the settled 149 (range from 145)", crocus.Killed)
	}
	if !crocus.EarlyKilled.Known || crocus.EarlyKilled.Low > 60 || crocus.EarlyKilled.High < 139 {
		t.Errorf("Crocus early counts %v, want them to span 60..139 at least", crocus.EarlyKilled)
	}
	// Where settled sources disagree, the range stays (Kerman 84–95).
	if k := find("kerman"); k != nil && (k.Killed.Low > 84 || k.Killed.High < 95) {
		t.Errorf("Kerman settled range %v, want 84–95", k.Killed)
	}
}

// Sources read in the order they reported, undated ones last.
func TestReportsAreInReportingOrder(t *testing.T) {
	d := loadEmbedded(t)
	for _, e := range d.Events {
		for i := 1; i < len(e.Reports); i++ {
			a, b := e.Reports[i-1].Reported, e.Reports[i].Reported
			if b != "" && (a == "" || a > b) {
				t.Fatalf("%s: report %q listed before %q", e.ID, a, b)
			}
		}
	}
}

// A qualifier survives to the range: "more than 100" wounded reads "100+".
func TestQualifiersReachTheRange(t *testing.T) {
	dir := copyData(t)
	appendLine(t, dir, "events.csv", "afg-2020-06-01-q,2020-06-01,day,AFG,Kabul,Kabul,34.53,69.17,town,,bombing,civilian,claimed,attack,Q,Test event")
	appendLine(t, dir, "reports.csv", "afg-2020-06-01-q,upi-20150418-jalalabad-bank,12,,100,more_than,2020-06-01,provisional,first count")
	appendLine(t, dir, "reports.csv", "afg-2020-06-01-q,upi-20150418-jalalabad-bank,20,at_least,100,more_than,2020-06-09,settled,final")
	d, probs := dataset.Load(os.DirFS(dir))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e := d.Event("afg-2020-06-01-q")
	if e.Killed.String() != "20+" || e.Wounded.String() != "100+" || e.EarlyKilled.String() != "12" {
		t.Errorf("killed %v, wounded %v, early %v; want 20+, 100+ and 12", e.Killed, e.Wounded, e.EarlyKilled)
	}
}

func TestRangeIsDerivedFromReports(t *testing.T) {
	dir := copyData(t)
	appendLine(t, dir, "reports.csv", "afg-2015-04-18-jalalabad-kabul-bank,upi-20150418-jalalabad-bank,40,,,,2015-04-19,settled,test")
	d, probs := dataset.Load(os.DirFS(dir))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e := d.Event("afg-2015-04-18-jalalabad-kabul-bank")
	if e.Killed.High != 40 || e.Killed.Low > 33 || !e.Killed.Known {
		t.Fatalf("range %+v, want the new report (40) to raise the high", e.Killed)
	}
}

func copyData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir("../../assets/data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("../../assets/data", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func appendLine(t *testing.T, dir, file, line string) int {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimRight(string(b), "\n") + "\n" + line + "\n"
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Count(s, "\n")
}

// A deliberately broken copy: every kind of defect is reported with its file,
// line and reason, and the good records still load.
func TestBrokenCopyIsCaught(t *testing.T) {
	dir := copyData(t)
	bm, err := geodata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ev := "afg-2099-01-01-x,2099-01-01,day,AFG,Kabul,Kabul,34.53,69.17,town,,bombing,civilian,claimed,attack,Future,Nothing"
	lFuture := appendLine(t, dir, "events.csv", ev)
	lParis := appendLine(t, dir, "events.csv", "afg-2020-01-01-paris,2020-01-01,day,AFG,Kabul,Paris,48.85,2.35,town,,bombing,civilian,claimed,attack,Wrong place,Nothing")
	lBadLat := appendLine(t, dir, "events.csv", "afg-2020-01-02-badlat,2020-01-02,day,AFG,Kabul,Kabul,north,69.17,town,,bombing,civilian,claimed,attack,Bad lat,Nothing")
	lDup := appendLine(t, dir, "events.csv", strings.Replace(ev, "afg-2099-01-01-x,2099-01-01", "afg-2015-04-18-jalalabad-kabul-bank,2015-04-18", 1))
	lCode := appendLine(t, dir, "events.csv", "afg-2020-01-03-code,2020-01-03,day,AFG,Kabul,Kabul,34.53,69.17,town,,bombing,weddings,claimed,attack,Bad code,Nothing")
	lSite := appendLine(t, dir, "events.csv", "afg-2020-01-04-site,2020-01-04,day,AFG,Kabul,Kabul,34.53,69.17,site,,bombing,civilian,claimed,attack,Site,No page for the site")
	lRep := appendLine(t, dir, "reports.csv", "afg-2020-01-01-paris,no-such-source,3,,,,2020-01-01,settled,")
	lProv := appendLine(t, dir, "reports.csv", "afg-2020-01-04-site,upi-20150418-jalalabad-bank,3,,,,,provisional,")
	lStatus := appendLine(t, dir, "reports.csv", "afg-2020-01-03-code,upi-20150418-jalalabad-bank,3,roughly,,,2020-01-03,final,")
	lFight := appendLine(t, dir, "fighters.csv", "fs-bad,2020-01-01,5000,100,false,afghanistan,no-such-source,")
	lAnnual := appendLine(t, dir, "annual.csv", "gti-2030-afg-deaths,GTI,2030,year,AFG,kills,-4,,no-such-source,")

	d, probs := dataset.Load(os.DirFS(dir))
	probs = append(probs, dataset.Validate(d, bm, today)...)
	var lines []string
	for _, p := range probs {
		lines = append(lines, p.String())
	}
	all := strings.Join(lines, "\n")
	expect := []string{
		"events.csv:" + itoa(lFuture) + ": afg-2099-01-01-x: date 2099-01-01 is outside",
		"events.csv:" + itoa(lParis) + ": afg-2020-01-01-paris: coordinates 48.8500,2.3500 lie",
		"events.csv:" + itoa(lBadLat) + ": afg-2020-01-02-badlat: lat \"north\" is not a number",
		"events.csv:" + itoa(lDup) + ": afg-2015-04-18-jalalabad-kabul-bank: duplicate id",
		"events.csv:" + itoa(lCode) + ": afg-2020-01-03-code: target_type \"weddings\" is not one of",
		"reports.csv:" + itoa(lRep) + ": afg-2020-01-01-paris: source \"no-such-source\" does not exist",
		"fighters.csv:" + itoa(lFight) + ": fs-bad: low 5000 and high 100",
		"events.csv:" + itoa(lFuture) + ": afg-2099-01-01-x: event has no source",
		"events.csv:" + itoa(lSite) + ": afg-2020-01-04-site: site precision needs a location_source",
		"reports.csv:" + itoa(lProv) + ": afg-2020-01-04-site: a provisional report needs its reporting date",
		"events.csv:" + itoa(lSite) + ": afg-2020-01-04-site: every killed figure is provisional",
		"reports.csv:" + itoa(lStatus) + ": afg-2020-01-03-code: status \"final\" is not one of settled, provisional",
		"reports.csv:" + itoa(lStatus) + ": afg-2020-01-03-code: killed_qualifier \"roughly\" is not one of",
		"annual.csv:" + itoa(lAnnual) + ": gti-2030-afg-deaths: year 2030 is outside",
		"annual.csv:" + itoa(lAnnual) + ": gti-2030-afg-deaths: measure \"kills\" is not one of",
		"annual.csv:" + itoa(lAnnual) + ": gti-2030-afg-deaths: value -4",
		"annual.csv:" + itoa(lAnnual) + ": gti-2030-afg-deaths: source \"no-such-source\" does not exist",
		"annual.csv:" + itoa(lAnnual) + ": gti-2030-afg-deaths: note is empty",
	}
	for _, e := range expect {
		if !strings.Contains(all, e) {
			t.Errorf("missing problem %q in:\n%s", e, all)
		}
	}
	if d.Event("afg-2021-08-26-kabul-airport-abbey-gate") == nil && d.Event("afg-2015-04-18-jalalabad-kabul-bank") == nil {
		t.Error("good records were lost")
	}
}

func TestMissingColumnIsReported(t *testing.T) {
	dir := copyData(t)
	if err := os.WriteFile(filepath.Join(dir, "fighters.csv"), []byte("id,date,low\nfs-1,2020-01-01,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs := dataset.Load(os.DirFS(dir))
	if len(probs) == 0 || !strings.Contains(probs[0].String(), `fighters.csv:1: missing column "high"`) {
		t.Fatalf("got %v", probs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func BenchmarkLoadEmbedded(b *testing.B) {
	for b.Loop() {
		if _, probs := dataset.Load(assets.Data); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// One broken quote in events.csv is reported, and the check goes on at the
// next line: a real error further down is still found, and the rows between
// are still read.
func TestBrokenQuoteDoesNotHideTheRestOfTheFile(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"VERSION", "events.csv", "reports.csv", "sources.csv", "fighters.csv", "milestones.csv", "annual.csv"} {
		b, err := fs.ReadFile(assets.Data, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	lines := strings.Split(string(fsys["events.csv"].Data), "\n")
	lines[4] = strings.Replace(lines[4], ",day,", `,"day,`, 1) // line 5: a quote that never closes
	bad := 150                                                 // a row far below the broken one, found by its id so the test does not hang on row order
	for k, l := range lines {
		if strings.HasPrefix(l, "pak-2023-06-22-bajaur-maulana-noor-muhammad,") {
			bad = k
		}
	}
	lines[bad] = strings.Replace(lines[bad], ",2023-06-22,", ",2023-13-22,", 1) // a bad date
	fsys["events.csv"] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	d, probs := dataset.Load(fsys)
	var quote, code bool
	for _, p := range probs {
		if p.File == "events.csv" && p.Line == 5 && strings.Contains(p.Msg, "malformed CSV") {
			quote = true
		}
		if p.File == "events.csv" && p.Line == bad+1 && strings.Contains(p.Msg, "not a date") {
			code = true
		}
	}
	if !quote || !code {
		for _, p := range probs {
			if p.File == "events.csv" {
				t.Log(p)
			}
		}
		t.Fatalf("broken quote reported: %v; error at line %d reported: %v; %d events", quote, bad+1, code, len(d.Events))
	}
	if len(d.Events) < 180 {
		t.Errorf("only %d events read after the broken quote", len(d.Events))
	}
}
