package charts

import (
	"bytes"
	"html"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
)

// Colours of the frame (the series take theirs from symbology).
var (
	colText   = drawing.Color{R: 0x1f, G: 0x1f, B: 0x1f, A: 0xff}
	colSubtle = drawing.Color{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	colAxis   = drawing.Color{R: 0x44, G: 0x44, B: 0x44, A: 0xff}
	colGrid   = drawing.Color{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	colWhite  = drawing.Color{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colHalo   = drawing.Color{R: 0xff, G: 0xff, B: 0xff, A: 0xd8}
	colNone   = drawing.Color{}
	fontOnce  = mustFont()
)

func mustFont() *truetype.Font {
	f, err := chart.GetDefaultFont()
	if err != nil {
		panic("charts: embedded Roboto font: " + err.Error())
	}
	return f
}

func dc(c color.RGBA) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

// lighten mixes c with white: t=0 is c, t=1 is white.
func lighten(c color.RGBA, t float64) drawing.Color {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*t + 0.5) }
	return drawing.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xff}
}

// metrics are the sizes of one chart, in pixels, scaled so that a 1080-line
// slide reads from the back of a room and a small preview stays tidy.
type metrics struct {
	w, h                                  int
	s                                     float64
	slack                                 float64 // >1 leaves room for wider fallback fonts (SVG)
	margin                                int
	title, sub, legend, tick, label, foot float64
	line                                  float64
	faces                                 map[float64]font.Face
	legendRows                            int
	padTop, padBottom, padLeft, padRight  int
	plotW, plotH                          int // estimates, before go-chart measures the axes
	tickLabelW                            int
	titleLines, subLines, footLines       []string // wrapped, never cut off
	unitText                              string
}

// newMetrics sizes text and lines for a w×h chart. scale > 0 fixes the text
// scale (1 = sized for a full 1080p slide), e.g. for a chart that shares a
// slide with a map and must match its type size.
func newMetrics(w, h int, scale float64) *metrics {
	s := float64(min(w*9/16, h)) / 1080
	if scale > 0 {
		s = scale
	}
	s = max(s, 0.3)
	px := func(v, lo float64) float64 { return math.Round(max(v*s, lo)) }
	m := &metrics{w: w, h: h, s: s,
		margin: int(px(40, 10)),
		title:  px(52, 15), sub: px(34, 12), legend: px(34, 12), tick: px(34, 12),
		label: px(27, 11), foot: px(25, 10), line: px(3, 1),
		faces: map[float64]font.Face{},
	}
	return m
}

func (m *metrics) face(size float64) font.Face {
	f, ok := m.faces[size]
	if !ok {
		f = truetype.NewFace(fontOnce, &truetype.Options{Size: size, DPI: 72})
		m.faces[size] = f
	}
	return f
}

// width measures s as go-chart will draw it.
func (m *metrics) width(s string, size float64) int {
	w := font.MeasureString(m.face(size), s).Ceil()
	if m.slack > 1 {
		w = int(float64(w) * m.slack)
	}
	return w
}

