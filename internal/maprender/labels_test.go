package maprender

import (
	"image"
	"testing"

	"iskbrief/geodata"
)

// No base label is cut at the frame's edge or drawn under an overlay box,
// wherever the view falls: every placed label lies wholly inside the frame
// and clear of the boxes it was asked to keep out of.
func TestBaseLabelsStayWholeAndClearOfOverlays(t *testing.T) {
	bm, err := geodata.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := Light()
	for _, pan := range []int{0, 37, 91, 150, 233} {
		vp := FitBound(Region, 800, 450, 1).Pan(float64(pan), float64(pan/3))
		dst := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
		legend := image.Rect(10, 300, 220, 440)
		lab := &labeller{bounds: dst.Bounds(), placed: []image.Rectangle{legend}}
		names := countryLabels(bm, vp, st, lab, nil)
		if len(names) < 5 {
			t.Fatalf("pan %d: only %d country names placed", pan, len(names))
		}
		for _, cl := range names {
			r := textRect(cl.ts, cl.name, cl.x, cl.y)
			if !r.In(dst.Bounds()) {
				t.Errorf("pan %d: %s at %v is cut by the frame %v", pan, cl.name, r, dst.Bounds())
			}
			if r.Overlaps(legend) {
				t.Errorf("pan %d: %s at %v lies under the legend %v", pan, cl.name, r, legend)
			}
		}
	}
}

func TestCountLabelStaysShort(t *testing.T) {
	for n, want := range map[int64]string{7: "7", 9999: "9999", 10_000: "10k", 24_555: "25k", 999_499: "999k", 999_500: "1.0M", 1_260_000: "1.3M"} {
		if got := CountLabel(n); got != want {
			t.Errorf("CountLabel(%d) = %q, want %q", n, got, want)
		}
	}
}

// A credits line long enough to reach the left edge (several layers named)
// pushes the legend up rather than hiding under it.
func TestLegendClearsALongCreditsLine(t *testing.T) {
	vp := FitBound(Region, 800, 450, 1)
	o := Options{Style: Light(), Overlays: true, Legend: []LegendEntry{{Label: "Religious"}, {Label: "Civilian"}},
		Attribution: "Map data: Natural Earth (public domain); cities: GeoNames (CC BY 4.0) · Events: ISK Brief dataset 2026-12-04 + ACLED 2024 + GTD 2021 + UCDP GED 24.1"}
	b := layoutOverlays(vp, o, &Frame{VP: vp})
	if b.attribution.Min.X > 300 {
		t.Fatalf("the credits line at %v is not long enough for this test", b.attribution)
	}
	if b.legend.Empty() || b.legend.Overlaps(b.attribution) {
		t.Errorf("legend %v covers the credits %v", b.legend, b.attribution)
	}
}
