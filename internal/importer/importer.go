// Package importer reads the conflict-event exports analysts bring (ACLED,
// GTD, UCDP GED, a generic CSV and GeoJSON) into Events that can sit on the
// map and charts next to the embedded dataset. It is pure Go and never opens
// a window.
//
// The layout is recognised from the header (or, for GeoJSON, from the first
// byte). Rows are streamed: a file is read in blocks of whole records that
// two or more goroutines parse in parallel, so a million-row ACLED export is
// never held as [][]string.
//
// Bad input never panics and is never imported in silence:
//   - a file that cannot be read as a whole (empty, unknown layout, broken
//     CSV quoting at the end, truncated JSON, no usable rows) is refused with
//     an *Error that says why;
//   - a bad row (bad date, coordinates out of range or at 0,0, wrong number of
//     fields, bad number...) is skipped and reported as a Problem with its
//     line, column and reason; Result.SkippedByReason counts them all.
//
// Rows that fail the actor or country filter are counted in Result.Filtered
// (and FilteredActor / FilteredCountry) and are not validated further.
//
// # Actor filter (Options.Actor)
//
// "" applies each layout's default ISIS-K filter (DefaultActors documents
// it); "all" keeps every actor; any other text keeps rows where one of the
// layout's actor columns contains it, ignoring case (ACLED actor1, actor2,
// assoc_actor_1, assoc_actor_2 / ally_actor_1, ally_actor_2; GTD gname,
// gname2, gname3; UCDP side_a, side_b; generic CSV and GeoJSON actor or
// group — rows with no actor are dropped by a custom filter).
package importer

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Layout names a recognised file layout.
type Layout string

// The layouts Detect and Read recognise.
const (
	ACLED       Layout = "acled"        // ACLED CSV, 31 columns, March 2023 onwards
	ACLED2019   Layout = "acled-2019"   // ACLED CSV before 2023 (event_id_no_cnty, data_id, iso3)
	ACLEDLegacy Layout = "acled-legacy" // ACLED upper-case layout (GWNO, ALLY_ACTOR_1)
	GTD         Layout = "gtd"          // Global Terrorism Database CSV, 135 (or 134) columns
	UCDPGED     Layout = "ucdp-ged"     // UCDP Georeferenced Event Dataset CSV, 49 columns
	GenericCSV  Layout = "generic-csv"  // date,latitude,longitude,killed[,country,place,source,…]
	GeoJSON     Layout = "geojson"      // FeatureCollection of Points
)

// Layouts lists every layout, in the order Detect tries them.
var Layouts = []Layout{ACLED, ACLED2019, ACLEDLegacy, GTD, UCDPGED, GenericCSV, GeoJSON}

// DefaultActors documents the ISIS-K filter applied when Options.Actor is "".
var DefaultActors = map[Layout]string{
	ACLED:       `actor1 or actor2 contains "Islamic State (Khorasan)" or "Islamic State Khorasan" (any case; covers "Islamic State Khorasan Province"), or "ISKP" or "IS-K" (exact case)`,
	ACLED2019:   `as acled`,
	ACLEDLegacy: `as acled (ACTOR1, ACTOR2)`,
	GTD:         `gname, gname2 or gname3 is "Khorasan Chapter of the Islamic State" (any case, surrounding spaces ignored)`,
	UCDPGED:     `side_a or side_b is "IS" or contains "Islamic State" (any case); UCDP codes ISKP as "IS", so this keeps every IS branch in the file: add --country to narrow`,
	GenericCSV:  `none: the file is taken to be the analyst's own list of ISIS-K events`,
	GeoJSON:     `none: the file is taken to be the analyst's own list of ISIS-K events`,
}

// DatePrecision says how much of an event's date is known.
type DatePrecision uint8

// Date precisions, from exact to coarse.
const (
	Day   DatePrecision = iota // the exact day
	Week                       // within about a week (ACLED time_precision 2, UCDP date_prec 2–3)
	Month                      // only the month: Date is the 1st
	Year                       // only the year: Date is 1 January
)

func (p DatePrecision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Precision says how exactly an event's coordinates are known.
type Precision uint8

// Location precisions; the zero value is Unknown.
const (
	UnknownPrecision Precision = iota // e.g. GTD specificity 5 (country centroid)
	Site                              // the spot itself
	Town                              // the town's coordinates
	Province                          // a district or province centroid, or "near" a town
)

func (p Precision) String() string {
	switch p {
	case Site:
		return "site"
	case Town:
		return "town"
	case Province:
		return "province"
	}
	return "unknown"
}

// Claim says who says the group did it; the zero value is "not stated".
type Claim uint8

// Claim statuses, as in the dataset.
const (
	NoClaim    Claim = iota // the source format says nothing about claims (ACLED, UCDP)
	Claimed                 // GTD claimed = 1
	Attributed              // GTD guncertain1 = 0 and not claimed
	Disputed                // GTD guncertain1 = 1 (suspected)
)

func (c Claim) String() string {
	switch c {
	case Claimed:
		return "claimed"
	case Attributed:
		return "attributed"
	case Disputed:
		return "disputed"
	}
	return ""
}

// Event is one imported row. Strings of a block of rows share memory, so
// keeping one Event keeps its block's text alive.
type Event struct {
	ID          string // the source's event id (ACLED event_id_cnty, GTD eventid, UCDP id)
	Source      string // sources, one per line (GTD scite1–3)
	Notes       string // ACLED notes, GTD summary, UCDP source_headline
	Place       string // ACLED location, GTD city, UCDP where_coordinates
	Admin1      string // province
	Country     string // ISO3 when known (see ISO3), else ""
	CountryName string // as written in the file
	EventType   string // ACLED event_type, GTD attacktype1_txt, UCDP type of violence
	SubType     string // ACLED sub_event_type
	Target      string // GTD targtype1_txt, ACLED civilian_targeting
	Actor1      string // ACLED actor1, GTD gname, UCDP side_a
	Actor2      string // ACLED actor2, GTD gname2 (and gname3), UCDP side_b
	Group       string // the actor that matched the filter (Actor1 when there was none)

	Date          time.Time // UTC midnight
	Lat, Lon      float64
	Killed        int32 // central figure; -1 unknown
	KilledLow     int32 // -1 unknown
	KilledHigh    int32 // -1 unknown
	Wounded       int32 // -1 unknown
	Line          int32 // line of the row in the file (GeoJSON: of the feature)
	DatePrecision DatePrecision
	Precision     Precision
	Claim         Claim
	Suicide       bool // GTD suicide = 1, ACLED sub_event_type "Suicide bomb"
}

// Problem is a skipped row.
type Problem struct {
	Line   int
	Column string // "" when the row as a whole is bad
	Reason string // short, stable key that SkippedByReason counts
	Msg    string // detail with the offending value
}

func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("%d: %s", p.Line, p.Msg)
	}
	return fmt.Sprintf("%d: %s: %s", p.Line, p.Column, p.Msg)
}

