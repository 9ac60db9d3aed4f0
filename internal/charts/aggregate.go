package charts

import (
	"slices"
	"sort"
	"strings"
	"time"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
)

// The aggregation layer: pure functions over the records selected by
// filter.Apply. They never look at a record outside idx, so every chart
// agrees with the map and the event list.

// Other is the index, in per-country and per-target counts, of records whose
// country or target type is not coded.
var (
	OtherCountry = len(dataset.Countries)
	OtherTarget  = len(dataset.TargetTypes)
)

// Years holds per-year figures of a selection. Index i is year First+i
// (month First+i, counted year*12 + month-1, from aggregateBins by month).
// Foiled plots are counted in Foiled only: they are not attacks.
type Years struct {
	First int
	// Attacks[i][c] counts attacks in year First+i in country c
	// (dataset.Countries order; OtherCountry for an unknown country).
	Attacks [][]int
	// Killed, Low and High sum the central, lowest and highest killed
	// figures of the attacks with a known figure; Known counts them.
	Killed, Low, High, Known []int
	Total                    int // attacks (foiled plots excluded)
	Foiled                   int // foiled plots in the selection
}

// Len is the number of years covered, First through Last.
func (y *Years) Len() int { return len(y.Attacks) }

// Last is the last year covered; First-1 when there are none.
func (y *Years) Last() int { return y.First + len(y.Attacks) - 1 }

// YearTotal is the number of attacks in year First+i.
func (y *Years) YearTotal(i int) int {
	n := 0
	for _, c := range y.Attacks[i] {
		n += c
	}
	return n
}

// CountryTotals sums attacks per country over all years.
func (y *Years) CountryTotals() []int {
	out := make([]int, OtherCountry+1)
	for _, row := range y.Attacks {
		for c, n := range row {
			out[c] += n
		}
	}
	return out
}

// civil converts days since 1970-01-01 to a proleptic Gregorian year and
// month (1–12) without going through time.Time (Hinnant's algorithm).
func civil(day int32) (year, month int) {
	z := int(day) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m
}

// attackSpan returns the first and last day of the selected attacks
// (first > last when there are none) and the number of foiled plots, which
// the charts leave out of their counts.
func attackSpan(recs []events.Record, idx []events.RecordIndex) (first, last int32, foiled int) {
	first, last = int32(1<<31-1), int32(-1<<31)
	for _, i := range idx {
		r := &recs[i]
		if r.Foiled {
			foiled++
			continue
		}
		first, last = min(first, r.Day), max(last, r.Day)
	}
	return first, last, foiled
}

// AggregateYears counts the selected attacks and sums their killed figures
// per year. The years run from the first to the last selected attack with
// no gaps (empty years are zeros).
func AggregateYears(recs []events.Record, idx []events.RecordIndex) Years {
	return aggregateBins(recs, idx, bins{})
}

// aggregateBins is AggregateYears by the bins of b: with monthly bins,
// index i of the result is month First+i (year*12 + month-1).
func aggregateBins(recs []events.Record, idx []events.RecordIndex, b bins) Years {
	var out Years
	minDay, maxDay, foiled := attackSpan(recs, idx)
	out.Foiled = foiled
	if minDay > maxDay {
		return out
	}
	first, last := b.of(dayTime(minDay)), b.of(dayTime(maxDay))
	n := last - first + 1
	out.First = first
	flat := make([]int, n*(OtherCountry+1))
	out.Attacks = make([][]int, n)
	for i := range out.Attacks {
		out.Attacks[i] = flat[i*(OtherCountry+1) : (i+1)*(OtherCountry+1)]
	}
	out.Killed, out.Low, out.High, out.Known = make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	// Bin boundaries as day numbers, so the loop needs no date arithmetic.
	starts := make([]int32, n+1)
	for i := range starts {
		starts[i], _ = b.days(first + i)
	}
	most := int32(366) // the longest bin, in days
	if b.monthly {
		most = 31
	}
	for _, i := range idx {
		r := &recs[i]
		if r.Foiled {
			continue
		}
		y := int((r.Day - starts[0]) / most) // a lower bound of the bin index
		for starts[y+1] <= r.Day {
			y++
		}
		c := int(r.Country)
		if c > OtherCountry {
			c = OtherCountry
		}
		out.Attacks[y][c]++
		out.Total++
		if r.Killed >= 0 {
			out.Known[y]++
			out.Killed[y] += int(r.Killed)
			lo, hi := r.KilledLow, r.KilledHi
			if lo < 0 {
				lo = r.Killed
			}
			if hi < 0 {
				hi = r.Killed
			}
			out.Low[y] += int(lo)
			out.High[y] += int(hi)
		}
	}
	return out
}

