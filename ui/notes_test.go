package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Speaker notes come out exactly as typed, key by key, however the entry
// wraps them (Fyne 2.7's word-wrapped entry used to misplace the cursor
// after a space typed at a wrap point: "(Jan 2024)" became "(Jan2024) ").
func TestNotesKeepTheirSpacesAsTyped(t *testing.T) {
	test.NewTempApp(t)
	const sentence = "Kerman (Jan 2024) and Crocus: 60 to 145 killed, as first counts rose; officials gave 145 on 27 March."
	for _, width := range []float32{120, 180, 260, 400} {
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
