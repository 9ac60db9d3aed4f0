package cli

import (
	"math"
	"testing"
)

// FuzzParseBBox: any box parseBBox accepts is finite, not empty, and
// within the world the map can show.
func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"60,29,75,38", "NaN,29,75,38", "60,29,inf,38", "-180,-85,180,85", "1,1,1,1", ",,,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := parseBBox(s)
		if err != nil {
			return
		}
		for _, v := range b {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q accepted as %v", s, b)
			}
		}
		if b[0] == b[2] || b[1] == b[3] || b[0] < -180 || b[2] > 180 || b[1] < -85 || b[3] > 85 {
			t.Fatalf("%q accepted as %v", s, b)
		}
	})
}
