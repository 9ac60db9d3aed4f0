package importer

import (
	"bytes"
	"fmt"
	"strings"

	"iskbrief/internal/country"
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
		iso := country.ISO3(c)
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
