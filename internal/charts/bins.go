package charts

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	chart "github.com/wcharczuk/go-chart/v2"

	"iskbrief/internal/events"
	"iskbrief/internal/filter"
)

// The embedded dataset's period (DATA.md, coverage rule): a year inside it
// is whole even when its first attack came late in January.
var (
	datasetFrom = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	datasetTo   = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// colPartial hatches the slots of years or months the data cover only in part.
var colPartial = color.RGBA{0x70, 0x70, 0x70, 0xff}

// bins is how a time chart cuts its period: calendar years, or months when
// the chosen period is two years or less, since a twelve-month window drawn
// as two part-year bars reads as a collapse.
type bins struct {
	monthly bool
	from    int32 // first day the counted records cover: the filter's period
	to      int32 // within the layers' own coverage (last day, inclusive)
}

// binning chooses the bins for the selection idx.
func (in *Input) binning(idx []events.RecordIndex) bins {
	b := bins{from: 1<<31 - 1, to: -1 << 31}
	seen := map[uint8]bool{}
	for _, i := range idx {
		seen[in.Records[i].Layer] = true
	}
	for k := range seen {
		if k == 0 && in.embeddedFirst() {
			b.from = min(b.from, events.DayOf(datasetFrom))
			b.to = max(b.to, events.DayOf(datasetTo))
			continue
		}
		// An imported layer covers the days its own records span.
		for i := range in.Records {
			if r := &in.Records[i]; r.Layer == k {
				b.from, b.to = min(b.from, r.Day), max(b.to, r.Day)
			}
		}
	}
	f := in.Filter
	if !f.From.IsZero() {
		b.from = max(b.from, events.DayOf(f.From))
	}
	if !f.To.IsZero() {
		b.to = min(b.to, events.DayOf(f.To))
	}
	if !f.From.IsZero() && !f.To.IsZero() {
		b.monthly = monthOf(f.To)-monthOf(f.From) < 24
	}
	return b
}

// embeddedFirst reports whether layer 0 is the embedded dataset rather than
// an events file that replaced it.
func (in *Input) embeddedFirst() bool {
	return len(in.Layers) == 0 || in.Layers[0] == embeddedLayer
}

func monthOf(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// of is the bin of a date: a year, or year*12 + month-1.
func (b bins) of(t time.Time) int {
	if b.monthly {
		return monthOf(t)
	}
	return t.Year()
}

// span widens the selection's bins to the filter's, so a chosen period shows
// its empty years (or months) too.
func (b bins) span(first, last int, f filter.Filter) (int, int) {
	if !f.From.IsZero() {
		first = min(first, b.of(f.From))
	}
	if !f.To.IsZero() {
		last = max(last, b.of(f.To))
	}
	return first, last
}

// days returns the first and last day of bin n.
func (b bins) days(n int) (int32, int32) {
	if b.monthly {
		return events.DayOf(MonthTime(n)), events.DayOf(MonthTime(n+1)) - 1
	}
	return events.DayOf(time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC)),
		events.DayOf(time.Date(n+1, 1, 1, 0, 0, 0, 0, time.UTC)) - 1
}

// name is bin n as a reader says it: "2024" or "Mar 2024".
func (b bins) name(n int) string {
	if b.monthly {
		return MonthTime(n).Format("Jan 2006")
	}
	return fmt.Sprint(n)
}

// partial lists the bins in [first, last] that the data cover only in
// part, with what they cover ("2024: 1 Jan–30 Jun only", "2026: not
// covered"), so a short bar is not read as a fall.
func (b bins) partial(first, last int) (ns []int, notes []string) {
	day := func(d int32) string { return dayTime(d).Format("2 Jan") }
	for n := first; n <= last; n++ {
		s, e := b.days(n)
		lo, hi := max(s, b.from), min(e, b.to)
		switch {
		case lo > hi:
			notes = append(notes, b.name(n)+": not covered")
		case lo > s || hi < e:
			notes = append(notes, fmt.Sprintf("%s: %s–%s only", b.name(n), day(lo), day(hi)))
		default:
			continue
		}
		ns = append(ns, n)
	}
	return ns, notes
}

// markPartial adds the legend key and footer note for the part bins of
// [first, last] to sp and returns those bins, to hatch.
func (b bins) markPartial(sp *spec, first, last int) []int {
	ns, notes := b.partial(first, last)
	if len(ns) == 0 {
		return nil
	}
	sp.legend = append(sp.legend, legendEntry{label: "Part " + b.unit(), color: colPartial, style: swatchHatch})
	if len(notes) > 3 {
		notes = append(notes[:2], fmt.Sprintf("%d more", len(notes)-2))
	}
	note := "hatched: " + strings.Join(notes, "; ") + " (data " + b.coverText() + ")"
	if sp.note != "" {
		note = sp.note + " · " + note
	}
	sp.note = note
	return ns
}

func (b bins) unit() string {
	if b.monthly {
		return "month"
	}
	return "year"
}

// period names the bins [first, last]: "2015–2025", "Mar 2024–Feb 2025".
func (b bins) period(first, last int) string {
	if first == last {
		return b.name(first)
	}
	return b.name(first) + "–" + b.name(last)
}

// coverText is the period the counted data cover, "1 Jan 2015–31 Dec 2025".
func (b bins) coverText() string {
	return dayTime(b.from).Format("2 Jan 2006") + "–" + dayTime(b.to).Format("2 Jan 2006")
}

func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// axis labels the bins [first, last], each centred on [n-0.5, n+0.5].
func (b bins) axis(first, last int, m *metrics) axis {
	if !b.monthly {
		return yearAxis(first, last, m)
	}
	a := axis{min: float64(first) - 0.5, max: float64(last) + 0.5}
	st := 12
	for _, s := range []int{1, 2, 3, 6, 12} {
		if ((last-first+1)/s+1)*m.width("Mar 2024", m.tick)*6/5 <= m.plotW {
			st = s
			break
		}
	}
	for n := first; n <= last; n++ {
		if n%st == 0 || n == first && (last-first) < st {
			a.ticks = append(a.ticks, chart.Tick{Value: float64(n), Label: b.name(n)})
		}
	}
	return a
}

// drawPartial hatches the slots of the part bins behind the data.
func drawPartial(p *plot, ns []int, m *metrics) {
	for _, n := range ns {
		x0, x1 := p.X(float64(n)-0.5), p.X(float64(n)+0.5)
		fillRect(p.r, x0, p.box.Top, x1, p.box.Bottom, lighten(colPartial, 0.85))
		hatch(p.r, x0, p.box.Top, x1, p.box.Bottom, lighten(colPartial, 0.45), max(1, m.line*0.6), int(m.line*4+4))
	}
}
