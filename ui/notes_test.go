package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Speaker notes come out exactly as typed, key by key, however wide the
// entry is. Fyne 2.7.1's word-wrapped multi-line entry leaves the cursor
// behind a space typed at a wrap point, so the next word goes in front of
// it ("(Jan 2024)" became "(Jan2024) ", the space moving to the end); the
// notes entry wraps at characters instead, which does not.
func TestNotesKeepTheirSpacesAsTyped(t *testing.T) {
	test.NewTempApp(t)
	const sentence = "Kerman (Jan 2024) and Crocus: 60 to 145 killed, as first counts rose; officials gave 145 on 27 March."
	for width := float32(100); width <= 520; width += 20 {
		_, notes, _ := titleNotesForm("", "")
		w := test.NewTempWindow(t, notes)
		w.Resize(fyne.NewSize(width, 300))
		w.Canvas().Focus(notes)
		for _, r := range sentence {
			if r == ' ' {
				test.Type(notes, " ")
				continue
			}
			test.Type(notes, string(r))
		}
		if notes.Text != sentence {
			t.Errorf("width %v: typed\n%q\nstored\n%q", width, sentence, notes.Text)
		}
	}
}
