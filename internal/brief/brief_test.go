package brief

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/importer"
	"iskbrief/internal/maprender"
	"iskbrief/internal/symbology"
	"iskbrief/internal/workspace"
)

func load(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSelectionMapsMarkersAndRecordsBothWays(t *testing.T) {
	m := load(t)
	sel := m.Select(filter.Filter{Countries: []string{"RUS"}}, symbology.ByTarget)
	if len(sel.Index) == 0 {
		t.Fatal("no Russian events")
	}
	for i, r := range sel.Index {
		mi := maprender.MarkerIndex(i)
		if sel.Record(mi) != r || sel.Marker(r) != mi {
			t.Fatalf("marker %d ↔ record %d do not round-trip", i, r)
		}
	}
	if sel.Record(maprender.MarkerIndex(len(sel.Index))) != events.NoRecord || sel.Record(maprender.NoMarker) != events.NoRecord {
		t.Error("a marker outside the selection must map to NoRecord")
	}
	// A record of another country is not in the selection.
	for r := range m.Records {
		if m.Records[r].Country != events.CountryCode("RUS") && sel.Contains(events.RecordIndex(r)) {
			t.Fatalf("record %d is not Russian but is selected", r)
		}
	}
}

func TestRecordOfEventAndDescribe(t *testing.T) {
	m := load(t)
	const id = "rus-2024-03-22-crocus-city-hall"
	r := m.RecordOfEvent(id)
	d, ok := m.Describe(r)
	if !ok || d.Kind != Curated || d.ID != id || d.Event == nil || d.Place == "" {
		t.Fatalf("describe %s: %+v", id, d)
	}
	if m.RecordOfEvent("no-such-event") != events.NoRecord {
		t.Error("unknown id must give NoRecord")
	}
	if _, ok := m.Describe(events.RecordIndex(len(m.Records))); ok {
		t.Error("describe past the records must fail")
	}
}

func layer(id int64, n int) *Layer {
	evs := make([]importer.Event, n)
	for i := range evs {
		evs[i] = importer.Event{ID: "x", Lat: 34.5, Lon: 69.2, Killed: 1, KilledLow: 1, KilledHigh: 1, Wounded: -1}
	}
	return &Layer{Meta: workspace.Layer{ID: id, Name: "layer", Visible: true}, Events: evs}
}

// Stored layers read at start-up obey the same limit as imports.
func TestAddLayersKeepsTheLimit(t *testing.T) {
	m := load(t)
	var ls []*Layer
	for i := range MaxLayers + 2 {
		ls = append(ls, layer(int64(i+1), 3))
	}
	errs := m.AddLayers(ls)
	if len(m.Layers) != MaxLayers || len(errs) != 2 {
		t.Fatalf("%d layers loaded, %d refused; want %d and 2", len(m.Layers), len(errs), MaxLayers)
	}
	if err := m.AddLayer(layer(99, 1)); err == nil {
		t.Error("a seventh layer must be refused")
	}
}

// A worker holding a snapshot keeps drawing what it was given while the
// window removes layers and toggles them (run with -race).
func TestSnapshotSurvivesLayerChanges(t *testing.T) {
	m := load(t)
	m.AddLayers([]*Layer{layer(1, 50), layer(2, 50)})
	snap := m.Snapshot()
	n := len(snap.Records)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 20 {
			sel := snap.Select(filter.Filter{}, symbology.ByLayer)
			img := snap.RenderMap(sel, Picture{View: MapView{Selected: events.NoRecord, Style: maprender.Light(), Overlays: true}, Area: maprender.Region, W: 320, H: 200})
			if img.Bounds().Dx() != 320 || len(sel.Index) != n {
				t.Errorf("snapshot changed under the worker: %d records, want %d", len(sel.Index), n)
				return
			}
			for _, l := range snap.Layers {
				_ = l.Meta.Visible
			}
		}
	}()
	for range 20 {
		m.SetLayerVisible(1, false)
		m.SetLayerVisible(1, true)
	}
	m.RemoveLayer(1)
	m.RemoveLayer(2)
	wg.Wait()
	if len(m.Layers) != 0 || len(snap.Layers) != 2 {
		t.Fatalf("live %d layers, snapshot %d; want 0 and 2", len(m.Layers), len(snap.Layers))
	}
}

// A map's title counts what the charts count: attacks, with foiled plots
// apart, so "189 events" on the map no longer meets "181 attacks" on the chart.
func TestMapTitleCountsAttacksAndFoiledPlots(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sel := m.Select(filter.Filter{}, symbology.ByTarget)
	foiled := 0
	for _, i := range sel.Index {
		if m.Records[i].Foiled {
			foiled++
		}
	}
	got := m.MapTitle(filter.Filter{}, sel.Index)
	want := fmt.Sprintf("ISIS-K attacks · All events · %d attacks, %d foiled plots", len(sel.Index)-foiled, foiled)
	if foiled == 0 || got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}

// A map framed on Kabul counts the events it draws, not the whole
// selection; with a layer shown the title names it.
func TestMapTitleCountsWhatTheFrameDraws(t *testing.T) {
	m := load(t)
	sel := m.Select(filter.Filter{}, symbology.ByTarget)
	pic := Picture{Area: maprender.Bounds(69.0, 34.4, 69.3, 34.65), W: 1600, H: 900}
	drawn := pic.Drawn(sel)
	if len(drawn) < 10 || len(drawn) >= len(sel.Index) {
		t.Fatalf("Kabul frame draws %d of %d events", len(drawn), len(sel.Index))
	}
	for _, r := range drawn {
		if rec := m.Records[r]; rec.Lon < 68.5 || rec.Lon > 69.8 || rec.Lat < 34 || rec.Lat > 35 {
			t.Errorf("record %d at %.2f,%.2f is not in Kabul's frame", r, rec.Lat, rec.Lon)
		}
	}
	if got := m.MapTitle(filter.Filter{}, drawn); strings.Contains(got, fmt.Sprint(len(sel.Index)-1)) || strings.Contains(got, "+") {
		t.Errorf("title %q", got)
	}
	l := layer(1, 2)
	l.Meta.Name = "ACLED 2024"
	if err := m.AddLayer(l); err != nil {
		t.Fatal(err)
	}
	sel = m.Select(filter.Filter{}, symbology.ByTarget)
	if got := m.MapTitle(filter.Filter{}, sel.Index); !strings.HasSuffix(got, " · ISK Brief dataset + ACLED 2024") {
		t.Errorf("title with a layer: %q", got)
	}
	if got := m.Attribution(); !strings.HasSuffix(got, "Events: ISK Brief dataset "+m.Data.Version+" + ACLED 2024") {
		t.Errorf("credits with a layer: %q", got)
	}
}
