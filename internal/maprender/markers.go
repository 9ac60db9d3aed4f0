package maprender

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
)

// Marker flags.
const (
	FlagFoiled   = 1 << iota // a foiled plot: drawn hollow
	FlagTown                 // location known to the town: faint precision ring
	FlagProvince             // location known to the province: wider ring
)

// Marker is one event as the renderer sees it: a projected position, a
// casualty figure for its size, a colour category and flags. It is kept small
// so a million fit in cache-friendly memory.
type Marker struct {
	X, Y     float32 // projected units
	Killed   int32
	Category uint8 // index into the colours passed to Layout
	Flags    uint8
}

// Item is one thing drawn on the map: a single marker or a cluster.
type Item struct {
	X, Y, R float32     // device pixels
	Count   int32       // 1 for a single marker
	Index   MarkerIndex // a single marker, or a cluster's largest member
	Killed  int64       // sum over members
	Foiled  bool        // foiled plots cluster only with foiled plots
	mix     [8]int32
}

// Frame is the laid-out marker layer for one viewport: what was drawn, and a
// grid over it for finding what is under the cursor.
type Frame struct {
	VP    Viewport
	Items []Item
	// Where the overlays went, so a caller can place more (an inset map)
	// without covering them: the legend's box (empty if none), the bottom
	// of the title band (and the title's own box) and the top of the scale bar.
	Legend, Title         image.Rectangle
	TitleBottom, ScaleTop int

	cell  float64
	cols  int
	rows  int
	cells [][]int32 // item indices per grid cell
}

// Marker sizing in logical pixels: area grows with the number killed.
const (
	minRadius    = 5.0
	radiusPerSqr = 1.9
	clusterCell  = 44.0 // logical pixels: markers closer than this merge
)

// MarkerRadius is the device-pixel radius of a single marker.
func MarkerRadius(killed int32, scale float64) float64 {
	return (minRadius + radiusPerSqr*math.Sqrt(float64(max(killed, 0)))) * scale
}

// maxClusterRadius caps a cluster's size (logical pixels), so the deadliest
// clusters do not pave over the map.
const maxClusterRadius = 60.0

// clusterRadius sizes a cluster by the people killed in it, on the same
// area scale as single markers (up to maxClusterRadius), and never smaller
// than its count needs: a cluster of small attacks and one holding a
// mass-casualty attack no longer look alike.
func clusterRadius(count int32, killed int64, scale float64) float64 {
	byCount := math.Min(10+3*math.Log2(float64(count)), clusterCell/2+2) * scale
	byKilled := math.Min(MarkerRadius(int32(min(killed, math.MaxInt32)), scale), maxClusterRadius*scale)
	return math.Max(byCount, byKilled)
}

// Layout decides what to draw: it culls markers outside the view and, unless
// the view is fully zoomed in, merges markers that share a grid cell into
// clusters. The grid walk is O(n), so a million markers lay out in
// milliseconds.
func Layout(vp Viewport, markers []Marker) *Frame { return LayoutSelected(vp, markers, NoMarker) }

// MarkerIndex is a position in the markers of one frame's Options.
type MarkerIndex int32

// NoMarker is the MarkerIndex of "none".
const NoMarker MarkerIndex = -1

