package ui

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/charts"
)

// kindLabels are the chart menu entries, in charts.Kinds order.
var kindLabels = map[charts.Kind]string{
	charts.KindTrends:   "Attacks per year, by country",
	charts.KindKilled:   "People killed per year",
	charts.KindFighters: "Fighter-strength estimates",
	charts.KindTimeline: "Monthly timeline with milestones",
	charts.KindTargets:  "Attacks by target type",
	charts.KindMonitors: "Deaths by monitor (UNAMA, GTI…)",
}

// ChartView shows one chart of the current selection. A click on a year or
// a target bar reports what it hit, so the window can filter the map.
type ChartView struct {
	widget.BaseWidget

	// OnHit is called with what a click on the chart pointed at.
	OnHit func(charts.Hit)
	// OnKind is called when the user picks another chart.
	OnKind func(charts.Kind)

	img    *canvas.Image
	choose *Choice
	obj    fyne.CanvasObject

	mu    sync.Mutex
	kind  charts.Kind
	input charts.Input
	hits  *charts.Hits
	size  image.Point // pixel size of the last render
	gen   uint64
	timer *time.Timer
}

var _ fyne.Tappable = (*ChartView)(nil)

// NewChartView returns a chart view showing trends.
func NewChartView(extra ...fyne.CanvasObject) *ChartView {
	v := &ChartView{kind: charts.KindTrends}
	v.img = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	v.img.FillMode = canvas.ImageFillContain
	v.img.ScaleMode = canvas.ImageScaleSmooth
	var names []string
	for _, k := range charts.Kinds {
		names = append(names, kindLabels[k])
	}
	v.choose = NewChoice(names, func(s string) {
		for k, l := range kindLabels {
			if l == s {
				v.SetKind(k)
				if v.OnKind != nil {
					v.OnKind(k)
				}
			}
		}
	})
	v.choose.SetSelected(kindLabels[v.kind])
	v.ExtendBaseWidget(v)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(extra...), v.choose)
	v.obj = container.NewBorder(top, widget.NewLabel("Click a bar (year and country) or a target type to filter the map."), nil, nil, v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *ChartView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.img) }

// Object is the view with its chart menu.
func (v *ChartView) Object() fyne.CanvasObject { return v.obj }

// Kind returns the chart shown.
func (v *ChartView) Kind() charts.Kind {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.kind
}

// SetKind switches the chart.
func (v *ChartView) SetKind(k charts.Kind) {
	v.mu.Lock()
	changed := v.kind != k
	v.kind = k
	v.mu.Unlock()
	if v.choose.Selected != kindLabels[k] {
		v.choose.SetSelected(kindLabels[k])
	}
	if changed {
		v.redraw()
	}
}

// SetInput redraws the chart for a new selection.
func (v *ChartView) SetInput(in charts.Input) {
	v.mu.Lock()
	v.input = in
	v.mu.Unlock()
	v.redraw()
}

// Resize redraws at the new size.
func (v *ChartView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	v.redraw()
}

// pixels is the widget's size in device pixels.
func (v *ChartView) pixels() (int, int, float32) {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	s := v.Size()
	return int(s.Width * scale), int(s.Height * scale), scale
}

// redraw schedules a render shortly, so a burst of resizes or filter edits
// renders once.
func (v *ChartView) redraw() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.timer != nil {
		v.timer.Stop()
	}
	v.timer = time.AfterFunc(50*time.Millisecond, func() { fyne.Do(v.render) })
}

// render draws on a goroutine; only the newest request is shown.
func (v *ChartView) render() {
	w, h, _ := v.pixels()
	if w < charts.MinWidth || h < charts.MinHeight {
		return
	}
	v.mu.Lock()
	v.gen++
	gen, kind, in := v.gen, v.kind, v.input
	v.mu.Unlock()
	if in.Data == nil {
		return
	}
	go func() {
		img, hits, err := charts.RenderInteractive(kind, in, w, h)
		if err != nil {
			return // the footer and message paths make this unreachable in practice
		}
		fyne.Do(func() {
			v.mu.Lock()
			if gen != v.gen {
				v.mu.Unlock()
				return
			}
			v.hits, v.size = hits, image.Pt(w, h)
			v.mu.Unlock()
			v.img.Image = img
			v.img.Refresh()
		})
	}()
}

// Tapped maps the click to chart data.
func (v *ChartView) Tapped(e *fyne.PointEvent) {
	_, _, scale := v.pixels()
	v.mu.Lock()
	hits, size := v.hits, v.size
	v.mu.Unlock()
	// The image is drawn at the widget's size, so pixels map directly.
	x, y := int(e.Position.X*scale), int(e.Position.Y*scale)
	if x >= size.X || y >= size.Y {
		return
	}
	if h, ok := hits.At(x, y); ok && v.OnHit != nil {
		v.OnHit(h)
	}
}
