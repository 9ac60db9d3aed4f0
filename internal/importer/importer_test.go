package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

func td(name string) string { return filepath.Join("..", "..", "testdata", name) }

func mustRead(t *testing.T, name string, o Options) *Result {
	t.Helper()
	r, err := ReadFile(td(name), o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	checkInvariants(t, r)
	return r
}

func checkInvariants(t testing.TB, r *Result) {
	t.Helper()
	if r.Kept != len(r.Events) || r.Rows != r.Kept+r.Filtered+r.SkippedTotal ||
		r.Filtered != r.FilteredActor+r.FilteredCountry {
		t.Fatalf("counts do not add up: %+v", *r)
	}
	n := 0
	for _, c := range r.SkippedByReason {
		n += c
	}
	if n != r.SkippedTotal || len(r.Skipped) > r.SkippedTotal {
		t.Fatalf("skipped %d, by reason %v, listed %d", r.SkippedTotal, r.SkippedByReason, len(r.Skipped))
	}
	last := 0
	for _, e := range r.Events {
		if !(e.Lat >= -90 && e.Lat <= 90 && e.Lon >= -180 && e.Lon <= 180) || (e.Lat == 0 && e.Lon == 0) {
			t.Fatalf("line %d: bad coordinates %v,%v kept", e.Line, e.Lat, e.Lon)
		}
		if e.Date.Year() < 1900 || e.Date.Year() > 2100 || e.Date.Location() != time.UTC {
			t.Fatalf("line %d: bad date %v kept", e.Line, e.Date)
		}
		if e.Killed < -1 || e.Wounded < -1 || (e.Killed >= 0 && (e.KilledLow > e.Killed || e.Killed > e.KilledHigh)) {
			t.Fatalf("line %d: bad killed range %d %d %d", e.Line, e.KilledLow, e.Killed, e.KilledHigh)
		}
		if int(e.Line) <= last {
			t.Fatalf("events out of order: line %d after %d", e.Line, last)
		}
		last = int(e.Line)
	}
}

func find(t *testing.T, r *Result, id string) Event {
	t.Helper()
	for _, e := range r.Events {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("%s: no event %q", r.File, id)
	return Event{}
}

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestACLED(t *testing.T) {
	r := mustRead(t, "acled.csv", Options{})
	if r.Layout != ACLED || r.Rows != 9 || r.Kept != 8 || r.FilteredActor != 1 || r.SkippedTotal != 0 {
		t.Fatalf("layout %s rows %d kept %d filtered %d skipped %d", r.Layout, r.Rows, r.Kept, r.FilteredActor, r.SkippedTotal)
	}
	c := find(t, r, "RUS1001") // the BOM did not eat the first column
	if c.Killed != 145 || c.KilledLow != 145 || c.KilledHigh != 145 || c.Wounded != -1 || c.Precision != Town ||
		!c.Date.Equal(day("2024-03-22")) || c.DatePrecision != Day || c.Country != "RUS" || c.CountryName != "Russia" ||
		c.Place != "Krasnogorsk" || c.Admin1 != "Moscow Oblast" || c.Lat != 55.8258 || c.Lon != 37.3903 ||
		c.EventType != "Violence against civilians" || c.SubType != "Attack" || c.Actor1 != "Islamic State (Khorasan)" ||
		c.Actor2 != "Civilians (Russia)" || c.Group != c.Actor1 || c.Source != "Wikipedia; RFE/RL; AP" ||
		!strings.HasPrefix(c.Notes, "Gunmen opened fire") || c.Line != 2 || c.Claim != NoClaim {
		t.Fatalf("Crocus: %+v", c)
	}
	if e := find(t, r, "IRN1002"); !e.Date.Equal(day("2024-01-03")) || e.Country != "IRN" || !e.Suicide {
		t.Fatalf("ISO date: %+v", e)
	}
	if e := find(t, r, "AFG1003"); !e.Date.Equal(day("2021-08-26")) || e.Killed != 182 {
		t.Fatalf("22-March-2024 style: %+v", e)
	}
	if e := find(t, r, "PAK1006"); e.Precision != Province || e.Group != "ISKP" {
		t.Fatalf("geo_precision 2 / ISKP: %+v", e)
	}
	if e := find(t, r, "PAK1004"); e.Group != "Islamic State Khorasan Province" {
		t.Fatalf("group: %+v", e)
	}
	rec := c.Record()
	if rec.Killed != 145 || rec.Country != events.CountryCode("RUS") || rec.Precision != 1 || rec.Event != -1 ||
		rec.Target != vocab(dataset.TargetTypes, "civilian") || rec.Claim != events.NoCode || rec.Day != events.DayOf(day("2024-03-22")) {
		t.Fatalf("record: %+v", rec)
	}
	if rec := find(t, r, "IRN1002").Record(); rec.Attack != vocab(dataset.AttackTypes, "suicide_bombing") {
		t.Fatalf("attack code: %+v", rec)
	}
	if got := r.Records(); len(got) != 8 || got[0] != rec0(r) {
		t.Fatal("Records")
	}
}

func rec0(r *Result) events.Record { return r.Events[0].Record() }

func TestACLEDFilters(t *testing.T) {
	if r := mustRead(t, "acled.csv", Options{Actor: "all"}); r.Kept != 9 || r.Filtered != 0 {
		t.Fatalf("--actor all: kept %d", r.Kept)
	}
	r := mustRead(t, "acled.csv", Options{Actor: "jamaat"})
	if r.Kept != 1 || r.Events[0].Group != "Jamaat-ul-Ahrar" || r.FilteredActor != 8 {
		t.Fatalf("--actor jamaat: kept %d %+v", r.Kept, r.Events)
	}
	r = mustRead(t, "acled.csv", Options{Countries: []string{"AFG", "pakistan"}})
	for _, e := range r.Events {
		if e.Country != "AFG" && e.Country != "PAK" {
			t.Fatalf("country filter kept %s", e.Country)
		}
	}
	if r.Kept != 5 || r.FilteredCountry != 3 || r.FilteredActor != 1 {
		t.Fatalf("country filter: kept %d, filtered %d/%d", r.Kept, r.FilteredActor, r.FilteredCountry)
	}
	if _, err := ReadFile(td("acled.csv"), Options{Countries: []string{"Atlantis"}}); err == nil {
		t.Fatal("bad country accepted")
	}
	_, err := ReadFile(td("acled.csv"), Options{Countries: []string{"IND"}})
	var e *Error
	if !errors.As(err, &e) || e.Result == nil || !strings.Contains(err.Error(), "outside the countries") {
		t.Fatalf("all filtered: %v", err)
	}
}

func TestACLEDOlderLayouts(t *testing.T) {
	r := mustRead(t, "acled-2019.csv", Options{})
	if r.Layout != ACLED2019 || r.Kept != 5 {
		t.Fatalf("2019: %s %d", r.Layout, r.Kept)
	}
	if e := find(t, r, "IRN304"); e.Country != "IRN" || e.Killed != 17 || !e.Date.Equal(day("2017-06-07")) {
		t.Fatalf("2019 Tehran: %+v", e)
	}
	r = mustRead(t, "acled-legacy.csv", Options{})
	if r.Layout != ACLEDLegacy || r.Kept != 3 {
		t.Fatalf("legacy: %s %d", r.Layout, r.Kept)
	}
	e := find(t, r, "PAK13")
	if !e.Date.Equal(day("2016-11-12")) || e.Precision != Province || e.Killed != 52 || e.Country != "PAK" || e.Place != "Shah Noorani" {
		t.Fatalf("legacy Shah Noorani (CRLF, DD/MM/YYYY, geo 3): %+v", e)
	}
}

func TestGTD(t *testing.T) {
	b, _ := os.ReadFile(td("gtd.csv"))
	if h, _ := csv.NewReader(bytes.NewReader(b)).Read(); len(h) != 135 {
		t.Fatalf("gtd.csv has %d columns", len(h))
	}
	r := mustRead(t, "gtd.csv", Options{})
	if r.Layout != GTD || r.Rows != 8 || r.Kept != 7 || r.FilteredActor != 1 {
		t.Fatalf("gtd: rows %d kept %d filtered %d", r.Rows, r.Kept, r.FilteredActor)
	}
	s := find(t, r, "201702160002")
	if s.Killed != 72 || s.Wounded != 250 || s.Claim != Claimed || s.Precision != Town || s.Place != "Sehwan" ||
		s.Admin1 != "Sindh" || s.Country != "PAK" || s.Source != "Times of India\nExpress Tribune" || !s.Suicide ||
		s.EventType != "Bombing/Explosion" || s.Target != "Religious Figures/Institutions" || s.Group != "Khorasan Chapter of the Islamic State" {
		t.Fatalf("Sehwan: %+v", s)
	}
	rec := s.Record()
	if rec.Claim != 0 || rec.Target != vocab(dataset.TargetTypes, "religious") || rec.Attack != vocab(dataset.AttackTypes, "suicide_bombing") {
		t.Fatalf("Sehwan record: %+v", rec)
	}
	if e := find(t, r, "201706070003"); e.Claim != Disputed || e.Record().Claim != 2 {
		t.Fatalf("guncertain1=1: %+v", e)
	}
	if e := find(t, r, "201809220004"); e.Actor2 != "Al-Ahwaz National Resistance" || e.Record().Target != vocab(dataset.TargetTypes, "security") {
		t.Fatalf("gname2: %+v", e)
	}
	p := find(t, r, "202412000008")
	if p.DatePrecision != Month || !p.Date.Equal(day("2024-12-01")) || p.Killed != -1 || p.Wounded != -1 || p.Claim != Attributed {
		t.Fatalf("iday 0 / nkill blank / nwound -99: %+v", p)
	}
	r = mustRead(t, "gtd-134.csv", Options{})
	if r.Layout != GTD || r.Kept != 1 {
		t.Fatalf("134 columns: %s %d", r.Layout, r.Kept)
	}
}

func TestGTDYearOnly(t *testing.T) {
	b, _ := os.ReadFile(td("gtd.csv"))
	recs, _ := csv.NewReader(bytes.NewReader(b)).ReadAll()
	recs = recs[:2]
	recs[1][2] = "0" // imonth
	var buf bytes.Buffer
	csv.NewWriter(&buf).WriteAll(recs)
	r, err := Read(&buf, "year.csv", 0, Options{})
	if err != nil || r.Events[0].DatePrecision != Year || !r.Events[0].Date.Equal(day("2015-01-01")) {
		t.Fatalf("imonth 0: %v %+v", err, r)
	}
}

func TestUCDP(t *testing.T) {
	r := mustRead(t, "ucdp-ged.csv", Options{})
	if r.Layout != UCDPGED || r.Kept != 5 || r.FilteredActor != 1 || r.HashtagRow {
		t.Fatalf("ucdp: %s kept %d filtered %d", r.Layout, r.Kept, r.FilteredActor)
	}
	a := find(t, r, "500001")
	if a.Killed != 182 || a.KilledLow != 72 || a.KilledHigh != 183 || a.Country != "AFG" || a.Actor1 != "IS" ||
		a.Precision != Town || a.EventType != "One-sided violence" || a.Place != "Kabul town" || a.Admin1 != "Kabul province" {
		t.Fatalf("Kabul airport: %+v", a)
	}
	if rec := a.Record(); rec.Killed != 182 || rec.KilledLow != 72 || rec.KilledHi != 183 {
		t.Fatalf("record: %+v", rec)
	}
	if e := find(t, r, "500005"); e.Group != "Islamic State" {
		t.Fatalf("Islamic State side_a: %+v", e)
	}
	h := mustRead(t, "ucdp-ged-hdx.csv", Options{})
	if !h.HashtagRow || h.Kept != 3 || h.Events[0].Line != 3 || !h.Events[0].Date.Equal(day("2022-03-04")) {
		t.Fatalf("hdx: %+v", h)
	}
}

func TestGenericAndGeoJSON(t *testing.T) {
	r := mustRead(t, "generic.csv", Options{})
	if r.Layout != GenericCSV || r.Kept != 5 {
		t.Fatalf("generic: %s %d", r.Layout, r.Kept)
	}
	want := []string{"TUR", "IRN", "RUS", "RUS", "IRN"}
	for i, e := range r.Events {
		if e.Country != want[i] {
			t.Fatalf("row %d country %q (%q), want %s", i, e.Country, e.CountryName, want[i])
		}
	}
	if e := r.Events[3]; e.DatePrecision != Month || e.Killed != -1 || e.Precision != UnknownPrecision || e.Record().Precision != 2 {
		t.Fatalf("month row: %+v", e)
	}
	r = mustRead(t, "events-header.csv", Options{})
	if r.Layout != GenericCSV || r.Kept != 3 || r.Events[0].Killed != 182 {
		t.Fatalf("--events header: %s %d", r.Layout, r.Kept)
	}
	g := mustRead(t, "events.geojson", Options{})
	if g.Layout != GeoJSON || g.Kept != 5 {
		t.Fatalf("geojson: %s %d", g.Layout, g.Kept)
	}
	c := find(t, g, "crocus")
	if c.Killed != 145 || c.KilledLow != 60 || c.KilledHigh != 145 || c.Wounded != 551 || c.Precision != Site ||
		c.Claim != Claimed || c.Country != "RUS" || c.Lat != 55.8258 || c.Lon != 37.3903 {
		t.Fatalf("geojson crocus: %+v", c)
	}
	if p := find(t, g, "moscowplot"); p.Killed != -1 || p.DatePrecision != Month {
		t.Fatalf("geojson null killed: %+v", p)
	}
	b := mustRead(t, "bad-features.geojson", Options{})
	if b.Kept != 1 || b.SkippedTotal != 3 || b.SkippedByReason["not a point"] != 2 || b.Skipped[1].Column != "properties.date" {
		t.Fatalf("bad features: %+v", b)
	}
	if _, err := ReadFile(td("events.geojson"), Options{Actor: "khorasan"}); err == nil {
		t.Fatal("custom actor on a file without actors should keep nothing")
	}
}

func TestMalformedRows(t *testing.T) {
	r := mustRead(t, "acled-malformed.csv", Options{})
	if r.Kept != 2 || r.SkippedTotal != 5 {
		t.Fatalf("kept %d skipped %d", r.Kept, r.SkippedTotal)
	}
	want := []struct {
		line        int
		col, reason string
	}{{3, "event_date", "bad date"}, {4, "latitude", "bad coordinates"}, {5, "latitude", "coordinates 0,0"},
		{6, "", "wrong number of fields"}, {8, "notes", "malformed CSV"}}
	for i, w := range want {
		p := r.Skipped[i]
		if p.Line != w.line || p.Column != w.col || p.Reason != w.reason {
			t.Errorf("problem %d: %+v, want %+v", i, p, w)
		}
	}
}

func TestRefused(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"empty.csv", "empty file"},
		{"acled-header-only.csv", "no usable rows: the file has a header but no data rows"},
		{"generic-no-usable.csv", "no usable rows: of 2 rows, 2 skipped (bad date 1, coordinates 0,0 1)"},
		{"truncated.geojson", "truncated GeoJSON"},
		{"unknown-header.csv", "unknown layout"},
	} {
		_, err := ReadFile(td(c.file), Options{})
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.file, err, c.want)
		}
	}
	_, err := ReadFile(td("unknown-header.csv"), Options{})
	var unknown *UnknownLayoutError
	if !errors.As(err, &unknown) || strings.Join(unknown.Header, ",") != "when,where,who,how_many" {
		t.Errorf("unknown layout error does not carry the header: %#v", err)
	}
	for _, l := range Layouts {
		if !strings.Contains(err.Error(), string(l)) {
			t.Errorf("unknown layout error does not list %s: %v", l, err)
		}
	}
	if _, err := ReadFile(td("nope.csv"), Options{}); err == nil {
		t.Error("missing file accepted")
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		h    string
		want Layout
	}{
		{"event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", ACLED},
		{"date,latitude,longitude,killed,country,place,source", GenericCSV},
		{"event_date,latitude,longitude,fatalities,country", GenericCSV},
		{"DATE,LAT,LON,KILLED", GenericCSV},
	} {
		if got, err := Detect(strings.Split(c.h, ",")); got != c.want || err != nil {
			t.Errorf("%s: %s %v", c.h, got, err)
		}
	}
	// A damaged ACLED header must not fall back to the generic layout.
	_, err := Detect(strings.Split("event_id_cnty,event_date,actor1,latitude,longitude,fatalities", ","))
	if err == nil || !strings.Contains(err.Error(), "looks like acled") {
		t.Errorf("damaged ACLED: %v", err)
	}
}

