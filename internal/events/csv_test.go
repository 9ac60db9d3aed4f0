package events

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestReadCSV(t *testing.T) {
	in := "\ufeffcountry,event_date,latitude,longitude,fatalities,extra\n" +
		"AFG,2021-08-26,34.5660,69.2250,183,x\n" +
		"\"Pakistan\",2023-07-30,34.67,71.51,,\"a, b\"\r\n" +
		"\n" +
		"Kazakhstan,2024-02-29,43.2,76.9,1,y\n"
	recs, err := ReadCSV(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	r := recs[0]
	if r.Time() != time.Date(2021, 8, 26, 0, 0, 0, 0, time.UTC) || r.Killed != 183 || r.Country != CountryCode("AFG") || r.Event != -1 {
		t.Errorf("record 0 = %+v", r)
	}
	if recs[1].Killed != -1 || recs[1].Country != CountryCode("PAK") {
		t.Errorf("record 1 = %+v, want unknown killed and PAK", recs[1])
	}
	if recs[2].Country != NoCode || recs[2].Year() != 2024 {
		t.Errorf("record 2 = %+v, want an unknown country in 2024", recs[2])
	}
}

func TestReadCSVBadRowsReportLines(t *testing.T) {
	in := CSVHeader + "\n" +
		"2021-08-26,34.5,69.2,1,AFG\n" +
		"2021-02-30,34.5,69.2,1,AFG\n" + // line 3: no such day
		"2021-08-26,94.5,69.2,1,AFG\n" + // line 4: latitude out of range
		"2021-08-26,0,0,1,AFG\n" + // line 5: null island
		"2021-08-26,34.5,69.2,-4,AFG\n" + // line 6
		"2021-08-26,34.5,69.2\n" // line 7: short row
	_, err := ReadCSV(strings.NewReader(in), "bad.csv")
	var re *RowErrors
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want RowErrors", err)
	}
	msg := err.Error()
	for _, want := range []string{"bad.csv:3: event_date", "bad.csv:4: latitude", "bad.csv:5: coordinates 0,0", "bad.csv:6: fatalities", "bad.csv:7: 3 fields, expected 5"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "bad.csv:2:") {
		t.Errorf("good line 2 reported:\n%s", msg)
	}
}

func TestReadCSVRefusesEmptyAndWrongHeader(t *testing.T) {
	if _, err := ReadCSV(strings.NewReader(CSVHeader+"\n"), "e.csv"); err == nil || !strings.Contains(err.Error(), "no events") {
		t.Errorf("empty file: %v", err)
	}
	if _, err := ReadCSV(strings.NewReader("date,lat,lon\n2020-01-01,1,2\n"), "h.csv"); err == nil || !strings.Contains(err.Error(), `h.csv:1: missing column "event_date"`) {
		t.Errorf("wrong header: %v", err)
	}
}

func TestDaysFromCivilMatchesTime(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 22, 0, 0, 0, 0, time.UTC), time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := daysFromCivil(d.Year(), int(d.Month()), d.Day()), DayOf(d); got != want {
			t.Errorf("%v: %d, want %d", d, got, want)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(CSVHeader + "\n2021-08-26,34.5,69.2,1,AFG\n"))
	f.Add([]byte(CSVHeader + "\n\"2021-08-26\",34.5,69.2,,\"Iran\"\n"))
	f.Add([]byte("event_date\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadCSV(bytes.NewReader(b), "f.csv")
		if err == nil && len(recs) == 0 {
			t.Fatal("no error and no records")
		}
		for _, r := range recs {
			if r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 {
				t.Fatalf("out-of-range record accepted: %+v", r)
			}
		}
	})
}

