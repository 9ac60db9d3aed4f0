package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcut is one keyboard shortcut: the key binding (none for keys handled
// elsewhere, such as map keys) and what Help says about it. One table
// drives both, so they cannot drift apart.
type shortcut struct {
	keys string // as Help shows them
	what string
	key  fyne.KeyName
	mod  fyne.KeyModifier
	run  func(*MainWindow)
}

// shortcuts lists the keyboard shortcuts, for the window and for Help (a
// function, not a variable: Help is in the table it shows).
func shortcuts() []shortcut {
	return []shortcut{
		{keys: "F5", what: "present the briefing full screen (→ / Page Down / Space next, ← / Page Up back, N speaker notes below the slide, P presenter view: notes, next slide and timer in a window of their own, for the laptop screen; Esc leaves)",
			key: fyne.KeyF5, run: func(mw *MainWindow) { mw.present(0) }},
		{keys: "Ctrl+F", what: "search a place, province or attack",
			key: fyne.KeyF, mod: fyne.KeyModifierShortcutDefault, run: (*MainWindow).focusSearch},
		{keys: "Ctrl+N", what: "add the current view as a slide",
			key: fyne.KeyN, mod: fyne.KeyModifierShortcutDefault, run: (*MainWindow).addSlide},
		{keys: "Ctrl+E", what: "export the map",
			key: fyne.KeyE, mod: fyne.KeyModifierShortcutDefault, run: (*MainWindow).exportMapDialog},
		{keys: "Ctrl+Shift+E", what: "export the chart",
			key: fyne.KeyE, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, run: (*MainWindow).exportChartDialog},
		{keys: "Ctrl+R", what: "reset the filters",
			key: fyne.KeyR, mod: fyne.KeyModifierShortcutDefault, run: func(mw *MainWindow) { mw.filters.Reset() }},
		{keys: "Ctrl+B", what: "hide or show the side panels, so the map takes the whole window (a laptop screen)",
			key: fyne.KeyB, mod: fyne.KeyModifierShortcutDefault, run: (*MainWindow).togglePanels},
		{keys: "+ / −, arrows, 0", what: "zoom, pan, reset the map (when no text field has focus)"},
		{keys: "Double-click", what: "zoom in on the map"},
		{keys: "F1", what: "this help", key: fyne.KeyF1, run: (*MainWindow).showHelp},
	}
}

// addShortcuts binds the table's modified keys on the canvas; plain
// function keys go through typedKey, which the map and lists forward to.
func (mw *MainWindow) addShortcuts() {
	for _, s := range shortcuts() {
		if s.run == nil || s.mod == 0 {
			continue
		}
		run := s.run
		mw.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}, func(fyne.Shortcut) {
			if !mw.dialogOpen() {
				run(mw)
			}
		})
	}
}

// focusSearch brings the search box into view (the side panel may be
// scrolled down to the filters, or hidden) and gives it the keyboard.
func (mw *MainWindow) focusSearch() {
	if !mw.side.Visible() {
		mw.setPanels(true)
	}
	mw.side.ScrollToTop()
	mw.Canvas().Focus(mw.search.entry)
}

// dialogOpen reports whether a dialog (or pop-up) is over the window: the
// window's shortcuts wait until it closes, so Ctrl+Shift+E then Ctrl+E no
// longer stacks two export dialogs.
func (mw *MainWindow) dialogOpen() bool { return mw.Canvas().Overlays().Top() != nil }

// typedKey routes keys that no focused widget took: the table's function
// keys, and the map's keys.
func (mw *MainWindow) typedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape && mw.help != nil {
		mw.help.Hide() // Esc closes Help, as it closes other dialogs
		mw.help = nil
		return
	}
	for _, s := range shortcuts() {
		if s.run != nil && s.mod == 0 && s.key == e.Name {
			if !mw.dialogOpen() {
				s.run(mw)
			}
			return
		}
	}
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyPlus, fyne.KeyEqual, fyne.KeyMinus:
		mw.mapw.TypedKey(e)
	}
}

func (mw *MainWindow) showHelp() {
	intro := widget.NewLabel("Three jobs:\n" +
		"• Present — add slides (toolbar “Add slide”), then “Present” or F5.\n" +
		"• Explore — click a marker for what happened and who says so; filter on the left; play the years with the time bar.\n" +
		"• Export — “Export map…”, the Charts tab’s “Export chart…”, the Slides tab’s PDF and PNG exports.")
	intro.Wrapping = fyne.TextWrapWord
	var rows []fyne.CanvasObject
	for _, s := range shortcuts() {
		what := widget.NewLabel(s.what)
		what.Wrapping = fyne.TextWrapWord
		rows = append(rows, widget.NewLabelWithStyle(s.keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), what)
	}
	body := container.NewVBox(intro, widget.NewLabelWithStyle("Keyboard shortcuts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(), rows...))
	d := dialog.NewCustom("Help", "Close", container.NewGridWrap(fyne.NewSize(660, 480), container.NewVScroll(body)), mw)
	d.SetOnClosed(func() { mw.help = nil })
	mw.help = d
	d.Show()
}

// addSlide brings the Slides tab forward and asks for the new slide's title.
func (mw *MainWindow) addSlide() {
	mw.showTab(tabSlides)
	mw.slides.addDialog()
}

// togglePanels hides or shows the filter panel and the tabs; the choice is
// remembered.
func (mw *MainWindow) togglePanels() { mw.setPanels(!mw.side.Visible()) }

func (mw *MainWindow) setPanels(show bool) {
	if show {
		mw.side.Show()
		mw.tabs.Show()
		mw.split.SetOffset(0.7)
	} else {
		mw.side.Hide()
		mw.tabs.Hide()
		mw.split.SetOffset(1)
	}
	state := "shown"
	if !show {
		state = "hidden"
	}
	mw.store.SetPref("panels", state)
	mw.tracef("side panels %s", state)
}
