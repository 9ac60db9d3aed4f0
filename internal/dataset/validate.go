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
		if len(e.Reports) == 0 {
			v.add(f, l, id, "event has no source: add a row to "+ReportsFile)
		}
		for _, r := range e.Reports {
			if d.Source(r.SourceID) == nil {
				v.add(ReportsFile, r.line, r.EventID, fmt.Sprintf("source %q does not exist in %s", r.SourceID, SourcesFile))
			}
			if r.Reported != "" && !validPartialDate(r.Reported) {
				v.add(ReportsFile, r.line, r.EventID, fmt.Sprintf("reported %q is not a date, expected YYYY-MM-DD", r.Reported))
			}
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
	return v.problems
}

type validator struct{ problems Problems }

func (v *validator) add(file string, line int, id, msg string) {
	v.problems = append(v.problems, Problem{File: file, Line: line, Record: id, Msg: msg})
}

func (v *validator) oneOf(file string, line int, id, field, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		v.add(file, line, id, fmt.Sprintf("%s %q is not one of %s", field, value, strings.Join(allowed, ", ")))
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
}

func validPartialDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse("2006-01", s)
	return err == nil
}
