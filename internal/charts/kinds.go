package charts

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	chart "github.com/wcharczuk/go-chart/v2"

	"iskbrief/internal/dataset"
	"iskbrief/internal/filter"
	"iskbrief/internal/symbology"
)

// NoEvents is the message of a chart whose selection is empty.
const NoEvents = "No events in this selection"

var (
	colKilled  = color.RGBA{0xA5, 0x1C, 0x1C, 0xff} // deep red
	colMonthly = color.RGBA{0x2F, 0x4B, 0x6E, 0xff} // slate blue
	colFighter = color.RGBA{0x00, 0x5A, 0x8C, 0xff} // dark blue
	colMile    = color.RGBA{0x33, 0x33, 0x33, 0xff}
)

// titled appends where the chart's events are to its title: the filter's
// countries, or else those present; ISO codes when the names do not fit.
func (m *metrics) titled(stem string, f filter.Filter, present []int) string {
	var codes []string
	if len(f.Countries) > 0 {
		codes = f.Countries
	} else {
		for i, n := range present {
			if n > 0 && i < len(dataset.Countries) {
				codes = append(codes, dataset.Countries[i])
			}
		}
	}
	if len(codes) == 0 {
		return stem
	}
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = dataset.CountryName(c)
	}
	full := stem + " · " + strings.Join(names, ", ")
	if m.width(full, m.title) <= m.w-2*m.margin {
		return full
	}
	return stem + " · " + strings.Join(codes, ", ")
}

func emptyMessage(foiled int) string {
	if foiled > 0 {
		return fmt.Sprintf("No attacks in this selection (%s foiled plots only)", FmtInt(foiled))
	}
	return NoEvents
}

func foiledNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " · 1 foiled plot not counted"
	}
	return fmt.Sprintf(" · %s foiled plots not counted", FmtInt(n))
}

// Plural writes a count with its noun: "1 attack", "1,234 attacks".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return FmtInt(n) + " " + many
}

func yearsText(a, b int) string {
	if a == b {
		return fmt.Sprint(a)
	}
	return fmt.Sprintf("%d–%d", a, b)
}

// yearSpan widens the data's years to the filter's, so a chosen period
// shows its empty years too.
func yearSpan(first, last int, f filter.Filter) (int, int) {
	if !f.From.IsZero() {
		first = min(first, f.From.Year())
	}
	if !f.To.IsZero() {
		last = max(last, f.To.Year())
	}
	return first, last
}

// yearAxis labels whole years centred on [year-0.5, year+0.5] slots.
func yearAxis(first, last int, m *metrics) axis {
	a := axis{min: float64(first) - 0.5, max: float64(last) + 0.5}
	n := last - first + 1
	st := labelStep(n, m.width("2025", m.tick), m.plotW)
	for y := first; y <= last; y++ {
		if y%st == 0 || (st > 1 && n <= st && y == first) {
			a.ticks = append(a.ticks, chart.Tick{Value: float64(y), Label: fmt.Sprint(y)})
		}
	}
	return a
}

// estimatePlot guesses the plot area before go-chart measures the axes, for
// choosing headroom and label steps.
func (m *metrics) estimatePlot(hasSub bool) {
	top := float64(m.margin) + m.title*1.3 + m.legend*1.5 + m.tick*0.9
	if hasSub {
		top += m.sub * 1.4
	}
	bottom := float64(m.margin)*0.6 + m.foot*2.4 + m.tick*1.8
	m.plotH = m.h - int(top+bottom)
	m.plotW = m.w - 2*m.margin - int(m.tick*4)
}

// headroom returns v raised so that px pixels stay free above it.
func (m *metrics) headroom(v float64, px float64) float64 {
	p := float64(m.plotH)
	if p-px < p*0.3 {
		px = p * 0.7
	}
	return v * p / (p - px)
}

