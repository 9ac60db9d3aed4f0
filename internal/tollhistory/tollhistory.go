// Package tollhistory draws an event's toll history: every killed figure on
// a small time axis by the date it was reported, coloured by the kind of
// source, early (provisional) counts hollow and settled figures filled. It
// lets a briefer show why the numbers differ: first-day counts rise, then
// settle.
package tollhistory

import (
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"time"

	"iskbrief/internal/dataset"
	"iskbrief/internal/maprender"
)

// Point is one dated killed figure.
type Point struct {
	Day     float64 // days after the event
	Killed  int
	Kind    string // the source's kind
	Settled bool
	Floor   bool // "at least" / "more than"
}

// Points returns the event's dated killed figures, oldest first. Undated
// reports (often encyclopedias) have no place on a time axis and are left
// out; the detail panel lists them.
func Points(e *dataset.Event, d *dataset.Dataset) []Point {
	var ps []Point
	for _, r := range e.Reports {
		if r.Killed == nil || r.Reported == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, r.Reported)
		if err != nil {
			if t, err = time.Parse("2006-01", r.Reported); err != nil {
				continue
			}
		}
		kind := ""
		if s := d.Source(r.SourceID); s != nil {
			kind = s.Kind
		}
		ps = append(ps, Point{Day: math.Max(0, t.Sub(e.Date).Hours()/24), Killed: *r.Killed, Kind: kind,
			Settled: r.Status != dataset.Provisional, Floor: r.KilledQualifier.Floor()})
	}
	slices.SortStableFunc(ps, func(a, b Point) int { return cmp.Compare(a.Day, b.Day) })
	return ps
}

// Worth reports whether a history says more than the headline: at least
// two dated figures that differ.
func Worth(ps []Point) bool {
	for _, p := range ps[min(1, len(ps)):] {
		if p.Killed != ps[0].Killed {
			return true
		}
	}
	return false
}

// KindColors colour the dots by source kind; KindNames label them.
var (
	KindColors = map[string]color.RGBA{
		"news":         {0x1f, 0x5f, 0xa8, 0xff},
		"government":   {0xb3, 0x3b, 0x1e, 0xff},
		"un_report":    {0x00, 0x86, 0x8b, 0xff},
		"research":     {0x6a, 0x3d, 0x9a, 0xff},
		"encyclopedia": {0x55, 0x55, 0x55, 0xff},
		"group_claim":  {0x99, 0x77, 0x00, 0xff},
	}
	KindNames = map[string]string{"news": "news", "government": "officials", "un_report": "UN", "research": "research",
		"encyclopedia": "encyclopedia", "group_claim": "group claim"}
)

// Render draws the history at w×h pixels; scale sizes text and dots (1 for
// a 96-dpi panel).
func Render(ps []Point, w, h int, scale float64, fg, bg color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	if len(ps) == 0 {
		return img
	}
	small := maprender.TextStyle{Size: 11 * scale, Color: fg}
	_, asc, desc := maprender.MeasureText(small, "0")
	lh := asc + desc
	maxDay, maxK := 1.0, 1
	for _, p := range ps {
		maxDay, maxK = math.Max(maxDay, p.Day), max(maxK, p.Killed)
	}
	// Days on a square-root axis: the first days, when counts move, get
	// room; a figure a year later still fits.
	fx := func(d float64) float64 { return math.Sqrt(d / maxDay) }
	left, right := int(34*scale), w-int(10*scale)
	top, bottom := int(8*scale)+lh, h-2*lh-int(8*scale)
	X := func(d float64) int { return left + int(fx(d)*float64(right-left)) }
	Y := func(k int) int { return bottom - int(float64(k)/float64(maxK)*float64(bottom-top)) }
	axis := color.RGBA{fg.R, fg.G, fg.B, 0x60}
	hline(img, left, right, bottom, axis)
	for _, k := range []int{0, maxK} {
		s := fmt.Sprint(k)
		sw, _, _ := maprender.MeasureText(small, s)
		maprender.DrawText(img, small, s, left-sw-int(4*scale), Y(k)+asc/2)
	}
	for _, d := range ticks(maxDay) {
		x := X(d)
		vline(img, x, bottom, bottom+int(3*scale), axis)
		s := dayLabel(d)
		sw, _, _ := maprender.MeasureText(small, s)
		maprender.DrawText(img, small, s, min(max(0, x-sw/2), w-sw), bottom+lh+int(2*scale))
	}
	r := 4.5 * scale
	for _, p := range ps {
		c, ok := KindColors[p.Kind]
		if !ok {
			c = fg
		}
		x, y := float64(X(p.Day)), float64(Y(p.Killed))
		disc(img, x, y, r, c, !p.Settled)
	}
	// Label the highest settled figure, so the panel's headline has its dot.
	best := -1
	for i, p := range ps {
		if p.Settled && (best < 0 || p.Killed > ps[best].Killed) {
			best = i
		}
	}
	if best >= 0 {
		p := ps[best]
		s := fmt.Sprint(p.Killed)
		if p.Floor {
			s += "+"
		}
		sw, _, _ := maprender.MeasureText(small, s)
		x := min(X(p.Day)+int(r)+int(3*scale), w-sw)
		maprender.DrawText(img, small, s, x, Y(p.Killed)+asc/2)
	}
	caption := "days after the attack (square-root scale) · hollow: early count, filled: settled"
	maprender.DrawText(img, small, caption, left, h-desc-int(2*scale))
	return img
}

func ticks(maxDay float64) []float64 {
	var out []float64
	for _, d := range []float64{0, 1, 7, 30, 90, 365, 730} {
		if d <= maxDay {
			out = append(out, d)
		}
	}
	return out
}

func dayLabel(d float64) string {
	switch d {
	case 0:
		return "day 0"
	case 365:
		return "1 yr"
	case 730:
		return "2 yr"
	}
	return fmt.Sprintf("%gd", d)
}

func hline(img *image.RGBA, x0, x1, y int, c color.RGBA) {
	for x := x0; x <= x1; x++ {
		blend(img, x, y, c)
	}
}

func vline(img *image.RGBA, x, y0, y1 int, c color.RGBA) {
	for y := y0; y <= y1; y++ {
		blend(img, x, y, c)
	}
}

// disc draws an antialiased filled or hollow circle.
func disc(img *image.RGBA, cx, cy, r float64, c color.RGBA, hollow bool) {
	for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
		for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			a := math.Min(1, math.Max(0, r-d+0.5))
			if hollow {
				a = math.Min(a, math.Min(1, math.Max(0, d-(r-1.8)+0.5)))
			}
			if a > 0 {
				cc := c
				cc.A = uint8(float64(c.A) * a)
				blend(img, x, y, cc)
			}
		}
	}
}

func blend(img *image.RGBA, x, y int, c color.RGBA) {
	if !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	i := img.PixOffset(x, y)
	a := float64(c.A) / 255
	for k, v := range []uint8{c.R, c.G, c.B} {
		img.Pix[i+k] = uint8(float64(v)*a + float64(img.Pix[i+k])*(1-a))
	}
	img.Pix[i+3] = 0xff
}
