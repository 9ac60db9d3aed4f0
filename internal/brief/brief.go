// Package brief assembles what every view works from: the dataset, its
// records, the basemap, the selection and the finished map picture built
// from it. The window, the slides and the command line all go through it,
// so an exported map is the map on screen.
package brief

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"iskbrief/assets"
	"iskbrief/geodata"
	"iskbrief/internal/basemap"
	"iskbrief/internal/charts"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/symbology"
)

// Model is the data the app shows. A Model is a value: every change builds
// new slices instead of writing into old ones, so a copy taken with Snapshot
// stays valid on a worker goroutine while the window changes the live model.
type Model struct {
	Data     *dataset.Dataset // the embedded dataset (always present)
	Embedded []events.Record  // the dataset's records (or an --events file's)
	Layers   []*Layer         // imported layers, in the order imported; never mutated in place
	Records  []events.Record  // what the map and charts draw: see Rebuild
	Base     *basemap.Basemap
	// External names the events file that replaced the embedded events, or "".
	External string

	ShowEmbedded    bool                         // draw the embedded events
	MergeDuplicates bool                         // fold same-day events within DuplicateKm across layers
	Duplicates      map[events.RecordIndex][]Ref // per record: the events folded into it

	byEvent []events.RecordIndex // dataset event → its record, or NoRecord
}

// Load reads the embedded basemap and dataset. Problems in the embedded data
// are returned as an error only if nothing could be loaded; the tests keep
// the embedded data free of problems.
func Load() (*Model, error) {
	bm, err := geodata.Load()
	if err != nil {
		return nil, fmt.Errorf("embedded basemap: %w", err)
	}
	d, probs := dataset.Load(assets.Data)
	if len(d.Events) == 0 && len(probs) > 0 {
		return nil, fmt.Errorf("embedded dataset: %w", probs)
	}
	m := &Model{Data: d, Embedded: events.FromDataset(d), Base: bm, ShowEmbedded: true, MergeDuplicates: true}
	m.Rebuild()
	return m, nil
}

// Snapshot returns a copy of the model for a worker goroutine: later changes
// to m never reach it.
func (m *Model) Snapshot() *Model {
	c := *m
	return &c
}

// UseEvents replaces the embedded events with an events file's records.
func (m *Model) UseEvents(recs []events.Record, name string) {
	m.Embedded, m.External = recs, name
	m.Rebuild()
}

// Event returns the dataset event behind record i, or nil for imported or
// external records.
func (m *Model) Event(i events.RecordIndex) *dataset.Event {
	if i < 0 || int(i) >= len(m.Records) {
		return nil
	}
	if r := m.Records[i]; r.Layer == 0 && m.External == "" && r.Event >= 0 && int(r.Event) < len(m.Data.Events) {
		return &m.Data.Events[r.Event]
	}
	return nil
}

// RecordOfEvent returns the record showing a dataset event, or NoRecord if
// it is not among the records.
func (m *Model) RecordOfEvent(id string) events.RecordIndex {
	if id == "" || m.External != "" {
		return events.NoRecord
	}
	if k := m.Data.IndexOf(id); k >= 0 && k < len(m.byEvent) {
		return m.byEvent[k]
	}
	return events.NoRecord
}

// Attribution is the line every map carries: basemap credits, and the
// dataset version (or the external file) and every imported layer shown.
func (m *Model) Attribution() string {
	return geodata.Attribution + " · Events: " + m.EventsCredit()
}

// EventsCredit names the events shown, for credits and chart footers: the
// dataset and its version (or the external file), plus each imported layer
// shown.
func (m *Model) EventsCredit() string {
	var names []string
	if m.ShowEmbedded || len(m.Layers) == 0 {
		names = append(names, m.SourceName())
	}
	for _, l := range m.Layers {
		if l.Meta.Visible {
			names = append(names, l.Meta.Name)
		}
	}
	return strings.Join(names, " + ")
}

// SourceName names the events shown, for footers and credits: the dataset
// and its version, or the events file that replaced it.
func (m *Model) SourceName() string {
	if m.External != "" {
		return filepath.Base(m.External)
	}
	return "ISK Brief dataset " + m.Data.Version
}

// ExportScale makes text and markers on an exported image as large, relative
// to the picture, as on a 720-pixel-high screen, so a 1080p or 4K slide reads
// from the back of a room.
func ExportScale(w, h int) float64 { return max(1, float64(min(w*9/16, h))/720) }

// MapView is one selection drawn on the map.
type MapView struct {
	Filter     filter.Filter
	ColorBy    symbology.ColorBy
	Style      maprender.Style
	Selected   events.RecordIndex // NoRecord for none
	Title      string
	Overlays   bool // legend, scale bar and attribution
	HideLegend bool // keep the scale bar and attribution, drop the legend
}

