package brief

import (
	"fmt"
	"math"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"iskbrief/internal/events"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// Layer is an imported events file shown beside (or instead of) the
// embedded dataset. A Layer is never changed once in a model: a change
// replaces it with a changed copy.
type Layer struct {
	Meta   workspace.Layer
	Events []importer.Event
}

// Ref names one event in one source: layer 0 is the embedded dataset.
type Ref struct {
	Layer uint8
	Event events.EventIndex
}

// MaxLayers is how many imported layers can be shown at once (one colour
// each in the palette, besides the embedded dataset's).
const MaxLayers = 6

// Rebuild assembles Records from the embedded events (if shown) and the
// visible layers, and, if MergeDuplicates is set, folds events that several
// sources report (same day, within DuplicateKm) into the first of them.
// Embedded records come first, so none of them is ever folded away.
func (m *Model) Rebuild() {
	n := 0
	if m.ShowEmbedded {
		n = len(m.Embedded)
	}
	for _, l := range m.Layers {
		if l.Meta.Visible {
			n += len(l.Events)
		}
	}
	recs := make([]events.Record, 0, n)
	if m.ShowEmbedded {
		recs = append(recs, m.Embedded...)
	}
	for k, l := range m.Layers {
		if !l.Meta.Visible {
			continue
		}
		for i := range l.Events {
			r := l.Events[i].Record()
			r.Layer, r.Event = uint8(k+1), events.EventIndex(i)
			recs = append(recs, r)
		}
	}
	m.Duplicates = nil
	if m.MergeDuplicates && len(m.Layers) > 0 {
		recs, m.Duplicates = mergeDuplicates(recs)
	}
	m.Records = recs
	m.byEvent = nil
	if m.External == "" && m.Data != nil {
		m.byEvent = make([]events.RecordIndex, len(m.Data.Events))
		for i := range m.byEvent {
			m.byEvent[i] = events.NoRecord
		}
		for i, r := range recs {
			if r.Layer == 0 && r.Event >= 0 && int(r.Event) < len(m.byEvent) {
				m.byEvent[r.Event] = events.RecordIndex(i)
			}
		}
	}
}

// DuplicateKm is how close two reports of the same day must be to count as
// one event.
const DuplicateKm = 10

// mergeDuplicates keeps the first record of each group of same-day records
// from different layers within DuplicateKm of each other, and returns, per
// kept record, the references of the records folded into it. A hash grid of
// 0.1° cells per day keeps it linear in the number of records.
func mergeDuplicates(recs []events.Record) ([]events.Record, map[events.RecordIndex][]Ref) {
	type cell struct {
		day    int32
		la, lo int32
	}
	grid := map[cell][]events.RecordIndex{} // kept records (into out)
	var out []events.Record
	dups := map[events.RecordIndex][]Ref{}
	for _, r := range recs {
		la, lo := int32(math.Floor(float64(r.Lat)*10)), int32(math.Floor(float64(r.Lon)*10))
		found := events.NoRecord
	search:
		for dla := int32(-1); dla <= 1; dla++ {
			for dlo := int32(-1); dlo <= 1; dlo++ {
				for _, j := range grid[cell{r.Day, la + dla, lo + dlo}] {
					if k := out[j]; k.Layer != r.Layer && DistanceKm(k, r) <= DuplicateKm {
						found = j
						break search
					}
				}
			}
		}
		if found >= 0 {
			dups[found] = append(dups[found], Ref{r.Layer, r.Event})
			continue
		}
		c := cell{r.Day, la, lo}
		grid[c] = append(grid[c], events.RecordIndex(len(out)))
		out = append(out, r)
	}
	return out, dups
}

// DistanceKm is the great-circle distance between two records.
func DistanceKm(a, b events.Record) float64 {
	return geo.Distance(orb.Point{float64(a.Lon), float64(a.Lat)}, orb.Point{float64(b.Lon), float64(b.Lat)}) / 1000
}

// Imported returns the imported event behind a reference and its layer, or
// nil for the embedded dataset.
func (m *Model) Imported(ref Ref) (*importer.Event, *Layer) {
	if ref.Layer == 0 || int(ref.Layer) > len(m.Layers) {
		return nil, nil
	}
	l := m.Layers[ref.Layer-1]
	if ref.Event < 0 || int(ref.Event) >= len(l.Events) {
		return nil, nil
	}
	return &l.Events[ref.Event], l
}

// RefOf is the source reference of record i.
func (m *Model) RefOf(i events.RecordIndex) Ref {
	r := m.Records[i]
	return Ref{r.Layer, r.Event}
}

// AddLayer appends an in-memory layer (already stored).
func (m *Model) AddLayer(l *Layer) error {
	if len(m.Layers) >= MaxLayers {
		return fmt.Errorf("at most %d layers can be loaded; remove one first", MaxLayers)
	}
	m.Layers = append(slices.Clip(m.Layers), l)
	m.Rebuild()
	return nil
}

// AddLayers appends layers read from a workspace, as many as fit under
// MaxLayers; each one left out is reported.
func (m *Model) AddLayers(ls []*Layer) []error {
	var errs []error
	added := 0
	for _, l := range ls {
		if len(m.Layers) >= MaxLayers {
			errs = append(errs, fmt.Errorf("layer %q not loaded: at most %d layers can be shown at once; remove one first", l.Meta.Name, MaxLayers))
			continue
		}
		m.Layers = append(slices.Clip(m.Layers), l)
		added++
	}
	if added > 0 {
		m.Rebuild()
	}
	return errs
}

// RemoveLayer drops the layer with a workspace id.
func (m *Model) RemoveLayer(id int64) {
	m.Layers = slices.DeleteFunc(slices.Clone(m.Layers), func(l *Layer) bool { return l.Meta.ID == id })
	m.Rebuild()
}

// SetLayerVisible shows or hides the layer with a workspace id.
func (m *Model) SetLayerVisible(id int64, on bool) {
	ls := slices.Clone(m.Layers)
	for i, l := range ls {
		if l.Meta.ID == id {
			c := *l
			c.Meta.Visible = on
			ls[i] = &c
		}
	}
	m.Layers = ls
	m.Rebuild()
}

// LoadLayers reads the stored layers of a workspace into the model. A layer
// that cannot be decoded, or does not fit, is skipped and reported.
func (m *Model) LoadLayers(s *workspace.Store) []error {
	ls, errs := ReadLayers(s)
	return append(errs, m.AddLayers(ls)...)
}

// ReadLayers decodes the stored layers without touching a model, so a
// window can load them on a worker (a million events take seconds).
func ReadLayers(s *workspace.Store) ([]*Layer, []error) {
	metas, err := s.Layers()
	if err != nil {
		return nil, []error{err}
	}
	return ReadLayersOf(s, metas)
}

// ReadLayersOf decodes the stored layers named by metas (as s.Layers lists
// them).
func ReadLayersOf(s *workspace.Store, metas []workspace.Layer) ([]*Layer, []error) {
	var out []*Layer
	var errs []error
	for _, meta := range metas {
		b, err := s.LayerData(meta.ID)
		if err == nil {
			var evs []importer.Event
			if evs, err = importer.DecodeEvents(b); err == nil {
				out = append(out, &Layer{Meta: meta, Events: evs})
				continue
			}
		}
		errs = append(errs, fmt.Errorf("layer %q: %w", meta.Name, err))
	}
	return out, errs
}

// SaveLayer stores an import in the workspace (one transaction) and returns
// the layer as stored.
func SaveLayer(s *workspace.Store, res *importer.Result, name string) (*Layer, error) {
	return saveLayer(s, res, name, false)
}

// StoreLayer is SaveLayer for a caller that is done with the rows (the
// command line): they are let go once encoded, before the database write,
// so the two never take memory at the same time. The layer returned holds
// no events.
func StoreLayer(s *workspace.Store, res *importer.Result, name string) (*Layer, error) {
	return saveLayer(s, res, name, true)
}

func saveLayer(s *workspace.Store, res *importer.Result, name string, release bool) (*Layer, error) {
	var blob importer.Blob
	if err := importer.EncodeEventsTo(&blob, res.Events); err != nil {
		return nil, err
	}
	n := len(res.Events)
	if release {
		res.Events = nil
		debug.FreeOSMemory() // the rows go, and their memory back to the system, before the blob is joined and the database copies it
	}
	b := blob.Bytes()
	meta := workspace.Layer{Name: name, File: res.File, Layout: string(res.Layout), Events: n, Visible: true}
	id, err := s.AddLayer(meta, b)
	if err != nil {
		return nil, err
	}
	meta.ID = id
	return &Layer{Meta: meta, Events: res.Events}, nil
}

// LayerName is a layer's default name: the file name without extension.
func LayerName(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
