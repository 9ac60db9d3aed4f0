package importer

import (
	"bytes"
	"fmt"
	"time"

	"iskbrief/internal/country"
)

// The row engine: a worker turns the fields of each row into an Event with
// the mapper of its layout (acled.go, gtd.go, ucdp.go, generic.go), and
// keeps the problems of the rows it skips.

// fieldID names an Event string field for deferred assignment.
type fieldID uint8

const (
	fID fieldID = iota
	fSource
	fNotes
	fPlace
	fActor2
)

func (e *Event) str(f fieldID) *string {
	switch f {
	case fID:
		return &e.ID
	case fSource:
		return &e.Source
	case fNotes:
		return &e.Notes
	case fPlace:
		return &e.Place
	default:
		return &e.Actor2
	}
}

// fix is a string field waiting for its chunk's text block.
type fix struct {
	ev       int32
	field    fieldID
	off, end uint32
}

// worker parses rows of one layout. Each parsing goroutine has its own.
type worker struct {
	layout      Layout
	header      []string // column names for problem reports
	ncol        int
	c           *cols
	flt         *filter
	maxProblems int
	skipQuotes  bool // Options.SkipBrokenQuotes

	sp      splitter
	symbols map[string]string // interned repeated values (actors, places…)
	iso     map[string]string // country field → ISO3
	text    []byte            // the current chunk's text block
	pend    []fix             // the current row's text fields
	fixes   []fix
	tmp     []byte
	out     chunkOut
	evs     []Event
	evPool  chan []Event // slices the collector has copied out, for reuse
}

func newWorker(l Layout, header []string, c *cols, flt *filter, maxProblems int) *worker {
	w := &worker{layout: l, header: header, ncol: len(header), c: c, flt: flt, maxProblems: maxProblems}
	w.sp.maxFields = maxRowFields(len(header))
	return w
}

// maxRowFields caps a data row's fields: enough to say by how many a row
// overshoots the header, never millions.
func maxRowFields(ncol int) int { return 2*ncol + 8 }

func (w *worker) clone() *worker {
	return &worker{layout: w.layout, header: w.header, ncol: w.ncol, c: w.c, flt: w.flt, maxProblems: w.maxProblems, skipQuotes: w.skipQuotes, evPool: w.evPool,
		sp:      splitter{maxFields: w.sp.maxFields},
		symbols: map[string]string{}, iso: map[string]string{}}
}

const maxSymbols = 1 << 16