// LayoutSelected is Layout that keeps one marker (the selection) out of the
// clusters, so the selected event is always visible with its ring.
func LayoutSelected(vp Viewport, markers []Marker, selected MarkerIndex) *Frame {
	f := &Frame{VP: vp}
	scale := vp.Scale
	cell := clusterCell * scale
	cluster := !vp.AtMaxZoom()
	w, h := float64(vp.W), float64(vp.H)
	margin := 40 * scale
	cx, cy := float32(vp.Center[0]), float32(vp.Center[1])
	z := float32(vp.Zoom)
	hw, hh := float32(w/2), float32(h/2)

	if !cluster {
		for i, m := range markers {
			x, y := (m.X-cx)*z+hw, (m.Y-cy)*z+hh
			if float64(x) < -margin || float64(y) < -margin || float64(x) > w+margin || float64(y) > h+margin {
				continue
			}
			it := Item{X: x, Y: y, Count: 1, Index: MarkerIndex(i), Killed: int64(m.Killed), R: float32(MarkerRadius(m.Killed, scale))}
			it.mix[m.Category&7]++
			f.Items = append(f.Items, it)
		}
		spreadCoincident(f.Items, scale)
	} else {
		// Accumulate per cell, anchored to world coordinates so clusters do
		// not jump while panning.
		type acc struct {
			sx, sy float64
			n      int32
			killed int64
			best   MarkerIndex
			bestK  int32
			mix    [8]int32
		}
		ox := math.Floor((vp.Center[0]*vp.Zoom-w/2-margin)/cell) * cell
		oy := math.Floor((vp.Center[1]*vp.Zoom-h/2-margin)/cell) * cell
		cols := int(math.Ceil((w+2*margin)/cell)) + 2
		rows := int(math.Ceil((h+2*margin)/cell)) + 2
		// Accumulate in two halves at once (large inputs), then add up.
		accumulate := func(grid []acc, from, to int) {
			for i := from; i < to; i++ {
				m := markers[i]
				x, y := (m.X-cx)*z+hw, (m.Y-cy)*z+hh
				if float64(x) < -margin || float64(y) < -margin || float64(x) > w+margin || float64(y) > h+margin || MarkerIndex(i) == selected {
					continue
				}
				gx := int((float64(m.X)*vp.Zoom - ox) / cell)
				gy := int((float64(m.Y)*vp.Zoom - oy) / cell)
				if gx < 0 || gy < 0 || gx >= cols || gy >= rows {
					continue
				}
				// Two layers of cells: foiled plots never merge with attacks.
				k := gy*cols + gx
				if m.Flags&FlagFoiled != 0 {
					k += cols * rows
				}
				a := &grid[k]
				if a.n == 0 || m.Killed > a.bestK {
					a.best, a.bestK = MarkerIndex(i), m.Killed
				}
				a.n++
				a.sx += float64(x)
				a.sy += float64(y)
				a.killed += int64(m.Killed)
				a.mix[m.Category&7]++
			}
		}
		grid := make([]acc, 2*cols*rows)
		if len(markers) < 50_000 {
			accumulate(grid, 0, len(markers))
		} else {
			other := make([]acc, 2*cols*rows)
			half := len(markers) / 2
			done := make(chan struct{})
			go func() { accumulate(other, half, len(markers)); close(done) }()
			accumulate(grid, 0, half)
			<-done
			for k := range grid {
				o := &other[k]
				if o.n == 0 {
					continue
				}
				a := &grid[k]
				if a.n == 0 || o.bestK > a.bestK {
					a.best, a.bestK = o.best, o.bestK
				}
				a.n += o.n
				a.sx += o.sx
				a.sy += o.sy
				a.killed += o.killed
				for c := range a.mix {
					a.mix[c] += o.mix[c]
				}
			}
		}
		for k, a := range grid {
			if a.n == 0 {
				continue
			}
			it := Item{X: float32(a.sx / float64(a.n)), Y: float32(a.sy / float64(a.n)), Count: a.n, Index: a.best, Killed: a.killed, mix: a.mix, Foiled: k >= cols*rows}
			if a.n == 1 {
				it.R = float32(MarkerRadius(a.bestK, scale))
			} else {
				it.R = float32(clusterRadius(a.n, a.killed, scale))
			}
			f.Items = append(f.Items, it)
		}
		f.Items = mergeOverlapping(f.Items, scale)
		if selected >= 0 && int(selected) < len(markers) {
			m := markers[selected]
			it := Item{X: (m.X-cx)*z + hw, Y: (m.Y-cy)*z + hh, Count: 1, Index: selected, Killed: int64(m.Killed), R: float32(MarkerRadius(m.Killed, scale))}
			it.mix[m.Category&7]++
			f.Items = append(f.Items, it)
		}
	}
	f.index()
	return f
}

