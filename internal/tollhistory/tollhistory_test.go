package tollhistory

import (
	"image/color"
	"testing"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
)

func TestCrocusHistoryRisesThenSettles(t *testing.T) {
	d, probs := dataset.Load(assets.Data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e := d.Event("rus-2024-03-22-crocus-city-hall")
	ps := Points(e, d)
	if !Worth(ps) {
		t.Fatalf("Crocus toll history has nothing to show: %+v", ps)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Day < ps[i-1].Day {
			t.Fatal("points are not in reporting order")
		}
	}
	var early, settled int
	for _, p := range ps {
		if p.Settled {
			settled = max(settled, p.Killed)
		} else {
			early++
		}
	}
	if settled != 149 || early == 0 {
		t.Errorf("settled %d with %d early counts; want 149 and some early counts", settled, early)
	}
	fg, bg := color.RGBA{0x20, 0x20, 0x20, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}
	img := Render(ps, 400, 160, 1, fg, bg)
	// Every source kind present has its colour in the picture.
	for _, p := range ps {
		want := KindColors[p.Kind]
		found := false
		for i := 0; i < len(img.Pix) && !found; i += 4 {
			found = img.Pix[i] == want.R && img.Pix[i+1] == want.G && img.Pix[i+2] == want.B
		}
		if !found {
			t.Errorf("no %s-coloured dot drawn", p.Kind)
		}
	}
}