func BenchmarkReadCSV1M(b *testing.B) {
	data := SyntheticCSV(1_000_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data), "bench.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// A large file is parsed in two halves at once: the records keep their
// order, and a bad row in either half is reported at its own line.
func TestReadCSVHalvesKeepOrderAndLineNumbers(t *testing.T) {
	data := SyntheticCSV(60_000) // about 2 MB: split in two
	recs, err := ReadCSV(bytes.NewReader(data), "big.csv")
	if err != nil || len(recs) != 60_000 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for i := 1; i < len(recs); i++ {
		if want := int32(i % 50); recs[i].Killed != want {
			t.Fatalf("record %d has %d killed, want %d: order lost", i, recs[i].Killed, want)
		}
	}
	lines := bytes.Split(data, []byte("\n"))
	lines[10] = []byte("2020-13-01,34.5,69.1,3,AFG")   // line 11
	lines[55_000] = []byte("2020-01-01,95,69.1,3,AFG") // line 55,001
	_, err = ReadCSV(bytes.NewReader(bytes.Join(lines, []byte("\n"))), "big.csv")
	var re *RowErrors
	if !errors.As(err, &re) || re.Total != 2 || re.Errs[0].Line != 11 || re.Errs[1].Line != 55_001 {
		t.Fatalf("errors %v; want lines 11 and 55001", err)
	}
}

// Values a careless export produces are refused with their line, and a
// message quotes at most 200 characters of the offending text.
func TestReadCSVRefusesImpossibleValues(t *testing.T) {
	huge := strings.Repeat("9", 10<<20)
	for _, c := range []struct{ row, want string }{
		{"2020-01-01,NaN,69.1,3,AFG", "latitude"},
		{"2020-01-01,34.5,nan,3,AFG", "longitude"},
		{"2020-01-01,34.5,69.1,1073742056,AFG", "fatalities"},
		{"0001-01-01,34.5,69.1,3,AFG", "outside 1970"},
		{"9999-12-31,34.5,69.1,3,AFG", "outside 1970"},
		{"2020-01-01," + huge + ",69.1,3,AFG", "latitude"},
	} {
		_, err := ReadCSV(strings.NewReader(CSVHeader+"\n2020-01-01,34.5,69.1,3,AFG\n"+c.row+"\n"), "x.csv")
		var re *RowErrors
		if !errors.As(err, &re) || re.Errs[0].Line != 3 || !strings.Contains(re.Errs[0].Msg, c.want) {
			t.Errorf("%.60s: %v; want line 3 about %s", c.row, err, c.want)
			continue
		}
		if n := len(err.Error()); n > 600 {
			t.Errorf("%.60s: a %d-byte message", c.row, n)
		}
	}
}

// RFC 4180 lets a quoted field hold line breaks: such a record is read
// whole, later rows keep their line numbers, and a quote never closed is
// reported once, on the line where it opened.
func TestReadCSVQuotedLineBreaks(t *testing.T) {
	in := CSVHeader + ",notes\n2024-01-02,34.5,69.1,3,AFG,\"two\nlines\"\n2024-01-03,34.5,69.1,x,AFG,y\n"
	_, err := ReadCSV(strings.NewReader(in), "q.csv")
	if err == nil || !strings.Contains(err.Error(), "q.csv:4: fatalities") || strings.Count(err.Error(), "\n") != 0 {
		t.Fatalf("got %v; want only the bad row on line 4", err)
	}
	recs, err := ReadCSV(strings.NewReader(strings.Replace(in, ",x,", ",4,", 1)), "q.csv")
	if err != nil || len(recs) != 2 || recs[0].Killed != 3 {
		t.Fatalf("%v %+v", err, recs)
	}
	_, err = ReadCSV(strings.NewReader(CSVHeader+"\n2024-01-02,34.5,69.1,3,AFG\n2024-01-03,34.5,69.1,3,\"AFG\n2024-01-04,34.5,69.1,3,AFG\n"), "o.csv")
	if err == nil || err.Error() != "o.csv:3: a quoted field opened on this line is never closed: every line after it would be read into it" {
		t.Fatalf("unclosed quote: %v", err)
	}
	// A file big enough to be read in two halves, with a quoted line break
	// where the halves would meet.
	var b strings.Builder
	b.WriteString(CSVHeader + ",notes\n")
	row := "2024-01-02,34.5,69.1,3,AFG,\"a note\nover two lines\"\n"
	for b.Len() < 3<<20 {
		b.WriteString(row)
	}
	recs, err = ReadCSV(strings.NewReader(b.String()), "big.csv")
	if err != nil || len(recs) != strings.Count(b.String(), "\"")/2 {
		t.Fatalf("two halves: %v, %d records", err, len(recs))
	}
}