func TestCancelAndProgress(t *testing.T) {
	done := make(chan struct{})
	close(done)
	if _, err := Read(strings.NewReader(bigACLED(2000)), "x", 0, Options{Cancel: done, Actor: "all"}); !errors.Is(err, ErrCanceled) {
		t.Fatalf("cancel: %v", err)
	}
	data := bigACLED(20000)
	var last, calls int64
	r, err := Read(strings.NewReader(data), "x", int64(len(data)), Options{Actor: "all", Progress: func(d, total int64) {
		if d < last || total != int64(len(data)) {
			t.Errorf("progress %d/%d after %d", d, total, last)
		}
		last = d
		calls++
	}})
	if err != nil || r.Kept != 20000 || last != int64(len(data)) || calls < 2 {
		t.Fatalf("progress: %v kept %d last %d calls %d", err, r.Kept, last, calls)
	}
}

// TestChunkBoundaries reads a multi-chunk file with quoted, multi-line and
// bad fields and compares it with encoding/csv read serially.
func TestChunkBoundaries(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,latitude,longitude,killed,notes,id\n")
	line, wantBad := 2, map[int]bool{}
	for i := 0; b.Len() < 5*blockSize; i++ {
		notes := fmt.Sprintf("plain note %d", i)
		n := 1
		switch i % 7 {
		case 1:
			notes = fmt.Sprintf("\"a note, with a comma and \"\"quotes\"\" %d\"", i)
		case 2:
			notes = fmt.Sprintf("\"two\nlines %d\"", i)
			n = 2
		case 3:
			if i%11 == 0 {
				notes = "bad \"quote"
				wantBad[line] = true
			}
		}
		fmt.Fprintf(&b, "2021-08-%02d,34.5,69.2,%d,%s,%d\n", i%28+1, i%100, notes, line)
		line += n
	}
	r, err := Read(strings.NewReader(b.String()), "big.csv", int64(b.Len()), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, r)
	if r.SkippedTotal != len(wantBad) {
		t.Fatalf("skipped %d, want %d", r.SkippedTotal, len(wantBad))
	}
	for _, p := range r.Skipped {
		if !wantBad[p.Line] {
			t.Fatalf("unexpected problem %v", p)
		}
	}
	for _, e := range r.Events {
		if e.ID != fmt.Sprint(e.Line) {
			t.Fatalf("event id %s on line %d", e.ID, e.Line)
		}
	}
	cr := csv.NewReader(strings.NewReader(b.String()))
	cr.LazyQuotes = true
	recs, _ := cr.ReadAll()
	j := 0
	for _, rec := range recs[1:] {
		if strings.Contains(rec[4], `bad "quote`) {
			continue
		}
		if r.Events[j].Notes != rec[4] {
			t.Fatalf("event %d notes %q, want %q", j, r.Events[j].Notes, rec[4])
		}
		j++
	}
}