func trendsSpec(in *Input, m *metrics) spec {
	idx := in.selected()
	b := in.binning(idx)
	y := aggregateBins(in.Records, idx, b)
	totals := y.CountryTotals()
	from, curated := in.counted(idx)
	stem := "Attacks per " + b.unit() + " in " + from
	if curated {
		stem = "Deadly and targeted attacks per " + b.unit() + " in the ISK Brief dataset"
	}
	sp := spec{title: m.titled(stem, in.Filter, totals), unit: "Attacks"}
	if y.Total == 0 {
		sp.message = emptyMessage(y.Foiled)
		return sp
	}
	first, last := b.span(y.First, y.Last(), in.Filter)
	sp.monthly = b.monthly
	sp.subtitle = fmt.Sprintf("%s, %s, stacked by country", Plural(y.Total, "attack", "attacks"), b.period(first, last))
	if curated {
		sp.subtitle += " · the dataset holds " + Coverage
	} else if len(in.Layers) > 1 {
		sp.subtitle += " · an attack reported in several layers counts once"
	}
	sp.note = foiledNote(y.Foiled)
	colors := append(slices.Clone(symbology.CountryColors), symbology.Other)
	for c, n := range totals {
		if n == 0 {
			continue
		}
		label := "Unknown country"
		if c < len(dataset.Countries) {
			label = dataset.CountryName(dataset.Countries[c])
		}
		sp.legend = append(sp.legend, legendEntry{label: label, color: colors[c]})
	}
	part := b.markPartial(&sp, first, last)
	m.estimatePlot(true)
	top := 0
	for i := range y.Len() {
		top = max(top, y.YearTotal(i))
	}
	sp.x = b.axis(first, last, m)
	sp.y = valueAxis(m.headroom(float64(top), m.label*1.6), 5)
	// stack tells which country's segment of a year's bar holds height v.
	sp.stack = func(year int, v float64) string {
		i := year - y.First
		if i < 0 || i >= y.Len() || v < 0 {
			return ""
		}
		base := 0.0
		for c, n := range y.Attacks[i] {
			base += float64(n)
			if n > 0 && v < base {
				if c < len(dataset.Countries) {
					return dataset.Countries[c]
				}
				return ""
			}
		}
		return ""
	}
	sp.plot = func(p *plot) {
		slot := float64(p.X(1)-p.X(0)) * 1
		if last > first {
			slot = float64(p.X(float64(first+1))-p.X(float64(first))) * 1
		}
		bw := max(2, int(slot*0.7))
		showLabels := m.width(FmtInt(top), m.label) < int(slot*0.95)
		drawPartial(p, part, m)
		for i := range y.Len() {
			year := y.First + i
			xc := p.X(float64(year))
			base := 0
			for c, n := range y.Attacks[i] {
				if n == 0 {
					continue
				}
				fillRect(p.r, xc-bw/2, p.Y(float64(base+n)), xc-bw/2+bw, p.Y(float64(base)), dc(colors[c]))
				base += n
			}
			if showLabels && base > 0 {
				s := FmtInt(base)
				text(p.r, s, xc-m.width(s, m.label)/2, p.Y(float64(base))-int(m.label*0.4), m.label, colText)
			}
		}
	}
	return sp
}

// band is the low–high range of killed per year, for chart.Draw.BoundedSeries.
type band struct{ x, lo, hi []float64 }

func (b band) Len() int { return len(b.x) }
func (b band) GetBoundedValues(i int) (x, y1, y2 float64) {
	return b.x[i], b.hi[i], b.lo[i]
}

var _ chart.BoundedValuesProvider = band{}

