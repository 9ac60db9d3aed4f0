package brief

import (
	"strings"
	"testing"
	"time"

	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// An ACLED row of Crocus dated a day late is not merged but is flagged as
// a possible duplicate; one 300 km away or a week later is not.
func TestNearDuplicatesFlagWhatTheMergeRuleMisses(t *testing.T) {
	m := load(t)
	r := m.RecordOfEvent("rus-2024-03-22-crocus-city-hall")
	crocus := m.Event(r)
	day := crocus.Date
	evs := []importer.Event{
		{ID: "late", Date: day.AddDate(0, 0, 1), Lat: crocus.Lat + 0.05, Lon: crocus.Lon, Killed: 137, KilledLow: -1, KilledHigh: -1, Wounded: -1},
		{ID: "same", Date: day, Lat: crocus.Lat, Lon: crocus.Lon, Killed: 137, KilledLow: -1, KilledHigh: -1, Wounded: -1},
		{ID: "far", Date: day, Lat: crocus.Lat + 3, Lon: crocus.Lon, Killed: 1, KilledLow: -1, KilledHigh: -1, Wounded: -1},
		{ID: "week", Date: day.Add(7 * 24 * time.Hour), Lat: crocus.Lat, Lon: crocus.Lon, Killed: 1, KilledLow: -1, KilledHigh: -1, Wounded: -1},
	}
	if err := m.AddLayer(&Layer{Meta: workspace.Layer{ID: 1, Name: "ACLED", Visible: true}, Events: evs}); err != nil {
		t.Fatal(err)
	}
	r = m.RecordOfEvent("rus-2024-03-22-crocus-city-hall")
	near := m.NearDuplicates(r)
	if len(near) != 1 {
		t.Fatalf("near duplicates %+v, want only the row a day late", near)
	}
	if n := near[0]; n.Days != 1 || n.Km < 4 || n.Km > 7 || n.Layer != "ACLED" {
		t.Errorf("near duplicate %+v", n)
	}
	if d, _ := m.Describe(r); len(d.Also) != 1 || d.Also[0].ID != "same" {
		t.Errorf("the same-day row should be merged into Crocus: %+v", d.Also)
	}
	// A map of Crocus alone was drawn from ACLED too (its duplicate was
	// merged in), and its title says so.
	if got := m.MapTitle(filter.Filter{}, []events.RecordIndex{r}); !strings.HasSuffix(got, "ISK Brief dataset + ACLED") || !strings.Contains(got, "1 attack") {
		t.Errorf("title %q", got)
	}
}
