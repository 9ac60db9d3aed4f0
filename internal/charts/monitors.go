package charts

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"iskbrief/internal/dataset"
)

// deathMeasures are the annual measures the monitors chart draws: each
// counts people killed, though not the same people (UNAMA counts civilians
// only; GTI every death in attacks it attributes to the group).
var deathMeasures = map[string]string{
	"deaths":          "deaths",
	"civilian_killed": "civilians killed",
	"fatalities":      "fatalities",
}

// monitorColors tell the monitors apart; none is a country's or a target
// type's colour on the map.
var monitorColors = []color.RGBA{
	{0x00, 0x86, 0x8b, 0xff}, // teal
	{0xd9, 0x5f, 0x02, 0xff}, // orange
	{0x75, 0x70, 0xb3, 0xff}, // violet
	{0xe7, 0x29, 0x8a, 0xff}, // magenta
	{0x66, 0xa6, 0x1e, 0xff}, // green
	{0xa6, 0x76, 0x1d, 0xff}, // ochre
}

var colDataset = color.RGBA{0xc8, 0xc8, 0xc8, 0xff}

// monitorSeries is one monitor's figures for one measure and country.
type monitorSeries struct {
	label   string
	figures []dataset.AnnualFigure // by year
}

// MonitorSeries groups the full-year death figures of the systematic
// monitors that the filter's countries and years select. Figures for the
// whole group (country ALL) are kept only when no country is chosen.
func monitorSeriesOf(d *dataset.Dataset, countries []string, fromYear, toYear int) (series []monitorSeries, partial, other int) {
	if d == nil {
		return nil, 0, 0
	}
	byKey := map[string]*monitorSeries{}
	var keys []string
	for _, a := range d.Annual {
		measure, ok := deathMeasures[a.Measure]
		switch {
		case !ok:
			other++
			continue
		case len(countries) > 0 && !slices.Contains(countries, a.Country):
			continue
		case fromYear > 0 && a.Year < fromYear || toYear > 0 && a.Year > toYear:
			continue
		case !a.FullYear():
			partial++
			continue
		}
		where := "all countries"
		if a.Country != "ALL" {
			where = dataset.CountryName(a.Country)
		}
		key := a.Monitor + " · " + measure + " · " + where
		s := byKey[key]
		if s == nil {
			s = &monitorSeries{label: shortMonitor(a.Monitor) + " · " + measure + " · " + where}
			byKey[key] = s
			keys = append(keys, key)
		}
		s.figures = append(s.figures, a)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s := byKey[k]
		slices.SortStableFunc(s.figures, func(a, b dataset.AnnualFigure) int { return cmp.Compare(a.Year, b.Year) })
		series = append(series, *s)
	}
	return series, partial, other
}

// shortMonitor abbreviates a monitor's long name for the legend:
// "Pakistan Institute for Peace Studies (PIPS)" → "PIPS".
func shortMonitor(name string) string {
	if i := strings.LastIndex(name, "("); i > 0 && strings.HasSuffix(name, ")") {
		return name[i+1 : len(name)-1]
	}
	return name
}

func figureText(a dataset.AnnualFigure) string {
	s := FmtInt(a.Value)
	if a.Qualifier.Floor() {
		s += "+"
	}
	if a.Qualifier == dataset.About {
		s = "~" + s
	}
	return s
}

// monitorsSpec draws deaths attributed to ISKP per year by each systematic
// monitor, beside the killed in the selected records, so the curated count
// and the systematic picture sit on one slide.
func monitorsSpec(in *Input, m *metrics) spec {
	fromYear, toYear := 0, 0
	if !in.Filter.From.IsZero() {
		fromYear = in.Filter.From.Year()
	}
	if !in.Filter.To.IsZero() {
		toYear = in.Filter.To.Year()
	}
	series, partial, other := monitorSeriesOf(in.Data, in.Filter.Countries, fromYear, toYear)
	idx := in.selected()
	y := AggregateYears(in.Records, idx)
	from, _ := in.counted(idx)
	sp := spec{title: m.titled("Deaths attributed to ISKP per year, by monitor", in.Filter, y.CountryTotals()), unit: "People killed"}
	if len(series) == 0 {
		sp.message = "No monitor figures for this selection"
		return sp
	}
	first, last := series[0].figures[0].Year, series[0].figures[0].Year
	top := 0
	for _, s := range series {
		for _, a := range s.figures {
			first, last, top = min(first, a.Year), max(last, a.Year), max(top, a.Value)
		}
	}
	if y.Total > 0 {
		first, last = min(first, y.First), max(last, y.Last())
		for i := range y.Len() {
			top = max(top, y.Killed[i])
		}
	}
	first, last = yearSpan(first, last, in.Filter)
	n := 0
	for _, s := range series {
		n += len(s.figures)
	}
	sp.subtitle = fmt.Sprintf("%s, %s · grey: killed in the %s of %s · each monitor counts differently",
		Plural(n, "full-year figure", "full-year figures"), yearsText(first, last), Plural(y.Total, "attack", "attacks"), from)
	var notes []string
	if partial > 0 {
		notes = append(notes, Plural(partial, "part-year figure", "part-year figures")+" not drawn")
	}
	if other > 0 {
		notes = append(notes, Plural(other, "count", "counts")+" of attacks or casualties not drawn")
	}
	if len(notes) > 0 {
		sp.note = " · " + strings.Join(notes, ", ") + " (all in annual.csv)"
	}
	sp.legend = append(sp.legend, legendEntry{label: "ISK Brief dataset killed", color: colDataset})
	for i, s := range series {
		sp.legend = append(sp.legend, legendEntry{label: s.label, color: monitorColors[i%len(monitorColors)], style: swatchLine})
	}
	m.estimatePlot(true)
	sp.x = yearAxis(first, last, m)
	sp.y = valueAxis(m.headroom(float64(top), m.label*1.8), 5)
	sp.y.grid = true
	sp.plot = func(p *plot) {
		slot := p.X(float64(first)+1) - p.X(float64(first))
		bw := max(2, slot*55/100)
		for i := range y.Len() {
			if y.Known[i] == 0 {
				continue
			}
			xc := p.X(float64(y.First + i))
			fillRect(p.r, xc-bw/2, p.Y(float64(y.Killed[i])), xc-bw/2+bw, p.Y(0), dc(colDataset))
		}
		// Points and value labels; a label that would sit on one already
		// placed in the same year goes below its dot instead.
		type placed struct{ year, y int }
		var labels []placed
		for si, s := range series {
			c := dc(monitorColors[si%len(monitorColors)])
			for j, a := range s.figures {
				xc, yc := p.X(float64(a.Year)), p.Y(float64(a.Value))
				if j > 0 && s.figures[j-1].Year == a.Year-1 {
					prev := s.figures[j-1]
					line(p.r, p.X(float64(prev.Year)), p.Y(float64(prev.Value)), xc, yc, c, m.line*1.3, nil)
				}
				dot(p.r, xc, yc, m.line*2.6, c)
				t := figureText(a)
				ly := yc - int(m.label*0.6)
				for _, l := range labels {
					if l.year == a.Year && abs(l.y-ly) < int(m.label*1.1) {
						ly = yc + int(m.label*1.3)
					}
				}
				labels = append(labels, placed{a.Year, ly})
				text(p.r, t, xc-m.width(t, m.label)/2, ly, m.label, c)
			}
		}
	}
	return sp
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
