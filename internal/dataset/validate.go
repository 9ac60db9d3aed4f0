package dataset

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// CountryLocator tells how far a point lies outside a country's borders.
// The embedded basemap implements it.
type CountryLocator interface {
	DistanceToCountryKm(iso3 string, lon, lat float64) float64
}

// CoastalToleranceKm is how far outside its country's polygon an event may
// lie: Natural Earth's 1:10m coastline can sit a few kilometres off a harbour
// or a lakeside site.
const CoastalToleranceKm = 5

// earliest is the first date the dataset may hold: the group formed in 2014–15.
var earliest = time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)

// Validate checks the content rules that Load cannot: unique ids, known
// codes, existing cross-references, plausible dates, coordinates inside the
// stated country, and ordered ranges. geo may be nil to skip the border check.
func Validate(d *Dataset, geo CountryLocator, today time.Time) Problems {
	v := &validator{}
	v.uniqueIDs(d)

	for _, s := range d.Sources {
		v.oneOf(SourcesFile, s.line, s.ID, "kind", s.Kind, SourceKinds)
		v.nonEmpty(SourcesFile, s.line, s.ID, "publisher", s.Publisher)
		v.nonEmpty(SourcesFile, s.line, s.ID, "title", s.Title)
		if s.Published != "" && !validPartialDate(s.Published) {
			v.add(SourcesFile, s.line, s.ID, fmt.Sprintf("published %q is not a date, expected YYYY-MM-DD or YYYY-MM", s.Published))
		}
		if s.URL != "" {
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				v.add(SourcesFile, s.line, s.ID, fmt.Sprintf("url %q is not an http(s) address", s.URL))
			}
		}
	}

	for _, e := range d.Events {
		f, l, id := EventsFile, e.line, e.ID
		v.oneOf(f, l, id, "date_precision", string(e.DatePrecision), []string{string(DayPrecision), string(MonthPrecision)})
		if e.DatePrecision == MonthPrecision && e.Date.Day() != 1 {
			v.add(f, l, id, "a month-precision date must be the 1st of its month")
		}
		v.dateInRange(f, l, id, e.Date, today)
		v.oneOf(f, l, id, "country", e.Country, Countries)
		v.oneOf(f, l, id, "location_precision", string(e.LocationPrecision),
			[]string{string(SitePrecision), string(TownPrecision), string(ProvincePrecision)})
		v.oneOf(f, l, id, "attack_type", e.AttackType, AttackTypes)
		v.oneOf(f, l, id, "target_type", e.TargetType, TargetTypes)
		v.oneOf(f, l, id, "claim_status", string(e.Claim), []string{string(Claimed), string(Attributed), string(Disputed)})
		v.oneOf(f, l, id, "outcome", string(e.Outcome), []string{string(Attack), string(Foiled)})
		if (e.Outcome == Foiled) != (e.AttackType == "plot") {
			v.add(f, l, id, "attack_type plot and outcome foiled go together")
		}
		v.nonEmpty(f, l, id, "title", e.Title)
		v.nonEmpty(f, l, id, "place", e.Place)
		v.nonEmpty(f, l, id, "summary", e.Summary)
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
			v.add(f, l, id, fmt.Sprintf("coordinates %.4f,%.4f out of range, expected lat -90..90 and lon -180..180", e.Lat, e.Lon))
		} else if geo != nil && slices.Contains(Countries, e.Country) {
			if km := geo.DistanceToCountryKm(e.Country, e.Lon, e.Lat); km > CoastalToleranceKm {
				v.add(f, l, id, fmt.Sprintf("coordinates %.4f,%.4f lie %.0f km outside %s", e.Lat, e.Lon, km, CountryName(e.Country)))
			}
		}
		switch {
		case e.LocationSource != "" && d.Source(e.LocationSource) == nil:
			v.add(f, l, id, fmt.Sprintf("location_source %q does not exist in %s", e.LocationSource, SourcesFile))
		case e.LocationSource == "" && e.LocationPrecision == SitePrecision:
			v.add(f, l, id, "site precision needs a location_source: the page that gives the site's coordinates")
		}
		if len(e.Reports) == 0 {
			v.add(f, l, id, "event has no source: add a row to "+ReportsFile)
		}
		settledKilled, anyKilled := false, false
		for _, r := range e.Reports {
			rf, rl := ReportsFile, r.line
			if d.Source(r.SourceID) == nil {
				v.add(rf, rl, r.EventID, fmt.Sprintf("source %q does not exist in %s", r.SourceID, SourcesFile))
			}
			if r.Reported != "" && !validPartialDate(r.Reported) {
				v.add(rf, rl, r.EventID, fmt.Sprintf("reported %q is not a date, expected YYYY-MM-DD", r.Reported))
			}
			v.oneOf(rf, rl, r.EventID, "status", string(r.Status), []string{string(Settled), string(Provisional)})
			v.oneOf(rf, rl, r.EventID, "killed_qualifier", string(r.KilledQualifier), Qualifiers)
			v.oneOf(rf, rl, r.EventID, "wounded_qualifier", string(r.WoundedQualifier), Qualifiers)
			if r.Killed == nil && r.KilledQualifier != Exact || r.Wounded == nil && r.WoundedQualifier != Exact {
				v.add(rf, rl, r.EventID, "a qualifier without a figure: empty the qualifier or add the figure")
			}
			if r.Status == Provisional && r.Reported == "" {
				v.add(rf, rl, r.EventID, "a provisional report needs its reporting date: provisional means superseded by a later report")
			}
			if r.Killed != nil {
				anyKilled = true
				settledKilled = settledKilled || r.Status == Settled
			}
		}
		if anyKilled && !settledKilled {
			v.add(f, l, id, "every killed figure is provisional: mark the figure the toll settled at as settled")
		}
		if e.Killed.Low > e.Killed.High || e.Wounded.Low > e.Wounded.High {
			v.add(f, l, id, "derived casualty range has low above high")
		}
	}

	for _, fe := range d.Fighters {
		f, l, id := FightersFile, fe.line, fe.ID
		v.dateInRange(f, l, id, fe.Date, today)
		if fe.Low < 0 || fe.Low > fe.High {
			v.add(f, l, id, fmt.Sprintf("low %d and high %d: expected 0 ≤ low ≤ high", fe.Low, fe.High))
		}
		v.oneOf(f, l, id, "scope", fe.Scope, Scopes)
		if d.Source(fe.SourceID) == nil {
			v.add(f, l, id, fmt.Sprintf("source %q does not exist in %s", fe.SourceID, SourcesFile))
		}
	}

	for _, m := range d.Milestones {
		f, l, id := MilestonesFile, m.line, m.ID
		v.dateInRange(f, l, id, m.Date, today)
		v.nonEmpty(f, l, id, "label", m.Label)
		for _, c := range m.Countries {
			v.oneOf(f, l, id, "countries", c, Countries)
		}
		if d.Source(m.SourceID) == nil {
			v.add(f, l, id, fmt.Sprintf("source %q does not exist in %s", m.SourceID, SourcesFile))
		}
	}
	for _, a := range d.Annual {
		f, l, id := AnnualFile, a.line, a.ID
		v.nonEmpty(f, l, id, "monitor", a.Monitor)
		if a.Year < earliest.Year() || a.Year > today.Year() {
			v.add(f, l, id, fmt.Sprintf("year %d is outside %d–%d", a.Year, earliest.Year(), today.Year()))
		}
		v.oneOf(f, l, id, "period", a.Period, Periods)
		v.oneOf(f, l, id, "country", a.Country, AnnualCountries)
		v.oneOf(f, l, id, "measure", a.Measure, Measures)
		v.oneOf(f, l, id, "value_qualifier", string(a.Qualifier), Qualifiers)
		if a.Value < 0 {
			v.add(f, l, id, fmt.Sprintf("value %d: expected a count ≥ 0", a.Value))
		}
		if d.Source(a.SourceID) == nil {
			v.add(f, l, id, fmt.Sprintf("source %q does not exist in %s", a.SourceID, SourcesFile))
		}
		v.nonEmpty(f, l, id, "note", a.Note)
	}
	return v.problems
}

