package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/export"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/symbology"
	"iskbrief/internal/textenc"
)

func runExport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"export needs a kind: map, chart, events or slides"}
	}
	switch args[0] {
	case "map":
		return exportMap(args[1:], stdout, stderr)
	case "chart":
		return exportChart(args[1:], stdout, stderr)
	case "events":
		return exportEvents(args[1:], stdout, stderr)
	case "slides":
		return exportSlides(args[1:], stdout, stderr)
	default:
		return usageError{fmt.Sprintf("export %q: expected map, chart, events or slides", args[0])}
	}
}

// selectionFlags are the flags that choose events, shared by every export.
type selectionFlags struct {
	events, country string
	from, to        string
}

// mapFlags are the flags that only a map has: charts take their look from
// the chart kind, so `export chart --style` is an unknown flag.
type mapFlags struct {
	style, colorBy, title string
}

func (mf *mapFlags) register(fl interface {
	StringVar(*string, string, string, string)
}) {
	fl.StringVar(&mf.style, "style", "light", "light, dark or projector")
	fl.StringVar(&mf.colorBy, "color-by", "target", "target, country or claim")
	fl.StringVar(&mf.title, "title", "", "title drawn on the image (default: describes the selection)")
}

func (s *selectionFlags) register(fl interface {
	StringVar(*string, string, string, string)
}) {
	fl.StringVar(&s.events, "events", "", "CSV file of events to draw instead of the embedded dataset")
	fl.StringVar(&s.country, "country", "", "comma-separated ISO3 codes, e.g. AFG,PAK")
	fl.StringVar(&s.from, "from", "", "start: a year (2021), month (2021-08) or day (2021-08-15)")
	fl.StringVar(&s.to, "to", "", "end, inclusive: a year, month or day")
}

// model loads the embedded model and swaps in an events file if one is named.
func (s *selectionFlags) model() (*brief.Model, error) {
	m, err := brief.Load()
	if err != nil {
		return nil, err
	}
	if s.events != "" {
		f, err := os.Open(s.events)
		if err != nil {
			return nil, fmt.Errorf("cannot read events: %w", err)
		}
		defer f.Close()
		enc, err := textenc.Detect(f)
		if err != nil {
			return nil, fmt.Errorf("cannot read events: %w", err)
		}
		recs, err := events.ReadCSV(textenc.Decode(f, enc), s.events)
		if err != nil {
			return nil, err
		}
		m.UseEvents(recs, s.events)
	}
	return m, nil
}

func (s *selectionFlags) filter() (filter.Filter, error) {
	var f filter.Filter
	if s.country != "" {
		for _, c := range strings.Split(s.country, ",") {
			c = strings.ToUpper(strings.TrimSpace(c))
			if events.CountryCode(c) == events.NoCode {
				return f, usageError{fmt.Sprintf("--country %q: expected ISO3 codes among %s", c, strings.Join(dataset.Countries, ","))}
			}
			f.Countries = append(f.Countries, c)
		}
	}
	var err error
	if f.From, err = periodBound("--from", s.from, false); err != nil {
		return f, err
	}
	if f.To, err = periodBound("--to", s.to, true); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.From.After(f.To) {
		return f, usageError{fmt.Sprintf("--from %s is after --to %s", s.from, s.to)}
	}
	return f, nil
}

// periodBound reads a --from or --to value: a year, a month (YYYY-MM) or a
// day (YYYY-MM-DD). As an end it stands for the last day of that period.
func periodBound(name, v string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, p := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	} {
		t, err := time.Parse(p.layout, v)
		if err != nil || len(v) != len(p.layout) {
			continue
		}
		if t.Year() < 1970 || t.Year() > time.Now().Year()+1 {
			return time.Time{}, usageError{fmt.Sprintf("%s %s: expected a date from 1970 to %d (the data run 2015–2025)", name, v, time.Now().Year()+1)}
		}
		if end {
			t = p.next(t).AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, usageError{fmt.Sprintf("%s %q: expected a year such as 2021, a month such as 2021-08 or a day such as 2021-08-15", name, v)}
}

func (s *mapFlags) colorScheme() (symbology.ColorBy, error) {
	for _, b := range symbology.Schemes {
		if string(b) == s.colorBy {
			return b, nil
		}
	}
	return "", usageError{fmt.Sprintf("--color-by %q: expected target, country or claim", s.colorBy)}
}

func (s *mapFlags) mapStyle() (maprender.Style, error) {
	switch s.style {
	case "light", "dark", "projector":
		return maprender.StyleByName(s.style), nil
	}
	return maprender.Style{}, usageError{fmt.Sprintf("--style %q: expected light, dark or projector", s.style)}
}

func exportMap(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export map", stderr)
	var sel selectionFlags
	sel.register(fl)
	var mf mapFlags
	mf.register(fl)
	out := fl.String("out", "", "output PNG file")
	w := fl.Int("width", 1920, "width in pixels")
	h := fl.Int("height", 1080, "height in pixels")
	bbox := fl.String("bbox", "", "lon1,lat1,lon2,lat2 (default: frame the selected events)")
	insetFlag := fl.String("inset", "auto", "auto, none or lon1,lat1,lon2,lat2: an inset map of the area where events crowd")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"export map needs --out FILE.png"}
	}
	if ext := strings.ToLower(filepath.Ext(*out)); ext != ".png" && ext != "" {
		return usageError{fmt.Sprintf("--out %q: maps are written as PNG; expected a .png file name", *out)}
	}
	if *w < 200 || *h < 150 || *w > 8192 || *h > 8192 {
		return usageError{fmt.Sprintf("size %d×%d: expected 200×150 to 8192×8192", *w, *h)}
	}
	var area orb.Bound
	if *bbox != "" {
		b, err := parseBBox(*bbox)
		if err != nil {
			return err
		}
		area = maprender.Bounds(b[0], b[1], b[2], b[3])
	}
	inset, insetArea := brief.InsetAuto, orb.Bound{}
	switch *insetFlag {
	case "auto":
	case "none":
		inset = brief.InsetNone
	default:
		b, err := parseBBox(*insetFlag)
		if err != nil {
			return usageError{"--inset: expected auto, none or lon1,lat1,lon2,lat2: " + err.Error()}
		}
		inset, insetArea = brief.InsetFixed, maprender.Bounds(b[0], b[1], b[2], b[3])
	}
	f, err := sel.filter()
	if err != nil {
		return err
	}
	by, err := mf.colorScheme()
	if err != nil {
		return err
	}
	st, err := mf.mapStyle()
	if err != nil {
		return err
	}
	m, err := sel.model()
	if err != nil {
		return err
	}
	sel2 := m.Select(f, by)
	if *bbox == "" {
		area = brief.FrameEvents(sel2)
	}
	pic := brief.Picture{
		View: brief.MapView{Filter: f, ColorBy: by, Style: st, Selected: events.NoRecord, Title: mf.title, Overlays: true},
		Area: area, W: *w, H: *h, Inset: inset, InsetArea: insetArea,
	}
	drawn := pic.Drawn(sel2)
	if pic.View.Title == "" {
		pic.View.Title = m.MapTitle(f, drawn)
	}
	if err := export.WritePNG(*out, m.RenderMap(sel2, pic)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d×%d, %s)\n", *out, *w, *h, charts.Plural(len(drawn), "event", "events"))
	return nil
}