func killedSpec(in *Input, m *metrics) spec {
	idx := in.selected()
	b := in.binning(idx)
	y := aggregateBins(in.Records, idx, b)
	from, curated := in.counted(idx)
	stem := "People killed per " + b.unit() + " in the attacks of " + from
	if curated {
		stem = "People killed per " + b.unit() + " in the ISK Brief dataset's attacks"
	}
	sp := spec{title: m.titled(stem, in.Filter, y.CountryTotals()), unit: "People killed"}
	if y.Total == 0 {
		sp.message = emptyMessage(y.Foiled)
		return sp
	}
	known, top := 0, 0
	for i := range y.Len() {
		known += y.Known[i]
		top = max(top, y.High[i], y.Killed[i])
	}
	if known == 0 {
		sp.message = fmt.Sprintf("No killed figures reported for these %s", Plural(y.Total, "attack", "attacks"))
		return sp
	}
	first, last := b.span(y.First, y.Last(), in.Filter)
	sp.monthly = b.monthly
	sp.subtitle = fmt.Sprintf("%s · line: settled figures; band: lowest to highest settled figures, summed · known for %s of %s", b.period(first, last), FmtInt(known), Plural(y.Total, "attack", "attacks"))
	if curated {
		sp.subtitle += " · not every ISKP attack: see the monitors chart"
	}
	sp.note = foiledNote(y.Foiled)
	sp.legend = []legendEntry{
		{label: "Sum of central figures", color: colKilled, style: swatchLine},
		{label: "Range across sources", color: colKilled, style: swatchBand},
	}
	part := b.markPartial(&sp, first, last)
	m.estimatePlot(true)
	sp.x = b.axis(first, last, m)
	sp.y = valueAxis(m.headroom(float64(top), m.label*1.8), 5)
	sp.plot = func(p *plot) {
		drawPartial(p, part, m)
		b := band{}
		for i := range y.Len() {
			b.x = append(b.x, float64(y.First+i))
			b.lo = append(b.lo, float64(y.Low[i]))
			b.hi = append(b.hi, float64(y.High[i]))
		}
		fill := lighten(colKilled, 0.72)
		if b.Len() >= 2 {
			st := chart.Style{FillColor: fill, StrokeColor: fill, StrokeWidth: 1}
			chart.Draw.BoundedSeries(p.r, p.box, p.xr, p.yr, st, b)
		} else {
			half := max(4, (p.X(float64(first)+0.5)-p.X(float64(first)))/2)
			xc := p.X(b.x[0])
			fillRect(p.r, xc-half, p.Y(b.hi[0]), xc+half, p.Y(b.lo[0]), fill)
		}
		for i := 1; i < y.Len(); i++ {
			line(p.r, p.X(b.x[i-1]), p.Y(float64(y.Killed[i-1])), p.X(b.x[i]), p.Y(float64(y.Killed[i])), dc(colKilled), m.line*1.3, nil)
		}
		slot := p.X(float64(first)+1) - p.X(float64(first))
		showLabels := m.width(FmtInt(top), m.label) < slot*9/10
		for i := range y.Len() {
			xc, yc := p.X(b.x[i]), p.Y(float64(y.Killed[i]))
			dot(p.r, xc, yc, m.line*2.4, dc(colKilled))
			if showLabels && y.Known[i] > 0 {
				s := FmtInt(y.Killed[i])
				ly := min(yc, p.Y(b.hi[i])) - int(m.label*0.5)
				text(p.r, s, xc-m.width(s, m.label)/2, ly, m.label, colText)
			}
		}
	}
	return sp
}

func fightersSpec(in *Input, m *metrics) spec {
	fs := Fighters(in.Data, in.Filter)
	scope := " · Afghanistan"
	families := 0
	for _, f := range fs {
		if f.Scope != "afghanistan" {
			scope = " · Afghanistan and region"
		}
		if f.Families {
			families++
		}
	}
	sp := spec{title: "Published estimates of ISIS-K fighter strength" + scope, unit: "Fighters"}
	if len(fs) == 0 {
		sp.message = "No fighter estimates in this selection"
		return sp
	}
	first, last := fs[0].Date.Year(), fs[len(fs)-1].Date.Year()
	sp.subtitle = fmt.Sprintf("%s, %s · each bar spans the low–high figure, labelled with its publisher",
		Plural(len(fs), "estimate", "estimates"), yearsText(first, last))
	for _, f := range fs {
		if strings.HasPrefix(f.Publisher, "? ") {
			sp.subtitle += " · ?: origin of the estimate not traced"
			break
		}
	}
	sp.legend = []legendEntry{{label: "Fighters", color: colFighter}}
	if families > 0 {
		sp.legend = append(sp.legend, legendEntry{label: "Includes family members", color: colFighter, style: swatchHatch})
	}
	m.estimatePlot(true)
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = ShortLabel(f.Publisher)
	}
	gap := m.label * 0.5
	labels := m.fitUp(names, int(float64(m.plotH)*0.6-gap))
	need := 1.0
	for i, f := range fs {
		need = max(need, m.headroom(float64(f.High), float64(labels.length(i, m))+2*gap))
	}
	// The x axis runs over whole years, labelled at each 1 January.
	sp.x = axis{min: float64(first), max: float64(last + 1)}
	st := labelStep(last-first+2, m.width("2025", m.tick), m.plotW)
	for yr := first; yr <= last+1; yr++ {
		if yr%st == 0 {
			sp.x.ticks = append(sp.x.ticks, chart.Tick{Value: float64(yr), Label: fmt.Sprint(yr)})
		}
	}
	if len(sp.x.ticks) == 0 {
		sp.x.ticks = []chart.Tick{{Value: float64(first), Label: fmt.Sprint(first)}}
	}
	sp.y = valueAxis(need, 5)
	sp.plot = func(p *plot) {
		lh := labels.size * 1.15 // thickness of one rotated line
		bw := max(3, int(m.label*1.15*0.8))
		d := max(lh*float64(labels.most), m.label*1.15)
		xs := make([]float64, len(fs))
		for i, f := range fs {
			xs[i] = float64(p.X(decimalYear(f.Date)))
		}
		xs = spread(xs, d, float64(p.box.Left)+d/2, float64(p.box.Right)-d/2)
		lw := max(1, m.line*0.7)
		for i, f := range fs {
			xc := int(xs[i])
			y0, y1 := p.Y(float64(f.High)), p.Y(float64(f.Low))
			if y1-y0 < int(m.line*2) {
				mid := (y0 + y1) / 2
				y0, y1 = mid-int(m.line), mid+int(m.line)
			}
			x0, x1 := xc-bw/2, xc-bw/2+bw
			if f.Families {
				fillRect(p.r, x0, y0, x1, y1, lighten(colFighter, 0.6))
				hatch(p.r, x0, y0, x1, y1, dc(colFighter), lw, int(m.line*3+3))
				strokeRect(p.r, x0, y0, x1, y1, dc(colFighter), lw)
			} else {
				fillRect(p.r, x0, y0, x1, y1, dc(colFighter))
			}
			for j, l := range labels.lines[i] {
				textUp(p.r, l, xc+int(labels.size*0.36+lh*float64(j)), y0-int(gap), labels.size, colText)
			}
		}
	}
	return sp
}

