"""Mapnik peer of `iskbrief export map --events`: Natural Earth countries
(the same geometry ISK Brief draws) and one circle per event sized by
fatalities, 1920x1080 PNG. Usage: mapnik_map.py countries.geojson events.csv out.png"""
import sys
import mapnik

countries, events, out = sys.argv[1:4]
m = mapnik.Map(1920, 1080, "+proj=longlat +datum=WGS84 +no_defs")
m.background = mapnik.Color("#c6d9e6")

land = mapnik.Style()
rule = mapnik.Rule()
poly = mapnik.PolygonSymbolizer()
poly.fill = mapnik.Color("#faf6eb")
rule.symbols.append(poly)
line = mapnik.LineSymbolizer()
line.stroke = mapnik.Color("#777777")
line.stroke_width = 1.0
rule.symbols.append(line)
land.rules.append(rule)
m.append_style("land", land)
layer = mapnik.Layer("countries", "+proj=longlat +datum=WGS84 +no_defs")
layer.datasource = mapnik.Datasource(type="geojson", file=countries)
layer.styles.append("land")
m.layers.append(layer)

dots = mapnik.Style()
rule = mapnik.Rule()
mk = mapnik.MarkersSymbolizer()
mk.fill = mapnik.Color("#d55e00")
mk.width = mapnik.Expression("4 + [fatalities] * 0.4")
mk.height = mapnik.Expression("4 + [fatalities] * 0.4")
mk.allow_overlap = True
mk.ignore_placement = True
rule.symbols.append(mk)
dots.rules.append(rule)
m.append_style("events", dots)
ev = mapnik.Layer("events", "+proj=longlat +datum=WGS84 +no_defs")
ev.datasource = mapnik.Datasource(type="csv", file=events)
ev.styles.append("events")
m.layers.append(ev)

m.zoom_to_box(mapnik.Box2d(28, 24, 78, 56))
mapnik.render_to_file(m, out, "png")
