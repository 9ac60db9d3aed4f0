// Package eventtable is the events table: the same columns, order and
// figures in the window's Events tab, its CSV export and
// `iskbrief export events`, so what an analyst sees is what the file holds.
package eventtable

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

// Column is one column of the table.
type Column int

// The table's columns, in display order.
const (
	Date Column = iota
	Place
	Country
	Killed
	Wounded
	Claim
	Attack
	Target
	Sources
	NumColumns
)

// Headers are the column captions.
var Headers = [NumColumns]string{"Date", "Place", "Country", "Killed", "Wounded", "Claim", "Attack", "Target", "Sources"}

// Row is one record's cells, plus what sorting and the CSV need besides.
type Row struct {
	Cells [NumColumns]string

	killed, wounded, sources int // -1 when unknown
	day                      int32
	killedLow, killedHigh    int32
	id, layer, title         string
	lat, lon                 float32
}

// Make builds the row of record r.
func Make(m *brief.Model, r events.RecordIndex) Row {
	rec := m.Records[r]
	row := Row{
		day: rec.Day, killed: int(rec.Killed), wounded: -1, sources: 0,
		killedLow: rec.KilledLow, killedHigh: rec.KilledHi, lat: rec.Lat, lon: rec.Lon,
	}
	row.Cells[Date] = rec.Time().Format("2006-01-02")
	row.Cells[Killed] = countText(rec.Killed, rec.KilledLow, rec.KilledHi)
	row.layer = m.LayerName(rec.Layer)
	d, _ := m.Describe(r)
	row.id, row.title = d.ID, d.Title
	switch d.Kind {
	case brief.Curated:
		e := d.Event
		row.Cells[Place] = e.Place
		if !strings.Contains(e.Place, e.Province) {
			row.Cells[Place] = joinNonEmpty(e.Place, e.Province)
		}
		row.Cells[Country] = e.Country
		row.Cells[Killed] = e.Killed.String()
		if e.Wounded.Known {
			row.wounded = e.Wounded.Central
			row.Cells[Wounded] = e.Wounded.String()
		}
		row.Cells[Claim] = string(e.Claim)
		if e.Outcome == dataset.Foiled {
			row.Cells[Attack] = "foiled plot: "
		}
		row.Cells[Attack] += dataset.Label(e.AttackType)
		row.Cells[Target] = dataset.Label(e.TargetType)
		row.sources = distinctSources(e)
	case brief.Imported:
		e := d.Imported
		row.Cells[Place] = e.Place
		if !strings.Contains(e.Place, e.Admin1) {
			row.Cells[Place] = joinNonEmpty(e.Place, e.Admin1)
		}
		row.Cells[Country] = cmp.Or(e.Country, e.CountryName)
		if e.Wounded >= 0 {
			row.wounded = int(e.Wounded)
			row.Cells[Wounded] = strconv.Itoa(int(e.Wounded))
		}
		row.Cells[Claim] = e.Claim.String()
		row.Cells[Attack] = joinNonEmpty(e.EventType, e.SubType)
		row.Cells[Target] = e.Target
		row.sources = sourceLines(e.Source)
	default:
		row.Cells[Place] = fmt.Sprintf("%.4f, %.4f", rec.Lat, rec.Lon)
		if int(rec.Country) < len(dataset.Countries) {
			row.Cells[Country] = dataset.Countries[rec.Country]
		}
		if int(rec.Claim) < len(events.Claims) {
			row.Cells[Claim] = string(events.Claims[rec.Claim])
		}
		if int(rec.Attack) < len(dataset.AttackTypes) {
			row.Cells[Attack] = dataset.Label(dataset.AttackTypes[rec.Attack])
		}
		if int(rec.Target) < len(dataset.TargetTypes) {
			row.Cells[Target] = dataset.Label(dataset.TargetTypes[rec.Target])
		}
	}
	for _, e := range d.Also {
		row.sources += sourceLines(e.Source)
	}
	row.Cells[Sources] = strconv.Itoa(row.sources)
	return row
}

// countText is a record's killed figure: "12", "10–14" or "" when unknown.
func countText(central, low, high int32) string {
	switch {
	case central < 0:
		return ""
	case low >= 0 && high > low:
		return fmt.Sprintf("%d–%d", low, high)
	}
	return strconv.Itoa(int(central))
}

func distinctSources(e *dataset.Event) int {
	seen := map[string]bool{}
	for _, r := range e.Reports {
		seen[r.SourceID] = true
	}
	return len(seen)
}

// sourceLines counts an imported event's sources, one per non-empty line.
func sourceLines(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

func joinNonEmpty(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// Descending is a column's first sort order: figures largest first, dates
// newest first, text from A.
func Descending(c Column) bool {
	return c == Date || c == Killed || c == Wounded || c == Sources
}

// Sort orders records by a column, ascending or descending; ties keep the
// newest first, and unknown figures sort last either way.
func Sort(m *brief.Model, rows []events.RecordIndex, c Column, desc bool) {
	type keyed struct {
		r   events.RecordIndex
		n   int // numeric key; -1 unknown
		s   string
		day int32
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		k := keyed{r: r, day: m.Records[r].Day}
		switch c {
		case Date:
		case Killed:
			k.n = int(m.Records[r].Killed)
		default:
			row := Make(m, r)
			switch c {
			case Wounded:
				k.n = row.wounded
			case Sources:
				k.n = row.sources
			default:
				k.s = strings.ToLower(row.Cells[c])
			}
		}
		ks[i] = k
	}
	numeric := c == Killed || c == Wounded || c == Sources
	slices.SortStableFunc(ks, func(a, b keyed) int {
		var o int
		switch {
		case c == Date:
			o = cmp.Compare(a.day, b.day)
		case numeric && (a.n < 0) != (b.n < 0):
			if a.n < 0 {
				return 1
			}
			return -1
		case numeric:
			o = cmp.Compare(a.n, b.n)
		case (a.s == "") != (b.s == ""):
			if a.s == "" {
				return 1
			}
			return -1
		default:
			o = strings.Compare(a.s, b.s)
		}
		if desc {
			o = -o
		}
		if o == 0 {
			o = cmp.Compare(b.day, a.day)
		}
		return o
	})
	for i, k := range ks {
		rows[i] = k.r
	}
}

// csvHeader is the exported file's header: the table's columns as shown,
// then what a spreadsheet needs to go further.
var csvHeader = append(slices.Clone(Headers[:]), "killed_low", "killed_high", "id", "layer", "lat", "lon", "title")

// WriteCSV writes the rows in the order given, one line per record.
func WriteCSV(w io.Writer, m *brief.Model, rows []events.RecordIndex) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	rec := make([]string, len(csvHeader))
	for _, r := range rows {
		row := Make(m, r)
		n := copy(rec, row.Cells[:])
		for i, v := range []string{
			optInt(row.killedLow), optInt(row.killedHigh), row.id, row.layer,
			strconv.FormatFloat(float64(row.lat), 'f', 4, 32), strconv.FormatFloat(float64(row.lon), 'f', 4, 32), row.title,
		} {
			rec[n+i] = v
		}
		for i := range rec {
			rec[i] = spreadsheetSafe(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func optInt(n int32) string {
	if n < 0 {
		return ""
	}
	return strconv.Itoa(int(n))
}

// spreadsheetSafe keeps a text cell from being run as a formula when the
// file is opened in a spreadsheet (an imported place name may begin with
// "="): such a cell gets a leading apostrophe.
func spreadsheetSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}