// Months counts selected attacks per calendar month. Index i is the month
// First+i, where First is year*12 + (month-1).
type Months struct {
	First  int
	Counts []int
	Foiled int
}

// MonthTime is the first day of month m (year*12 + month-1).
func MonthTime(m int) time.Time { return time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC) }

// AggregateMonths counts the selected attacks per month, first to last
// month with no gaps.
func AggregateMonths(recs []events.Record, idx []events.RecordIndex) Months {
	var out Months
	minDay, maxDay, foiled := attackSpan(recs, idx)
	out.Foiled = foiled
	if minDay > maxDay {
		return out
	}
	y0, m0 := civil(minDay)
	y1, m1 := civil(maxDay)
	out.First = y0*12 + m0 - 1
	out.Counts = make([]int, y1*12+m1-1-out.First+1)
	for _, i := range idx {
		r := &recs[i]
		if r.Foiled {
			continue
		}
		y, m := civil(r.Day)
		out.Counts[y*12+m-1-out.First]++
	}
	return out
}

// Targets counts selected attacks per target type (dataset.TargetTypes
// order, OtherTarget for uncoded).
type Targets struct {
	Counts []int
	Total  int
	Foiled int
}

// AggregateTargets counts the selected attacks by target type.
func AggregateTargets(recs []events.Record, idx []events.RecordIndex) Targets {
	out := Targets{Counts: make([]int, OtherTarget+1)}
	for _, i := range idx {
		r := &recs[i]
		if r.Foiled {
			out.Foiled++
			continue
		}
		t := int(r.Target)
		if t > OtherTarget {
			t = OtherTarget
		}
		out.Counts[t]++
		out.Total++
	}
	return out
}

// Fighter is one fighter-strength estimate ready to draw.
type Fighter struct {
	Date      time.Time
	Low, High int
	Families  bool   // the figure includes family members
	Publisher string // publisher of the source, or its id when unknown
	Scope     string
}

// Fighters returns the dataset's fighter estimates within the filter's date
// span, in date order. Estimates are not events: only the dates of the
// filter apply to them.
func Fighters(d *dataset.Dataset, f filter.Filter) []Fighter {
	if d == nil {
		return nil
	}
	var out []Fighter
	for _, e := range d.Fighters {
		if (!f.From.IsZero() && e.Date.Before(f.From)) || (!f.To.IsZero() && e.Date.After(f.To)) {
			continue
		}
		pub := e.SourceID
		if s := d.Source(e.SourceID); s != nil && s.Publisher != "" {
			pub, _, _ = strings.Cut(s.Publisher, " (") // "MyNewsWave (original publisher unidentified)" → "MyNewsWave"
		}
		if e.Uncertain() {
			pub = "? " + pub // the chart marks an estimate of uncertain origin
		}
		lo, hi := min(e.Low, e.High), max(e.Low, e.High)
		out = append(out, Fighter{Date: e.Date, Low: lo, High: hi, Families: e.FamiliesIncluded, Publisher: pub, Scope: e.Scope})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Milestones returns the dataset's milestones dated within [from, to], in
// date order.
func Milestones(d *dataset.Dataset, from, to time.Time, countries []string) []dataset.Milestone {
	if d == nil {
		return nil
	}
	var out []dataset.Milestone
	for _, m := range d.Milestones {
		if m.Date.Before(from) || m.Date.After(to) {
			continue
		}
		// A milestone tied to countries shows only when the selection
		// includes one of them; group-wide milestones always show.
		if len(countries) > 0 && len(m.Countries) > 0 && !slices.ContainsFunc(m.Countries, func(c string) bool { return slices.Contains(countries, c) }) {
			continue
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// ShortLabel shortens a milestone label for a chart annotation to its first
// clause: the text before a ";" or " (". It never cuts a word: a label too
// long for the chart is shrunk or wrapped where it is drawn (fitUp).
func ShortLabel(s string) string {
	if i := strings.IndexAny(s, ";"); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
