package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// File names inside a data folder.
const (
	VersionFile    = "VERSION"
	SourcesFile    = "sources.csv"
	EventsFile     = "events.csv"
	ReportsFile    = "reports.csv"
	FightersFile   = "fighters.csv"
	MilestonesFile = "milestones.csv"
	AnnualFile     = "annual.csv"
)

// Problem is one defect found in a data folder: where it is and what is wrong.
type Problem struct {
	File   string
	Line   int    // 1-based line in File, 0 when not tied to a line
	Record string // record id, when known
	Msg    string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	if p.Record != "" {
		fmt.Fprintf(&b, ": %s", p.Record)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is a list of defects; as an error it reports the first few.
type Problems []Problem

func (ps Problems) Error() string {
	const shown = 5
	var lines []string
	for i, p := range ps {
		if i == shown {
			lines = append(lines, fmt.Sprintf("… and %d more", len(ps)-shown))
			break
		}
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// Load reads a data folder. Rows that cannot be parsed are skipped and
// reported; everything else is kept, so one bad line never loses the rest.
// Load checks the file structure only: call Validate for the content rules.
func Load(fsys fs.FS) (*Dataset, Problems) {
	l := &loader{fsys: fsys}
	d := &Dataset{}
	d.Version = l.version()
	l.table(SourcesFile, []string{"id", "kind", "publisher", "title", "author", "published", "url"}, func(r row) {
		d.Sources = append(d.Sources, Source{
			ID: r.str("id"), Kind: r.str("kind"), Publisher: r.str("publisher"), Title: r.str("title"),
			Author: r.str("author"), Published: r.str("published"), URL: r.str("url"), line: r.line,
		})
	})
	l.table(EventsFile, []string{"id", "date", "date_precision", "country", "province", "place", "lat", "lon",
		"location_precision", "location_source", "attack_type", "target_type", "claim_status", "outcome", "title", "summary"}, func(r row) {
		e := Event{
			ID: r.str("id"), DatePrecision: DatePrecision(r.str("date_precision")), Country: r.str("country"),
			Province: r.str("province"), Place: r.str("place"), LocationPrecision: LocationPrecision(r.str("location_precision")),
			LocationSource: r.str("location_source"),
			AttackType:     r.str("attack_type"), TargetType: r.str("target_type"), Claim: ClaimStatus(r.str("claim_status")),
			Outcome: Outcome(r.str("outcome")), Title: r.str("title"), Summary: r.str("summary"),
		}
		e.Date = r.date("date")
		e.Lat = r.float("lat")
		e.Lon = r.float("lon")
		e.line = r.line
		if r.ok() {
			d.Events = append(d.Events, e)
		}
	})
	l.table(ReportsFile, []string{"event_id", "source_id", "killed", "killed_qualifier", "wounded", "wounded_qualifier", "reported", "status", "note"}, func(r row) {
		rep := Report{EventID: r.str("event_id"), SourceID: r.str("source_id"), Reported: r.str("reported"), Note: r.str("note"), line: r.line,
			KilledQualifier: Qualifier(r.str("killed_qualifier")), WoundedQualifier: Qualifier(r.str("wounded_qualifier")), Status: Status(r.str("status"))}
		rep.Killed = r.count("killed")
		rep.Wounded = r.count("wounded")
		if r.ok() {
			l.reports = append(l.reports, rep)
		}
	})
	l.table(FightersFile, []string{"id", "date", "low", "high", "families_included", "scope", "source_id", "note"}, func(r row) {
		f := FighterEstimate{ID: r.str("id"), Scope: r.str("scope"), SourceID: r.str("source_id"), Note: r.str("note"), line: r.line}
		f.Date = r.date("date")
		f.Low = r.int("low")
		f.High = r.int("high")
		f.FamiliesIncluded = r.bool("families_included")
		if r.ok() {
			d.Fighters = append(d.Fighters, f)
		}
	})
	l.table(MilestonesFile, []string{"id", "date", "date_precision", "label", "source_id", "countries"}, func(r row) {
		m := Milestone{ID: r.str("id"), DatePrecision: DatePrecision(r.str("date_precision")), Label: r.str("label"), SourceID: r.str("source_id"), line: r.line}
		if c := r.str("countries"); c != "" {
			m.Countries = strings.Split(c, ";")
		}
		m.Date = r.date("date")
		if r.ok() {
			d.Milestones = append(d.Milestones, m)
		}
	})

	l.table(AnnualFile, []string{"id", "monitor", "year", "period", "country", "measure", "value", "value_qualifier", "source_id", "note"}, func(r row) {
		a := AnnualFigure{ID: r.str("id"), Monitor: r.str("monitor"), Period: r.str("period"), Country: r.str("country"),
			Measure: r.str("measure"), Qualifier: Qualifier(r.str("value_qualifier")), SourceID: r.str("source_id"), Note: r.str("note"), line: r.line}
		a.Year = r.int("year")
		a.Value = r.int("value")
		if r.ok() {
			d.Annual = append(d.Annual, a)
		}
	})
	slices.SortStableFunc(d.Annual, func(a, b AnnualFigure) int {
		if c := strings.Compare(a.Monitor, b.Monitor); c != 0 {
			return c
		}
		return a.Year - b.Year
	})
	slices.SortStableFunc(d.Events, func(a, b Event) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	slices.SortStableFunc(d.Fighters, func(a, b FighterEstimate) int { return a.Date.Compare(b.Date) })
	slices.SortStableFunc(d.Milestones, func(a, b Milestone) int { return a.Date.Compare(b.Date) })
	d.index()
	for _, rep := range l.reports {
		e := d.Event(rep.EventID)
		if e == nil {
			l.add(ReportsFile, rep.line, rep.EventID, "report names an event that does not exist in "+EventsFile)
			continue
		}
		e.Reports = append(e.Reports, rep)
	}
	for i := range d.Events {
		e := &d.Events[i]
		// Sources in the order they reported, undated (encyclopedia) last,
		// so a rising toll reads top to bottom.
		slices.SortStableFunc(e.Reports, func(a, b Report) int {
			switch {
			case a.Reported == b.Reported:
				return 0
			case a.Reported == "":
				return 1
			case b.Reported == "":
				return -1
			}
			return strings.Compare(a.Reported, b.Reported)
		})
		e.derive()
	}
	return d, l.problems
}

type loader struct {
	fsys     fs.FS
	problems Problems
	reports  []Report
}

func (l *loader) add(file string, line int, id, msg string) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Record: id, Msg: msg})
}

func (l *loader) version() string {
	b, err := fs.ReadFile(l.fsys, VersionFile)
	if err != nil {
		l.add(VersionFile, 0, "", "cannot read the dataset version: "+err.Error())
		return ""
	}
	v := strings.TrimSpace(string(b))
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		l.add(VersionFile, 1, "", fmt.Sprintf("version %q is not a review date, expected YYYY-MM-DD", v))
	}
	return v
}

// EmbeddedVersion is the review date in a data folder's VERSION file, or
// "unknown": a cheap read for version lines that need no full load.
func EmbeddedVersion(fsys fs.FS) string {
	b, err := fs.ReadFile(fsys, VersionFile)
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

// table reads one CSV file, checks its header and calls fn for each row.
func (l *loader) table(name string, columns []string, fn func(row)) {
	f, err := l.fsys.Open(name)
	if err != nil {
		l.add(name, 0, "", "cannot open: "+err.Error())
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		l.add(name, 0, "", "cannot read: "+err.Error())
		return
	}
	// Line starts, so that after a broken quote the reader can start again
	// at the next line and the rest of the file is still checked.
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	base := 0 // line number before the current reader's first line
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		l.add(name, 1, "", "cannot read the header: "+err.Error())
		return
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range columns {
		if _, ok := col[c]; !ok {
			l.add(name, 1, "", fmt.Sprintf("missing column %q; expected the header %s", c, strings.Join(columns, ",")))
			return
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			at := base + pe.StartLine
			l.add(name, at, "", "malformed CSV: "+pe.Err.Error())
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			// A quoting error leaves the reader lost: start again on the
			// line after the one the bad record began on.
			if at >= len(starts) {
				return
			}
			base = at
			cr = csv.NewReader(bytes.NewReader(data[starts[at]:]))
			cr.ReuseRecord = false
			cr.FieldsPerRecord = len(header)
			continue
		} else if err != nil {
			l.add(name, 0, "", err.Error())
			return
		}
		// FieldPos is asked only of a record that was read: it panics on
		// one that failed before its first field.
		line, _ := cr.FieldPos(0)
		line += base
		r := row{l: l, file: name, line: line, col: col, rec: rec}
		r.id = r.str(columns[0])
		fn(r)
	}
}

// row gives typed access to one CSV record and records conversion problems.
type row struct {
	l      *loader
	file   string
	line   int
	id     string
	col    map[string]int
	rec    []string
	failed bool
}

func (r *row) ok() bool { return !r.failed }

func (r *row) fail(msg string) {
	r.failed = true
	r.l.add(r.file, r.line, r.id, msg)
}

func (r *row) str(c string) string { return strings.TrimSpace(r.rec[r.col[c]]) }

func (r *row) date(c string) time.Time {
	v := r.str(c)
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		r.fail(fmt.Sprintf("%s %q is not a date, expected YYYY-MM-DD", c, v))
	}
	return t
}

func (r *row) float(c string) float64 {
	v := r.str(c)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		r.fail(fmt.Sprintf("%s %q is not a number, expected decimal degrees", c, v))
	}
	return f
}

func (r *row) int(c string) int {
	v := r.str(c)
	n, err := strconv.Atoi(v)
	if err != nil {
		r.fail(fmt.Sprintf("%s %q is not a whole number", c, v))
	}
	return n
}

// count parses an optional non-negative whole number; empty means unknown.
func (r *row) count(c string) *int {
	v := r.str(c)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.fail(fmt.Sprintf("%s %q is not a count, expected a whole number ≥ 0 or empty when unknown", c, v))
		return nil
	}
	return &n
}

func (r *row) bool(c string) bool {
	switch v := r.str(c); v {
	case "true":
		return true
	case "false":
		return false
	default:
		r.fail(fmt.Sprintf("%s %q is not true or false", c, v))
		return false
	}
}
