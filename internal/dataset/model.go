// Package dataset holds the ISK Brief data model: attacks, the sources that
// report them, per-source casualty reports, fighter-strength estimates and
// chart milestones. It loads them from CSV files and validates them.
package dataset

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// DatePrecision says how much of a date is known.
type DatePrecision string

// Known date precisions.
const (
	DayPrecision   DatePrecision = "day"
	MonthPrecision DatePrecision = "month"
)

// LocationPrecision says how exactly an event's coordinates are known.
type LocationPrecision string

// Known location precisions, from exact to coarse.
const (
	SitePrecision     LocationPrecision = "site"
	TownPrecision     LocationPrecision = "town"
	ProvincePrecision LocationPrecision = "province"
)

// ClaimStatus records who says the group did it.
type ClaimStatus string

// Known claim statuses.
const (
	Claimed    ClaimStatus = "claimed"    // claimed by the Islamic State / ISKP
	Attributed ClaimStatus = "attributed" // unclaimed, attributed by officials or analysts
	Disputed   ClaimStatus = "disputed"   // weak or contested attribution
)

// Outcome separates attacks that happened from foiled plots.
type Outcome string

// Known outcomes.
const (
	Attack Outcome = "attack"
	Foiled Outcome = "foiled"
)

// Qualifier is how a source hedges a figure: "at least 31", "more than
// 100", "about 60". Empty means the figure was stated exactly.
type Qualifier string

// Known qualifiers.
const (
	Exact    Qualifier = ""
	AtLeast  Qualifier = "at_least"
	MoreThan Qualifier = "more_than"
	About    Qualifier = "about"
	UpTo     Qualifier = "up_to"
)

// Qualifiers lists every qualifier code a file may hold.
var Qualifiers = []string{string(Exact), string(AtLeast), string(MoreThan), string(About), string(UpTo)}

// Floor reports whether the true figure may be higher ("at least",
// "more than").
func (q Qualifier) Floor() bool { return q == AtLeast || q == MoreThan }

// Status says whether a report's figures are an early count that a later
// report superseded (provisional) or the figures as they settled.
type Status string

// Known report statuses.
const (
	Settled     Status = "settled"
	Provisional Status = "provisional"
)

// Vocabularies of the coded columns, in display order.
var (
	AttackTypes = []string{"suicide_bombing", "bombing", "complex_attack", "armed_assault",
		"assassination", "hostage_taking", "rocket_attack", "plot"}
	TargetTypes = []string{"religious", "civilian", "education_health", "government",
		"security", "foreign", "media"}
	SourceKinds = []string{"news", "un_report", "government", "research", "group_claim", "encyclopedia"}
	Countries   = []string{"AFG", "PAK", "IRN", "TUR", "RUS"}
	Scopes      = []string{"afghanistan", "region", "pakistan"}
	// Annual figures: what a monitor counts, and over which span of its year.
	Measures        = []string{"deaths", "civilian_killed", "civilian_injured", "civilian_casualties", "attacks", "fatalities"}
	Periods         = []string{"year", "h1", "h2", "q1", "q2", "q3", "q4", "part"}
	AnnualCountries = []string{"AFG", "PAK", "IRN", "TUR", "RUS", "ALL"}
)

// CountryName returns the English short name of one of the dataset's countries.
func CountryName(iso3 string) string {
	switch iso3 {
	case "AFG":
		return "Afghanistan"
	case "PAK":
		return "Pakistan"
	case "IRN":
		return "Iran"
	case "TUR":
		return "Turkey"
	case "RUS":
		return "Russia"
	}
	return iso3
}

