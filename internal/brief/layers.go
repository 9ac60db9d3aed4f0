package brief

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"iskbrief/internal/events"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// Layer is an imported events file shown beside (or instead of) the
// embedded dataset.
type Layer struct {
	Meta   workspace.Layer
	Events []importer.Event
}

// Ref names one event in one source: layer 0 is the embedded dataset.
type Ref struct {
	Layer uint8
	Event int32
}

// MaxLayers is how many imported layers can be shown at once (one colour
// each in the palette, besides the embedded dataset's).
const MaxLayers = 6

// Rebuild assembles Records from the embedded events (if shown) and the
// visible layers, and, if MergeDuplicates is set, folds events that several
// sources report (same day, within DuplicateKm) into the first of them.
func (m *Model) Rebuild() {
	var recs []events.Record
	if m.ShowEmbedded {
		recs = append(recs, m.Embedded...)
	}
	for k, l := range m.Layers {
		if !l.Meta.Visible {
			continue
		}
		for i := range l.Events {
			r := l.Events[i].Record()
			r.Layer, r.Event = uint8(k+1), int32(i)
			recs = append(recs, r)
		}
	}
	m.Duplicates = nil
	if m.MergeDuplicates {
		recs, m.Duplicates = mergeDuplicates(recs)
	}
	m.Records = recs
}

// DuplicateKm is how close two reports of the same day must be to count as
// one event.
const DuplicateKm = 10

// mergeDuplicates keeps the first record of each group of same-day records
// from different layers within DuplicateKm of each other, and returns, per
// kept record index, the references of the records folded into it. A hash
// grid of 0.1° cells per day keeps it linear in the number of records.
func mergeDuplicates(recs []events.Record) ([]events.Record, map[int32][]Ref) {
	type cell struct {
		day    int32
		la, lo int32
	}
	grid := map[cell][]int32{} // kept record indexes (into out)
	var out []events.Record
	dups := map[int32][]Ref{}
	for _, r := range recs {
		la, lo := int32(math.Floor(float64(r.Lat)*10)), int32(math.Floor(float64(r.Lon)*10))
		found := int32(-1)
	search:
		for dla := int32(-1); dla <= 1; dla++ {
			for dlo := int32(-1); dlo <= 1; dlo++ {
				for _, j := range grid[cell{r.Day, la + dla, lo + dlo}] {
					k := out[j]
					if k.Layer != r.Layer && haversineKm(k.Lat, k.Lon, r.Lat, r.Lon) <= DuplicateKm {
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
		grid[c] = append(grid[c], int32(len(out)))
		out = append(out, r)
	}
	return out, dups
}

func haversineKm(lat1, lon1, lat2, lon2 float32) float64 {
	const r = 6371.0
	p1, p2 := float64(lat1)*math.Pi/180, float64(lat2)*math.Pi/180
	dp, dl := p2-p1, float64(lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// Imported returns the imported event behind a record and its layer, or nil
// for records of the embedded dataset.
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
func (m *Model) RefOf(i int32) Ref {
	r := m.Records[i]
	return Ref{r.Layer, r.Event}
}

// AddLayer decodes nothing: it appends an in-memory layer (already stored).
func (m *Model) AddLayer(l *Layer) error {
	if len(m.Layers) >= MaxLayers {
		return fmt.Errorf("at most %d layers can be loaded; remove one first", MaxLayers)
	}
	m.Layers = append(m.Layers, l)
	m.Rebuild()
	return nil
}

// LoadLayers reads the stored layers of a workspace into the model. A layer
// that cannot be decoded is skipped and reported, not fatal.
func (m *Model) LoadLayers(s *workspace.Store) []error {
	ls, errs := ReadLayers(s)
	m.Layers = append(m.Layers, ls...)
	m.Rebuild()
	return errs
}

// ReadLayers decodes the stored layers without touching a model, so a
// window can load them on a worker (a million events take seconds).
func ReadLayers(s *workspace.Store) ([]*Layer, []error) {
	metas, err := s.Layers()
	if err != nil {
		return nil, []error{err}
	}
	var out []*Layer
	var errs []error
	for _, meta := range metas {
		if len(out) >= MaxLayers {
			errs = append(errs, fmt.Errorf("layer %q not loaded: at most %d layers", meta.Name, MaxLayers))
			continue
		}
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
	b, err := importer.EncodeEvents(res.Events)
	if err != nil {
		return nil, err
	}
	meta := workspace.Layer{Name: name, File: res.File, Layout: string(res.Layout), Events: len(res.Events), Visible: true}
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