func TestValues(t *testing.T) {
	for s, want := range map[string]string{"22 March 2024": "2024-03-22", "22-March-2024": "2024-03-22", "2024-03-22": "2024-03-22",
		"1 sept 2020": "2020-09-01", "05/02/2019": "2019-02-05", "2017-06-07 00:00:00.000": "2017-06-07", "29 February 2024": "2024-02-29"} {
		if d, ok := parseDay([]byte(s)); !ok || d.Format("2006-01-02") != want {
			t.Errorf("%q: %v %v", s, d, ok)
		}
	}
	for _, s := range []string{"", "29 February 2023", "2024-13-01", "32/01/2020", "March 2024", "2024-03-22x", "1 Foo 2020", "NaN"} {
		if _, ok := parseDay([]byte(s)); ok {
			t.Errorf("%q accepted", s)
		}
	}
	if _, ok := parseCoord([]byte("NaN"), 90); ok {
		t.Error("NaN latitude accepted")
	}
}

// An unclosed quote on row 3 of a 20-row file swallows every row after it.
// The import is refused with the line where the quote opened, rather than
// reporting "3 read, 2 kept" and dropping 17 valid rows.
func TestUnclosedQuoteRefusesTheFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("event_date,latitude,longitude,fatalities,country,notes\n")
	for i := range 20 {
		note := fmt.Sprintf("row %d", i+1)
		if i == 2 {
			note = `"an unclosed note`
		}
		fmt.Fprintf(&b, "2024-01-%02d,34.5,69.1,%d,AFG,%s\n", i+1, i, note)
	}
	_, err := Read(strings.NewReader(b.String()), "twenty.csv", int64(b.Len()), Options{})
	var ie *Error
	if !errors.As(err, &ie) || ie.Line != 4 || ie.File != "twenty.csv" || !strings.Contains(ie.Reason, "never closed") {
		t.Fatalf("got %v; want the file refused at line 4 (row 3) for a quote never closed", err)
	}
	if !errors.Is(err, ErrBrokenQuote) {
		t.Errorf("the refusal is not ErrBrokenQuote: %v", err)
	}
	// Asked to, the import skips that line and keeps the other 19 rows.
	res, err := Read(strings.NewReader(b.String()), "twenty.csv", int64(b.Len()), Options{SkipBrokenQuotes: true})
	if err != nil || res.Kept != 19 || res.SkippedTotal != 1 || res.Skipped[0].Line != 4 || res.Skipped[0].Reason != "broken quote" {
		t.Fatalf("skipping the broken quote: %v, %+v", err, res)
	}
	if res.Events[2].Date.Day() != 4 || res.Events[18].Date.Day() != 20 {
		t.Errorf("rows after the skipped line: %v … %v", res.Events[2].Date, res.Events[18].Date)
	}
	// A quote left open only on the last row costs that row alone.
	last := strings.TrimSuffix(b.String(), "\n")
	last = strings.Replace(last, `"an unclosed note`, "row 3", 1) + ` "`
	last = last[:strings.LastIndex(last, ",")+1] + `"open at the end`
	res, err = Read(strings.NewReader(last), "last.csv", int64(len(last)), Options{})
	if err != nil || res.Kept != 19 || res.SkippedTotal != 1 {
		t.Fatalf("quote open on the last row: %v, %+v", err, res)
	}
}

