package maprender

import (
	"image"
	"image/color"
	"math"
	"strconv"
)

// overlayBoxes is where the overlays of a frame go: known before anything
// is drawn, so map labels can keep out of them.
type overlayBoxes struct {
	title, attribution, scale, legend image.Rectangle
	scaleLabel                        string
	scalePx                           float64
}

// all lists the boxes that are in use.
func (b overlayBoxes) all() []image.Rectangle {
	var out []image.Rectangle
	for _, r := range []image.Rectangle{b.title, b.attribution, b.scale, b.legend} {
		if !r.Empty() {
			out = append(out, r)
		}
	}
	return out
}

// layoutOverlays places the title, attribution, scale bar and legend. The
// legend goes in the corner where it hides the fewest markers of frame f.
func layoutOverlays(vp Viewport, o Options, f *Frame) overlayBoxes {
	var b overlayBoxes
	s := vp.Scale * o.Style.TextScale
	if o.Title != "" {
		w, a, d := measure(titleStyle(o.Style, s), o.Title)
		pad := int(10 * s)
		b.title = image.Rect(0, 0, w+3*pad, a+d+2*pad)
	}
	bottom := vp.H
	if o.Attribution != "" {
		w, a, d := measure(attributionStyle(o.Style, s), o.Attribution)
		pad := int(4 * s)
		b.attribution = image.Rect(vp.W-w-2*pad, vp.H-a-d-2*pad, vp.W, vp.H)
		bottom = b.attribution.Min.Y
	}
	b.scale, b.scaleLabel, b.scalePx = scaleBarBox(vp, o.Style, s, bottom)
	scaleTop := bottom
	if !b.scale.Empty() {
		scaleTop = b.scale.Min.Y
	}
	if f != nil {
		f.Title, f.TitleBottom, f.ScaleTop = b.title, b.title.Max.Y, scaleTop
	}
	if len(o.Legend) > 0 {
		lw, lh := legendWidth(o, s), legendHeight(vp, o, s)
		m := 8 * s
		W, H := float64(vp.W), float64(vp.H)
		bottomLeft := rectAt(m, H-lh-m, lw, lh)
		if bottomLeft.Overlaps(b.attribution) { // a long credits line (several layers) reaches the left edge
			bottomLeft = rectAt(m, float64(b.attribution.Min.Y)-lh-m, lw, lh)
		}
		corners := []image.Rectangle{
			bottomLeft,                // bottom-left
			rectAt(W-lw-m, m, lw, lh), // top-right
			rectAt(m, float64(b.title.Max.Y)+m, lw, lh),    // top-left, under the title
			rectAt(W-lw-m, float64(scaleTop)-lh-m, lw, lh), // bottom-right, above the scale bar
		}
		bestN := -1
		for _, c := range corners {
			if c.Min.Y < 0 || c.Max.Y > vp.H || c.Min.X < 0 {
				continue
			}
			if n := f.Covered(c); bestN < 0 || n < bestN {
				b.legend, bestN = c, n
			}
		}
		if f != nil {
			f.Legend = b.legend
		}
	}
	return b
}

func titleStyle(st Style, s float64) TextStyle {
	return TextStyle{Size: 24 * s, Bold: true, Color: st.PanelText}
}

func attributionStyle(st Style, s float64) TextStyle {
	return TextStyle{Size: 11 * s, Color: st.PanelText}
}

// drawOverlays draws the overlays laid out in b.
func drawOverlays(dst *image.RGBA, vp Viewport, o Options, b overlayBoxes) {
	s := vp.Scale * o.Style.TextScale
	if !b.title.Empty() {
		ts := titleStyle(o.Style, s)
		_, a, _ := measure(ts, o.Title)
		pad := int(10 * s)
		fillRect(dst, b.title, o.Style.Panel)
		drawText(dst, ts, o.Title, pad+pad/2, pad+a)
	}
	if !b.attribution.Empty() {
		ts := attributionStyle(o.Style, s)
		_, _, d := measure(ts, o.Attribution)
		pad := int(4 * s)
		fillRect(dst, b.attribution, o.Style.Panel)
		drawText(dst, ts, o.Attribution, b.attribution.Min.X+pad, b.attribution.Max.Y-pad-d)
	}
	drawScaleBar(dst, o.Style, s, b)
	if !b.legend.Empty() {
		drawLegend(dst, vp, o, s, float64(b.legend.Min.X), float64(b.legend.Min.Y))
	}
}

