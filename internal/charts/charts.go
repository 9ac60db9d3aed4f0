// Package charts draws the briefing charts (attacks per year, people
// killed, fighter estimates, a monthly timeline with milestones, target
// types) as PNG or SVG. It is the only package that imports go-chart; it
// aggregates only the records selected by filter.Apply, and colours
// countries and target types as the map does (package symbology).
package charts

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"math"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/pngenc"
)

// Kind names a chart.
type Kind string

// The chart kinds, in menu order.
const (
	KindTrends   Kind = "trends"   // attacks per year, stacked by country
	KindKilled   Kind = "killed"   // people killed per year: central line, low–high band
	KindFighters Kind = "fighters" // published fighter-strength estimates
	KindTimeline Kind = "timeline" // attacks per month with milestones
	KindTargets  Kind = "targets"  // attacks by target type
	KindMonitors Kind = "monitors" // deaths attributed to ISKP per year, by systematic monitor
)

// Kinds lists every chart kind.
var Kinds = []Kind{KindTrends, KindKilled, KindFighters, KindTimeline, KindTargets, KindMonitors}

// ParseKind returns the kind named s.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// KindNames is "trends|killed|…" for usage messages.
func KindNames() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Format is an output encoding.
type Format string

// The output formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// Input is what a chart is drawn from.
type Input struct {
	Records []events.Record
	// Index lists the selected records (filter.Apply's result). When nil,
	// Render applies Filter to Records itself; an empty, non-nil Index is
	// an empty selection.
	Index  []events.RecordIndex
	Data   *dataset.Dataset // fighter estimates, milestones, sources; may be nil
	Filter filter.Filter    // described in the footer; its dates bound estimates and milestones
	// Source names the data in the footer, e.g. "ISK Brief dataset
	// 2026-11-22" or an events file name. Default: the dataset version.
	Source string
	// Layers names the record layers: Layers[k] is the name of the records
	// with Layer == k (0: the embedded dataset, or the events file that
	// replaced it). Charts say which layers they count.
	Layers []string
	// Folded lists, per record, the layers of the duplicates merged into
	// it (nil when nothing was merged): titles name those layers too.
	Folded map[events.RecordIndex][]uint8
	// TextScale fixes the size of text (1 = sized for a 1920×1080 slide);
	// 0 sizes it from the chart's own size.
	TextScale float64
}

func (in *Input) selected() []events.RecordIndex {
	if in.Index == nil {
		return in.Filter.Apply(in.Records)
	}
	return in.Index
}

// Coverage is what the embedded dataset holds, said wherever a chart
// counts it: it is a curated record, not a census of the group's attacks.
const Coverage = "deadly attacks (10 or more killed), every attack or plot abroad, and widely reported attacks on officials, journalists, clerics and aid workers; not every ISKP attack"

// embeddedLayer names the dataset's own layer in Input.Layers.
const embeddedLayer = "ISK Brief dataset"

// counted names what the selected records are drawn from: "the ISK Brief
// dataset", "ACLED import", "the ISK Brief dataset + ACLED import", and
// whether the curated dataset is all of it.
func (in *Input) counted(idx []events.RecordIndex) (from string, curatedOnly bool) {
	names := LayersOf(in.Records, in.Layers, idx, in.Folded)
	curatedOnly = len(names) == 1 && names[0] == embeddedLayer
	if curatedOnly {
		return "the ISK Brief dataset", true
	}
	return strings.Join(names, " + "), false
}

