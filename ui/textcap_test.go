package ui

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/importer"
)

// An imported event with a 100 KB note and a 200 KB link used to freeze the
// window for minutes. The panel now lays out a capped note, a shortened
// link free of directional controls, and does so at once.
func TestDetailPanelCapsHugeImportedText(t *testing.T) {
	test.NewTempApp(t)
	p := NewDetailPanel(nil)
	w := test.NewWindow(p.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(420, 700))
	e := &importer.Event{EventType: "Attack", Notes: strings.Repeat("word ", 20_000),
		Source: "https://example.org/\u202eevil/" + strings.Repeat("a", 200_000)}
	start := time.Now()
	p.ShowImported(e, "big layer")
	w.Canvas().Refresh(p.Object())
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("showing the event took %v", d)
	}
	var longest int
	var link *widget.Hyperlink
	var copyButton bool
	walk(t, p.Object(), func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			longest = max(longest, utf8.RuneCountInString(v.Text))
		case *widget.Hyperlink:
			link = v
		case *widget.Button:
			copyButton = copyButton || strings.Contains(v.Text, "100,000 characters")
		}
	})
	if longest > maxNoteChars+1 {
		t.Errorf("a label lays out %d characters", longest)
	}
	if !copyButton {
		t.Error("no button to copy the whole note")
	}
	if link == nil || strings.ContainsRune(link.Text, '\u202e') || utf8.RuneCountInString(link.Text) > maxLinkChars+1 || !strings.HasPrefix(link.Text, "example.org") {
		t.Errorf("link shows %.120q", link.Text)
	}
}

func TestLinkTextShowsTheHostAndNoBidi(t *testing.T) {
	u, _ := url.Parse("https://news.example.com/2024/03/22/crocus")
	if got := linkText("https://news.example.com/2024/03/22/crocus", u, true); got != "news.example.com · /2024/03/22/crocus" {
		t.Errorf("bare address shows %q", got)
	}
	if got := linkText("Crocus City Hall \u202egnp.exe", u, false); strings.ContainsRune(got, '\u202e') {
		t.Errorf("title keeps a bidi control: %q", got)
	}
	if got, cut := capText("one two three four", 9); !cut || got != "one two…" {
		t.Errorf("capText = %q, %v", got, cut)
	}
}

// walk visits o and every object inside it.
func walk(t *testing.T, o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(t, c, fn)
		}
	case fyne.Widget:
		if r := test.TempWidgetRenderer(t, v); r != nil {
			for _, c := range r.Objects() {
				walk(t, c, fn)
			}
		}
	}
}

func TestTitleNotesAreNotPartOfTheLink(t *testing.T) {
	for in, want := range map[string][2]string{
		"Kabul blast kills 12 (headline as given in the page address)": {"Kabul blast kills 12", "headline as given in the page address"},
		"Report on Kunduz (title not captured; Urdu report)":           {"Report on Kunduz", "title not captured; Urdu report"},
		"Islamic State Khorasan (ISKP)":                                {"Islamic State Khorasan (ISKP)", ""},
	} {
		if title, note := splitTitleNote(in); title != want[0] || note != want[1] {
			t.Errorf("splitTitleNote(%q) = %q, %q", in, title, note)
		}
	}
}

// Shortcuts wait while a dialog is open: Ctrl+Shift+E then Ctrl+E used to
// stack two export dialogs.
func TestShortcutsWaitBehindADialog(t *testing.T) {
	mw := newTestWindow(t)
	sc, ok := mw.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Skip("this canvas takes no typed shortcuts")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	n := len(mw.Canvas().Overlays().List())
	if n == 0 {
		t.Fatal("Ctrl+Shift+E opened no dialog")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	if m := len(mw.Canvas().Overlays().List()); m != n {
		t.Errorf("Ctrl+E behind the chart export dialog: %d overlays, was %d", m, n)
	}
}

// Ctrl+F brings the search box into view even with the side panel scrolled
// down to the filters, or hidden.
func TestSearchShortcutShowsTheSearchBox(t *testing.T) {
	mw := newTestWindow(t)
	mw.setPanels(false)
	mw.side.Offset = fyne.NewPos(0, 400)
	mw.focusSearch()
	if !mw.side.Visible() || mw.side.Offset.Y != 0 || mw.Canvas().Focused() != mw.search.entry {
		t.Errorf("after Ctrl+F: panel visible %v, scrolled to %v, focus %T", mw.side.Visible(), mw.side.Offset, mw.Canvas().Focused())
	}
}