func rectAt(x, y, w, h float64) image.Rectangle {
	return image.Rect(int(x), int(y), int(x+w), int(y+h))
}

// Covered counts the attacks (cluster members included) drawn within r.
func (f *Frame) Covered(r image.Rectangle) int {
	if f == nil {
		return 0
	}
	n := 0
	for _, it := range f.Items {
		x, y, rad := int(it.X), int(it.Y), int(it.R)
		if x+rad >= r.Min.X && x-rad <= r.Max.X && y+rad >= r.Min.Y && y-rad <= r.Max.Y {
			n += int(it.Count)
		}
	}
	return n
}

// legendHeight is the legend panel's height in device pixels.
func legendHeight(vp Viewport, o Options, s float64) float64 {
	_, ta, td := measure(TextStyle{Size: 13 * s, Bold: true}, "Ag")
	_, ba, bd := measure(TextStyle{Size: 12 * s}, "Ag")
	line := float64(ba+bd) + 5*s
	sizeH := 2*MarkerRadius(100, vp.Scale) + 4*s
	return 10*s*2 + float64(ta+td) + 4*s + line*float64(len(o.Legend)+len(symbolLabels)) + line + sizeH
}

// niceDistance rounds a length in metres down to 1, 2 or 5 times a power of ten.
func niceDistance(m float64) float64 {
	if m <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= m {
			return f * p
		}
	}
	return p
}

// scaleBarBox places the scale bar above bottom: its panel, label and bar
// length in pixels (an empty box when the scale cannot be shown).
func scaleBarBox(vp Viewport, st Style, s float64, bottom int) (image.Rectangle, string, float64) {
	mpp := vp.MetresPerPixel()
	d := niceDistance(mpp * 160 * s)
	if d == 0 {
		return image.Rectangle{}, "", 0
	}
	px := d / mpp
	label := strconv.FormatFloat(d/1000, 'f', -1, 64) + " km"
	if d < 1000 {
		label = strconv.FormatFloat(d, 'f', 0, 64) + " m"
	}
	tw, a, dd := measure(scaleStyle(st, s), label)
	pad := 6 * s
	boxW := math.Max(px, float64(tw)) + 2*pad
	boxH := float64(a+dd) + 12*s + 2*pad
	x0 := float64(vp.W) - boxW - 8*s
	y0 := float64(bottom) - boxH - 8*s
	return image.Rect(int(x0), int(y0), int(x0+boxW), int(y0+boxH)), label, px
}

func scaleStyle(st Style, s float64) TextStyle {
	return TextStyle{Size: 12 * s, Bold: true, Color: st.PanelText}
}

// drawScaleBar draws the scale bar laid out in b.
func drawScaleBar(dst *image.RGBA, st Style, s float64, b overlayBoxes) {
	if b.scale.Empty() {
		return
	}
	ts := scaleStyle(st, s)
	_, a, dd := measure(ts, b.scaleLabel)
	pad := 6 * s
	x0, y0 := float64(b.scale.Min.X), float64(b.scale.Min.Y)
	px := b.scalePx
	fillRect(dst, b.scale, st.Panel)
	bx, by := x0+pad, y0+pad+float64(a+dd)+4*s
	fillRect(dst, image.Rect(int(bx), int(by), int(bx+px), int(by+4*s)), st.PanelText)
	fillRect(dst, image.Rect(int(bx), int(by-4*s), int(bx+1.5*s), int(by+4*s)), st.PanelText)
	fillRect(dst, image.Rect(int(bx+px-1.5*s), int(by-4*s), int(bx+px), int(by+4*s)), st.PanelText)
	drawText(dst, ts, b.scaleLabel, int(bx), int(y0+pad)+a)
}

