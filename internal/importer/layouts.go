package importer

import (
	"fmt"
	"strings"
)

// required columns per CSV layout (lower case; "a|b" means either).
var required = map[Layout][]string{
	ACLED: {"event_id_cnty", "event_date", "disorder_type", "event_type", "actor1", "actor2",
		"civilian_targeting", "latitude", "longitude", "fatalities"},
	ACLED2019: {"event_id_cnty", "event_id_no_cnty", "event_date", "event_type", "actor1", "actor2",
		"latitude", "longitude", "fatalities"},
	ACLEDLegacy: {"gwno|ally_actor_1", "event_date", "event_type", "actor1", "actor2",
		"latitude", "longitude", "fatalities"},
	GTD:        {"eventid", "iyear", "imonth", "iday", "latitude", "longitude", "gname", "nkill"},
	UCDPGED:    {"id", "date_start", "side_a", "side_b", "best", "latitude", "longitude"},
	GenericCSV: {"date|event_date", "latitude|lat", "longitude|lon|lng", "killed|fatalities"},
}

// signature columns: a header with one of these belongs to a database
// layout, so it must never fall back to the generic CSV (which has no
// default actor filter).
var signature = map[Layout][]string{
	ACLED:   {"event_id_cnty", "actor1", "disorder_type", "event_id_no_cnty", "gwno", "ally_actor_1"},
	GTD:     {"eventid", "iyear", "gname", "nkill"},
	UCDPGED: {"date_start", "side_a", "side_b", "where_prec"},
}

func headerIndex(header []string) map[string]int {
	idx := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := idx[h]; !dup && h != "" {
			idx[h] = i
		}
	}
	return idx
}

func missing(idx map[string]int, l Layout) []string {
	var out []string
	for _, alts := range required[l] {
		found := false
		for _, a := range strings.Split(alts, "|") {
			if _, ok := idx[a]; ok {
				found = true
				break
			}
		}
		if !found {
			out = append(out, alts)
		}
	}
	return out
}

// Detect recognises a CSV layout from its header row (column names in any
// case, any order, extra columns allowed). The error names the layouts
// expected and, when the header nearly matches one, the columns it lacks.
func Detect(header []string) (Layout, error) {
	idx := headerIndex(header)
	for _, l := range []Layout{ACLED, ACLEDLegacy, ACLED2019, GTD, UCDPGED} {
		if len(missing(idx, l)) == 0 {
			return l, nil
		}
	}
	db := Layout("")
	for _, l := range []Layout{ACLED, GTD, UCDPGED} {
		for _, c := range signature[l] {
			if _, ok := idx[c]; ok {
				db = l
			}
		}
	}
	if db == "" && len(missing(idx, GenericCSV)) == 0 {
		return GenericCSV, nil
	}
	// Unknown: say which layout it resembles most.
	e := &UnknownLayoutError{Header: header}
	best, bestMiss := Layout(""), 1<<30
	cands := []Layout{ACLED, ACLED2019, ACLEDLegacy, GTD, UCDPGED, GenericCSV}
	if db == ACLED {
		cands = cands[:3]
	} else if db != "" {
		cands = []Layout{db}
	}
	for _, l := range cands {
		m := missing(idx, l)
		if len(m) < bestMiss && (db != "" || 2*len(m) <= len(required[l])) {
			best, bestMiss = l, len(m)
		}
	}
	if best != "" {
		e.Resembles, e.Lacks = best, missing(idx, best)
	}
	return "", e
}

// UnknownLayoutError is a header that matches none of the layouts, with
// the layout it resembles most and the columns that one lacks, so a window
// can lay the comparison out instead of printing it.
type UnknownLayoutError struct {
	Header    []string
	Resembles Layout   // "" when it resembles none
	Lacks     []string // columns of Resembles missing from Header
}

