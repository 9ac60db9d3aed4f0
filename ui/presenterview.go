package ui

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// presenterView is the briefer's own window while presenting, as in
// PowerPoint: the speaker notes, the next slide, the slide count and a
// timer, while the audience's full-screen window shows only the slide. The
// app cannot tell which screen is the laptop's, so P opens it (drag it to
// the laptop screen) and closes it again; its keys move the slides too.
type presenterView struct {
	win          fyne.Window
	count, clock *widget.Label
	notes        *widget.Label
	next         *canvas.Image
	started      time.Time
	stop         chan struct{}
}

func newPresenterView(p *Presenter) *presenterView {
	v := &presenterView{started: time.Now(), stop: make(chan struct{})}
	v.win = fyne.CurrentApp().NewWindow("ISK Brief — presenter view")
	v.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.count.SizeName = theme.SizeNameHeadingText
	v.clock = widget.NewLabelWithStyle("0:00", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	v.clock.SizeName = theme.SizeNameHeadingText
	v.notes = widget.NewLabel("")
	v.notes.Wrapping = fyne.TextWrapWord
	v.notes.SizeName = theme.SizeNameSubHeadingText
	v.next = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	v.next.FillMode = canvas.ImageFillContain
	v.next.SetMinSize(fyne.NewSize(384, 216))
	prev := widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), func() { p.Go(-1) })
	fwd := widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { p.Go(1) })
	side := container.NewVBox(widget.NewLabel("Next slide"), v.next, container.NewGridWithColumns(2, prev, fwd))
	top := container.NewBorder(nil, nil, v.count, v.clock)
	v.win.SetContent(container.NewBorder(top, nil, nil, side, container.NewVScroll(v.notes)))
	v.win.Canvas().SetOnTypedKey(p.key)
	v.win.Canvas().SetOnTypedRune(p.rune)
	v.win.Resize(fyne.NewSize(1100, 560))
	v.win.SetCloseIntercept(func() { p.togglePresenterView() })
	v.win.Show()
	go v.tick()
	return v
}

// tick updates the timer every second until the view closes.
func (v *presenterView) tick() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-v.stop:
			return
		case <-t.C:
			d := time.Since(v.started).Round(time.Second)
			fyne.Do(func() { v.clock.SetText(fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)) })
		}
	}
}

// show describes slide i of n, its notes and the next slide's picture (nil
// after the last).
func (v *presenterView) show(i, n int, notes string, next image.Image) {
	v.count.SetText(fmt.Sprintf("Slide %d of %d", i+1, n))
	v.notes.SetText(notes)
	if next == nil {
		next = image.NewRGBA(image.Rect(0, 0, 16, 9))
	}
	v.next.Image = next
	v.next.Refresh()
}

func (v *presenterView) close() {
	close(v.stop)
	v.win.Close()
}