// decimalYear is t as a fractional year, e.g. 2021.5 in early July.
func decimalYear(t time.Time) float64 {
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	return float64(t.Year()) + t.Sub(start).Hours()/end.Sub(start).Hours()
}

func timelineSpec(in *Input, m *metrics) spec {
	idx := in.selected()
	mo := AggregateMonths(in.Records, idx)
	y := AggregateYears(in.Records, idx)
	sp := spec{title: m.titled("ISIS-K attacks per month, with milestones", in.Filter, y.CountryTotals()), unit: "Attacks per month"}
	total := 0
	top := 0
	for _, n := range mo.Counts {
		total += n
		top = max(top, n)
	}
	if total == 0 {
		sp.message = emptyMessage(mo.Foiled)
		return sp
	}
	first, last := mo.First, mo.First+len(mo.Counts)-1
	if f := in.Filter.From; !f.IsZero() {
		first = min(first, f.Year()*12+int(f.Month())-1)
	}
	if t := in.Filter.To; !t.IsZero() {
		last = max(last, t.Year()*12+int(t.Month())-1)
	}
	if in.Filter.From.IsZero() && in.Filter.To.IsZero() && in.Data != nil {
		// No period chosen: show the milestones around the events too.
		for _, e := range in.Data.Milestones {
			mi := e.Date.Year()*12 + int(e.Date.Month()) - 1
			first, last = min(first, mi), max(last, mi)
		}
	}
	from, to := MonthTime(first), MonthTime(last+1).Add(-time.Second)
	ms := Milestones(in.Data, from, to, in.Filter.Countries)
	sp.subtitle = fmt.Sprintf("%s, %s – %s", Plural(total, "attack", "attacks"), from.Format("Jan 2006"), to.Format("Jan 2006"))
	sp.note = foiledNote(mo.Foiled)
	sp.legend = []legendEntry{{label: "Attacks", color: colMonthly}}
	if len(ms) > 0 {
		sp.legend = append(sp.legend, legendEntry{label: "Milestone", color: colMile, style: swatchDash})
	}
	m.estimatePlot(true)
	names := make([]string, len(ms))
	for i, e := range ms {
		names[i] = ShortLabel(e.Label)
	}
	labels := m.fitUp(names, int(float64(m.plotH)*0.68))
	longest := 0
	for i := range ms {
		longest = max(longest, labels.length(i, m))
	}
	sp.x = axis{min: float64(first) - 0.5, max: float64(last) + 0.5}
	y0, y1 := first/12, last/12
	st := labelStep(y1-y0+1, m.width("2025", m.tick), m.plotW)
	for yr := y0; yr <= y1+1; yr++ {
		v := float64(yr*12) - 0.5
		if yr%st == 0 && v >= sp.x.min && v <= sp.x.max {
			sp.x.ticks = append(sp.x.ticks, chart.Tick{Value: v, Label: fmt.Sprint(yr)})
		}
	}
	if len(sp.x.ticks) == 0 { // less than a year: label the first month
		sp.x.ticks = []chart.Tick{{Value: float64(first), Label: from.Format("Jan 2006")}}
	}
	room := m.label * 1.2
	if len(ms) > 0 {
		room = float64(longest) + m.label*1.5
	}
	sp.y = valueAxis(m.headroom(float64(top), room), 5)
	sp.plot = func(p *plot) {
		slot := float64(p.X(float64(first)+1) - p.X(float64(first)))
		bw := max(1, int(slot*0.8))
		for i, n := range mo.Counts {
			if n == 0 {
				continue
			}
			xc := p.X(float64(mo.First + i))
			fillRect(p.r, xc-bw/2, p.Y(float64(n)), xc-bw/2+bw, p.Y(0), dc(colMonthly))
		}
		if len(ms) == 0 {
			return
		}
		lh := labels.size * 1.2 // thickness of one rotated line
		d := max(lh*float64(labels.most), m.label*1.2)
		want := make([]float64, len(ms))
		lineX := make([]int, len(ms))
		for i, e := range ms {
			mi := e.Date.Year()*12 + int(e.Date.Month()) - 1
			days := float64(time.Date(e.Date.Year(), e.Date.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
			lineX[i] = p.X(float64(mi) - 0.5 + float64(e.Date.Day()-1)/days)
			want[i] = float64(lineX[i]) + lh*0.8 // baseline just right of the line
		}
		got := spread(want, d, float64(p.box.Left)+lh, float64(p.box.Right)-d+lh)
		top := p.box.Top + int(m.label*0.3)
		for i := range ms {
			line(p.r, lineX[i], p.box.Bottom, lineX[i], top, dc(colMile), max(1, m.line*0.7), []float64{m.line * 3, m.line * 2})
		}
		for i := range ms {
			bx := int(got[i])
			lw := labels.length(i, m)
			n := len(labels.lines[i])
			fillRect(p.r, bx-int(lh*0.8), top, bx+int(lh*(float64(n)-0.8)), top+lw+int(m.label*0.6), colHalo)
			if off := bx - int(lh*0.8) - lineX[i]; off > 2 || off < -int(lh) {
				line(p.r, lineX[i], top, bx-int(lh*0.4), top, dc(colMile), max(1, m.line*0.7), nil)
			}
			for j, l := range labels.lines[i] {
				textUp(p.r, l, bx+int(lh*float64(j)), top+lw+int(m.label*0.3), labels.size, colText)
			}
		}
	}
	return sp
}

func targetsSpec(in *Input, m *metrics) spec {
	idx := in.selected()
	t := AggregateTargets(in.Records, idx)
	y := AggregateYears(in.Records, idx)
	sp := spec{title: m.titled("ISIS-K attacks by target type", in.Filter, y.CountryTotals())}
	if t.Total == 0 {
		sp.message = emptyMessage(t.Foiled)
		return sp
	}
	span := ""
	if y.Len() > 0 {
		a, b := yearSpan(y.First, y.Last(), in.Filter)
		span = ", " + yearsText(a, b)
	}
	sp.subtitle = Plural(t.Total, "attack", "attacks") + span + " · colours as on the map"
	sp.note = foiledNote(t.Foiled)
	type cat struct {
		label string
		n     int
		c     color.RGBA
		code  string
	}
	var cats []cat
	for i, typ := range dataset.TargetTypes {
		cats = append(cats, cat{dataset.Label(typ), t.Counts[i], symbology.TargetColors[i], typ})
	}
	if n := t.Counts[OtherTarget]; n > 0 {
		cats = append(cats, cat{"Not recorded", n, symbology.Other, ""})
	}
	slices.SortStableFunc(cats, func(a, b cat) int { return b.n - a.n })
	for _, c := range cats {
		sp.targets = append(sp.targets, c.code)
	}
	top := cats[0].n
	m.estimatePlot(true)
	n := len(cats)
	sp.y = axis{min: -0.5, max: float64(n) - 0.5}
	labelW := 0
	for i, c := range cats {
		sp.y.ticks = append(sp.y.ticks, chart.Tick{Value: float64(n - 1 - i), Label: c.label})
		labelW = max(labelW, m.width(c.label, m.tick))
	}
	plotW := float64(m.plotW - labelW)
	valW := float64(m.width(FmtInt(top), m.label)) + m.label
	sp.x = valueAxis(float64(top)*plotW/max(plotW-valW, plotW*0.5), 6)
	sp.plot = func(p *plot) {
		slot := float64(p.Y(0) - p.Y(1))
		bh := max(2, int(slot*0.68))
		for i, c := range cats {
			yc := p.Y(float64(n - 1 - i))
			if c.n > 0 {
				fillRect(p.r, p.X(0), yc-bh/2, p.X(float64(c.n)), yc-bh/2+bh, dc(c.c))
			}
			text(p.r, FmtInt(c.n), p.X(float64(c.n))+int(m.label*0.4), yc+int(m.label*0.35), m.label, colText)
		}
	}
	return sp
}
