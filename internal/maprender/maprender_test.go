package maprender_test

import (
	"image"
	"image/color"
	"math"
	"testing"

	"iskbrief/geodata"
	"iskbrief/internal/basemap"
	"iskbrief/internal/maprender"
)

func marker(lon, lat float64, killed int32, cat uint8) maprender.Marker {
	p := basemap.Project(lon, lat)
	return maprender.Marker{X: float32(p[0]), Y: float32(p[1]), Killed: killed, Category: cat}
}

func TestZoomAboutKeepsTheCursorPoint(t *testing.T) {
	vp := maprender.FitBound(maprender.Region, 1600, 900, 1)
	x, y := 1100.0, 300.0
	before := vp.ToWorld(x, y)
	z := vp.ZoomAbout(x, y, 2)
	after := z.ToWorld(x, y)
	if math.Abs(before[0]-after[0]) > 1e-9 || math.Abs(before[1]-after[1]) > 1e-9 {
		t.Errorf("point under cursor moved from %v to %v", before, after)
	}
	if z.Zoom <= vp.Zoom {
		t.Errorf("zoom did not increase: %v → %v", vp.Zoom, z.Zoom)
	}
}

func TestZoomLimits(t *testing.T) {
	vp := maprender.FitBound(maprender.Region, 1600, 900, 1)
	far := vp.ZoomAbout(800, 450, 1e-6)
	near := vp.ZoomAbout(800, 450, 1e9)
	if far.Zoom < vp.Zoom*0.5 || !near.AtMaxZoom() {
		t.Errorf("limits not applied: out %v, in %v (home %v)", far.Zoom, near.Zoom, vp.Zoom)
	}
	// The view never leaves the embedded basemap.
	b := far.Bound()
	if b.Min[0] < maprender.Limit.Min[0]-1e-9 || b.Max[0] > maprender.Limit.Max[0]+1e-9 {
		t.Errorf("view %v leaves the basemap %v", b, maprender.Limit)
	}
}

func TestClustersMergeAtLowZoomAndSplitWhenZoomedIn(t *testing.T) {
	ms := []maprender.Marker{
		marker(69.17, 34.53, 10, 0), marker(69.18, 34.52, 20, 1), marker(69.16, 34.54, 5, 2), // Kabul
		marker(57.08, 30.28, 90, 3), // Kerman
	}
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	f := maprender.Layout(vp, ms)
	if len(f.Items) != 2 {
		t.Fatalf("%d items at region view, want a Kabul cluster and Kerman", len(f.Items))
	}
	var cluster *maprender.Item
	for i := range f.Items {
		if f.Items[i].Count == 3 {
			cluster = &f.Items[i]
		}
	}
	if cluster == nil || cluster.Killed != 35 {
		t.Fatalf("no cluster of 3 with 35 killed: %+v", f.Items)
	}
	// Fully zoomed into Kabul, the three separate.
	kabul := basemap.Project(69.17, 34.53)
	vp.Center = kabul
	vp = vp.ZoomAbout(960, 540, 1e9)
	f = maprender.Layout(vp, ms)
	singles := 0
	for _, it := range f.Items {
		if it.Count == 1 {
			singles++
		}
	}
	if singles != 3 {
		t.Errorf("%d single markers at max zoom over Kabul, want 3", singles)
	}
}

func TestHitTestFindsMarkerAndMissesEmptyMap(t *testing.T) {
	ms := []maprender.Marker{marker(57.08, 30.28, 90, 3), marker(37.39, 55.83, 145, 1)}
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	f := maprender.Layout(vp, ms)
	x, y := vp.ToPixel(basemap.Project(57.08, 30.28))
	i := f.HitTest(x+3, y-2)
	if i < 0 || f.Items[i].Index != 0 {
		t.Fatalf("hit at Kerman returned %d", i)
	}
	if j := f.HitTest(x+200, y+200); j >= 0 {
		t.Errorf("empty map hit item %d", j)
	}
}

func TestRenderDrawsSeaLandBordersAndMarkers(t *testing.T) {
	bm, err := geodata.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := maprender.NewRenderer(bm)
	vp := maprender.FitBound(maprender.Region, 960, 540, 1)
	red := color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	kerman := marker(57.08, 30.28, 90, 0)
	img, _ := r.Render(vp, maprender.Options{Style: maprender.Light(), Markers: []maprender.Marker{kerman},
		Colors: []color.RGBA{red}, Selected: -1})
	st := maprender.Light()
	// at returns the commonest colour around a place, so a label or a
	// river nearby does not decide the test.
	at := func(lon, lat float64) color.RGBA {
		x, y := vp.ToPixel(basemap.Project(lon, lat))
		count := map[color.RGBA]int{}
		best, n := color.RGBA{}, 0
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				c := img.RGBAAt(int(x)+dx, int(y)+dy)
				if count[c]++; count[c] > n {
					best, n = c, count[c]
				}
			}
		}
		return best
	}
	if c := at(51.5, 27); !near(c, st.Sea) { // Persian Gulf
		t.Errorf("Persian Gulf pixel %v, want sea %v", c, st.Sea)
	}
	if c := at(66, 33); !near(c, st.FocusLand) { // central Afghanistan
		t.Errorf("Afghanistan pixel %v, want focus land %v", c, st.FocusLand)
	}
	if c := at(67, 48); !near(c, st.Land) { // Kazakhstan: a neighbour
		t.Errorf("Kazakhstan pixel %v, want land %v", c, st.Land)
	}
	if x, y := vp.ToPixel(basemap.Project(57.08, 30.28)); img.RGBAAt(int(x), int(y)).R < 0xb0 || img.RGBAAt(int(x), int(y)).B > 0x40 {
		c := img.RGBAAt(int(x), int(y))
		t.Errorf("Kerman marker pixel %v, want the marker's vermillion", c)
	}
	if dark := countDark(img); dark < 2000 {
		t.Errorf("only %d dark pixels: borders and labels missing", dark)
	}
}