// wrap breaks s into lines at most w pixels wide, at spaces (and after
// " · " separators first), so a title or a source line is never cut off.
func (m *metrics) wrap(s string, size float64, w int) []string {
	if s == "" {
		return nil
	}
	if m.width(s, size) <= w {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && m.width(try, size) > w {
			lines = append(lines, strings.TrimSuffix(line, " ·"))
			line = word
			if word == "·" {
				line = ""
			}
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// legendEntry is one key of the legend.
type legendEntry struct {
	label string
	color color.RGBA
	style swatch
}

type swatch int

const (
	swatchBox   swatch = iota
	swatchHatch        // lighter fill with diagonal hatching
	swatchLine         // line with a dot
	swatchBand         // light fill
	swatchDash         // dashed vertical line
)

// axis is one axis of a spec: a fixed range and its ticks.
type axis struct {
	min, max float64
	ticks    []chart.Tick
	grid     bool
}

// spec is a chart before it meets go-chart: what to write and what to draw.
type spec struct {
	title, subtitle, unit, footer string
	note                          string // appended to the footer
	message                       string // non-empty: no plot, this message instead
	legend                        []legendEntry
	x, y                          axis
	plot                          func(p *plot)
	targets                       []string                         // targets chart: target codes, top bar first ("" for not recorded)
	monthly                       bool                             // trends, killed: x counts months (year*12 + month-1), not years
	stack                         func(year int, v float64) string // trends chart: the country at height v of a year's bar
}

// plot is the drawing surface handed to a spec's plot function.
type plot struct {
	r      chart.Renderer
	box    chart.Box
	xr, yr chart.Range
	m      *metrics
}

// X and Y map data values to pixels.
func (p *plot) X(v float64) int { return p.box.Left + p.xr.Translate(v) }
func (p *plot) Y(v float64) int { return p.box.Bottom - p.yr.Translate(v) }

// fixedRange is a ContinuousRange that go-chart cannot widen or narrow
// (it resets ranges to the tick span otherwise).
type fixedRange struct{ *chart.ContinuousRange }

func (fixedRange) SetMin(float64) {}
func (fixedRange) SetMax(float64) {}

func newRange(a axis) chart.Range {
	return fixedRange{&chart.ContinuousRange{Min: a.min, Max: a.max}}
}

// plotSeries hands the plot area to a spec; it is always on the secondary
// (left) Y axis, so go-chart puts the Y axis on the left.
type plotSeries struct {
	m  *metrics
	fn func(p *plot)
}

func (s plotSeries) GetName() string           { return "" }
func (s plotSeries) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (s plotSeries) GetStyle() chart.Style     { return chart.Style{} }
func (s plotSeries) Validate() error           { return nil }
func (s plotSeries) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	if s.fn != nil {
		s.fn(&plot{r: r, box: box, xr: xr, yr: yr, m: s.m})
	}
}

// layout computes the paddings around the plot for a spec.
func (sp *spec) layout(m *metrics) {
	m.padLeft, m.padRight = m.margin, m.margin
	avail := m.w - 2*m.margin
	m.titleLines = m.wrap(sp.title, m.title, avail)
	m.subLines = m.wrap(sp.subtitle, m.sub, avail)
	m.footLines = m.wrap(sp.footer, m.foot, avail)
	m.unitText = sp.unit
	// The legend shares its first row with the unit label on the left.
	m.legendRows = 0
	if len(sp.legend) > 0 || sp.unit != "" {
		m.legendRows = len(legendRows(m, sp.legend, avail-m.width(sp.unit, m.legend)-int(2*m.legend)))
		m.legendRows = max(m.legendRows, 1)
	}
	top := float64(m.margin) + m.title*1.3*float64(len(m.titleLines))
	top += m.sub * 1.4 * float64(len(m.subLines))
	top += float64(m.legendRows) * m.legend * 1.5
	top += m.tick * 0.9
	m.padTop = int(top)
	m.padBottom = int(float64(m.margin)*0.6 + m.foot*2.4 + m.foot*1.3*float64(max(0, len(m.footLines)-1)))
	xAxisH := int(m.tick * 1.8)
	m.plotH = m.h - m.padTop - m.padBottom - xAxisH
	m.tickLabelW = 0
	for _, t := range sp.y.ticks {
		m.tickLabelW = max(m.tickLabelW, m.width(t.Label, m.tick))
	}
	m.plotW = m.w - m.padLeft - m.padRight - m.tickLabelW - 20
}

// legendRows splits the legend into rows no wider than avail pixels.
func legendRows(m *metrics, entries []legendEntry, avail int) [][]legendEntry {
	var rows [][]legendEntry
	var row []legendEntry
	w := 0
	for _, e := range entries {
		ew := legendEntryWidth(m, e)
		if len(row) > 0 && w+ew > avail {
			rows = append(rows, row)
			row, w = nil, 0
		}
		row = append(row, e)
		w += ew
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func legendEntryWidth(m *metrics, e legendEntry) int {
	return int(m.legend*1.6) + m.width(e.label, m.legend) + int(m.legend*1.4)
}

// chart builds the go-chart value for a spec at the metrics' size.
func (sp *spec) chart(m *metrics) *chart.Chart {
	if sp.message != "" {
		sp.x = axis{min: 0, max: 1}
		sp.y = axis{min: 0, max: 1}
		sp.legend, sp.unit = nil, ""
	}
	sp.layout(m)
	c := &chart.Chart{
		Width: m.w, Height: m.h, DPI: 72, Font: fontOnce,
		Background: chart.Style{FillColor: colWhite, StrokeColor: colWhite, StrokeWidth: 0,
			Padding: chart.Box{Top: m.padTop, Left: m.padLeft, Right: m.padRight, Bottom: m.padBottom, IsSet: true}},
		Canvas: chart.Style{FillColor: colWhite, StrokeColor: colWhite, StrokeWidth: 0},
	}
	axisStyle := chart.Style{FontSize: m.tick, FontColor: colText, StrokeColor: colAxis, StrokeWidth: max(1, m.line*0.7), Font: fontOnce}
	gridStyle := chart.Style{StrokeColor: colGrid, StrokeWidth: max(1, m.line*0.5)}
	gridLines := func(a axis) []chart.GridLine {
		var gl []chart.GridLine
		for _, t := range a.ticks {
			if t.Value != a.min {
				gl = append(gl, chart.GridLine{Value: t.Value, Style: gridStyle})
			}
		}
		return gl
	}
	if sp.message != "" {
		c.XAxis = chart.XAxis{Style: chart.Hidden(), Range: newRange(sp.x)}
		c.YAxis = chart.YAxis{Style: chart.Hidden(), Range: newRange(sp.y)}
		c.YAxisSecondary = chart.YAxis{Style: chart.Hidden(), Range: newRange(sp.y)}
	} else {
		c.XAxis = chart.XAxis{Style: axisStyle, Range: newRange(sp.x), Ticks: sp.x.ticks,
			GridMajorStyle: chart.Hidden(), GridMinorStyle: chart.Hidden()}
		if sp.x.grid {
			c.XAxis.GridMajorStyle = gridStyle
			c.XAxis.GridLines = gridLines(sp.x)
		}
		// The primary axis is hidden; it only has to pass go-chart's checks.
		c.YAxis = chart.YAxis{Style: chart.Hidden(), Range: newRange(sp.y), Ticks: sp.y.ticks}
		c.YAxisSecondary = chart.YAxis{Style: axisStyle, Range: newRange(sp.y), Ticks: sp.y.ticks,
			GridMajorStyle: chart.Hidden(), GridMinorStyle: chart.Hidden(), Zero: chart.GridLine{Style: chart.Hidden()}}
		if sp.y.grid {
			c.YAxisSecondary.GridMajorStyle = gridStyle
			c.YAxisSecondary.GridLines = gridLines(sp.y)
		}
	}
	c.Series = []chart.Series{plotSeries{m: m, fn: sp.plot}}
	c.Elements = []chart.Renderable{func(r chart.Renderer, box chart.Box, _ chart.Style) { sp.decorate(r, box, m) }}
	return c
}

// decorate draws the title, subtitle, unit, legend, footer and message.
func (sp *spec) decorate(r chart.Renderer, box chart.Box, m *metrics) {
	x := m.margin
	y := float64(m.margin)
	for _, l := range m.titleLines {
		text(r, l, x, int(y+m.title*0.9), m.title, colText)
		y += m.title * 1.3
	}
	for _, l := range m.subLines {
		text(r, l, x, int(y+m.sub*0.9), m.sub, colSubtle)
		y += m.sub * 1.4
	}
	if m.legendRows > 0 {
		if m.unitText != "" {
			text(r, m.unitText, x, int(y+m.legend*0.95), m.legend, colSubtle)
		}
		right := m.w - m.margin
		rows := legendRows(m, sp.legend, m.w-2*m.margin-m.width(m.unitText, m.legend)-int(2*m.legend))
		for _, row := range rows {
			w := 0
			for _, e := range row {
				w += legendEntryWidth(m, e)
			}
			lx := right - w + int(m.legend*1.4)
			for _, e := range row {
				drawLegendEntry(r, m, e, lx, int(y))
				lx += legendEntryWidth(m, e)
			}
			y += m.legend * 1.5
		}
	}
	for i, l := range m.footLines {
		back := len(m.footLines) - 1 - i
		text(r, l, m.margin, m.h-int(float64(m.margin)*0.6)-int(m.foot*1.3*float64(back)), m.foot, colSubtle)
	}
	if sp.message != "" {
		mw := m.width(sp.message, m.title)
		cx, cy := (box.Left+box.Right)/2, (box.Top+box.Bottom)/2
		fillRect(r, box.Left, box.Top, box.Right, box.Bottom, drawing.Color{R: 0xf4, G: 0xf4, B: 0xf4, A: 0xff})
		text(r, sp.message, cx-mw/2, cy+int(m.title*0.35), m.title, colSubtle)
	}
}

func drawLegendEntry(r chart.Renderer, m *metrics, e legendEntry, x, y int) {
	sz := int(m.legend)
	top, bottom := y+int(m.legend*0.15), y+int(m.legend*0.15)+sz
	left, right := x, x+sz
	switch e.style {
	case swatchBox:
		fillRect(r, left, top, right, bottom, dc(e.color))
	case swatchHatch:
		fillRect(r, left, top, right, bottom, lighten(e.color, 0.6))
		hatch(r, left, top, right, bottom, dc(e.color), max(1, m.line*0.7), int(m.line*3+3))
		strokeRect(r, left, top, right, bottom, dc(e.color), max(1, m.line*0.7))
	case swatchLine:
		line(r, left-sz/3, (top+bottom)/2, right+sz/3, (top+bottom)/2, dc(e.color), m.line, nil)
		dot(r, (left+right)/2, (top+bottom)/2, m.line*2.2, dc(e.color))
	case swatchBand:
		fillRect(r, left, top, right, bottom, lighten(e.color, 0.7))
	case swatchDash:
		line(r, (left+right)/2, top-sz/4, (left+right)/2, bottom+sz/4, dc(e.color), max(1, m.line*0.8), []float64{m.line * 3, m.line * 2})
	}
	text(r, e.label, right+int(m.legend*0.5), y+int(m.legend*0.95), m.legend, colText)
}

// Drawing helpers. Every helper sets all the state it uses: go-chart's SVG
// renderer writes fill and stroke on every path.

func text(r chart.Renderer, s string, x, y int, size float64, c drawing.Color) {
	if s == "" {
		return
	}
	r.SetFont(fontOnce)
	r.SetFontSize(size)
	r.SetFontColor(c)
	r.SetStrokeColor(colNone)
	r.SetFillColor(colNone)
	r.Text(s, x, y)
}

// textUp draws s rotated to read bottom to top, starting at (x, y) on its
// baseline; the letters extend to the left of x.
func textUp(r chart.Renderer, s string, x, y int, size float64, c drawing.Color) {
	r.SetTextRotation(-math.Pi / 2)
	text(r, s, x, y, size, c)
	r.ClearTextRotation()
}

func fillRect(r chart.Renderer, x0, y0, x1, y1 int, c drawing.Color) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	r.SetFillColor(c)
	r.SetStrokeColor(colNone)
	r.SetStrokeWidth(0)
	rectPath(r, x0, y0, x1, y1)
	r.Fill()
}

func strokeRect(r chart.Renderer, x0, y0, x1, y1 int, c drawing.Color, w float64) {
	r.SetFillColor(colNone)
	r.SetStrokeColor(c)
	r.SetStrokeWidth(w)
	rectPath(r, x0, y0, x1, y1)
	r.Stroke()
}

// rectPath traces a closed, undashed rectangle for Fill or Stroke.
func rectPath(r chart.Renderer, x0, y0, x1, y1 int) {
	r.SetStrokeDashArray(nil)
	r.MoveTo(x0, y0)
	r.LineTo(x1, y0)
	r.LineTo(x1, y1)
	r.LineTo(x0, y1)
	r.LineTo(x0, y0)
	r.Close()
}

func line(r chart.Renderer, x0, y0, x1, y1 int, c drawing.Color, w float64, dash []float64) {
	r.SetFillColor(colNone)
	r.SetStrokeColor(c)
	r.SetStrokeWidth(w)
	r.SetStrokeDashArray(dash)
	r.MoveTo(x0, y0)
	r.LineTo(x1, y1)
	r.Stroke()
	r.SetStrokeDashArray(nil)
}

func dot(r chart.Renderer, x, y int, radius float64, c drawing.Color) {
	r.SetFillColor(c)
	r.SetStrokeColor(colWhite)
	r.SetStrokeWidth(max(1, radius/3))
	r.SetStrokeDashArray(nil)
	r.Circle(radius, x, y)
	r.FillStroke()
}

// hatch draws diagonal lines across a rectangle, clipped to it.
func hatch(r chart.Renderer, x0, y0, x1, y1 int, c drawing.Color, w float64, step int) {
	h := y1 - y0
	if h <= 0 || x1 <= x0 || step < 2 {
		return
	}
	r.SetFillColor(colNone)
	r.SetStrokeColor(c)
	r.SetStrokeWidth(w)
	r.SetStrokeDashArray(nil)
	n := 0
	for k := x0 - h; k < x1; k += step {
		// The line runs from (k, y1) to (k+h, y0): points (k+t, y1-t).
		t0, t1 := max(0, x0-k), min(h, x1-k)
		if t0 >= t1 {
			continue
		}
		r.MoveTo(k+t0, y1-t0)
		r.LineTo(k+t1, y1-t1)
		n++
	}
	if n > 0 {
		r.Stroke()
	}
}

// Numbers and ticks.

// FmtInt writes n with thousands separators: 12,345.
func FmtInt(n int) string {
	s := strconv.Itoa(max(n, -n))
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if n < 0 {
		return "-" + string(b)
	}
	return string(b)
}

// valueAxis returns a whole-number axis from 0 that holds v, with about n
// labelled ticks.
func valueAxis(v float64, n int) axis {
	if !(v > 0) || math.IsInf(v, 0) {
		v = 1
	}
	raw := v / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		step = f * mag
		if step >= raw {
			break
		}
	}
	step = math.Max(1, math.Round(step))
	top := math.Ceil(v/step) * step
	a := axis{min: 0, max: top, grid: true}
	for t := 0.0; t <= top+step/2; t += step {
		a.ticks = append(a.ticks, chart.Tick{Value: t, Label: FmtInt(int(t))})
	}
	return a
}

// labelStep picks 1, 2, 5, 10, … so that n labels of width lw fit in w
// pixels with room between them.
func labelStep(n, lw, w int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100} {
		if (n/s+1)*lw*8/5 <= w {
			return s
		}
	}
	return 100
}

// spread places labels wanted at sorted positions xs at least d apart,
// keeping their order and moving them as little as possible, within
// [lo, hi] when it can.
func spread(xs []float64, d, lo, hi float64) []float64 {
	type cluster struct {
		first, n int
		sum      float64 // Σ (x_j − k_j·d) over members, k_j the rank in the cluster
	}
	pos := func(c cluster) float64 {
		p := c.sum / float64(c.n)
		p = math.Min(p, hi-float64(c.n-1)*d)
		return math.Max(p, lo)
	}
	var cs []cluster
	for i, x := range xs {
		cs = append(cs, cluster{first: i, n: 1, sum: x})
		for len(cs) > 1 {
			a, b := cs[len(cs)-2], cs[len(cs)-1]
			if pos(a)+float64(a.n)*d <= pos(b) {
				break
			}
			cs = cs[:len(cs)-1]
			cs[len(cs)-1] = cluster{first: a.first, n: a.n + b.n, sum: a.sum + b.sum - float64(b.n*a.n)*d}
		}
	}
	out := make([]float64, len(xs))
	for _, c := range cs {
		p := pos(c)
		for k := 0; k < c.n; k++ {
			out[c.first+k] = p + float64(k)*d
		}
	}
	return out
}

// SVG output.

// svgRenderer escapes text for XML: go-chart writes it verbatim.
type svgRenderer struct{ chart.Renderer }

func (s svgRenderer) Text(body string, x, y int) { s.Renderer.Text(html.EscapeString(body), x, y) }

// pngRenderer corrects go-chart's raster text size: it scales fonts by
// DPI/64 where the SVG renderer and text measurement use DPI/72.
type pngRenderer struct{ chart.Renderer }

func (p pngRenderer) SetDPI(dpi float64) { p.Renderer.SetDPI(dpi * 64 / 72) }

func pngProvider(w, h int) (chart.Renderer, error) {
	r, err := chart.PNG(w, h)
	if err != nil {
		return nil, err
	}
	return pngRenderer{r}, nil
}

func svgProvider(w, h int) (chart.Renderer, error) {
	r, err := chart.SVG(w, h)
	if err != nil {
		return nil, err
	}
	return svgRenderer{r}, nil
}

var (
	fontFamily  = regexp.MustCompile(`font-family:[^;"]*`)
	rotatedText = regexp.MustCompile(`<text x="(-?\d+)" y="(-?\d+)" (style="[^"]*") transform="rotate\((-?[\d.]+),-?\d+,-?\d+\)"`)
)

// svgFonts is the family list written into SVG files: the embedded font's
// name first, then metric-compatible fallbacks that LibreOffice and
// browsers have.
const svgFonts = `font-family:Roboto,Arial,'Liberation Sans',Helvetica,'DejaVu Sans',sans-serif;font-weight:500`

// fixSVG gives go-chart's SVG a size (it writes only a viewBox) and a
// font-family fallback list.
func fixSVG(b []byte, w, h int) []byte {
	open := []byte(`<svg xmlns="http://www.w3.org/2000/svg"`)
	sized := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `"`)
	b = bytes.Replace(b, open, sized, 1)
	b = fontFamily.ReplaceAll(b, []byte(svgFonts))
	// rotate(a, cx, cy) is not understood everywhere (ImageMagick's own
	// renderer drops the text); translate-then-rotate is.
	b = rotatedText.ReplaceAll(b, []byte(`<text x="0" y="0" $3 transform="translate($1,$2) rotate($4)"`))
	return append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), b...)
}

// fitted is a set of rotated labels sized so that each fits its room whole:
// every label wraps into at most two lines at one shared font size.
type fitted struct {
	lines [][]string
	size  float64
	most  int // the most lines any label takes
}

// fitUp fits labels drawn upright-rotated into maxPx of length. Rather than
// cut a label, it wraps it onto a second line and, if that is not enough,
// shrinks the font for all labels alike (down to 60% of the label size), so a
// chart never shows half a name.
func (m *metrics) fitUp(labels []string, maxPx int) fitted {
	f := fitted{lines: make([][]string, len(labels))}
	for size := m.label; ; size *= 0.92 {
		f.size, f.most = size, 1
		ok := true
		for i, s := range labels {
			f.lines[i] = m.wrap(s, size, maxPx)
			f.most = max(f.most, len(f.lines[i]))
			if len(f.lines[i]) > 2 || f.length(i, m) > maxPx {
				ok = false
			}
		}
		if ok || size*0.92 < m.label*0.6 {
			return f
		}
	}
}

// length is the drawn length of label i: its widest line.
func (f fitted) length(i int, m *metrics) int {
	w := 0
	for _, l := range f.lines[i] {
		w = max(w, m.width(l, f.size))
	}
	return w
}