// sym returns b as a string shared with earlier equal values.
func (w *worker) sym(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := w.symbols[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(w.symbols) < maxSymbols && len(b) <= 256 {
		w.symbols[s] = s
	}
	return s
}

// setText stores b in the chunk's text block and assigns it to field f of
// the row's event when the row is kept.
func (w *worker) setText(f fieldID, parts ...[]byte) {
	off := len(w.text)
	for i, p := range parts {
		if len(p) == 0 {
			continue
		}
		if len(w.text) > off && i > 0 {
			w.text = append(w.text, '\n')
		}
		w.text = append(w.text, p...)
	}
	if len(w.text) > off {
		w.pend = append(w.pend, fix{field: f, off: uint32(off), end: uint32(len(w.text))})
	}
}

func (w *worker) f(i int) []byte {
	if i < 0 || i >= len(w.sp.fields) {
		return nil
	}
	return trim(w.sp.fields[i])
}

func (w *worker) fail(line, col int, reason, msg string) {
	w.out.skipped++
	if w.out.reasons == nil {
		w.out.reasons = map[string]int{}
	}
	w.out.reasons[reason]++
	if len(w.out.probs) < w.maxProblems {
		w.out.probs = append(w.out.probs, Problem{Line: line, Column: name(w.header, col), Reason: reason, Msg: msg})
	}
}

// chunk parses whole records starting at line.
func (w *worker) chunk(b []byte, line int) chunkOut {
	w.out = chunkOut{bytes: len(b)}
	select {
	case w.evs = <-w.evPool:
	default:
		w.evs = make([]Event, 0, len(b)/400+16)
	}
	w.text, w.fixes = w.text[:0], w.fixes[:0]
	for len(b) > 0 {
		rec := b
		used, lines, cerr := w.sp.split(b)
		b = b[used:]
		start := line
		line += lines
		if cerr == nil && len(w.sp.fields) == 1 && len(trim(w.sp.fields[0])) == 0 {
			continue // blank line
		}
		w.out.rows++
		if cerr != nil && cerr.unclosed && lines > 1 {
			if w.skipQuotes {
				// Asked to go on: skip the line the quote opened on and
				// read on from the next one, as if the quote were not there.
				w.fail(start, cerr.field, "broken quote", "a quoted field opened on this line is never closed: the line was skipped and reading went on from the next")
				nl := bytes.IndexByte(rec, '\n')
				b, line = rec[nl+1:], start+1
				continue
			}
			// The quote swallowed every row after it: skipping one row
			// would silently drop them all, so the file is refused.
			w.out.fatal = &Error{Line: start, Err: ErrBrokenQuote, Reason: fmt.Sprintf(
				"a quoted field opened on this line is never closed: it runs over the %d lines to the end of the file, "+
					"so those rows cannot be read; close the quote (or remove it) and import again, or import with the line skipped", lines)}
			break
		}
		if cerr != nil {
			w.fail(start, cerr.field, "malformed CSV", "malformed CSV: "+cerr.msg)
			continue
		}
		w.row(start)
	}
	w.flush()
	return w.out
}

// flush gives the chunk's events their text.
func (w *worker) flush() {
	if len(w.fixes) > 0 {
		block := string(w.text)
		for _, f := range w.fixes {
			*w.evs[f.ev].str(f.field) = block[f.off:f.end]
		}
	}
	w.out.evs = w.evs
	w.evs = nil
}

// row checks the split record at line and keeps, filters or skips it.
func (w *worker) row(line int) {
	if n := len(w.sp.fields); n != w.ncol {
		w.fail(line, -1, "wrong number of fields", fmt.Sprintf("%d fields, expected %d as in the header", n, w.ncol))
		return
	}
	group, ok := w.matchActor()
	if !ok {
		w.out.fActor++
		return
	}
	c := w.c
	cname := w.f(c.country)
	iso := w.countryOf(w.f(c.iso3), w.f(c.iso), cname)
	if w.flt.countries != nil && !w.flt.countries[iso] {
		w.out.fCountry++
		return
	}
	e := Event{Killed: -1, KilledLow: -1, KilledHigh: -1, Wounded: -1, Line: int32(min(line, 1<<31-1)),
		Group: group, Country: iso, CountryName: w.sym(cname)}
	mark := len(w.text)
	w.pend = w.pend[:0]
	var p *Problem
	switch w.layout {
	case ACLED, ACLED2019, ACLEDLegacy:
		p = w.acled(&e)
	case GTD:
		p = w.gtd(&e)
	case UCDPGED:
		p = w.ucdp(&e)
	default:
		p = w.generic(&e)
	}
	if p == nil && (e.Date.Before(firstDate) || e.Date.After(lastDate)) {
		p = bad(c.date, "date out of range", "%s is outside 1970 to %d: expected the date the event happened", e.Date.Format("2006-01-02"), lastDate.Year())
	}
	if p != nil {
		w.text = w.text[:mark]
		w.fail(line, p.Line, p.Reason, p.Msg) // p.Line carries the column index
		return
	}
	if e.Group == "" {
		e.Group = e.Actor1
	}
	i := int32(len(w.evs))
	w.evs = append(w.evs, e)
	for _, f := range w.pend {
		f.ev = i
		w.fixes = append(w.fixes, f)
	}
}

// The dates an event may carry: from 1970 to a year from now (a far-future
// or pre-1970 date in an events export is a typo or a placeholder).
var (
	firstDate = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDate  = time.Now().UTC().AddDate(1, 0, 0)
)

// bad builds a row problem; Line holds the column index until fail.
func bad(col int, reason, format string, args ...any) *Problem {
	return &Problem{Line: col, Reason: reason, Msg: fmt.Sprintf(format, args...)}
}

func (w *worker) countryOf(fields ...[]byte) string {
	for _, b := range fields {
		if len(b) == 0 {
			continue
		}
		if s, ok := w.iso[string(b)]; ok {
			if s != "" {
				return s
			}
			continue
		}
		s := country.ISO3(string(b))
		if len(w.iso) < maxSymbols {
			w.iso[string(b)] = s
		}
		if s != "" {
			return s
		}
	}
	return ""
}

// coords reads and checks the latitude and longitude columns.
func (w *worker) coords(e *Event) *Problem {
	c := w.c
	lat, lon := w.f(c.lat), w.f(c.lon)
	if len(lat) == 0 || len(lon) == 0 {
		col := c.lat
		if len(lat) > 0 {
			col = c.lon
		}
		return bad(col, "missing coordinates", "no coordinates: the row cannot be placed on the map")
	}
	var ok bool
	if e.Lat, ok = parseCoord(lat, 90); !ok {
		return bad(c.lat, "bad coordinates", "%s is not a latitude: expected decimal degrees within ±90", quote(lat))
	}
	if e.Lon, ok = parseCoord(lon, 180); !ok {
		return bad(c.lon, "bad coordinates", "%s is not a longitude: expected decimal degrees within ±180", quote(lon))
	}
	if e.Lat == 0 && e.Lon == 0 {
		return bad(c.lat, "coordinates 0,0", "coordinates 0,0 mark a missing location, not a place")
	}
	return nil
}

func (w *worker) count(col int, negUnknown bool, dst *int32) *Problem {
	b := w.f(col)
	n, ok := parseCount(b, negUnknown)
	if !ok {
		return bad(col, "bad number", "%s: expected a whole number ≥ 0, or empty when unknown", quote(b))
	}
	*dst = n
	return nil
}

// orderedRange fills a missing low or high figure from the central one and
// refuses a range that does not hold it (low ≤ central ≤ high).
func orderedRange(e *Event, col int, msg string) *Problem {
	if e.KilledLow < 0 {
		e.KilledLow = e.Killed
	}
	if e.KilledHigh < 0 {
		e.KilledHigh = e.Killed
	}
	if e.Killed >= 0 && (e.KilledLow > e.Killed || e.Killed > e.KilledHigh) {
		return bad(col, "bad number", msg, e.KilledLow, e.Killed, e.KilledHigh)
	}
	return nil
}
