package importer

import (
	"bytes"
	"fmt"
	"strings"
)

// filter is the actor and country filter of one read.
type filter struct {
	mode      int    // actorDefault, actorAll or actorCustom
	needle    string // lower case, for actorCustom
	countries map[string]bool
}

const (
	actorDefault = iota
	actorAll
	actorCustom
)

func newFilter(o Options) (*filter, error) {
	f := &filter{}
	switch a := strings.TrimSpace(o.Actor); {
	case a == "":
	case strings.EqualFold(a, "all"):
		f.mode = actorAll
	default:
		f.mode, f.needle = actorCustom, strings.ToLower(a)
	}
	for _, c := range o.Countries {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		iso := ISO3(c)
		if iso == "" {
			if len(c) != 3 {
				return nil, fmt.Errorf("country %q: expected an ISO3 code such as AFG or a country name of the region", c)
			}
			iso = strings.ToUpper(c)
		}
		if f.countries == nil {
			f.countries = map[string]bool{}
		}
		f.countries[iso] = true
	}
	return f, nil
}

func (f *filter) describe(l Layout) string {
	switch f.mode {
	case actorAll:
		return "all actors"
	case actorCustom:
		return fmt.Sprintf("an actor containing %q", f.needle)
	}
	d := DefaultActors[l]
	if strings.HasPrefix(d, "as acled") {
		d = DefaultActors[ACLED]
	}
	return "ISIS-K default: " + d
}

var (
	iskLong  = []string{"islamic state (khorasan)", "islamic state khorasan"}
	iskShort = [][]byte{[]byte("ISKP"), []byte("IS-K")}
)

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
	return &worker{layout: l, header: header, ncol: len(header), c: c, flt: flt, maxProblems: maxProblems}
}

func (w *worker) clone() *worker {
	return &worker{layout: w.layout, header: w.header, ncol: w.ncol, c: w.c, flt: w.flt, maxProblems: w.maxProblems, evPool: w.evPool,
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
		used, lines, cerr := w.sp.split(b)
		b = b[used:]
		start := line
		line += lines
		if cerr == nil && len(w.sp.fields) == 1 && len(trim(w.sp.fields[0])) == 0 {
			continue // blank line
		}
		w.out.rows++
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
		s := ISO3(string(b))
		if len(w.iso) < maxSymbols {
			w.iso[string(b)] = s
		}
		if s != "" {
			return s
		}
	}
	return ""
}