// Result is a successfully read file. Rows = Kept + Filtered + SkippedTotal.
type Result struct {
	File       string
	Layout     Layout
	HashtagRow bool   // an HDX #hashtag row followed the header and was ignored
	Filter     string // the actor filter applied, in words
	Encoding   string // the text encoding the file was decoded from; "" for UTF-8

	Rows            int // data rows (blank lines, the header and a hashtag row are not rows)
	Kept            int // len(Events)
	Filtered        int // dropped by the actor or country filter: not errors
	FilteredActor   int
	FilteredCountry int
	SkippedTotal    int
	Skipped         []Problem      // the first Options.MaxProblems skipped rows, in file order
	SkippedByReason map[string]int // every skipped row, by Problem.Reason

	Events []Event // in file order
}

// Options tune Read.
type Options struct {
	// Actor is "" for the default ISIS-K filter of each layout, "all" for no
	// actor filter, or text that an actor column must contain (any case).
	Actor string
	// Countries keeps only events in these countries (ISO3 codes or English
	// names); rows whose country is unknown are then dropped. Empty keeps all.
	Countries []string
	// Progress, when set, is called from the reading goroutine with the bytes
	// read so far and the total (≤ 0 when unknown).
	Progress func(done, total int64)
	// Cancel, when closed, stops the read; Read then returns ErrCanceled.
	Cancel <-chan struct{}
	// MaxProblems caps Result.Skipped (default 100). Counts are always complete.
	MaxProblems int
	// Workers is the number of parsing goroutines (default GOMAXPROCS, at most 4).
	Workers int
	// SkipBrokenQuotes reads on past a quoted field that is never closed:
	// the line it opened on is skipped (and reported) and reading resumes
	// on the next line. Off, such a file is refused (ErrBrokenQuote).
	SkipBrokenQuotes bool
	// encoding is set by ReadFile when a scan of the whole file found it
	// is not UTF-8.
	encoding string
}

// ErrCanceled is returned when Options.Cancel is closed during a read.
var ErrCanceled = errors.New("import canceled")

// ErrBrokenQuote is the cause (errors.Is) of a refusal for a quoted field
// that is never closed; Options.SkipBrokenQuotes reads such a file anyway.
var ErrBrokenQuote = errors.New("a quoted field is never closed")

// Error is a refused file.
type Error struct {
	File   string
	Line   int // 0 when the problem is not on one line
	Reason string
	// Result holds the counts when the file was read but had no usable
	// rows (Events is then empty); nil otherwise.
	Result *Result
	// Err is the cause when it has a type of its own (an
	// *UnknownLayoutError), for errors.As.
	Err error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// expectedLayouts describes the layouts for "unknown layout" messages.
func expectedLayouts() string {
	var b strings.Builder
	for _, l := range Layouts {
		fmt.Fprintf(&b, "\n  %-13s %s", l, layoutHint[l])
	}
	return b.String()
}

// LayoutHint describes a layout and the columns that identify it.
func LayoutHint(l Layout) string { return layoutHint[l] }

var layoutHint = map[Layout]string{
	ACLED:       "ACLED CSV (2023+): event_id_cnty,event_date,…,disorder_type,…,civilian_targeting,…,latitude,longitude,geo_precision,…,fatalities,tags,timestamp",
	ACLED2019:   "ACLED CSV (before 2023): data_id,iso,event_id_cnty,event_id_no_cnty,event_date,…,fatalities,timestamp,iso3",
	ACLEDLegacy: "ACLED upper-case CSV: GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,…,ALLY_ACTOR_1,…,FATALITIES",
	GTD:         "GTD CSV (135 or 134 columns): eventid,iyear,imonth,iday,…,latitude,longitude,specificity,…,gname,…,nkill,…,nwound,…",
	UCDPGED:     "UCDP GED CSV (49 columns): id,relid,year,…,side_a,…,side_b,…,where_prec,…,latitude,longitude,…,date_prec,date_start,date_end,…,best,high,low,…",
	GenericCSV:  "generic CSV: date,latitude,longitude,killed[,country,place,source,…] (or event_date,latitude,longitude,fatalities,country)",
	GeoJSON:     "GeoJSON FeatureCollection of Point features",
}