// LayersOf names the layers the records idx come from, in layer order:
// layers[k] names layer k, and folded[r] lists the layers of the duplicates
// merged into record r, which count as drawn from too. With no records it
// names the first layer, what an empty chart or map was drawn from.
func LayersOf(recs []events.Record, layers []string, idx []events.RecordIndex, folded map[events.RecordIndex][]uint8) []string {
	var seen [256]bool
	for _, i := range idx {
		seen[recs[i].Layer] = true
		for _, l := range folded[i] {
			seen[l] = true
		}
	}
	var names []string
	for k := range seen {
		if !seen[k] {
			continue
		}
		name := embeddedLayer
		if k < len(layers) {
			name = layers[k]
		} else if k > 0 {
			name = fmt.Sprintf("layer %d", k)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		names = []string{embeddedLayer}
		if len(layers) > 0 {
			names[0] = layers[0]
		}
	}
	return names
}

func (in *Input) source() string {
	if in.Source != "" {
		return in.Source
	}
	if in.Data != nil && in.Data.Version != "" {
		return "ISK Brief dataset " + in.Data.Version
	}
	return "ISK Brief"
}

// Size limits of Render.
const (
	MinWidth, MinHeight = 320, 200
	MaxWidth, MaxHeight = 8192, 8192
)

// Render draws a chart of kind k at w×h pixels and returns the encoded
// file. It renders in memory and returns either a complete image or an
// error, never a partial one. Empty selections give a chart that says so.
func Render(k Kind, in Input, format Format, w, h int) ([]byte, error) {
	if format != PNG && format != SVG {
		return nil, fmt.Errorf("format %q: expected png or svg", format)
	}
	// An SVG viewer draws with whatever font it has (LibreOffice falls back
	// to the wider DejaVu Sans): lay text out with room to spare.
	slack := 1.0
	if format == SVG {
		slack = 1.12
	}
	c, err := buildWith(k, in, w, h, nil, slack)
	if err != nil {
		return nil, err
	}
	if format == SVG {
		var buf bytes.Buffer
		buf.Grow(64 << 10)
		if err := draw(c, svgProvider, &buf); err != nil {
			return nil, err
		}
		return fixSVG(buf.Bytes(), w, h), nil
	}
	img, err := renderRGBA(c)
	if err != nil {
		return nil, err
	}
	return pngenc.Encode(img)
}

// RenderImage draws a chart into an image, for a window to show.
func RenderImage(k Kind, in Input, w, h int) (*image.RGBA, error) {
	img, _, err := RenderInteractive(k, in, w, h)
	return img, err
}

// Hit is what a click on a chart points at: a year (trends, killed,
// timeline) or a target type (targets). Zero values mean "nothing".
type Hit struct {
	Year    int
	Month   int // 1–12 when the chart counts months, else 0
	Target  string
	Country string // trends: the country of the bar segment clicked
}

// Hits maps pixels of a rendered chart back to data, so a click on a bar
// can filter the map.
type Hits struct {
	kind    Kind
	box     chart.Box
	xr, yr  chart.Range
	targets []string
	monthly bool
	stack   func(year int, v float64) string
	ok      bool
}

// RenderInteractive draws a chart and returns, with it, the map from its
// pixels back to years or target types.
func RenderInteractive(k Kind, in Input, w, h int) (*image.RGBA, *Hits, error) {
	hits := &Hits{kind: k}
	c, err := buildWith(k, in, w, h, hits, 1)
	if err != nil {
		return nil, nil, err
	}
	img, err := renderRGBA(c)
	return img, hits, err
}

// inverse maps a pixel offset within a range's domain back to a value.
func inverse(r chart.Range, px int) float64 {
	d := r.GetDomain()
	if d == 0 {
		return r.GetMin()
	}
	return r.GetMin() + float64(px)/float64(d)*(r.GetMax()-r.GetMin())
}

// At returns what lies under pixel (x, y); ok is false outside the plot or
// for charts without clickable categories.
func (h *Hits) At(x, y int) (Hit, bool) {
	if h == nil || !h.ok || x < h.box.Left || x > h.box.Right || y < h.box.Top || y > h.box.Bottom {
		return Hit{}, false
	}
	switch h.kind {
	case KindTrends, KindKilled:
		bin := int(math.Round(inverse(h.xr, x-h.box.Left)))
		hit := Hit{Year: bin}
		if h.monthly {
			hit.Year, hit.Month = bin/12, bin%12+1
		}
		if h.stack != nil {
			hit.Country = h.stack(bin, inverse(h.yr, h.box.Bottom-y))
		}
		return hit, true
	case KindTimeline:
		return Hit{Year: int(math.Round(inverse(h.xr, x-h.box.Left))) / 12}, true
	case KindTargets:
		n := len(h.targets)
		i := n - 1 - int(math.Round(inverse(h.yr, h.box.Bottom-y)))
		if i >= 0 && i < n && h.targets[i] != "" {
			return Hit{Target: h.targets[i]}, true
		}
	}
	return Hit{}, false
}

func buildWith(k Kind, in Input, w, h int, hits *Hits, slack float64) (*chart.Chart, error) {
	if w < MinWidth || h < MinHeight || w > MaxWidth || h > MaxHeight {
		return nil, fmt.Errorf("chart size %d×%d: expected %d×%d to %d×%d", w, h, MinWidth, MinHeight, MaxWidth, MaxHeight)
	}
	m := newMetrics(w, h, in.TextScale)
	m.slack = slack
	var sp spec
	switch k {
	case KindTrends:
		sp = trendsSpec(&in, m)
	case KindKilled:
		sp = killedSpec(&in, m)
	case KindFighters:
		sp = fightersSpec(&in, m)
	case KindTimeline:
		sp = timelineSpec(&in, m)
	case KindTargets:
		sp = targetsSpec(&in, m)
	case KindMonitors:
		sp = monitorsSpec(&in, m)
	default:
		return nil, fmt.Errorf("chart kind %q: expected one of %s", k, KindNames())
	}
	sp.footer = "Source: " + in.source() + " · Filter: " + in.Filter.String() + sp.note
	if hits != nil && sp.message == "" && sp.plot != nil {
		draw := sp.plot
		hits.targets, hits.stack, hits.monthly = sp.targets, sp.stack, sp.monthly
		sp.plot = func(p *plot) {
			hits.box, hits.xr, hits.yr, hits.ok = p.box, p.xr, p.yr, true
			draw(p)
		}
	}
	return sp.chart(m), nil
}

// rgbaCollector receives the raster renderer's image instead of a PNG.
type rgbaCollector struct{ img *image.RGBA }

func (c *rgbaCollector) SetRGBA(i *image.RGBA)       { c.img = i }
func (c *rgbaCollector) Write(p []byte) (int, error) { return len(p), nil }

func renderRGBA(c *chart.Chart) (*image.RGBA, error) {
	var col rgbaCollector
	if err := draw(c, pngProvider, &col); err != nil {
		return nil, err
	}
	if col.img == nil {
		return nil, errors.New("chart renderer returned no image")
	}
	return col.img, nil
}

// draw renders through go-chart, turning its panics (mismatched series,
// for one) into errors.
func draw(c *chart.Chart, rp chart.RendererProvider, w interface{ Write([]byte) (int, error) }) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("chart rendering failed: %v", p)
		}
	}()
	if err := c.Render(rp, w); err != nil {
		return fmt.Errorf("chart rendering failed: %w", err)
	}
	return nil
}
