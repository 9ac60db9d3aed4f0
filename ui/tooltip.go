package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tooltip is a small label that follows the mouse over the map.
type tooltip struct {
	layer *fyne.Container
	box   *fyne.Container
	text  *widget.Label
	bg    *canvas.Rectangle
}

func newTooltip() *tooltip {
	t := &tooltip{text: widget.NewLabel("")}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.CornerRadius = 6
	t.bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	t.bg.StrokeWidth = 1
	t.box = container.NewStack(t.bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

func (t *tooltip) show(text string, at fyne.Position, area fyne.Size) {
	t.text.SetText(text)
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	sz := t.box.MinSize()
	pos := at.Add(fyne.NewPos(16, 16))
	if pos.X+sz.Width > area.Width {
		pos.X = at.X - sz.Width - 8
	}
	if pos.Y+sz.Height > area.Height {
		pos.Y = at.Y - sz.Height - 8
	}
	pos.X = max(0, pos.X)
	pos.Y = max(0, pos.Y)
	t.box.Resize(sz)
	t.box.Move(pos)
	t.box.Show()
	t.layer.Refresh()
}

func (t *tooltip) hide() {
	if t.box.Visible() {
		t.box.Hide()
	}
}
