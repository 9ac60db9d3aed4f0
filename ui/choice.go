package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Choice is a drop-down list, used instead of widget.Select. Fyne 2.7's
// Select looks its canvas up when tapped and crashes if the lookup fails
// (fyne-io/fyne#5965, fixed upstream after 2.7.1); Choice falls back to the
// app's window so a tap can never bring the app down.
type Choice struct {
	widget.BaseWidget

	Options   []string
	Selected  string
	OnChanged func(string)

	button *widget.Button
}

var _ fyne.Widget = (*Choice)(nil)

// NewChoice returns a drop-down over options, calling changed on selection.
func NewChoice(options []string, changed func(string)) *Choice {
	c := &Choice{Options: options, OnChanged: changed}
	c.button = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), c.show)
	c.button.IconPlacement = widget.ButtonIconTrailingText
	c.button.Alignment = widget.ButtonAlignLeading
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *Choice) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.button) }

// MinSize fits the longest option, so the widget does not change width when
// the selection changes.
func (c *Choice) MinSize() fyne.Size {
	c.ExtendBaseWidget(c)
	min := c.button.MinSize()
	text := c.button.Text
	for _, o := range c.Options {
		c.button.Text = o
		min = min.Max(c.button.MinSize())
	}
	c.button.Text = text
	return min
}

// SetSelected selects an option, calling OnChanged if the value changed.
func (c *Choice) SetSelected(s string) {
	changed := s != c.Selected
	c.Selected = s
	c.button.SetText(s)
	if changed && c.OnChanged != nil {
		c.OnChanged(s)
	}
}

// Refresh redraws after Options or Selected were set directly.
func (c *Choice) Refresh() {
	c.button.SetText(c.Selected)
	c.BaseWidget.Refresh()
}

// canvasFor is the canvas showing o, or the app's first window's canvas
// when o is not (or no longer) attached to one.
func canvasFor(o fyne.CanvasObject) fyne.Canvas {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		return c
	}
	if ws := fyne.CurrentApp().Driver().AllWindows(); len(ws) > 0 {
		return ws[0].Canvas()
	}
	return nil
}

// show pops the options up under the widget.
func (c *Choice) show() {
	cv := canvasFor(c)
	if cv == nil || len(c.Options) == 0 {
		return
	}
	items := make([]*fyne.MenuItem, len(c.Options))
	for i, o := range c.Options {
		o := o
		items[i] = fyne.NewMenuItem(o, func() { c.SetSelected(o) })
		items[i].Checked = o == c.Selected
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(fyne.NewPos(0, c.Size().Height))
	menu := widget.NewPopUpMenu(fyne.NewMenu("", items...), cv)
	menu.ShowAtPosition(pos)
	menu.Resize(fyne.NewSize(max(c.Size().Width, menu.MinSize().Width), menu.MinSize().Height))
}
