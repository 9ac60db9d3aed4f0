// Package brief assembles what every view works from: the dataset, its
// records, the basemap, and the map frame built from a selection. The window
// and the command line both go through it, so an exported map is the map on
// screen.
package brief

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/paulmach/orb"

	"iskbrief/assets"
	"iskbrief/geodata"
	"iskbrief/internal/basemap"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/symbology"
)

// Model is the data the app shows.
type Model struct {
	Data     *dataset.Dataset // the embedded dataset (always present)
	Embedded []events.Record  // the dataset's records (or an --events file's)
	Layers   []*Layer         // imported layers, in the order imported
	Records  []events.Record  // what the map and charts draw: see Rebuild
	Base     *basemap.Basemap
	// External names the events file that replaced the embedded events, or "".
	External string

	ShowEmbedded    bool            // draw the embedded events
	MergeDuplicates bool            // fold same-day events within DuplicateKm across layers
	Duplicates      map[int32][]Ref // per record: the events folded into it
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
	recs := events.FromDataset(d)
	return &Model{Data: d, Embedded: recs, Records: recs, Base: bm, ShowEmbedded: true}, nil
}

// UseEvents replaces the embedded events with an events file's records.
func (m *Model) UseEvents(recs []events.Record, name string) {
	m.Embedded, m.External = recs, name
	m.Rebuild()
}

// Event returns the dataset event behind record i, or nil for external rows.
func (m *Model) Event(i int32) *dataset.Event {
	if i < 0 || int(i) >= len(m.Records) {
		return nil
	}
	if r := m.Records[i]; r.Layer == 0 && m.External == "" && r.Event >= 0 && int(r.Event) < len(m.Data.Events) {
		e := r.Event
		return &m.Data.Events[e]
	}
	return nil
}

// Attribution is the line every map carries: basemap credits, and the
// dataset version or the external file.
func (m *Model) Attribution() string {
	return geodata.Attribution + " · Events: " + m.SourceName()
}

// SourceName names the events shown, for footers and credits: the dataset
// and its version, or the events file that replaced it.
func (m *Model) SourceName() string {
	if m.External != "" {
		return filepath.Base(m.External)
	}
	return "ISK Brief dataset " + m.Data.Version
}

// RecordOfEvent returns the index of the record showing a dataset event, or
// -1 if it is not among the records.
func (m *Model) RecordOfEvent(id string) int32 {
	if id == "" {
		return -1
	}
	for i := range m.Records {
		if e := m.Event(int32(i)); e != nil && e.ID == id {
			return int32(i)
		}
	}
	return -1
}

// ExportScale makes text and markers on an exported image as large, relative
// to the picture, as on a 720-pixel-high screen, so a 1080p or 4K slide reads
// from the back of a room.
func ExportScale(w, h int) float64 { return max(1, float64(min(w*9/16, h))/720) }

// FitExport frames area in a w×h export. The renderer puts the legend in
// the corner where it hides the fewest events.
func FitExport(area orb.Bound, w, h int) maprender.Viewport {
	return maprender.FitBound(area, w, h, ExportScale(w, h))
}

// MapView is one selection drawn on the map.
type MapView struct {
	Filter     filter.Filter
	ColorBy    symbology.ColorBy
	Style      maprender.Style
	Selected   int32 // record index, -1 for none
	Title      string
	Overlays   bool // legend, scale bar and attribution
	HideLegend bool // keep the scale bar and attribution, drop the legend
}

// Selection is the result of applying a MapView's filter: the selected
// record indexes and their markers (marker i is record Index[i]).
type Selection struct {
	Index   []int32
	Markers []maprender.Marker
}

// Select applies the filter and builds the markers.
func (m *Model) Select(f filter.Filter, by symbology.ColorBy) Selection {
	idx := f.Apply(m.Records)
	return Selection{Index: idx, Markers: symbology.Markers(m.Records, idx, by)}
}

// Options builds the renderer options for a view over a selection.
func (m *Model) Options(v MapView, sel Selection) maprender.Options {
	title, legend := symbology.Legend(v.ColorBy, m.LayerNames()...)
	if v.HideLegend {
		legend = nil
	}
	selected := int32(-1)
	for i, r := range sel.Index {
		if r == v.Selected {
			selected = int32(i)
			break
		}
	}
	return maprender.Options{
		Style: v.Style, Markers: sel.Markers, Colors: symbology.Colors(v.ColorBy),
		Legend: legend, LegendTitle: title, Selected: selected,
		Attribution: m.Attribution(), Title: v.Title, Overlays: v.Overlays,
	}
}

// MapTitle is the default title of an exported map.
func MapTitle(f filter.Filter, n int) string {
	return fmt.Sprintf("ISIS-K attacks · %s · %d events", f.String(), n)
}

// Today is the clock the validation uses; tests may replace it.
var Today = func() time.Time { return time.Now().UTC() }

// LayerNames names the record layers for legends: the embedded data first.
func (m *Model) LayerNames() []string {
	first := "ISK Brief dataset"
	if m.External != "" {
		first = m.External
	}
	names := []string{first}
	for _, l := range m.Layers {
		names = append(names, l.Meta.Name)
	}
	return names
}