// Selection is the result of applying a filter: the selected records and
// their markers (marker i draws record Index[i]). A frame drawn from a
// selection must be read back through that same selection.
type Selection struct {
	Index   []events.RecordIndex // ascending
	Markers []maprender.Marker
}

// Select applies the filter and builds the markers.
func (m *Model) Select(f filter.Filter, by symbology.ColorBy) Selection {
	idx := f.Apply(m.Records)
	return Selection{Index: idx, Markers: symbology.Markers(m.Records, idx, by)}
}

// Record is the record that marker i draws, or NoRecord.
func (s Selection) Record(i maprender.MarkerIndex) events.RecordIndex {
	if i < 0 || int(i) >= len(s.Index) {
		return events.NoRecord
	}
	return s.Index[i]
}

// Marker is the marker that draws record r, or NoMarker if r is not
// selected.
func (s Selection) Marker(r events.RecordIndex) maprender.MarkerIndex {
	i := sort.Search(len(s.Index), func(i int) bool { return s.Index[i] >= r })
	if i < len(s.Index) && s.Index[i] == r {
		return maprender.MarkerIndex(i)
	}
	return maprender.NoMarker
}

// Contains reports whether record r is selected.
func (s Selection) Contains(r events.RecordIndex) bool { return s.Marker(r) != maprender.NoMarker }

// Options builds the renderer options for a view over a selection.
func (m *Model) Options(v MapView, sel Selection) maprender.Options {
	title, legend := symbology.Legend(v.ColorBy, m.LayerNames()...)
	if v.HideLegend {
		legend = nil
	}
	return maprender.Options{
		Style: v.Style, Markers: sel.Markers, Colors: symbology.Colors(v.ColorBy),
		Legend: legend, LegendTitle: title, Selected: sel.Marker(v.Selected),
		Attribution: m.Attribution(), Title: v.Title, Overlays: v.Overlays,
	}
}

// MapTitle is the default title of an exported map showing the records
// idx. It counts what the map draws the way the charts do: attacks, and
// foiled plots apart ("183 attacks, 8 foiled plots"), each attack once
// (duplicates across layers are merged into one marker), and names the
// layers drawn when there is more than the curated dataset.
func (m *Model) MapTitle(f filter.Filter, idx []events.RecordIndex) string {
	attacks, foiled := 0, 0
	for _, i := range idx {
		if m.Records[i].Foiled {
			foiled++
		} else {
			attacks++
		}
	}
	s := charts.Plural(attacks, "attack", "attacks")
	if foiled > 0 {
		s += ", " + charts.Plural(foiled, "foiled plot", "foiled plots")
	}
	s = fmt.Sprintf("ISIS-K attacks · %s · %s", f.String(), s)
	if names := m.layersDrawn(idx); len(names) > 1 || m.External != "" || names[0] != m.LayerNames()[0] {
		s += " · " + strings.Join(names, " + ")
	}
	return s
}

// layersDrawn names the layers behind the records idx, counting the layers
// whose duplicates were merged into them.
func (m *Model) layersDrawn(idx []events.RecordIndex) []string {
	return charts.LayersOf(m.Records, m.LayerNames(), idx, m.foldedLayers())
}

// foldedLayers lists, per record, the layers of the duplicates merged into
// it.
func (m *Model) foldedLayers() map[events.RecordIndex][]uint8 {
	if len(m.Duplicates) == 0 {
		return nil
	}
	out := make(map[events.RecordIndex][]uint8, len(m.Duplicates))
	for r, refs := range m.Duplicates {
		for _, ref := range refs {
			out[r] = append(out[r], ref.Layer)
		}
	}
	return out
}

// Today is the clock the validation uses; tests may replace it.
var Today = func() time.Time { return time.Now().UTC() }

// LayerNames names the record layers for legends: the embedded data first.
func (m *Model) LayerNames() []string {
	names := make([]string, len(m.Layers)+1)
	for k := range names {
		names[k] = m.LayerName(uint8(k))
	}
	return names
}

// LayerName names record layer k: 0 is the embedded dataset (or the events
// file that replaced it); "" for a layer the model does not hold.
func (m *Model) LayerName(k uint8) string {
	switch {
	case k == 0 && m.External != "":
		return filepath.Base(m.External)
	case k == 0:
		return "ISK Brief dataset"
	case int(k) <= len(m.Layers):
		return m.Layers[k-1].Meta.Name
	}
	return ""
}

// ChartInput is a selection as every chart sees it: the window's Charts
// tab, slides and `iskbrief export chart` build it here, so the charts
// count the same records and name the same layers everywhere.
func (m *Model) ChartInput(sel Selection, f filter.Filter) charts.Input {
	return charts.Input{Records: m.Records, Index: sel.Index, Data: m.Data, Filter: f, Source: m.EventsCredit(), Layers: m.LayerNames(), Folded: m.foldedLayers()}
}