// symbolLabels are the legend rows that explain symbols rather than colours.
var symbolLabels = []string{"Cluster: number of attacks; area by killed", "Foiled plot (never clustered with attacks)", "Place known only to town/province"}

// legendWidth is the legend panel's width in device pixels.
func legendWidth(o Options, s float64) float64 {
	body := TextStyle{Size: 12 * s}
	title := TextStyle{Size: 13 * s, Bold: true}
	maxW := 0
	for _, e := range o.Legend {
		w, _, _ := measure(body, e.Label)
		maxW = max(maxW, w)
	}
	for _, l := range symbolLabels {
		w, _, _ := measure(body, l)
		maxW = max(maxW, w)
	}
	t := o.LegendTitle
	if t == "" {
		t = "Legend"
	}
	tw, _, _ := measure(title, t)
	maxW = max(maxW, tw)
	return 10*s*2 + 14*s + 8*s + float64(maxW)
}

// drawLegend explains colours, sizes and symbols in a panel at (x0, y0).
func drawLegend(dst *image.RGBA, vp Viewport, o Options, s, x0, y0 float64) {
	st := o.Style
	title := TextStyle{Size: 13 * s, Bold: true, Color: st.PanelText}
	body := TextStyle{Size: 12 * s, Color: st.PanelText}
	_, ta, td := measure(title, "Ag")
	_, ba, bd := measure(body, "Ag")
	line := float64(ba+bd) + 5*s
	pad := 10 * s
	sw := 14 * s // swatch column

	type row struct {
		label string
		draw  func(x, y float64)
	}
	var rows []row
	for _, e := range o.Legend {
		c := e.Color
		rows = append(rows, row{e.Label, func(x, y float64) {
			fill := c
			fill.A = 0xe0
			disc(dst, x, y, 6*s, fill, st.MarkerEdge, 1.1*s)
		}})
	}
	sizes := []int32{1, 25, 100}
	sizeH := 2*MarkerRadius(100, vp.Scale) + 4*s
	symbols := []row{
		{symbolLabels[0], func(x, y float64) {
			disc(dst, x, y, 8*s, st.ClusterFill, st.Halo, 1.2*s)
		}},
		{symbolLabels[1], func(x, y float64) {
			c := Palette[len(Palette)-1]
			disc(dst, x, y, 6*s, color.RGBA{}, c, 2*s)
		}},
		{symbolLabels[2], func(x, y float64) {
			c := Palette[len(Palette)-1]
			ring(dst, x, y, 8*s, c, s)
			disc(dst, x, y, 4*s, c, st.MarkerEdge, s)
		}},
	}
	legendTitle := o.LegendTitle
	if legendTitle == "" {
		legendTitle = "Legend"
	}
	width := legendWidth(o, s)
	height := legendHeight(vp, o, s)
	fillRect(dst, image.Rect(int(x0), int(y0), int(x0+width), int(y0+height)), st.Panel)
	y := y0 + pad + float64(ta)
	drawText(dst, title, legendTitle, int(x0+pad), int(y))
	y += float64(td) + 4*s
	for _, r := range append(rows, symbols...) {
		cy := y + line/2
		r.draw(x0+pad+sw/2, cy)
		drawText(dst, body, r.label, int(x0+pad+sw+8*s), int(cy)+ba/2-int(s))
		y += line
	}
	// Size key: area grows with the number killed.
	drawText(dst, body, "Killed:", int(x0+pad), int(y+line/2)+ba/2)
	y += line
	x := x0 + pad + MarkerRadius(100, vp.Scale)
	cy := y + sizeH/2 - 2*s
	for _, k := range sizes {
		r := MarkerRadius(k, vp.Scale)
		disc(dst, x, cy+MarkerRadius(100, vp.Scale)-r, r, color.RGBA{}, st.PanelText, 1.2*s)
		lbl := strconv.Itoa(int(k))
		drawText(dst, body, lbl, int(x+r+3*s), int(cy+MarkerRadius(100, vp.Scale)-r)+ba/2)
		lw, _, _ := measure(body, lbl)
		x += r + float64(lw) + 14*s + MarkerRadius(k*4, vp.Scale)
	}
}
