package brief

import (
	"fmt"
	"strings"
	"time"

	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/importer"
)

// RecordKind says where a record comes from.
type RecordKind int

const (
	Curated  RecordKind = iota // an event of the embedded dataset
	Imported                   // an event of an imported layer
	External                   // a row of an --events file (date, place, killed only)
)

// Description is one record as every view names it: the tooltip, the detail
// panel, the event list, slides and the trace all read this one struct.
type Description struct {
	Record events.RecordIndex
	Kind   RecordKind
	ID     string // dataset id, "<layer>:<source id>", or "record N"
	Title  string
	Date   time.Time
	Place  string // town and country, short enough for a tooltip
	Killed string // "145", "60–145", "not reported"

	Event    *dataset.Event  // Curated: the full event with its reports
	Imported *importer.Event // Imported: the layer's row
	Layer    string          // the layer's name (Imported)
	// Also lists the imported events folded into this one (merged duplicates).
	Also      []*importer.Event
	AlsoLayer []string
}

// Describe returns the description of record r; ok is false if r is not a
// record of the model.
func (m *Model) Describe(r events.RecordIndex) (d Description, ok bool) {
	if r < 0 || int(r) >= len(m.Records) {
		return d, false
	}
	rec := m.Records[r]
	d = Description{Record: r, Date: rec.Time(), Killed: killedText(rec)}
	switch e, imp := m.Event(r), (*importer.Event)(nil); {
	case e != nil:
		d.Kind, d.Event, d.ID, d.Title = Curated, e, e.ID, e.Title
		d.Place = ShortPlace(e.Place, dataset.CountryName(e.Country))
		d.Killed = e.Killed.String()
	default:
		var l *Layer
		if imp, l = m.Imported(m.RefOf(r)); imp != nil {
			d.Kind, d.Imported, d.Layer = Imported, imp, l.Meta.Name
			d.ID = l.Meta.Name + ":" + imp.ID
			d.Title = imp.EventType
			if d.Title == "" {
				d.Title = "Event"
			}
			country := imp.CountryName
			if imp.Country != "" {
				country = dataset.CountryName(imp.Country)
			}
			d.Place = ShortPlace(imp.Place, country)
		} else {
			d.Kind, d.ID = External, fmt.Sprintf("record %d", r)
			d.Title = "Event from " + m.SourceName()
			d.Place = fmt.Sprintf("%.3f, %.3f", rec.Lat, rec.Lon)
		}
	}
	for _, ref := range m.Duplicates[r] {
		if ev, l := m.Imported(ref); ev != nil {
			d.Also, d.AlsoLayer = append(d.Also, ev), append(d.AlsoLayer, l.Meta.Name)
		}
	}
	return d, true
}

// Tooltip is the short text shown when hovering a marker.
func (d Description) Tooltip() string {
	return fmt.Sprintf("%s\n%s · %s\nkilled: %s", d.Title, d.Date.Format("2 Jan 2006"), d.Place, d.Killed)
}

// ShortPlace is the town part of a place ("Kerman, road to …" → "Kerman")
// plus the country.
func ShortPlace(place, country string) string {
	town, _, _ := strings.Cut(place, ",")
	town = strings.TrimSpace(town)
	switch {
	case town == "":
		return country
	case country == "":
		return town
	}
	return town + ", " + country
}

func killedText(r events.Record) string {
	switch {
	case r.Killed < 0:
		return "not reported"
	case r.KilledLow >= 0 && r.KilledHi > r.KilledLow:
		return fmt.Sprintf("%d–%d", r.KilledLow, r.KilledHi)
	}
	return fmt.Sprint(r.Killed)
}
