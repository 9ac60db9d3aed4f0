package slides

import (
	"encoding/json"
	"testing"

	"iskbrief/internal/brief"
	"iskbrief/internal/workspace"
)

// FuzzSlideState renders a slide from arbitrary state JSON as the
// workspace stores it (any extent, dates, codes, pinned records): a state
// that decodes never panics the renderer, and the slide comes out at its
// size or with an error.
func FuzzSlideState(f *testing.F) {
	m, err := brief.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"West":60,"South":29,"East":75,"North":38,"Countries":["AFG"],"From":"2021-01-01","To":"2021-12-31","Chart":"trends"}`))
	f.Add([]byte(`{"West":-1e308,"South":-1e308,"East":1e308,"North":1e308,"MinKilled":-5,"Chart":"nope","ColorBy":"x","Style":"y"}`))
	f.Add([]byte(`{"West":69,"South":34,"East":69.0000001,"North":34.0000001,"Selected":"rus-2024-03-22-crocus-city-hall","Records":["x","","rus-2024-03-22-crocus-city-hall"]}`))
	f.Add([]byte(`{"From":"9999-99-99","To":"0000-01-01","Claims":["claimed","?"],"Targets":[""],"TimeMode":"month","TimeMonth":"2024-13"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var st workspace.SlideState
		if json.Unmarshal(data, &st) != nil {
			return // the workspace reports such a slide as damaged
		}
		img, err := Render(m, workspace.Slide{Title: "fuzz", State: st}, Layout{W: 480, H: 270, Notes: true})
		if err == nil && (img == nil || img.Bounds().Dx() != 480 || img.Bounds().Dy() != 270) {
			t.Fatalf("slide image %v for %s", img.Bounds(), data)
		}
	})
}
