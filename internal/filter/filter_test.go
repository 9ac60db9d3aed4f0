package filter

import (
	"testing"
	"time"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

func rec(day string, country string, killed int32, target string, claim dataset.ClaimStatus, foiled bool) events.Record {
	t, _ := time.Parse(time.DateOnly, day)
	r := events.Record{Day: events.DayOf(t), Country: events.CountryCode(country), Killed: killed, Target: events.NoCode, Claim: events.NoCode, Attack: events.NoCode, Foiled: foiled}
	for i, tt := range dataset.TargetTypes {
		if tt == target {
			r.Target = uint8(i)
		}
	}
	for i, c := range events.Claims {
		if c == claim {
			r.Claim = uint8(i)
		}
	}
	return r
}

func TestApply(t *testing.T) {
	recs := []events.Record{
		rec("2016-07-23", "AFG", 80, "civilian", dataset.Claimed, false),
		rec("2021-08-26", "AFG", 183, "foreign", dataset.Claimed, false),
		rec("2023-07-30", "PAK", 54, "government", dataset.Claimed, false),
		rec("2024-03-07", "RUS", -1, "religious", dataset.Attributed, true),
		rec("2024-03-22", "RUS", 145, "civilian", dataset.Claimed, false),
		rec("2020-05-12", "AFG", 24, "education_health", dataset.Disputed, false),
	}
	from, to := YearRange(2021, 2024)
	cases := []struct {
		name string
		f    Filter
		want []events.RecordIndex
	}{
		{"everything", Filter{}, []events.RecordIndex{0, 1, 2, 3, 4, 5}},
		{"countries", Filter{Countries: []string{"PAK", "RUS"}}, []events.RecordIndex{2, 3, 4}},
		{"years", Filter{From: from, To: to}, []events.RecordIndex{1, 2, 3, 4}},
		{"min killed drops unknown", Filter{MinKilled: 60}, []events.RecordIndex{0, 1, 4}},
		{"targets", Filter{Targets: []string{"civilian"}}, []events.RecordIndex{0, 4}},
		{"claims", Filter{Claims: []dataset.ClaimStatus{dataset.Disputed, dataset.Attributed}}, []events.RecordIndex{3, 5}},
		{"no foiled", Filter{NoFoiled: true, Countries: []string{"RUS"}}, []events.RecordIndex{4}},
		{"unknown country matches nothing", Filter{Countries: []string{"FRA"}}, []events.RecordIndex{}},
	}
	for _, c := range cases {
		got := c.f.Apply(recs)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestString(t *testing.T) {
	from, to := YearRange(2020, 2024)
	f := Filter{Countries: []string{"AFG", "PAK"}, From: from, To: to, MinKilled: 10}
	if got, want := f.String(), "Afghanistan, Pakistan · 2020–2024 · killed ≥ 10"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := (Filter{}).String(); got != "All events" {
		t.Errorf("zero filter: %q", got)
	}
}

func BenchmarkApply1M(b *testing.B) {
	recs := make([]events.Record, 1_000_000)
	for i := range recs {
		recs[i] = events.Record{Day: int32(16000 + i%4000), Country: uint8(i % 5), Killed: int32(i % 50)}
	}
	from, to := YearRange(2018, 2022)
	f := Filter{Countries: []string{"AFG", "PAK"}, From: from, To: to}
	for b.Loop() {
		f.Apply(recs)
	}
}
