package ui

import (
	"fmt"
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/maprender"
	"iskbrief/internal/slides"
	"iskbrief/internal/workspace"
)

// Presenter shows a briefing full screen in the projector theme, one slide
// at a time. Slides are rendered ahead on a worker, so moving between them
// is immediate.
type Presenter struct {
	win      fyne.Window
	model    *brief.Model
	slides   []workspace.Slide
	i        int
	img      *canvas.Image
	trace    func(string, ...any)
	notes    *widget.Label
	notesBox *fyne.Container
	overlay  *fyne.Container
	view     *presenterView // the briefer's window (P), or nil

	restore     fyne.CanvasObject
	wasFull     bool
	wasSize     fyne.Size
	keyHandler  func(*fyne.KeyEvent)
	runeHandler func(rune)
	onExit      func()

	mu    sync.Mutex
	cache map[int]image.Image
	size  image.Point
	done  chan struct{}
}

// Present takes over the window's content. onExit runs after Esc.
func Present(win fyne.Window, m *brief.Model, ss []workspace.Slide, start int, trace func(string, ...any), onExit func()) *Presenter {
	p := &Presenter{win: win, model: m, slides: ss, i: max(0, min(start, len(ss)-1)), trace: trace, onExit: onExit,
		cache: map[int]image.Image{}, done: make(chan struct{})}
	p.img = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	p.img.FillMode = canvas.ImageFillContain
	p.img.ScaleMode = canvas.ImageScaleSmooth
	// The slide's own white behind it: where the window is not exactly
	// 16:9, the margin is white, not a black bar at each edge.
	bg := canvas.NewRectangle(color.White)
	// Speaker notes, toggled with N: a strip along the bottom for the
	// briefer's eyes (the audience sees the slide above it).
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SizeName = theme.SizeNameHeadingText
	notesBG := canvas.NewRectangle(color.NRGBA{0xff, 0xff, 0xf0, 0xff})
	p.notesBox = container.NewStack(notesBG, container.NewPadded(p.notes))
	p.notesBox.Hide()
	p.restore = win.Content()
	p.wasFull = win.FullScreen()
	p.wasSize = win.Canvas().Size()
	p.keyHandler = win.Canvas().OnTypedKey()
	p.runeHandler = win.Canvas().OnTypedRune()
	// The notes strip takes its own room below the slide, which shrinks to
	// fit above it: the notes never cover the chart's axis, the source line
	// or the legend.
	p.overlay = container.NewBorder(nil, p.notesBox, nil, nil, p.img)
	win.SetContent(container.NewStack(bg, p.overlay))
	win.SetFullScreen(true)
	win.Canvas().SetOnTypedKey(p.key)
	win.Canvas().SetOnTypedRune(p.rune)
	p.show()
	return p
}

// pixels is the slide size: the window's size in device pixels, at 16:9.
func (p *Presenter) pixels() image.Point {
	s := p.win.Canvas().Size()
	sc := p.win.Canvas().Scale()
	w, h := int(s.Width*sc), int(s.Height*sc)
	if w <= 0 || h <= 0 {
		w, h = 1920, 1080
	}
	if w*9 > h*16 {
		w = h * 16 / 9
	} else {
		h = w * 9 / 16
	}
	return image.Pt(max(w, 640), max(h, 360))
}

func (p *Presenter) render(i int, size image.Point) image.Image {
	img, err := slides.Render(p.model, p.slides[i], slides.Layout{W: size.X, H: size.Y, Style: maprender.Projector()})
	if err != nil {
		if p.trace != nil {
			p.trace("slide %d not drawn: %v", i+1, err)
		}
		return slides.ErrorCard(size.X, size.Y, p.slides[i].Title, err)
	}
	return img
}

// show displays slide i, rendering it now if the worker has not yet.
func (p *Presenter) show() {
	size := p.pixels()
	p.mu.Lock()
	if size != p.size {
		p.cache, p.size = map[int]image.Image{}, size
		go p.prerender(size, p.i)
	}
	img, ok := p.cache[p.i]
	p.mu.Unlock()
	if !ok {
		img = p.render(p.i, size)
		p.mu.Lock()
		p.cache[p.i] = img
		p.mu.Unlock()
	}
	p.img.Image = img
	p.img.Refresh()
	notes := p.slides[p.i].Notes
	if notes == "" {
		notes = "(no speaker notes for this slide)"
	}
	p.notes.SetText(fmt.Sprintf("%d / %d — %s", p.i+1, len(p.slides), notes))
	if p.trace != nil {
		p.trace("presenting slide %d/%d: %s", p.i+1, len(p.slides), p.slides[p.i].Title)
	}
	p.updateView()
}

