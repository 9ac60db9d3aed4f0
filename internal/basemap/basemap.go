// Package basemap holds the offline vector basemap of ISK Brief: country and
// province polygons, lakes, coastlines, national land borders, rivers and
// cities, pre-projected to
// normalised Web Mercator and stored at several simplification levels.
//
// Coordinates are "projected units": x = (lon+180)/360 and
// y = (1 − ln(tan φ + sec φ)/π)/2, both in [0,1], y growing south. The
// generator (geodata/gen) builds a Basemap and writes it with Encode; the app
// reads it with Decode (usually through package geodata).
package basemap

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
)

// Levels is the number of simplification levels stored for every geometry.
const Levels = 3

// tolerances are the Douglas–Peucker tolerances, in projected units, used by
// the generator for each level; [0] is the finest.
var tolerances = [Levels]float64{1e-6, 8e-6, 4e-5}

// Tolerance returns the simplification tolerance, in projected units, of a
// Geom level (0 = finest). The whole region drawn 1920 px wide is about 1e-4
// units per pixel.
func Tolerance(level int) float64 {
	if level < 0 || level >= Levels {
		return 0
	}
	return tolerances[level]
}

// Feature is an area: a country, a province (admin-1) or a lake.
type Feature struct {
	Name  string                   // English name
	Code  string                   // countries: ISO3 of itself; provinces: ISO3 of the parent country; lakes: ""
	Label orb.Point                // projected point inside the polygon for its label
	Bound orb.Bound                // projected bounding box
	Geom  [Levels]orb.MultiPolygon // projected; [0] finest
}

// Line is a linear feature: a coastline, a land border or a river.
type Line struct {
	Name string // rivers: English name or ""; borders: "ISO3A-ISO3B", codes sorted; coastlines: ""

	Bound orb.Bound
	Geom  [Levels]orb.MultiLineString
}

// City is a populated place.
type City struct {
	Name, Country string    // Country = ISO3
	Pos           orb.Point // projected
	Population    int
	Capital       bool // national capital
}

// Basemap is the whole decoded basemap.
type Basemap struct {
	Bound      orb.Bound // projected bound of the clipped region
	Countries  []Feature
	Provinces  []Feature
	Lakes      []Feature
	Coastlines []Line // country edges no neighbour shares (one Line per country)
	Borders    []Line // land borders: edges shared by two countries (one Line per pair)
	Rivers     []Line
	Cities     []City // sorted by Population descending
}

// maxLat is the latitude at which Web Mercator reaches y = 0 (and −maxLat y = 1).
const maxLat = 85.05112877980659

// Project converts WGS84 longitude/latitude in degrees to normalised Web
// Mercator. Latitudes beyond ±85.0511° are clamped.
func Project(lon, lat float64) orb.Point {
	if lat > maxLat {
		lat = maxLat
	} else if lat < -maxLat {
		lat = -maxLat
	}
	phi := lat * math.Pi / 180
	x := (lon + 180) / 360
	y := (1 - math.Log(math.Tan(phi)+1/math.Cos(phi))/math.Pi) / 2
	return orb.Point{x, y}
}

// Unproject is the inverse of Project.
func Unproject(p orb.Point) (lon, lat float64) {
	lon = p[0]*360 - 180
	lat = math.Atan(math.Sinh(math.Pi*(1-2*p[1]))) * 180 / math.Pi
	return lon, lat
}

// LevelFor returns which Geom level to draw when one pixel covers
// unitsPerPixel projected units: the coarsest level whose simplification
// tolerance stays below half a pixel (0 if even the finest does not).
func LevelFor(unitsPerPixel float64) int {
	for l := Levels - 1; l > 0; l-- {
		if tolerances[l] < 0.5*unitsPerPixel {
			return l
		}
	}
	return 0
}

// Country returns the country with the given ISO 3166 alpha-3 code, or nil.
func (b *Basemap) Country(iso3 string) *Feature {
	for i := range b.Countries {
		if b.Countries[i].Code == iso3 {
			return &b.Countries[i]
		}
	}
	return nil
}

// CountryAt returns the ISO3 code of the country whose finest polygon
// contains the point, or "" if none does (sea, or outside the region).
func (b *Basemap) CountryAt(lon, lat float64) string {
	p := Project(lon, lat)
	for i := range b.Countries {
		c := &b.Countries[i]
		if c.Bound.Contains(p) && planar.MultiPolygonContains(c.Geom[0], p) {
			return c.Code
		}
	}
	return ""
}

// DistanceToCountryKm returns 0 if the point lies inside the country (finest
// level), otherwise the great-circle distance in km from the point to the
// nearest point of the country's boundary. The nearest point is found in
// Mercator space, which is conformal and so picks the right edge for the
// short distances this is meant for (coastal sites, border tolerance). It
// returns +Inf if the country is absent.
func (b *Basemap) DistanceToCountryKm(iso3 string, lon, lat float64) float64 {
	c := b.Country(iso3)
	if c == nil {
		return math.Inf(1)
	}
	p := Project(lon, lat)
	if c.Bound.Contains(p) && planar.MultiPolygonContains(c.Geom[0], p) {
		return 0
	}
	best := math.Inf(1)
	var bestPt orb.Point
	for _, poly := range c.Geom[0] {
		for _, ring := range poly {
			for i := 1; i < len(ring); i++ {
				q := nearestOnSegment(ring[i-1], ring[i], p)
				dx, dy := q[0]-p[0], q[1]-p[1]
				if d := dx*dx + dy*dy; d < best {
					best, bestPt = d, q
				}
			}
		}
	}
	if math.IsInf(best, 1) {
		return math.Inf(1)
	}
	lon2, lat2 := Unproject(bestPt)
	return geo.Distance(orb.Point{lon, lat}, orb.Point{lon2, lat2}) / 1000
}

func nearestOnSegment(a, b, p orb.Point) orb.Point {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return a
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / l2
	switch {
	case t <= 0:
		return a
	case t >= 1:
		return b
	}
	return orb.Point{a[0] + t*dx, a[1] + t*dy}
}