// matchActor applies the actor filter and returns the matching actor.
func (w *worker) matchActor() (string, bool) {
	c := w.c
	var cand []int
	switch w.layout {
	case ACLED, ACLED2019, ACLEDLegacy:
		cand = []int{c.actor1, c.actor2, c.assoc1, c.assoc2}
	case GTD:
		cand = []int{c.gname, c.gname2, c.gname3}
	case UCDPGED:
		cand = []int{c.actor1, c.actor2}
	default:
		cand = []int{c.actor}
	}
	switch w.flt.mode {
	case actorAll:
		return "", true
	case actorCustom:
		for _, i := range cand {
			if b := w.f(i); len(b) > 0 && containsFold(b, w.flt.needle) {
				return w.sym(b), true
			}
		}
		return "", false
	}
	switch w.layout {
	case ACLED, ACLED2019, ACLEDLegacy:
		for _, i := range cand[:2] {
			b := w.f(i)
			for _, s := range iskLong {
				if containsFold(b, s) {
					return w.sym(b), true
				}
			}
			for _, s := range iskShort {
				if bytes.Contains(b, s) {
					return w.sym(b), true
				}
			}
		}
		return "", false
	case GTD:
		for _, i := range cand {
			if b := w.f(i); bytes.EqualFold(b, []byte("Khorasan Chapter of the Islamic State")) {
				return w.sym(b), true
			}
		}
		return "", false
	case UCDPGED:
		for _, i := range cand {
			if b := w.f(i); bytes.EqualFold(b, []byte("IS")) || containsFold(b, "islamic state") {
				return w.sym(b), true
			}
		}
		return "", false
	}
	return w.sym(w.f(c.actor)), true
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

func (w *worker) acled(e *Event) *Problem {
	c := w.c
	d := w.f(c.date)
	t, ok := parseDay(d)
	if !ok {
		return bad(c.date, "bad date", "%s is not a date: expected e.g. 22 March 2024, 22-March-2024 or 2024-03-22", quote(d))
	}
	e.Date = t
	switch tp := w.f(c.timePrec); string(tp) {
	case "", "1":
	case "2":
		e.DatePrecision = Week
	case "3":
		e.DatePrecision = Month
	default:
		return bad(c.timePrec, "bad precision", "%s: expected 1, 2 or 3", quote(tp))
	}
	if p := w.coords(e); p != nil {
		return p
	}
	switch gp := w.f(c.geoPrec); string(gp) {
	case "":
	case "1":
		e.Precision = Town
	case "2", "3":
		e.Precision = Province
	default:
		return bad(c.geoPrec, "bad precision", "%s: expected 1, 2 or 3", quote(gp))
	}
	if p := w.count(c.fatalities, false, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	e.EventType, e.SubType = w.sym(w.f(c.eventType)), w.sym(w.f(c.subType))
	e.Actor1, e.Actor2 = w.sym(w.f(c.actor1)), w.sym(w.f(c.actor2))
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	if t := w.f(c.civTarget); len(t) > 0 {
		e.Target = w.sym(t)
	} else if e.EventType == "Violence against civilians" {
		e.Target = "Civilian targeting"
	}
	e.Suicide = e.SubType == "Suicide bomb"
	e.Source = w.sym(w.f(c.source)) // ACLED source lists repeat a lot
	w.setText(fID, w.f(c.id))
	w.setText(fNotes, w.f(c.notes))
	return nil
}

func (w *worker) gtd(e *Event) *Problem {
	c := w.c
	yb, mb, db := w.f(c.iyear), w.f(c.imonth), w.f(c.iday)
	y, ok := digits(yb)
	if !ok || y < 1900 || y > 2100 {
		return bad(c.iyear, "bad date", "%s is not a year", quote(yb))
	}
	m, ok1 := digits(mb)
	d, ok2 := digits(db)
	if len(mb) == 0 {
		m, ok1 = 0, true
	}
	if len(db) == 0 {
		d, ok2 = 0, true
	}
	if !ok1 || m > 12 {
		return bad(c.imonth, "bad date", "%s is not a month: expected 1–12, or 0 when unknown", quote(mb))
	}
	if !ok2 || d > 31 {
		return bad(c.iday, "bad date", "%s is not a day: expected 1–31, or 0 when unknown", quote(db))
	}
	switch {
	case m == 0:
		m, d, e.DatePrecision = 1, 1, Year
	case d == 0:
		d, e.DatePrecision = 1, Month
	}
	t, ok := mkdate(y, m, d)
	if !ok {
		return bad(c.iday, "bad date", "%d-%02d-%02d is not a date", y, m, d)
	}
	e.Date = t
	if p := w.coords(e); p != nil {
		return p
	}
	switch sp := w.f(c.specificity); string(sp) {
	case "", "5":
	case "1":
		e.Precision = Town
	case "2", "3", "4":
		e.Precision = Province
	default:
		return bad(c.specificity, "bad precision", "%s: expected 1–5", quote(sp))
	}
	if p := w.count(c.fatalities, true, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	if p := w.count(c.nwound, true, &e.Wounded); p != nil {
		return p
	}
	e.EventType, e.Target = w.sym(w.f(c.attack)), w.sym(w.f(c.targ))
	e.Actor1 = w.sym(w.f(c.gname))
	g2, g3 := w.f(c.gname2), w.f(c.gname3)
	w.tmp = append(w.tmp[:0], g2...)
	if len(g2) > 0 && len(g3) > 0 {
		w.tmp = append(w.tmp, "; "...)
	}
	w.tmp = append(w.tmp, g3...)
	e.Actor2 = w.sym(w.tmp)
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	switch {
	case string(w.f(c.guncertain)) == "1":
		e.Claim = Disputed
	case string(w.f(c.claimed)) == "1":
		e.Claim = Claimed
	default:
		e.Claim = Attributed
	}
	e.Suicide = string(w.f(c.suicide)) == "1"
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.scite1), w.f(c.scite2), w.f(c.scite3))
	w.setText(fNotes, w.f(c.notes))
	return nil
}

var violence = map[string]string{"1": "State-based conflict", "2": "Non-state conflict", "3": "One-sided violence"}

func (w *worker) ucdp(e *Event) *Problem {
	c := w.c
	d := w.f(c.dateStart)
	t, ok := parseDay(d)
	if !ok {
		return bad(c.dateStart, "bad date", "%s is not a date: expected YYYY-MM-DD", quote(d))
	}
	e.Date = t
	switch dp := w.f(c.datePrec); string(dp) {
	case "", "1":
	case "2", "3":
		e.DatePrecision = Week
	case "4":
		e.DatePrecision = Month
	case "5":
		e.DatePrecision = Year
	default:
		return bad(c.datePrec, "bad precision", "%s: expected 1–5", quote(dp))
	}
	if p := w.coords(e); p != nil {
		return p
	}
	switch wp := w.f(c.wherePrec); string(wp) {
	case "", "6", "7":
	case "1":
		e.Precision = Town
	case "2", "3", "4", "5":
		e.Precision = Province
	default:
		return bad(c.wherePrec, "bad precision", "%s: expected 1–7", quote(wp))
	}
	if p := w.count(c.best, false, &e.Killed); p != nil {
		return p
	}
	if p := w.count(c.low, false, &e.KilledLow); p != nil {
		return p
	}
	if p := w.count(c.high, false, &e.KilledHigh); p != nil {
		return p
	}
	if p := orderedRange(e, c.best, "deaths low %d, best %d, high %d: expected low ≤ best ≤ high"); p != nil {
		return p
	}
	v := w.f(c.violence)
	e.EventType = violence[string(v)]
	if string(v) == "3" {
		e.Target = "Civilians"
	}
	e.Actor1, e.Actor2 = w.sym(w.f(c.actor1)), w.sym(w.f(c.actor2))
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.source))
	w.setText(fNotes, w.f(c.notes))
	return nil
}