// prerender fills the cache for one size, nearest slides first.
func (p *Presenter) prerender(size image.Point, from int) {
	for d := 0; d < len(p.slides); d++ {
		for _, i := range []int{from + d, from - d} {
			select {
			case <-p.done:
				return
			default:
			}
			p.mu.Lock()
			_, have := p.cache[i]
			stale := p.size != size
			p.mu.Unlock()
			if stale {
				return
			}
			if i < 0 || i >= len(p.slides) || have {
				continue
			}
			img := p.render(i, size)
			p.mu.Lock()
			if p.size == size {
				p.cache[i] = img
			}
			p.mu.Unlock()
		}
	}
}

// key handles presentation clickers and the keyboard.
func (p *Presenter) key(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace, fyne.KeyDown, fyne.KeyReturn:
		p.Go(1)
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp, fyne.KeyBackspace:
		p.Go(-1)
	case fyne.KeyHome:
		p.Go(-len(p.slides))
	case fyne.KeyEnd:
		p.Go(len(p.slides))
	case fyne.KeyEscape:
		p.Exit()

	}
}

// rune toggles the speaker notes with N and the presenter view with P.
func (p *Presenter) rune(r rune) {
	if r == 'p' || r == 'P' {
		p.togglePresenterView()
		return
	}
	if r != 'n' && r != 'N' {
		return
	}
	if p.notesBox.Visible() {
		p.notesBox.Hide()
	} else {
		p.notesBox.Show()
	}
	p.overlay.Refresh() // lay the strip out again: it had no size while hidden
	if p.trace != nil {
		p.trace("speaker notes shown: %v", p.notesBox.Visible())
	}
}

// togglePresenterView opens or closes the briefer's own window.
func (p *Presenter) togglePresenterView() {
	if p.view != nil {
		p.view.close()
		p.view = nil
		p.tracef("presenter view closed")
		return
	}
	p.view = newPresenterView(p)
	p.updateView()
	p.tracef("presenter view opened")
}

// updateView shows the current slide's notes and the next slide in the
// presenter view.
func (p *Presenter) updateView() {
	if p.view == nil {
		return
	}
	var next image.Image
	if p.i+1 < len(p.slides) {
		p.mu.Lock()
		img, ok := p.cache[p.i+1]
		p.mu.Unlock()
		if !ok {
			img = p.render(p.i+1, image.Pt(960, 540))
		}
		next = img
	}
	notes := p.slides[p.i].Notes
	if notes == "" {
		notes = "(no speaker notes for this slide)"
	}
	p.view.show(p.i, len(p.slides), notes, next)
	p.tracef("presenter view: slide %d of %d", p.i+1, len(p.slides))
}

func (p *Presenter) tracef(format string, args ...any) {
	if p.trace != nil {
		p.trace(format, args...)
	}
}

// Go moves by delta slides, staying within the briefing.
func (p *Presenter) Go(delta int) {
	n := max(0, min(len(p.slides)-1, p.i+delta))
	if n == p.i {
		return
	}
	p.i = n
	p.show()
}

// Index is the slide shown.
func (p *Presenter) Index() int { return p.i }

// Exit restores the window.
func (p *Presenter) Exit() {
	close(p.done)
	if p.view != nil {
		p.view.close()
		p.view = nil
	}
	p.win.SetFullScreen(p.wasFull)
	p.win.SetContent(p.restore)
	if !p.wasFull {
		p.win.Resize(p.wasSize) // without a window manager, leaving full screen keeps its size
	}
	p.win.Canvas().SetOnTypedKey(p.keyHandler)
	p.win.Canvas().SetOnTypedRune(p.runeHandler)
	if p.trace != nil {
		p.trace("presentation ended")
	}
	if p.onExit != nil {
		p.onExit()
	}
}
