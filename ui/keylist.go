package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is a widget.List that passes F1 and F5 on to the window. A
// focused Fyne list takes every key without modifiers, and the briefer's
// natural flow is "pick a slide, press F5".
type keyList struct {
	widget.List
	OnWindowKey func(*fyne.KeyEvent)
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	if !windowKey(e, l.OnWindowKey) {
		l.List.TypedKey(e)
	}
}

// windowKey hands F1 and F5 to the window (to may be nil) and reports
// whether the key was one of them; a focused list or table takes every
// other key itself.
func windowKey(e *fyne.KeyEvent, to func(*fyne.KeyEvent)) bool {
	if e.Name != fyne.KeyF1 && e.Name != fyne.KeyF5 {
		return false
	}
	if to != nil {
		to(e)
	}
	return true
}