// Label turns a coded value such as "education_health" into display text.
func Label(code string) string {
	switch code {
	case "education_health":
		return "Education & health"
	case "suicide_bombing":
		return "Suicide bombing"
	case "complex_attack":
		return "Complex attack"
	case "armed_assault":
		return "Armed assault"
	case "hostage_taking":
		return "Hostage taking"
	case "rocket_attack":
		return "Rocket attack"
	case "un_report":
		return "UN report"
	case "group_claim":
		return "Group's own claim"
	case "foreign":
		return "Foreign & diplomatic"
	case "security":
		return "Security forces"
	}
	if code == "" {
		return ""
	}
	b := []byte(code)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	for i := range b {
		if b[i] == '_' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Source is a publication that reports on events or estimates.
type Source struct {
	ID        string
	Kind      string
	Publisher string
	Title     string
	Author    string
	Published string // YYYY-MM-DD, YYYY-MM or empty
	URL       string

	line int // line in sources.csv, for problem reports
}

// Report is what one source said about one event's casualties.
// Nil counts mean the source gave no figure.
type Report struct {
	EventID          string
	SourceID         string
	Killed           *int
	KilledQualifier  Qualifier
	Wounded          *int
	WoundedQualifier Qualifier
	Reported         string // YYYY-MM-DD, YYYY-MM or empty
	Status           Status
	Note             string

	line int
}

// Range is a casualty figure across sources. Known is false when no source
// gave a figure. Floor is true when the highest figure is itself a floor
// ("at least 100", "more than 100"): shown as "100+".
type Range struct {
	Low, High, Central int
	Known              bool
	Floor              bool
}

// Event is one attack or foiled plot.
type Event struct {
	ID                string
	Date              time.Time
	DatePrecision     DatePrecision
	Country           string
	Province          string
	Place             string
	Lat, Lon          float64
	LocationPrecision LocationPrecision
	AttackType        string
	TargetType        string
	Claim             ClaimStatus
	Outcome           Outcome
	Title             string
	Summary           string

	// LocationSource is the source whose page gives the coordinates
	// (required for site precision).
	LocationSource string

	Reports []Report // filled by Load, sorted by reporting date
	// Killed and Wounded are the figures as they settled: the range over
	// the settled reports. EarlyKilled is the range of the provisional
	// counts they superseded. All are derived, never typed in.
	Killed, Wounded Range
	EarlyKilled     Range

	line int
}

// FighterEstimate is one published estimate of the group's strength.
type FighterEstimate struct {
	ID               string
	Date             time.Time
	Low, High        int
	FamiliesIncluded bool
	Scope            string
	SourceID         string
	Note             string

	line int
}

// UncertainMark starts the note of an estimate whose origin could not be
// traced; charts mark such estimates.
const UncertainMark = "UNCERTAIN ORIGIN:"

// Uncertain reports whether the estimate's origin could not be traced.
func (f FighterEstimate) Uncertain() bool { return strings.HasPrefix(f.Note, UncertainMark) }

// Milestone is a dated turning point used to annotate charts.
type Milestone struct {
	ID            string
	Date          time.Time
	DatePrecision DatePrecision
	Label         string
	SourceID      string
	Countries     []string // ISO3 codes the milestone belongs to; empty: the whole group

	line int
}

// AnnualFigure is one systematic monitor's figure for a year: UNAMA's
// civilian casualties attributed to ISKP, the Global Terrorism Index's
// deaths, a count of claimed attacks. Figures that disagree are all kept.
type AnnualFigure struct {
	ID        string
	Monitor   string // UNAMA, GTI, …
	Year      int
	Period    string // year, h1, q3, part (see Periods)
	Country   string // ISO3, or ALL for every country the monitor counts
	Measure   string // see Measures
	Value     int
	Qualifier Qualifier
	SourceID  string
	Note      string // what exactly it counts, as the source says

	line int
}

// FullYear reports whether the figure covers the whole calendar year.
func (a AnnualFigure) FullYear() bool { return a.Period == "year" }

// Dataset is everything loaded from one data folder.
type Dataset struct {
	Version    string // date of the last review, YYYY-MM-DD
	Sources    []Source
	Events     []Event // sorted by date, then id
	Fighters   []FighterEstimate
	Milestones []Milestone
	Annual     []AnnualFigure // sorted by monitor, year

	sourceIndex map[string]int
	eventIndex  map[string]int
}

// Source returns the source with the given id, or nil.
func (d *Dataset) Source(id string) *Source {
	if i, ok := d.sourceIndex[id]; ok {
		return &d.Sources[i]
	}
	return nil
}

// IndexOf returns the position of an event in Events, or -1.
func (d *Dataset) IndexOf(id string) int {
	if i, ok := d.eventIndex[id]; ok {
		return i
	}
	return -1
}

// Event returns the event with the given id, or nil.
func (d *Dataset) Event(id string) *Event {
	if i, ok := d.eventIndex[id]; ok {
		return &d.Events[i]
	}
	return nil
}

// deriveRange computes the range and central figure of the non-nil values.
// The central figure is the median (the lower of the two middle values for an
// even count), so one outlying source cannot drag it.
func deriveRange(values []int) Range {
	if len(values) == 0 {
		return Range{}
	}
	s := slices.Clone(values)
	slices.Sort(s)
	return Range{Low: s[0], High: s[len(s)-1], Central: s[(len(s)-1)/2], Known: true}
}

// figure is one report's count with its qualifier.
type figure struct {
	n int
	q Qualifier
}

// rangeOf derives a range from figures; the range is a floor when every
// figure equal to the highest is itself a floor.
func rangeOf(fs []figure) Range {
	vals := make([]int, len(fs))
	for i, f := range fs {
		vals[i] = f.n
	}
	r := deriveRange(vals)
	if r.Known {
		r.Floor = true
		for _, f := range fs {
			if f.n == r.High && !f.q.Floor() {
				r.Floor = false
			}
		}
	}
	return r
}

func (d *Dataset) index() {
	d.sourceIndex = make(map[string]int, len(d.Sources))
	for i, s := range d.Sources {
		if _, dup := d.sourceIndex[s.ID]; !dup {
			d.sourceIndex[s.ID] = i
		}
	}
	d.eventIndex = make(map[string]int, len(d.Events))
	for i, e := range d.Events {
		if _, dup := d.eventIndex[e.ID]; !dup {
			d.eventIndex[e.ID] = i
		}
	}
}

// derive fills each event's ranges from its reports: the headline figures
// from the settled reports, the early counts from the provisional ones. An
// event whose figures are all provisional (validation reports it) falls
// back to every report, so nothing is hidden.
func (e *Event) derive() {
	var killed, wounded, early, allKilled, allWounded []figure
	for _, r := range e.Reports {
		if r.Killed != nil {
			f := figure{*r.Killed, r.KilledQualifier}
			allKilled = append(allKilled, f)
			if r.Status == Provisional {
				early = append(early, f)
			} else {
				killed = append(killed, f)
			}
		}
		if r.Wounded != nil {
			f := figure{*r.Wounded, r.WoundedQualifier}
			allWounded = append(allWounded, f)
			if r.Status != Provisional {
				wounded = append(wounded, f)
			}
		}
	}
	if len(killed) == 0 {
		killed, early = allKilled, nil
	}
	if len(wounded) == 0 {
		wounded = allWounded
	}
	e.Killed, e.Wounded, e.EarlyKilled = rangeOf(killed), rangeOf(wounded), rangeOf(early)
}

// String formats a range as "137", "133–145", "100+" or "unknown".
func (r Range) String() string {
	plus := ""
	if r.Floor {
		plus = "+"
	}
	switch {
	case !r.Known:
		return "unknown"
	case r.Low == r.High:
		return strconv.Itoa(r.Low) + plus
	default:
		return strconv.Itoa(r.Low) + "–" + strconv.Itoa(r.High) + plus
	}
}