// mergeOverlapping merges items whose circles overlap heavily. Grid cells
// cut clusters at arbitrary lines; this pass joins markers that straddle a
// cell edge so two attacks a street apart never hide each other.
func mergeOverlapping(items []Item, scale float64) []Item {
	if len(items) < 2 {
		return items
	}
	// Biggest first, so small items fold into big ones.
	slices.SortFunc(items, func(a, b Item) int { return cmp.Compare(b.Count, a.Count) })
	cell := float32(clusterCell * scale)
	type key struct{ x, y int32 }
	grid := map[key][]int{}
	out := items[:0:0]
	for _, it := range items {
		kx, ky := int32(it.X/cell), int32(it.Y/cell)
		merged := false
		for dy := int32(-1); dy <= 1 && !merged; dy++ {
			for dx := int32(-1); dx <= 1 && !merged; dx++ {
				for _, j := range grid[key{kx + dx, ky + dy}] {
					o := &out[j]
					d := math.Hypot(float64(o.X-it.X), float64(o.Y-it.Y))
					if d >= float64(o.R+it.R)*0.6 || o.Foiled != it.Foiled {
						continue
					}
					n := float32(o.Count + it.Count)
					o.X = (o.X*float32(o.Count) + it.X*float32(it.Count)) / n
					o.Y = (o.Y*float32(o.Count) + it.Y*float32(it.Count)) / n
					o.Count += it.Count
					o.Killed += it.Killed
					for c := range o.mix {
						o.mix[c] += it.mix[c]
					}
					o.R = float32(clusterRadius(o.Count, o.Killed, scale))
					merged = true
					break
				}
			}
		}
		if !merged {
			grid[key{kx, ky}] = append(grid[key{kx, ky}], len(out))
			out = append(out, it)
		}
	}
	return out
}

// index builds the hit-test grid.
func (f *Frame) index() {
	f.cell = 32 * f.VP.Scale
	f.cols = int(float64(f.VP.W)/f.cell) + 1
	f.rows = int(float64(f.VP.H)/f.cell) + 1
	f.cells = make([][]int32, f.cols*f.rows)
	for i, it := range f.Items {
		x0, x1 := f.col(float64(it.X-it.R)), f.col(float64(it.X+it.R))
		y0, y1 := f.row(float64(it.Y-it.R)), f.row(float64(it.Y+it.R))
		for gy := y0; gy <= y1; gy++ {
			for gx := x0; gx <= x1; gx++ {
				f.cells[gy*f.cols+gx] = append(f.cells[gy*f.cols+gx], int32(i))
			}
		}
	}
}

func (f *Frame) col(x float64) int { return max(0, min(f.cols-1, int(x/f.cell))) }
func (f *Frame) row(y float64) int { return max(0, min(f.rows-1, int(y/f.cell))) }

// HitTest returns the index into Items of the item under device pixel (x, y),
// or -1. Where items overlap, the one whose centre is nearest wins, so a
// small marker on top of a big one stays clickable.
func (f *Frame) HitTest(x, y float64) int {
	if f == nil || len(f.cells) == 0 || x < 0 || y < 0 || x >= float64(f.VP.W) || y >= float64(f.VP.H) {
		return -1
	}
	slop := 3 * f.VP.Scale // a little tolerance for small markers
	best, bestD := -1, math.Inf(1)
	for _, i := range f.cells[f.row(y)*f.cols+f.col(x)] {
		it := f.Items[i]
		d := math.Hypot(float64(it.X)-x, float64(it.Y)-y)
		if d <= float64(it.R)+slop && d < bestD {
			best, bestD = int(i), d
		}
	}
	return best
}

