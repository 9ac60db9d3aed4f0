package eventtable

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"iskbrief/internal/brief"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/importer"
	"iskbrief/internal/symbology"
	"iskbrief/internal/workspace"
)

func load(t *testing.T) *brief.Model {
	t.Helper()
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func all(m *brief.Model) []events.RecordIndex {
	return m.Select(filter.Filter{}, symbology.ByTarget).Index
}

// The Crocus City Hall row shows the settled range, its sources and its
// place, as the detail panel does.
func TestCuratedRowShowsSettledFiguresAndSources(t *testing.T) {
	m := load(t)
	r := m.RecordOfEvent("rus-2024-03-22-crocus-city-hall")
	if r < 0 {
		t.Fatal("Crocus City Hall is not in the dataset")
	}
	row := Make(m, r)
	if row.Cells[Date] != "2024-03-22" || row.Cells[Country] != "RUS" || !strings.Contains(row.Cells[Place], "Krasnogorsk") {
		t.Errorf("row = %q", row.Cells)
	}
	if row.Cells[Killed] != "145–149" {
		t.Errorf("killed = %q, want the settled 145–149", row.Cells[Killed])
	}
	ranges := 0
	for _, r := range all(m) {
		e := m.Event(r)
		if got := Make(m, r).Cells[Killed]; got != e.Killed.String() {
			t.Errorf("%s: killed %q, want %q", e.ID, got, e.Killed.String())
		}
		if strings.Contains(e.Killed.String(), "–") {
			ranges++
		}
	}
	if ranges == 0 {
		t.Error("no event shows a range of settled tolls")
	}
	if row.sources < 3 || row.Cells[Sources] == "0" {
		t.Errorf("sources = %q", row.Cells[Sources])
	}
}

func TestSortByKilledPutsUnknownLastBothWays(t *testing.T) {
	m := load(t)
	rows := all(m)
	for _, desc := range []bool{true, false} {
		Sort(m, rows, Killed, desc)
		seenUnknown := false
		for i, r := range rows {
			k := m.Records[r].Killed
			if k < 0 {
				seenUnknown = true
				continue
			}
			if seenUnknown {
				t.Fatalf("desc=%v: a known toll at row %d after an unknown one", desc, i)
			}
			if i > 0 && m.Records[rows[i-1]].Killed >= 0 {
				prev := m.Records[rows[i-1]].Killed
				if desc && prev < k || !desc && prev > k {
					t.Fatalf("desc=%v: row %d (%d) out of order after %d", desc, i, k, prev)
				}
			}
		}
	}
	Sort(m, rows, Killed, true)
	if top := m.Event(rows[0]); top == nil || top.Killed.Central < 100 {
		t.Errorf("deadliest first: got %+v", top)
	}
}

func TestSortByTextColumn(t *testing.T) {
	m := load(t)
	rows := all(m)
	Sort(m, rows, Country, false)
	var got []string
	for _, r := range rows {
		got = append(got, Make(m, r).Cells[Country])
	}
	if !slices.IsSorted(got) {
		t.Errorf("countries not in order: %v", got)
	}
	Sort(m, rows, Date, true)
	if a, b := m.Records[rows[0]].Day, m.Records[rows[len(rows)-1]].Day; a < b {
		t.Errorf("newest first: %d then %d", a, b)
	}
}

// The CSV holds every row in the order given, with the table's columns
// first, and a cell that a spreadsheet would run as a formula is defused.
func TestCSVHoldsTheRowsAsShown(t *testing.T) {
	m := load(t)
	evs := []importer.Event{
		{ID: "a1", Place: "=HYPERLINK(\"x\")", Country: "AFG", Date: time.Date(2099, 1, 2, 0, 0, 0, 0, time.UTC), Lat: 10, Lon: 10, Killed: 4, KilledLow: 3, KilledHigh: 5, Wounded: 2, Source: "one\n\ntwo"},
	}
	if err := m.AddLayer(&brief.Layer{Meta: workspace.Layer{ID: 1, Name: "ACLED test", Visible: true}, Events: evs}); err != nil {
		t.Fatal(err)
	}
	rows := all(m)
	Sort(m, rows, Date, true)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, m, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)+1 {
		t.Fatalf("%d lines for %d rows", len(recs), len(rows))
	}
	if !slices.Equal(recs[0][:NumColumns], Headers[:]) {
		t.Errorf("header %v", recs[0])
	}
	first := recs[1]
	want := map[int]string{int(Date): "2099-01-02", int(Place): "'=HYPERLINK(\"x\")", int(Killed): "3–5", int(Wounded): "2", int(Sources): "2"}
	for i, v := range want {
		if first[i] != v {
			t.Errorf("column %s = %q, want %q", recs[0][i], first[i], v)
		}
	}
	if first[len(first)-4] != "ACLED test" {
		t.Errorf("layer = %q", first[len(first)-4])
	}
	for i, r := range rows[1:] {
		if recs[i+2][0] != Make(m, r).Cells[Date] {
			t.Fatalf("line %d is not row %d", i+2, i+1)
		}
	}
}
