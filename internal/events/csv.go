package events

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"iskbrief/internal/country"
)

// CSVHeader is the minimal layout that `--events FILE.csv` accepts, so the
// renderer and charts can be fed (and compared with other tools) on large
// inputs.
const CSVHeader = "event_date,latitude,longitude,fatalities,country"

// RowError is a problem with one line of an events file.
type RowError struct {
	File string
	Line int
	Msg  string
}

func (e RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// RowErrors lists the bad rows of a file (the first maxRowErrors of them).
type RowErrors struct {
	Errs  []RowError
	Total int
}

const maxRowErrors = 20

func (e *RowErrors) Error() string {
	var b strings.Builder
	for i, r := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Error())
	}
	if e.Total > len(e.Errs) {
		fmt.Fprintf(&b, "\n… %d bad rows in all", e.Total)
	}
	return b.String()
}

// ReadCSV reads an events file in the CSVHeader layout (columns in any order,
// extra columns ignored, optional UTF-8 byte-order mark). Any bad row makes it
// fail with the line numbers of the bad rows; a file with no rows is refused.
// name is used in messages only.
func ReadCSV(r io.Reader, name string) ([]Record, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		nl = len(data)
	}
	header := strings.Split(strings.TrimRight(string(data[:nl]), "\r"), ",")
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.Trim(strings.TrimSpace(h), `"`))] = i
	}
	want := strings.Split(CSVHeader, ",")
	idx := make([]int, len(want))
	for i, c := range want {
		j, ok := col[c]
		if !ok {
			return nil, RowError{name, 1, fmt.Sprintf("missing column %q; expected the header %s", c, CSVHeader)}
		}
		idx[i] = j
	}
	body := data[min(nl+1, len(data)):]
	// Two halves split at a line end, parsed at once (one per core): a
	// million-row file is a third of a second on one core.
	halves := [][]byte{body}
	if len(body) > 1<<20 && runtime.GOMAXPROCS(0) > 1 {
		if cut := recordBoundary(body, len(body)/2); cut > 0 && cut < len(body) {
			halves = [][]byte{body[:cut], body[cut:]}
		}
	}
	ps := make([]parser, len(halves))
	var wg sync.WaitGroup
	firstLine := 2
	for i, h := range halves {
		ps[i] = parser{name: name, idx: idx, ncol: len(header), codes: map[string]uint8{}}
		wg.Add(1)
		go func(line int) {
			defer wg.Done()
			ps[i].parse(h, line)
		}(firstLine)
		firstLine += bytes.Count(h, []byte{'\n'})
	}
	wg.Wait()
	p := ps[0]
	for _, q := range ps[1:] {
		p.out = append(p.out, q.out...)
		p.errs.Total += q.errs.Total
		for _, e := range q.errs.Errs {
			if len(p.errs.Errs) < maxRowErrors {
				p.errs.Errs = append(p.errs.Errs, e)
			}
		}
	}
	if p.errs.Total > 0 {
		return nil, &p.errs
	}
	if len(p.out) == 0 {
		return nil, RowError{name, firstLine - 1, "no events: the file has a header but no rows"}
	}
	return p.out, nil
}

// recordBoundary is the start of the first line at or after from that
// begins a record: a line break outside quotes (RFC 4180 lets a quoted
// field hold line breaks), or 0 if there is none.
func recordBoundary(b []byte, from int) int {
	quotes := bytes.Count(b[:from], []byte{'"'})
	for i := from; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return 0
		}
		quotes += bytes.Count(b[i:i+j], []byte{'"'})
		i += j + 1
		if quotes%2 == 0 {
			return i
		}
	}
	return 0
}

// parse reads the records of data, whose first line is line number line.
// A record is one line, or several when a quoted field holds line breaks.
func (p *parser) parse(data []byte, line int) {
	p.out = make([]Record, 0, bytes.Count(data, []byte{'\n'})+1)
	for rest := data; len(rest) > 0; {
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
		}
		unclosed := false
		if q := bytes.Count(rest[:end], []byte{'"'}); q%2 == 1 {
			// A quoted field goes on past this line: the record ends at the
			// first line break where the quotes balance.
			if k := recordBoundary(rest, end+1); k > 0 {
				end = k - 1
			} else {
				end, unclosed = len(rest), true
			}
		}
		l := rest[:end]
		rest = rest[min(end+1, len(rest)):]
		start := line
		line += 1 + bytes.Count(l, []byte{'\n'})
		l = bytes.TrimRight(l, "\r")
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if unclosed {
			p.fail(start, "a quoted field opened on this line is never closed: every line after it would be read into it")
			return
		}
		p.row(l, start)
	}
}

// readAll reads r whole, into a buffer of the file's size when r is a file
// (io.ReadAll's growing copies cost a 33 MB file 40 ms).
func readAll(r io.Reader) ([]byte, error) {
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
			buf := bytes.NewBuffer(make([]byte, 0, st.Size()+512))
			_, err := buf.ReadFrom(r)
			return buf.Bytes(), err
		}
	}
	return io.ReadAll(r)
}