func (e *UnknownLayoutError) Error() string {
	shown := strings.Join(e.Header[:min(len(e.Header), 8)], ",")
	if len(e.Header) > 8 {
		shown += ",…"
	}
	msg := fmt.Sprintf("unknown layout: the header %q matches none of the layouts expected:%s", clip(shown, 200), expectedLayouts())
	if e.Resembles != "" {
		msg += fmt.Sprintf("\nIt looks like %s but lacks the column(s) %s.", e.Resembles, strings.Join(e.Lacks, ", "))
	}
	return msg
}

// cols holds the index of every column a parser reads, -1 when absent.
type cols struct {
	// ACLED
	id, date, timePrec, eventType, subType, actor1, actor2, assoc1, assoc2, civTarget,
	iso, iso3, country, admin1, location, lat, lon, geoPrec, source, notes, fatalities int
	// GTD
	iyear, imonth, iday, specificity, gname, gname2, gname3, attack, targ, summary,
	scite1, scite2, scite3, guncertain, claimed, suicide, nwound int
	// UCDP
	dateStart, datePrec, best, high, low, wherePrec, headline, violence int
	// generic
	killedLow, killedHigh, precision, claim, actor int
}

func newCols(l Layout, header []string) *cols {
	idx := headerIndex(header)
	get := func(names ...string) int {
		for _, n := range names {
			if i, ok := idx[n]; ok {
				return i
			}
		}
		return -1
	}
	c := &cols{}
	c.lat, c.lon = get("latitude", "lat"), get("longitude", "lon", "lng")
	c.country, c.admin1 = get("country"), get("admin1")
	c.iso, c.iso3 = get("iso"), get("iso3")
	c.source, c.notes = get("source"), get("notes")
	c.id, c.date = get("event_id_cnty"), get("event_date")
	c.timePrec, c.eventType, c.subType = get("time_precision"), get("event_type"), get("sub_event_type")
	c.actor1, c.actor2 = get("actor1"), get("actor2")
	c.assoc1, c.assoc2 = get("assoc_actor_1", "ally_actor_1"), get("assoc_actor_2", "ally_actor_2")
	c.civTarget, c.location, c.geoPrec, c.fatalities = get("civilian_targeting"), get("location"), get("geo_precision"), get("fatalities")
	c.iyear, c.imonth, c.iday, c.specificity = get("iyear"), get("imonth"), get("iday"), get("specificity")
	c.gname, c.gname2, c.gname3 = get("gname"), get("gname2"), get("gname3")
	c.attack, c.targ, c.summary = get("attacktype1_txt"), get("targtype1_txt"), get("summary")
	c.scite1, c.scite2, c.scite3 = get("scite1"), get("scite2"), get("scite3")
	c.guncertain, c.claimed, c.suicide, c.nwound = get("guncertain1"), get("claimed"), get("suicide"), get("nwound")
	c.dateStart, c.datePrec = get("date_start"), get("date_prec")
	c.best, c.high, c.low, c.wherePrec = get("best"), get("high"), get("low"), get("where_prec")
	c.headline, c.violence = get("source_headline"), get("type_of_violence")
	c.killedLow, c.killedHigh, c.precision, c.claim, c.actor = get("killed_low"), get("killed_high"), get("precision"), get("claim"), get("actor", "group")
	switch l {
	case GTD:
		c.id, c.country, c.admin1, c.location = get("eventid"), get("country_txt"), get("provstate"), get("city")
		c.fatalities, c.notes = get("nkill"), c.summary
	case UCDPGED:
		c.id, c.actor1, c.actor2 = get("id"), get("side_a"), get("side_b")
		c.admin1, c.location, c.fatalities = get("adm_1"), get("where_coordinates"), c.best
		c.source, c.notes = get("source_article"), c.headline
	case GenericCSV:
		c.id, c.date, c.fatalities = get("id"), get("date", "event_date"), get("killed", "fatalities")
		c.location, c.admin1 = get("place", "location"), get("admin1", "province")
		c.nwound = get("wounded")
	}
	return c
}

// name returns the header's spelling of a column, for problem reports.
func name(header []string, i int) string {
	if i < 0 || i >= len(header) {
		return ""
	}
	return strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
}

// clip shortens s to n runes, marking the cut, so a message never quotes a
// whole 10 MB header.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
