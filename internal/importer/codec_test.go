package importer

import (
	"testing"
	"time"
)

func TestEncodeDecodeEvents(t *testing.T) {
	evs := []Event{
		{ID: "AFG1", Notes: "Suicide bombing at the airport", Place: "Kabul", Country: "AFG", Date: time.Date(2021, 8, 26, 0, 0, 0, 0, time.UTC),
			Lat: 34.56, Lon: 69.21, Killed: 183, KilledLow: 170, KilledHigh: 183, Wounded: -1, Precision: Site, Claim: Claimed},
		{ID: "PAK1", Date: time.Date(2023, 7, 30, 0, 0, 0, 0, time.UTC), Lat: 34.67, Lon: 71.51, Killed: -1, KilledLow: -1, KilledHigh: -1, Wounded: -1},
	}
	b, err := EncodeEvents(evs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeEvents(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Notes != evs[0].Notes || got[0].Killed != 183 || got[1].Killed != -1 || !got[0].Date.Equal(evs[0].Date) || got[0].Precision != Site {
		t.Errorf("round trip: %+v", got)
	}
	b[len(b)/2] ^= 0xff
	if _, err := DecodeEvents(b); err == nil {
		t.Error("damaged data decoded without error")
	}
	if _, err := DecodeEvents([]byte("something else")); err == nil {
		t.Error("foreign data decoded without error")
	}
}

// BenchmarkCodec1M stores and reloads a 1,000,000-event layer, as the
// workspace does on import and at start-up.
func BenchmarkCodec1M(b *testing.B) {
	evs := make([]Event, 1_000_000)
	for i := range evs {
		evs[i] = Event{ID: "AFG" + string(rune('0'+i%10)), Notes: "On 12 May 2020, gunmen attacked a maternity ward in Kabul, killing mothers, newborns and staff.",
			Place: "Kabul", Admin1: "Kabul", Country: "AFG", CountryName: "Afghanistan", EventType: "Violence against civilians",
			Actor1: "Islamic State (Khorasan)", Date: time.Date(2015+i%10, 1+time.Month(i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			Lat: 34 + float64(i%1000)/1000, Lon: 69 + float64(i%997)/1000, Killed: int32(i % 40), KilledLow: -1, KilledHigh: -1, Wounded: -1, Line: int32(i)}
	}
	for b.Loop() {
		data, err := EncodeEvents(evs)
		if err != nil {
			b.Fatal(err)
		}
		back, err := DecodeEvents(data)
		if err != nil || len(back) != len(evs) {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(data))/1e6, "MB-stored")
	}
}

func FuzzDecodeEvents(f *testing.F) {
	good, _ := EncodeEvents([]Event{{ID: "x", Notes: "n", Killed: 3, KilledLow: -1, KilledHigh: -1, Wounded: -1, Date: time.Date(2024, 3, 22, 0, 0, 0, 0, time.UTC)}})
	f.Add(good)
	f.Add([]byte(codecVersion))
	f.Fuzz(func(t *testing.T, b []byte) {
		DecodeEvents(b) // must not panic or allocate without bound
	})
}