// drawItems draws the laid-out markers and clusters. Big markers go first so
// small ones stay visible on top; the selected marker goes last of all.
func drawItems(dst *image.RGBA, f *Frame, markers []Marker, colors []color.RGBA, st Style, selected MarkerIndex) {
	order := make([]int, len(f.Items))
	for i := range order {
		order[i] = i
	}
	sortByRadiusDesc(order, f.Items)
	s := f.VP.Scale
	top, bottom := float64(dst.Rect.Min.Y), float64(dst.Rect.Max.Y)
	sel := -1
	for _, i := range order {
		it := f.Items[i]
		if reach := float64(it.R) + 40*s; float64(it.Y)+reach < top || float64(it.Y)-reach > bottom {
			continue // outside this band (rings reach beyond the marker)
		}
		switch {
		case it.Count == 1 && it.Index == selected:
			sel = i
		case it.Count == 1:
			drawMarker(dst, it, markers[it.Index], colors, st, s)
		default:
			drawCluster(dst, it, colors, st, s)
		}
	}
	if sel >= 0 {
		it := f.Items[sel]
		drawMarker(dst, it, markers[it.Index], colors, st, s)
		x, y, r := float64(it.X), float64(it.Y), float64(it.R)
		disc(dst, x, y, r+5*s, color.RGBA{}, st.Halo, 5*s)
		disc(dst, x, y, r+4*s, color.RGBA{}, st.Selection, 2.5*s)
		// Keep the counts of clusters under the selection readable.
		for _, c := range f.Items {
			if c.Count > 1 && math.Hypot(float64(c.X)-x, float64(c.Y)-y) < r+float64(c.R) {
				drawClusterCount(dst, c, st, s)
			}
		}
	}
}

// drawMarker draws one event: its precision ring, then a filled disc, or a
// hollow crossed circle for a foiled plot.
func drawMarker(dst *image.RGBA, it Item, m Marker, colors []color.RGBA, st Style, s float64) {
	x, y, r := float64(it.X), float64(it.Y), float64(it.R)
	c := colorOf(colors, m.Category)
	switch {
	case m.Flags&FlagProvince != 0:
		ring(dst, x, y, math.Max(r+14*s, 30*s), c, s)
	case m.Flags&FlagTown != 0:
		ring(dst, x, y, r+6*s, c, s)
	}
	if m.Flags&FlagFoiled != 0 {
		r = math.Max(r, 9*s) // big enough for the hollow to read as hollow
		disc(dst, x, y, r, color.RGBA{}, c, 2.5*s)
		cross(dst, x, y, r*0.5, c, 2*s)
		return
	}
	fill := c
	fill.A = 0xe0
	stamp(dst, x, y, circleSprite(r, 1.1*s), fill, st.MarkerEdge)
}

func colorOf(colors []color.RGBA, cat uint8) color.RGBA {
	if int(cat) < len(colors) {
		return colors[cat]
	}
	return Palette[len(Palette)-1]
}

// ring draws the faint circle that says "somewhere around here".
func ring(dst *image.RGBA, x, y, r float64, c color.RGBA, s float64) {
	fill := c
	fill.A = 0x22
	edge := c
	edge.A = 0x70
	disc(dst, x, y, r, fill, edge, 1.2*s)
}

// cross marks a foiled plot inside its hollow circle.
func cross(dst *image.RGBA, x, y, h float64, c color.RGBA, w float64) {
	for t := -h; t <= h; t += 0.5 {
		disc(dst, x+t, y+t, w/2, c, c, 0)
		disc(dst, x+t, y-t, w/2, c, c, 0)
	}
}