// GTD and ACLED publish .xlsx workbooks: one made by excelize imports
// exactly as the same rows saved as CSV, with row numbers in messages.
func TestXLSXImportsLikeItsCSV(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "acled.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wb := excelize.NewFile()
	sw, err := wb.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = v
		}
		if i == 2 { // a bad latitude on worksheet row 3
			row[22] = "north"
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	sw.Flush()
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want, err := Read(bytes.NewReader(data), "acled.csv", int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()), "acled.xlsx", int64(buf.Len()), Options{})
	if err != nil {
		t.Fatalf("xlsx: %v", err)
	}
	if got.Layout != want.Layout || got.Kept != want.Kept-1 || got.SkippedTotal != 1 || got.Skipped[0].Line != 3 {
		t.Fatalf("xlsx: layout %s, kept %d, skipped %+v; csv: layout %s, kept %d", got.Layout, got.Kept, got.Skipped, want.Layout, want.Kept)
	}
	if g, w := got.Events[0], want.Events[0]; g.Date != w.Date || g.Lat != w.Lat || g.Killed != w.Killed || g.Notes != w.Notes {
		t.Errorf("first event differs:\n xlsx %+v\n csv  %+v", g, w)
	}
	if _, err := Read(bytes.NewReader(append([]byte("PK\x03\x04"), "not a zip"...)), "broken.xlsx", 13, Options{}); err == nil || !strings.Contains(err.Error(), "not a readable .xlsx") {
		t.Errorf("a broken workbook: %v", err)
	}
}