type parser struct {
	name   string
	idx    []int
	ncol   int
	out    []Record
	errs   RowErrors
	fields [][]byte
	codes  map[string]uint8 // country field → code, as names repeat on every row
}

func (p *parser) fail(line int, msg string) {
	p.errs.Total++
	if len(p.errs.Errs) < maxRowErrors {
		p.errs.Errs = append(p.errs.Errs, RowError{p.name, line, msg})
	}
}

func (p *parser) row(l []byte, line int) {
	p.fields = p.fields[:0]
	if bytes.IndexByte(l, '"') >= 0 {
		// Quoted fields are rare in machine exports: take the slow, exact path.
		rec, err := csv.NewReader(bytes.NewReader(l)).Read()
		if err != nil {
			// encoding/csv counts lines and columns from this record; say
			// the column only, the line is the record's.
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.fail(line, fmt.Sprintf("malformed CSV at column %d: %v", pe.Column, pe.Err))
			} else {
				p.fail(line, "malformed CSV: "+err.Error())
			}
			return
		}
		for _, f := range rec {
			p.fields = append(p.fields, []byte(f))
		}
	} else {
		for {
			i := bytes.IndexByte(l, ',')
			if i < 0 {
				p.fields = append(p.fields, l)
				break
			}
			p.fields = append(p.fields, l[:i])
			l = l[i+1:]
		}
	}
	if len(p.fields) != p.ncol {
		p.fail(line, fmt.Sprintf("%d fields, expected %d as in the header", len(p.fields), p.ncol))
		return
	}
	f := func(i int) []byte { return bytes.TrimSpace(p.fields[p.idx[i]]) }
	day, ok := parseDate(f(0))
	if !ok {
		p.fail(line, fmt.Sprintf("event_date %s is not a date, expected YYYY-MM-DD", quote(f(0))))
		return
	}
	if day < 0 || day > lastDay {
		p.fail(line, fmt.Sprintf("event_date %s is outside 1970 to next year: expected the date the event happened", quote(f(0))))
		return
	}
	lat, err1 := strconv.ParseFloat(string(f(1)), 32)
	lon, err2 := strconv.ParseFloat(string(f(2)), 32)
	// NaN passes every comparison: test for it by name.
	if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		p.fail(line, fmt.Sprintf("latitude %s, longitude %s: expected decimal degrees within ±90 and ±180", quote(f(1)), quote(f(2))))
		return
	}
	if lat == 0 && lon == 0 {
		p.fail(line, "coordinates 0,0 are a missing location, not a place")
		return
	}
	killed := int32(-1)
	if k := f(3); len(k) > 0 {
		n, err := strconv.Atoi(string(k))
		if err != nil || n < 0 || n > maxKilled {
			p.fail(line, fmt.Sprintf("fatalities %s: expected a whole number from 0 to %d, or empty when unknown", quote(k), maxKilled))
			return
		}
		killed = int32(n)
	}
	p.out = append(p.out, Record{
		Day: day, Lat: float32(lat), Lon: float32(lon),
		Killed: killed, KilledLow: killed, KilledHi: killed,
		Country: p.country(f(4)), Target: NoCode, Attack: NoCode, Claim: NoCode,
		Precision: PrecisionSite, Event: -1,
	})
}

// country is countryCode, remembered per distinct field.
func (p *parser) country(b []byte) uint8 {
	if c, ok := p.codes[string(b)]; ok {
		return c
	}
	c := countryCode(string(b))
	p.codes[string(b)] = c
	return c
}

// maxKilled is far above any attack's toll, and keeps sums of a million
// events inside an int64 chart axis: a larger figure is a mistake.
const maxKilled = 1_000_000

// lastDay is the last date an event may carry: a year from now (an events
// file records what happened; a far-future date is a typo).
var lastDay = DayOf(time.Now().AddDate(1, 0, 0))

// quote quotes a field for a message, at most 200 characters of it: a
// 10 MB line must not make a 10 MB message.
func quote(b []byte) string {
	const most = 200
	if len(b) <= most {
		return strconv.Quote(string(b))
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return strconv.Quote(string(b[:cut])) + fmt.Sprintf("… (%d bytes)", len(b))
}

// countryCode accepts an ISO3 code, an ISO numeric code or an English
// country name.
func countryCode(s string) uint8 { return CountryCode(country.ISO3(s)) }

// parseDate reads YYYY-MM-DD without allocating and returns days since 1970.
func parseDate(b []byte) (int32, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[:4])
	m, ok2 := num(b[5:7])
	d, ok3 := num(b[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

// DaysInMonth is the number of days of month m (1–12) of year y.
func DaysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is Howard Hinnant's algorithm: proleptic Gregorian date to
// days since 1970-01-01.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}
