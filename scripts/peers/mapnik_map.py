"""Mapnik peer of `iskbrief export map --events`: Natural Earth countries
(the same geometry ISK Brief draws) and one circle per event sized by
fatalities, 1920x1080 PNG. Usage: mapnik_map.py countries.geojson events.csv out.png"""
import sys
import mapnik

countries, events, out = sys.argv[1:4]
WGS84 = "+proj=longlat +datum=WGS84 +no_defs"
m = mapnik.Map(1920, 1080, WGS84)


def add_layer(name, style, datasource):
    """Adds a layer drawn with style to the map."""
    m.append_style(name, style)
    layer = mapnik.Layer(name, WGS84)
    layer.datasource = datasource
    layer.styles.append(name)
    m.layers.append(layer)


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
add_layer("countries", land, mapnik.Datasource(type="geojson", file=countries))

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
add_layer("events", dots, mapnik.Datasource(type="csv", file=events))

m.zoom_to_box(mapnik.Box2d(28, 24, 78, 56))
mapnik.render_to_file(m, out, "png")
