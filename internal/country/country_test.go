package country

import "testing"

func TestISO3(t *testing.T) {
	for s, want := range map[string]string{"Afghanistan": "AFG", "4": "AFG", "586": "PAK", "Iran (Islamic Republic of)": "IRN", "türkiye": "TUR",
		"Russia (Soviet Union)": "RUS", "Tajikistan": "TJK", "syr": "SYR", " AFG ": "AFG", "France": "", "": ""} {
		if got := ISO3(s); got != want {
			t.Errorf("ISO3(%q) = %q, want %q", s, got, want)
		}
	}
}
