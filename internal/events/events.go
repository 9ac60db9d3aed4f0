// Package events is the compact, columnar view of attacks that the filter,
// the charts, the map and the CLI share. The embedded dataset and
// user-supplied CSV files both become a []Record; a Record points back to its
// full dataset.Event when it has one.
package events

import (
	"slices"
	"time"

	"iskbrief/internal/dataset"
)

// Record is one event reduced to what filtering, aggregation and drawing
// need. Coded fields are indexes into the dataset vocabularies, so a million
// records take about 40 MB.
type Record struct {
	Day       int32 // days since 1970-01-01 (UTC)
	Lat, Lon  float32
	Killed    int32 // central figure; -1 when unknown
	KilledLow int32 // lowest figure across sources; -1 when unknown
	KilledHi  int32 // highest figure across sources; -1 when unknown
	Country   uint8 // index into Countries, or NoCode
	Target    uint8 // index into dataset.TargetTypes, or NoCode
	Attack    uint8 // index into dataset.AttackTypes, or NoCode
	Claim     uint8 // index into Claims, or NoCode
	Precision uint8 // index into Precisions
	Foiled    bool
	Layer     uint8      // 0: the embedded dataset (or an --events file); k: imported layer k
	Event     EventIndex // the event in its source (dataset Events, or layer k's events); -1 if none
}

// RecordIndex is a position in a model's records: what a filter selects and
// a chart counts. Distinct from maprender.MarkerIndex (a position in one
// selection's markers) and EventIndex, so the compiler catches a mix-up.
type RecordIndex int32

// EventIndex is a position in a record's source: the dataset's Events, or
// an imported layer's events.
type EventIndex int32

// NoRecord is the RecordIndex of "nothing selected".
const NoRecord RecordIndex = -1

// Precision codes, in the order of Precisions.
const (
	PrecisionSite uint8 = iota
	PrecisionTown
	PrecisionProvince
)

// Claim codes, in the order of Claims.
const (
	ClaimClaimed uint8 = iota
	ClaimAttributed
	ClaimDisputed
)

// NoCode marks a coded field whose value is unknown.
const NoCode = 255

// Claims and Precisions in the order records code them.
var (
	Claims     = []dataset.ClaimStatus{dataset.Claimed, dataset.Attributed, dataset.Disputed}
	Precisions = []dataset.LocationPrecision{dataset.SitePrecision, dataset.TownPrecision, dataset.ProvincePrecision}
)

// Time returns the record's date.
func (r Record) Time() time.Time { return time.Unix(int64(r.Day)*86400, 0).UTC() }

// Year returns the record's calendar year.
func (r Record) Year() int { return r.Time().Year() }

// DayOf converts a date to the Day field's unit.
func DayOf(t time.Time) int32 { return int32(t.Unix() / 86400) }

func code[T comparable](vocab []T, v T) uint8 {
	if i := slices.Index(vocab, v); i >= 0 {
		return uint8(i)
	}
	return NoCode
}

// CountryCode returns the index of an ISO3 code in dataset.Countries.
func CountryCode(iso3 string) uint8 { return code(dataset.Countries, iso3) }

// FromDataset converts every event of a dataset, in the dataset's order.
func FromDataset(d *dataset.Dataset) []Record {
	out := make([]Record, len(d.Events))
	for i, e := range d.Events {
		r := Record{
			Day: DayOf(e.Date), Lat: float32(e.Lat), Lon: float32(e.Lon),
			Killed: -1, KilledLow: -1, KilledHi: -1,
			Country: CountryCode(e.Country), Target: code(dataset.TargetTypes, e.TargetType),
			Attack: code(dataset.AttackTypes, e.AttackType), Claim: code(Claims, e.Claim),
			Precision: code(Precisions, e.LocationPrecision), Foiled: e.Outcome == dataset.Foiled,
			Event: EventIndex(i),
		}
		if e.Killed.Known {
			r.Killed, r.KilledLow, r.KilledHi = int32(e.Killed.Central), int32(e.Killed.Low), int32(e.Killed.High)
		}
		out[i] = r
	}
	return out
}
