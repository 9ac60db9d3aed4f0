package maprender

import (
	"testing"

	"iskbrief/internal/basemap"
)

func marker(lon, lat float64, killed int32) Marker {
	p := basemap.Project(lon, lat)
	return Marker{X: float32(p[0]), Y: float32(p[1]), Killed: killed}
}

// A Jalalabad event among five others a few kilometres away stands alone
// only when zoomed in; StandAlone finds the lowest such zoom.
func TestStandAloneZoomsUntilTheMarkerIsOnItsOwn(t *testing.T) {
	var ms []Marker
	for k := range 6 {
		ms = append(ms, marker(70.45+float64(k)*0.02, 34.43, 10))
	}
	ms = append(ms, marker(69.17, 34.53, 50)) // Kabul
	vp := Viewport{W: 1000, H: 700, Scale: 1}
	from := 3000.0
	got := StandAlone(vp, ms, 2, from)
	if !drawnAlone(Layout(got, ms), 2) {
		t.Fatalf("zoom %.0f: marker 2 is still clustered", got.LogicalZoom())
	}
	if got.LogicalZoom() <= from {
		t.Fatalf("zoom %.0f: expected to zoom in from %.0f", got.LogicalZoom(), from)
	}
	less := got
	less.Zoom /= 1.25
	if drawnAlone(Layout(less, ms), 2) {
		t.Errorf("zoom %.0f already shows it alone: not the lowest", less.LogicalZoom())
	}
	if x, y := got.ToPixel(basemap.Project(70.49, 34.43)); x < 499 || x > 501 || y < 349 || y > 351 {
		t.Errorf("marker at %.0f,%.0f, want the centre", x, y)
	}
	// Kabul, 130 km away, is alone already at a regional zoom: the view
	// keeps it.
	if k := StandAlone(vp, ms, 6, 20000); k.LogicalZoom() > 20000*1.01 {
		t.Errorf("Kabul: zoom %.0f, want 20000", k.LogicalZoom())
	}
	// Two events at one point never separate by zoom: the search stops at
	// full zoom, where coincident markers are fanned out.
	ms = append(ms, ms[6])
	if k := StandAlone(vp, ms, 6, 20000); !k.AtMaxZoom() {
		t.Errorf("coincident: zoom %.0f, want the maximum", k.LogicalZoom())
	}
}