func TestPanReusesCachedBasemap(t *testing.T) {
	bm, _ := geodata.Load()
	r := maprender.NewRenderer(bm)
	vp := maprender.FitBound(maprender.Region, 800, 600, 1)
	o := maprender.Options{Style: maprender.Light(), Selected: -1}
	a, _ := r.Render(vp, o)
	moved := vp.Pan(-40, 0)
	b, _ := r.Render(moved, o)
	// The moved frame equals the first shifted by 40 px, but for labels:
	// they are placed in each frame so that none is cut at its edge, and a
	// label that fits one frame may give way in the other.
	diff := 0
	for y := 100; y < 500; y++ {
		for x := 100; x < 700; x++ {
			if a.RGBAAt(x+40, y) != b.RGBAAt(x, y) {
				diff++
			}
		}
	}
	if diff > 600*400/50 {
		t.Errorf("%d pixels differ after a 40 px pan: the cached basemap was not shifted", diff)
	}
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) int { return int(x) - int(y) }
	return abs(d(a.R, b.R))+abs(d(a.G, b.G))+abs(d(a.B, b.B)) < 24
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func countDark(img *image.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if int(img.Pix[i])+int(img.Pix[i+1])+int(img.Pix[i+2]) < 3*110 {
			n++
		}
	}
	return n
}

// scatter returns n markers spread over the region like real attacks: most
// in Afghanistan and Pakistan, some elsewhere.
func scatter(n int) []maprender.Marker {
	ms := make([]maprender.Marker, n)
	for i := range ms {
		u := float64((i*7919)%10007) / 10007
		v := float64((i*104729)%10009) / 10009
		lon, lat := 62+u*12, 29+v*8 // Af-Pak
		if i%5 == 0 {
			lon, lat = 28+u*50, 25+v*30 // anywhere in the region
		}
		ms[i] = marker(lon, lat, int32(i%60), uint8(i%7))
	}
	return ms
}

// benchFrame measures a full 1920×1080 frame with the basemap cached, as
// when markers, filter or selection change or the view pans.
func benchFrame(b *testing.B, n int) {
	bm, err := geodata.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := maprender.NewRenderer(bm)
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	o := maprender.Options{Style: maprender.Light(), Markers: scatter(n), Colors: []color.RGBA{{200, 0, 0, 255}}, Selected: -1, Overlays: true,
		Legend: []maprender.LegendEntry{{Label: "Religious", Color: color.RGBA{200, 0, 0, 255}}}, Attribution: "test"}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.RenderInto(dst, vp, o) // warm the basemap cache
	b.ResetTimer()
	for b.Loop() {
		r.RenderInto(dst, vp, o)
	}
}

func BenchmarkFrame100k(b *testing.B) { benchFrame(b, 100_000) }
func BenchmarkFrame1M(b *testing.B)   { benchFrame(b, 1_000_000) }

// BenchmarkBasemapCold is the uncached basemap for a 1920×1080 view (drawn
// with its pan margin): the cost of a zoom step.
func BenchmarkBasemapCold(b *testing.B) {
	bm, _ := geodata.Load()
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	o := maprender.Options{Style: maprender.Light(), Selected: -1}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for b.Loop() {
		r := maprender.NewRenderer(bm)
		r.RenderInto(dst, vp, o)
	}
}

func BenchmarkHitTest100k(b *testing.B) {
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	vp = vp.ZoomAbout(1300, 650, 8) // zoomed in: many single markers
	f := maprender.Layout(vp, scatter(100_000))
	i := 0
	for b.Loop() {
		f.HitTest(float64(i%1920), float64((i*7)%1080))
		i++
	}
}

func TestSelectedMarkerStaysOutOfClusters(t *testing.T) {
	ms := []maprender.Marker{marker(69.17, 34.53, 10, 0), marker(69.18, 34.52, 20, 1), marker(69.16, 34.54, 5, 2)}
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	f := maprender.LayoutSelected(vp, ms, 1)
	var single, cluster bool
	for _, it := range f.Items {
		single = single || (it.Count == 1 && it.Index == 1)
		cluster = cluster || (it.Count == 2 && it.Killed == 15)
	}
	if !single || !cluster {
		t.Errorf("items %+v: want marker 1 alone and the other two clustered", f.Items)
	}
}

func TestCoincidentMarkersFanOutAtFullZoom(t *testing.T) {
	ms := []maprender.Marker{marker(69.167, 34.533, 10, 0), marker(69.167, 34.533, 20, 1), marker(69.167, 34.533, 5, 2)}
	vp := maprender.FitBound(maprender.Region, 1920, 1080, 1)
	vp.Center = basemap.Project(69.167, 34.533)
	vp = vp.ZoomAbout(960, 540, 1e9)
	f := maprender.Layout(vp, ms)
	if len(f.Items) != 3 {
		t.Fatalf("%d items", len(f.Items))
	}
	// Every marker can be hit at its own drawn position.
	for _, it := range f.Items {
		if i := f.HitTest(float64(it.X), float64(it.Y)); i < 0 || f.Items[i].Index != it.Index {
			t.Errorf("marker %d at %.0f,%.0f not hit (got %d)", it.Index, it.X, it.Y, i)
		}
	}
}