type validator struct{ problems Problems }

func (v *validator) add(file string, line int, id, msg string) {
	v.problems = append(v.problems, Problem{File: file, Line: line, Record: id, Msg: msg})
}

func (v *validator) oneOf(file string, line int, id, field, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		shown := make([]string, len(allowed))
		for i, a := range allowed {
			shown[i] = a
			if a == "" {
				shown[i] = "(empty)"
			}
		}
		v.add(file, line, id, fmt.Sprintf("%s %q is not one of %s", field, value, strings.Join(shown, ", ")))
	}
}

func (v *validator) nonEmpty(file string, line int, id, field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(file, line, id, field+" is empty")
	}
}

func (v *validator) dateInRange(file string, line int, id string, t, today time.Time) {
	if t.Before(earliest) || t.After(today) {
		v.add(file, line, id, fmt.Sprintf("date %s is outside 2014-01-01 … %s", t.Format(time.DateOnly), today.Format(time.DateOnly)))
	}
}

func (v *validator) uniqueIDs(d *Dataset) {
	seen := map[string]int{}
	check := func(file string, line int, id string) {
		if id == "" {
			v.add(file, line, "", "id is empty")
			return
		}
		key := file + "\x00" + id
		if first, dup := seen[key]; dup {
			v.add(file, line, id, fmt.Sprintf("duplicate id, first used on line %d", first))
			return
		}
		seen[key] = line
	}
	for _, s := range d.Sources {
		check(SourcesFile, s.line, s.ID)
	}
	for _, e := range d.Events {
		check(EventsFile, e.line, e.ID)
	}
	for _, f := range d.Fighters {
		check(FightersFile, f.line, f.ID)
	}
	for _, m := range d.Milestones {
		check(MilestonesFile, m.line, m.ID)
	}
	for _, a := range d.Annual {
		check(AnnualFile, a.line, a.ID)
	}
}

func validPartialDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse("2006-01", s)
	return err == nil
}