func TestDatesOutside1970ToNextYearAreRefused(t *testing.T) {
	in := "event_date,latitude,longitude,fatalities,country\n" +
		"2024-01-05,34.5,69.1,3,AFG\n" +
		"1950-06-01,34.5,69.1,3,AFG\n" +
		fmt.Sprintf("%d-06-01,34.5,69.1,3,AFG\n", time.Now().Year()+2)
	res, err := Read(strings.NewReader(in), "dates.csv", int64(len(in)), Options{})
	if err != nil || res.Kept != 1 || res.SkippedTotal != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	for i, p := range res.Skipped {
		if p.Line != i+3 || !strings.Contains(p.Msg, "outside 1970") {
			t.Errorf("problem %+v", p)
		}
	}
}

// A 10 MB line of five million empty fields is one bad row, read without
// holding five million field slices (it took 588 MB).
func TestHugeRowOfEmptyFieldsIsOneBadRow(t *testing.T) {
	var b strings.Builder
	b.WriteString("event_date,latitude,longitude,fatalities,country\n2024-01-01,34.5,69.1,1,AFG\n")
	b.WriteString(strings.Repeat(",", 5_000_000) + "\n")
	b.WriteString("2024-01-02,34.5,69.1,2,AFG\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := Read(strings.NewReader(b.String()), "commas.csv", int64(b.Len()), Options{})
	runtime.ReadMemStats(&after)
	if err != nil || res.Kept != 2 || res.SkippedTotal != 1 || !strings.Contains(res.Skipped[0].Msg, "more than") {
		t.Fatalf("%v, %+v", err, res)
	}
	if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 120 {
		t.Errorf("reading it allocated %d MB", alloc)
	}
}
