package brief

import (
	"cmp"
	"slices"

	"iskbrief/internal/events"
)

// Near-duplicate limits: records of other layers this close to a record,
// but outside the merge rule (same day, DuplicateKm), may still report the
// same attack: a date off by a day, or a place geocoded to the district
// centre rather than the town.
const (
	NearDays = 1
	NearKm   = 50
)

// NearDuplicate is a record of another layer that may report the same
// attack as the one shown, and how far it is from it.
type NearDuplicate struct {
	Record events.RecordIndex
	Layer  string
	Days   int
	Km     float64
}

// NearDuplicates lists the records of other layers within NearDays and
// NearKm of record r that were not merged into it, nearest first, so the
// analyst can judge whether two layers count one attack twice.
func (m *Model) NearDuplicates(r events.RecordIndex) []NearDuplicate {
	if r < 0 || int(r) >= len(m.Records) || len(m.Layers) == 0 {
		return nil
	}
	a := m.Records[r]
	names := m.LayerNames()
	var out []NearDuplicate
	for i, b := range m.Records {
		if b.Layer == a.Layer || events.RecordIndex(i) == r {
			continue
		}
		days := int(b.Day - a.Day)
		if days < -NearDays || days > NearDays {
			continue
		}
		km := DistanceKm(a, b)
		if km > NearKm || days == 0 && km <= DuplicateKm && m.MergeDuplicates {
			continue // a merged duplicate is listed with the event, not here
		}
		name := ""
		if int(b.Layer) < len(names) {
			name = names[b.Layer]
		}
		out = append(out, NearDuplicate{Record: events.RecordIndex(i), Layer: name, Days: days, Km: km})
	}
	slices.SortFunc(out, func(x, y NearDuplicate) int {
		return cmp.Or(cmp.Compare(abs(x.Days), abs(y.Days)), cmp.Compare(x.Km, y.Km))
	})
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
