package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/events"
	"iskbrief/internal/eventtable"
	"iskbrief/internal/export"
	"iskbrief/internal/symbology"
)

// exportEvents writes the events table, the window's Events tab, as CSV:
// the same filters as export map, the same columns and the same order.
func exportEvents(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export events", stderr)
	var sel selectionFlags
	sel.register(fl)
	out := fl.String("out", "", `output file (.csv), or "-" for standard output`)
	format := fl.String("format", "csv", "csv")
	bbox := fl.String("bbox", "", "lon1,lat1,lon2,lat2: only events inside this area")
	sortBy := fl.String("sort", "date", "column to sort by: "+strings.ToLower(strings.Join(eventtable.Headers[:], ", "))+" (figures largest first, dates newest first)")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if *format != "csv" {
		return usageError{fmt.Sprintf("--format %q: events are written as csv", *format)}
	}
	if *out == "" {
		return usageError{`export events needs --out FILE.csv (or --out - for standard output)`}
	}
	col := slices.IndexFunc(eventtable.Headers[:], func(h string) bool { return strings.EqualFold(h, *sortBy) })
	if col < 0 {
		return usageError{fmt.Sprintf("--sort %q: expected one of %s", *sortBy, strings.ToLower(strings.Join(eventtable.Headers[:], ", ")))}
	}
	f, err := sel.filter()
	if err != nil {
		return err
	}
	var area [4]float64
	if *bbox != "" {
		if area, err = parseBBox(*bbox); err != nil {
			return err
		}
	}
	m, err := sel.model()
	if err != nil {
		return err
	}
	rows := m.Select(f, symbology.ByTarget).Index
	if *bbox != "" {
		rows = inside(m, rows, area)
	}
	c := eventtable.Column(col)
	eventtable.Sort(m, rows, c, eventtable.Descending(c))
	var b bytes.Buffer
	if err := eventtable.WriteCSV(&b, m, rows); err != nil {
		return err
	}
	if *out == "-" {
		_, err := stdout.Write(b.Bytes())
		return err
	}
	if err := export.WriteBytes(*out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", *out, charts.Plural(len(rows), "event", "events"))
	return nil
}

// inside keeps the records within a lon1,lat1,lon2,lat2 box.
func inside(m *brief.Model, rows []events.RecordIndex, b [4]float64) []events.RecordIndex {
	var out []events.RecordIndex
	for _, r := range rows {
		lon, lat := float64(m.Records[r].Lon), float64(m.Records[r].Lat)
		if lon >= min(b[0], b[2]) && lon <= max(b[0], b[2]) && lat >= min(b[1], b[3]) && lat <= max(b[1], b[3]) {
			out = append(out, r)
		}
	}
	return out
}
