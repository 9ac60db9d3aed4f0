package brief

import (
	"fmt"

	"iskbrief/internal/events"
	"iskbrief/internal/symbology"
)

// RecordKey names a record so that it can be found again in a later run: a
// dataset event by its id, an imported event by its layer's workspace id and
// its line in the imported file, an --events row by its position.
func (m *Model) RecordKey(r events.RecordIndex) string {
	if e := m.Event(r); e != nil {
		return e.ID
	}
	if ev, l := m.Imported(m.RefOf(r)); ev != nil {
		return fmt.Sprintf("layer %d:%d", l.Meta.ID, ev.Line)
	}
	return fmt.Sprintf("row %d", r)
}

// SelectKeys selects the records named by keys, in record order, and
// says how many of them are no longer in the model (a removed layer).
func (m *Model) SelectKeys(keys []string, by symbology.ColorBy) (Selection, int) {
	want := make(map[string]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	var idx []events.RecordIndex
	for i := range m.Records {
		if want[m.RecordKey(events.RecordIndex(i))] {
			idx = append(idx, events.RecordIndex(i))
		}
	}
	if idx == nil {
		idx = []events.RecordIndex{}
	}
	return Selection{Index: idx, Markers: symbology.Markers(m.Records, idx, by)}, len(keys) - len(idx)
}

// MaxPinned is how many records a slide pins; a larger selection (a big
// imported layer) makes the slide follow the data instead.
const MaxPinned = 20_000

// Pin lists the keys of a selection for a slide, or nil when it is too
// large to pin.
func (m *Model) Pin(sel Selection) []string {
	if len(sel.Index) > MaxPinned {
		return nil
	}
	keys := make([]string, len(sel.Index))
	for i, r := range sel.Index {
		keys[i] = m.RecordKey(r)
	}
	return keys
}
