// Package symbology decides how events look: which colour a category gets,
// and how records become map markers. The map and the charts share it, so a
// country or target type has one colour everywhere.
package symbology

import (
	"image/color"

	"iskbrief/internal/basemap"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/maprender"
)

// ColorBy names the field that colours markers.
type ColorBy string

// The colouring schemes, target type first (the default).
const (
	ByTarget  ColorBy = "target"
	ByCountry ColorBy = "country"
	ByClaim   ColorBy = "claim"
	ByLayer   ColorBy = "layer"
)

// Schemes lists the colouring schemes in menu order.
var Schemes = []ColorBy{ByTarget, ByCountry, ByClaim, ByLayer}

// SchemeLabel is the menu text of a scheme.
func SchemeLabel(b ColorBy) string {
	switch b {
	case ByCountry:
		return "Country"
	case ByClaim:
		return "Claim status"
	case ByLayer:
		return "Source layer"
	}
	return "Target type"
}

// CountryColors is indexed like dataset.Countries (AFG, PAK, IRN, TUR, RUS).
// They are deliberately not the target-type colours: a chart by country sits
// beside a map coloured by target on every slide, and Afghanistan must not
// read as "Government".
var CountryColors = []color.RGBA{
	{0x3b, 0x3b, 0x98, 0xff}, // Afghanistan: indigo
	{0x7a, 0x5c, 0x2e, 0xff}, // Pakistan: brown
	{0x8e, 0x2c, 0x48, 0xff}, // Iran: plum
	{0x2e, 0x7d, 0x74, 0xff}, // Turkey: dark teal
	{0x6b, 0x6b, 0x6b, 0xff}, // Russia: grey
}

// TargetColors is indexed like dataset.TargetTypes.
var TargetColors = []color.RGBA{
	maprender.Palette[0], // religious
	maprender.Palette[1], // civilian
	maprender.Palette[2], // education_health
	maprender.Palette[3], // government
	maprender.Palette[4], // security
	maprender.Palette[5], // foreign
	maprender.Palette[6], // media
}

// ClaimColors is indexed like events.Claims: claimed, attributed, disputed.
var ClaimColors = []color.RGBA{
	maprender.Palette[0], // vermillion
	maprender.Palette[2], // reddish purple
	maprender.Palette[5], // sky blue
}

// LayerColors is indexed by record layer: 0 the embedded dataset, then the
// imported layers in order.
var LayerColors = []color.RGBA{
	maprender.Palette[3], maprender.Palette[0], maprender.Palette[4],
	maprender.Palette[1], maprender.Palette[2], maprender.Palette[5], maprender.Palette[6],
}

// Other is the colour of an unknown category.
var Other = maprender.Palette[len(maprender.Palette)-1]

// Colors returns the palette of a scheme; the last entry is for unknown values.
func Colors(b ColorBy) []color.RGBA {
	var c []color.RGBA
	switch b {
	case ByCountry:
		c = CountryColors
	case ByClaim:
		c = ClaimColors
	case ByLayer:
		c = LayerColors
	default:
		c = TargetColors
	}
	return append(append([]color.RGBA{}, c...), Other)
}

// Legend returns the legend title and entries of a scheme. layerNames
// names the layers (embedded first) for ByLayer.
func Legend(b ColorBy, layerNames ...string) (string, []maprender.LegendEntry) {
	var labels []string
	switch b {
	case ByLayer:
		labels = layerNames[:min(len(layerNames), len(LayerColors))]
	case ByCountry:
		for _, c := range dataset.Countries {
			labels = append(labels, dataset.CountryName(c))
		}
	case ByClaim:
		labels = []string{"Claimed by IS / ISKP", "Attributed, unclaimed", "Disputed attribution"}
	default:
		for _, t := range dataset.TargetTypes {
			labels = append(labels, dataset.Label(t))
		}
	}
	cols := Colors(b)
	out := make([]maprender.LegendEntry, len(labels))
	for i, l := range labels {
		out[i] = maprender.LegendEntry{Label: l, Color: cols[i]}
	}
	return SchemeLabel(b), out
}

// category returns a record's colour index under a scheme.
func category(r *events.Record, b ColorBy) uint8 {
	var c uint8
	var n int
	switch b {
	case ByCountry:
		c, n = r.Country, len(CountryColors)
	case ByClaim:
		c, n = r.Claim, len(ClaimColors)
	case ByLayer:
		c, n = r.Layer, len(LayerColors)
	default:
		c, n = r.Target, len(TargetColors)
	}
	if int(c) >= n {
		return uint8(n) // the "other" colour
	}
	return c
}

// Markers converts the selected records to markers. Marker i is record
// idx[i], so a hit on marker i maps back through idx.
func Markers(recs []events.Record, idx []events.RecordIndex, b ColorBy) []maprender.Marker {
	out := make([]maprender.Marker, len(idx))
	for i, j := range idx {
		r := &recs[j]
		p := basemap.Project(float64(r.Lon), float64(r.Lat))
		m := maprender.Marker{X: float32(p[0]), Y: float32(p[1]), Killed: max(r.Killed, 0), Category: category(r, b)}
		if r.Foiled {
			m.Flags |= maprender.FlagFoiled
		}
		switch r.Precision {
		case events.PrecisionTown:
			m.Flags |= maprender.FlagTown
		case events.PrecisionProvince:
			m.Flags |= maprender.FlagProvince
		}
		out[i] = m
	}
	return out
}