// drawCluster draws a dark disc with the member count, ringed by the mix of
// categories inside it, so a cluster still says what kind of attacks it holds.
func drawCluster(dst *image.RGBA, it Item, colors []color.RGBA, st Style, s float64) {
	x, y, r := float64(it.X), float64(it.Y), float64(it.R)
	band := 4.5 * s
	total := 0.0
	for _, n := range it.mix {
		total += float64(n)
	}
	// Donut of category shares, clockwise from 12 o'clock: the outline of
	// a circle template, coloured by each texel's angle.
	var bounds [8]uint32 // cumulative share boundaries in 1/65536 turns
	acc := 0.0
	for c, n := range it.mix {
		acc += float64(n)
		bounds[c] = uint32(acc / math.Max(total, 1) * 65536)
	}
	b := dst.Bounds()
	ox, oy := int(math.Floor(x)), int(math.Floor(y))
	for _, t := range circleSprite(r, band) {
		if t.edge == 0 {
			continue
		}
		px, py := ox+int(t.dx), oy+int(t.dy)
		if px < b.Min.X || py < b.Min.Y || px >= b.Max.X || py >= b.Max.Y {
			continue
		}
		cat := 0
		for cat < 7 && uint32(t.turn) >= bounds[cat] {
			cat++
		}
		blendW(dst.Pix, dst.PixOffset(px, py), colorOf(colors, uint8(cat)), t.edge)
	}
	drawClusterCount(dst, it, st, s)
}

// drawClusterCount draws a cluster's dark centre and its number.
func drawClusterCount(dst *image.RGBA, it Item, st Style, s float64) {
	x, y, r := float64(it.X), float64(it.Y), float64(it.R)
	band := 4.5 * s
	stamp(dst, x, y, circleSprite(r-band+0.5, 1.2*s), st.ClusterFill, st.Halo)
	label := CountLabel(int64(it.Count))
	ts := TextStyle{Size: math.Max(12*s, (r-band)*0.85), Bold: true, Color: st.Halo}
	w, a, _ := measure(ts, label)
	// The number stays inside the dark centre: shrink it if it is wider.
	if room := 1.7 * (r - band); float64(w) > room && w > 0 {
		ts.Size *= room / float64(w)
		w, a, _ = measure(ts, label)
	}
	drawText(dst, ts, label, int(x)-w/2, int(y)+a/2-int(s))
}

// CountLabel is a cluster's count as its badge shows it: exact below
// 10,000, then "25k" and "1.2M" (the tooltip gives the exact figure).
func CountLabel(n int64) string {
	switch {
	case n < 10_000:
		return strconv.FormatInt(n, 10)
	case n < 999_500:
		return strconv.FormatInt((n+500)/1000, 10) + "k"
	default:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + "M"
	}
}

func sortByRadiusDesc(order []int, items []Item) {
	// Insertion into buckets by radius keeps this linear for large frames.
	const buckets = 64
	var count [buckets]int
	key := func(i int) int {
		k := int(items[i].R)
		return buckets - 1 - min(buckets-1, k)
	}
	for _, i := range order {
		count[key(i)]++
	}
	pos := 0
	for k := range count {
		n := count[k]
		count[k] = pos
		pos += n
	}
	out := make([]int, len(order))
	for _, i := range order {
		k := key(i)
		out[count[k]] = i
		count[k]++
	}
	copy(order, out)
}

// spreadCoincident fans out markers that sit on the same pixel (events known
// only to the same town centre) onto a small circle around it, so that at
// full zoom each one can be seen and clicked.
func spreadCoincident(items []Item, scale float64) {
	type px struct{ x, y int32 }
	groups := map[px][]int{}
	for i, it := range items {
		k := px{int32(math.Round(float64(it.X))), int32(math.Round(float64(it.Y)))}
		groups[k] = append(groups[k], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		maxR := 0.0
		for _, i := range g {
			maxR = math.Max(maxR, float64(items[i].R))
		}
		// A circle whose circumference holds every marker side by side.
		ring := math.Max(maxR*1.2+4*scale, float64(len(g))*(maxR*2+2*scale)/(2*math.Pi))
		for n, i := range g {
			a := 2*math.Pi*float64(n)/float64(len(g)) - math.Pi/2
			items[i].X += float32(ring * math.Cos(a))
			items[i].Y += float32(ring * math.Sin(a))
		}
	}
}