func (w *worker) generic(e *Event) *Problem {
	c := w.c
	d := w.f(c.date)
	t, dp, ok := parseAnyDate(d)
	if !ok {
		return bad(c.date, "bad date", "%s is not a date: expected YYYY-MM-DD (or YYYY-MM, YYYY, 22 March 2024)", quote(d))
	}
	e.Date, e.DatePrecision = t, dp
	if p := w.coords(e); p != nil {
		return p
	}
	if p := w.count(c.fatalities, false, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	if p := w.count(c.killedLow, false, &e.KilledLow); p != nil {
		return p
	}
	if p := w.count(c.killedHigh, false, &e.KilledHigh); p != nil {
		return p
	}
	if p := orderedRange(e, c.fatalities, "killed_low %d, killed %d, killed_high %d: expected low ≤ killed ≤ high"); p != nil {
		return p
	}
	if e.Killed < 0 && (e.KilledLow >= 0 || e.KilledHigh >= 0) {
		return bad(c.fatalities, "bad number", "killed is empty but killed_low or killed_high is not")
	}
	if p := w.count(c.nwound, false, &e.Wounded); p != nil {
		return p
	}
	switch pr := w.f(c.precision); strings.ToLower(string(pr)) {
	case "":
	case "site":
		e.Precision = Site
	case "town":
		e.Precision = Town
	case "province":
		e.Precision = Province
	default:
		return bad(c.precision, "bad precision", "%s: expected site, town or province", quote(pr))
	}
	switch cl := w.f(c.claim); strings.ToLower(string(cl)) {
	case "":
	case "claimed":
		e.Claim = Claimed
	case "attributed":
		e.Claim = Attributed
	case "disputed":
		e.Claim = Disputed
	default:
		return bad(c.claim, "bad claim", "%s: expected claimed, attributed or disputed", quote(cl))
	}
	e.Actor1 = w.sym(w.f(c.actor))
	e.Admin1 = w.sym(w.f(c.admin1))
	w.setText(fPlace, w.f(c.location))
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.source))
	w.setText(fNotes, w.f(c.notes))
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
