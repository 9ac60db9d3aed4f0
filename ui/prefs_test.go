package ui

import (
	"math"
	"testing"
)

func TestParseViewPrefRefusesDamagedValues(t *testing.T) {
	if b, ok := parseViewPref("60.5,29.4,75.1,38.5"); !ok || b != [4]float64{60.5, 29.4, 75.1, 38.5} {
		t.Errorf("a good extent: %v %v", b, ok)
	}
	for _, v := range []string{"NaN,29,75,38", "60,29,+Inf,38", "75,29,60,38", "60,29,75", "", "a,b,c,d", "-200,0,10,10", "0,-95,10,10"} {
		if _, ok := parseViewPref(v); ok {
			t.Errorf("%q accepted", v)
		}
	}
}

// FuzzParseViewPref: whatever a damaged workspace holds, the extent read is
// finite, in the world, and not reversed.
func FuzzParseViewPref(f *testing.F) {
	for _, s := range []string{"60.5,29.4,75.1,38.5", "NaN,0,1,1", "1e308,1e308,1e309,1", "-180,-90,180,90", ",,,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, ok := parseViewPref(s)
		if !ok {
			return
		}
		for _, v := range b {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q gave %v", s, b)
			}
		}
		if b[2] <= b[0] || b[3] <= b[1] || b[0] < -180 || b[3] > 90 {
			t.Fatalf("%q gave %v", s, b)
		}
	})
}
