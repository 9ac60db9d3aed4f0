package maprender

import "image/color"

// Style is the colour scheme of a map. Marker colours come from the
// categories passed with the markers, not from the style.
type Style struct {
	Name                   string
	Sea, Land, FocusLand   color.RGBA
	Border, Province       color.RGBA
	Coast, Lake, River     color.RGBA
	CityDot, Text, Halo    color.RGBA
	CountryText            color.RGBA
	Panel, PanelText       color.RGBA // legend and scale bar background and text
	MarkerEdge             color.RGBA
	ClusterFill, Selection color.RGBA
	TextScale              float64 // multiplies every text size (projector theme reads from afar)
}

// Light is the default style for a laptop screen and printed reports.
func Light() Style {
	return Style{
		Name:        "light",
		Sea:         rgb(0xc6, 0xd9, 0xe6),
		Land:        rgb(0xe6, 0xe3, 0xdc),
		FocusLand:   rgb(0xfa, 0xf7, 0xef),
		Border:      rgb(0x55, 0x55, 0x5c),
		Province:    rgb(0xb4, 0xae, 0xa4),
		Coast:       rgb(0x6f, 0x93, 0xad),
		Lake:        rgb(0xc6, 0xd9, 0xe6),
		River:       rgb(0x93, 0xb8, 0xd4),
		CityDot:     rgb(0x33, 0x33, 0x33),
		Text:        rgb(0x22, 0x22, 0x26),
		Halo:        rgb(0xff, 0xff, 0xff),
		CountryText: rgb(0x5a, 0x55, 0x4e),
		Panel:       color.RGBA{0xff, 0xff, 0xff, 0xff},
		PanelText:   rgb(0x1a, 0x1a, 0x1a),
		MarkerEdge:  rgb(0x1a, 0x1a, 0x1a),
		ClusterFill: rgb(0x2b, 0x2f, 0x3a),
		Selection:   rgb(0x00, 0x00, 0x00),
		TextScale:   1,
	}
}

// Dark suits a dim room.
func Dark() Style {
	return Style{
		Name:        "dark",
		Sea:         rgb(0x16, 0x22, 0x30),
		Land:        rgb(0x2a, 0x2d, 0x33),
		FocusLand:   rgb(0x3b, 0x3f, 0x47),
		Border:      rgb(0xc8, 0xc8, 0xd0),
		Province:    rgb(0x5c, 0x60, 0x6a),
		Coast:       rgb(0x4d, 0x70, 0x8c),
		Lake:        rgb(0x16, 0x22, 0x30),
		River:       rgb(0x2f, 0x4d, 0x66),
		CityDot:     rgb(0xe0, 0xe0, 0xe0),
		Text:        rgb(0xf0, 0xf0, 0xf0),
		Halo:        rgb(0x10, 0x10, 0x14),
		CountryText: rgb(0xb8, 0xb8, 0xc0),
		Panel:       color.RGBA{0x1c, 0x1e, 0x24, 0xff},
		PanelText:   rgb(0xf0, 0xf0, 0xf0),
		MarkerEdge:  rgb(0xff, 0xff, 0xff),
		ClusterFill: rgb(0xe8, 0xe8, 0xee),
		Selection:   rgb(0xff, 0xff, 0xff),
		TextScale:   1,
	}
}

// Projector has maximum contrast and large text for a washed-out beamer.
func Projector() Style {
	s := Light()
	s.Name = "projector"
	s.Sea = rgb(0xa9, 0xc8, 0xe0)
	s.Land = rgb(0xdd, 0xda, 0xd2)
	s.FocusLand = rgb(0xff, 0xff, 0xff)
	s.Border = rgb(0x00, 0x00, 0x00)
	s.Province = rgb(0x8a, 0x84, 0x7a)
	s.Text = rgb(0, 0, 0)
	s.CountryText = rgb(0x30, 0x2c, 0x28)
	s.Panel = color.RGBA{0xff, 0xff, 0xff, 0xff}
	s.TextScale = 1.35
	return s
}

// StyleByName returns the named style, or Light for an unknown name.
func StyleByName(name string) Style {
	switch name {
	case "dark":
		return Dark()
	case "projector":
		return Projector()
	}
	return Light()
}

// Palette is the Okabe–Ito set: distinguishable with the common forms of
// colour blindness and saturated enough for a projector.
var Palette = []color.RGBA{
	rgb(0xD5, 0x5E, 0x00), // vermillion
	rgb(0xE6, 0x9F, 0x00), // orange
	rgb(0xCC, 0x79, 0xA7), // reddish purple
	rgb(0x00, 0x72, 0xB2), // blue
	rgb(0x00, 0x9E, 0x73), // bluish green
	rgb(0x56, 0xB4, 0xE9), // sky blue
	rgb(0xF0, 0xE4, 0x42), // yellow
	rgb(0x66, 0x66, 0x66), // grey for "other"
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }
