package importer

import (
	"strings"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

// Record converts an imported event to the app's compact record.
//   - Country: index of the ISO3 code in dataset.Countries, else events.NoCode.
//   - Precision: site, town, province; an unknown precision is coded as
//     province so the map draws it as approximate rather than exact.
//   - Claim: claimed/attributed/disputed (GTD, generic, GeoJSON), else NoCode.
//   - Target: GTD targtype1_txt, ACLED civilian targeting and UCDP one-sided
//     violence mapped to dataset.TargetTypes where the meaning is plain
//     (see TargetCode), else NoCode.
//   - Attack: GTD attacktype1_txt / ACLED sub_event_type mapped to
//     dataset.AttackTypes where plain (see AttackCode), else NoCode.
//   - Event: -1 (not a dataset event).
func (e Event) Record() events.Record {
	clamp := func(n int32) int32 { return max(n, -1) }
	r := events.Record{
		Day: events.DayOf(e.Date), Lat: float32(e.Lat), Lon: float32(e.Lon),
		Killed: clamp(e.Killed), KilledLow: clamp(e.KilledLow), KilledHi: clamp(e.KilledHigh),
		Country: events.CountryCode(e.Country), Target: e.TargetCode(), Attack: e.AttackCode(),
		Claim: events.NoCode, Precision: events.PrecisionProvince, Event: -1,
	}
	switch e.Precision {
	case Site:
		r.Precision = events.PrecisionSite
	case Town:
		r.Precision = events.PrecisionTown
	}
	switch e.Claim {
	case Claimed:
		r.Claim = events.ClaimClaimed
	case Attributed:
		r.Claim = events.ClaimAttributed
	case Disputed:
		r.Claim = events.ClaimDisputed
	}
	return r
}

// Records converts every event, in order: the index the map and charts use.
func (r *Result) Records() []events.Record {
	out := make([]events.Record, len(r.Events))
	for i := range r.Events {
		out[i] = r.Events[i].Record()
	}
	return out
}

func vocab(list []string, code string) uint8 {
	for i, c := range list {
		if c == code {
			return uint8(i)
		}
	}
	return events.NoCode
}

// gtdTargets maps GTD targtype1_txt values with a plain equivalent.
var gtdTargets = map[string]string{
	"religious figures/institutions": "religious",
	"private citizens & property":    "civilian",
	"educational institution":        "education_health",
	"government (general)":           "government",
	"police":                         "security",
	"military":                       "security",
	"government (diplomatic)":        "foreign",
	"tourists":                       "foreign",
	"journalists & media":            "media",
}

// TargetCode returns the index in dataset.TargetTypes, or events.NoCode.
func (e Event) TargetCode() uint8 {
	t := strings.ToLower(e.Target)
	if code, ok := gtdTargets[t]; ok {
		return vocab(dataset.TargetTypes, code)
	}
	switch t {
	case "civilian targeting", "civilians":
		return vocab(dataset.TargetTypes, "civilian")
	}
	return events.NoCode
}

// AttackCode returns the index in dataset.AttackTypes, or events.NoCode.
func (e Event) AttackCode() uint8 {
	var code string
	switch strings.ToLower(e.EventType) {
	case "assassination":
		code = "assassination"
	case "armed assault":
		code = "armed_assault"
	case "bombing/explosion":
		code = "bombing"
	case "hostage taking (kidnapping)", "hostage taking (barricade incident)":
		code = "hostage_taking"
	}
	switch strings.ToLower(e.SubType) {
	case "suicide bomb":
		code = "suicide_bombing"
	case "remote explosive/landmine/ied", "grenade":
		code = "bombing"
	case "shelling/artillery/missile attack":
		code = "rocket_attack"
	}
	if code == "bombing" && e.Suicide {
		code = "suicide_bombing"
	}
	if code == "" {
		return events.NoCode
	}
	return vocab(dataset.AttackTypes, code)
}
