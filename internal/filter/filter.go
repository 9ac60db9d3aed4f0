// Package filter selects events. The map, the charts, the event list and the
// command line all select through Filter.Apply, so they always agree.
package filter

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

// Filter is a selection of events. Zero values select everything: an empty
// list means "any", a zero date means "unbounded".
type Filter struct {
	Countries []string // ISO3 codes
	From, To  time.Time
	Targets   []string // dataset.TargetTypes values
	Attacks   []string // dataset.AttackTypes values
	Claims    []dataset.ClaimStatus
	MinKilled int  // events with fewer (or unknown) killed are dropped when > 0
	NoFoiled  bool // leave out foiled plots
}

// mask is a set of codes; the zero mask accepts every code.
type mask uint64

func makeMask[T comparable](vocab []T, vals []T) mask {
	var m mask
	for _, v := range vals {
		if i := slices.Index(vocab, v); i >= 0 {
			m |= 1 << uint(i)
		}
	}
	if len(vals) > 0 && m == 0 {
		return 1 << 63 // only unknown values were named: match nothing real
	}
	return m
}

func (m mask) has(code uint8) bool {
	if m == 0 {
		return true
	}
	return code < 63 && m&(1<<code) != 0
}

// compiled is a Filter turned into masks and day numbers for the hot loop.
type compiled struct {
	countries, targets, attacks, claims mask
	from, to                            int32
	minKilled                           int32
	noFoiled                            bool
}

func (f Filter) compile() compiled {
	c := compiled{
		countries: makeMask(dataset.Countries, f.Countries),
		targets:   makeMask(dataset.TargetTypes, f.Targets),
		attacks:   makeMask(dataset.AttackTypes, f.Attacks),
		claims:    makeMask(events.Claims, f.Claims),
		from:      -1 << 31, to: 1<<31 - 1,
		minKilled: int32(f.MinKilled),
		noFoiled:  f.NoFoiled,
	}
	if !f.From.IsZero() {
		c.from = events.DayOf(f.From)
	}
	if !f.To.IsZero() {
		c.to = events.DayOf(f.To)
	}
	return c
}

func (c *compiled) match(r *events.Record) bool {
	return r.Day >= c.from && r.Day <= c.to &&
		c.countries.has(r.Country) && c.targets.has(r.Target) &&
		c.attacks.has(r.Attack) && c.claims.has(r.Claim) &&
		(c.minKilled <= 0 || r.Killed >= c.minKilled) &&
		!(c.noFoiled && r.Foiled)
}

// Apply returns the indexes of the records that match, in order.
func (f Filter) Apply(recs []events.Record) []events.RecordIndex {
	c := f.compile()
	out := make([]events.RecordIndex, 0, len(recs)/4+16)
	for i := range recs {
		if c.match(&recs[i]) {
			out = append(out, events.RecordIndex(i))
		}
	}
	return out
}

// String describes the filter for footers and titles, e.g.
// "Afghanistan, Pakistan · 2020–2024 · killed ≥ 10". "All events" when empty.
func (f Filter) String() string {
	var parts []string
	if len(f.Countries) > 0 {
		names := make([]string, len(f.Countries))
		for i, c := range f.Countries {
			names[i] = dataset.CountryName(c)
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, dateSpan(f.From, f.To))
	case !f.From.IsZero():
		parts = append(parts, "from "+f.From.Format("Jan 2006"))
	case !f.To.IsZero():
		parts = append(parts, "until "+f.To.Format("Jan 2006"))
	}
	if len(f.Targets) > 0 {
		parts = append(parts, "targets: "+labels(f.Targets))
	}
	if len(f.Attacks) > 0 {
		parts = append(parts, "attacks: "+labels(f.Attacks))
	}
	if len(f.Claims) > 0 {
		cs := make([]string, len(f.Claims))
		for i, c := range f.Claims {
			cs[i] = string(c)
		}
		parts = append(parts, labels(cs))
	}
	if f.MinKilled > 0 {
		parts = append(parts, fmt.Sprintf("killed ≥ %d", f.MinKilled))
	}
	if f.NoFoiled {
		parts = append(parts, "no foiled plots")
	}
	if len(parts) == 0 {
		return "All events"
	}
	return strings.Join(parts, " · ")
}

func labels(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = strings.ToLower(dataset.Label(c))
	}
	return strings.Join(out, ", ")
}

// dateSpan prints whole years as "2020–2024" and other spans by month.
func dateSpan(from, to time.Time) string {
	if from.Month() == 1 && from.Day() == 1 && to.Month() == 12 && to.Day() == 31 {
		if from.Year() == to.Year() {
			return fmt.Sprint(from.Year())
		}
		return fmt.Sprintf("%d–%d", from.Year(), to.Year())
	}
	return from.Format("Jan 2006") + "–" + to.Format("Jan 2006")
}

// YearRange returns a filter span covering whole years from..to.
func YearRange(from, to int) (time.Time, time.Time) {
	var a, b time.Time
	if from > 0 {
		a = time.Date(from, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to > 0 {
		b = time.Date(to, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return a, b
}
