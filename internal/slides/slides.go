// Package slides turns saved briefing slides into pictures: the slide as
// shown in presentation mode, a folder of 1920×1080 PNGs, and a PDF with one
// page per slide. The window and the exports draw slides the same way.
package slides

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"time"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/dataset"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/symbology"
	"iskbrief/internal/tollhistory"
	"iskbrief/internal/workspace"
)

// Filter rebuilds a slide's selection.
func Filter(st workspace.SlideState) filter.Filter {
	f := filter.Filter{Countries: st.Countries, Targets: st.Targets, Attacks: st.Attacks, MinKilled: st.MinKilled, NoFoiled: st.NoFoiled}
	for _, c := range st.Claims {
		f.Claims = append(f.Claims, dataset.ClaimStatus(c))
	}
	f.From, _ = time.Parse(time.DateOnly, st.From)
	f.To, _ = time.Parse(time.DateOnly, st.To)
	return f
}

// Capture fills the filter fields of a slide state from a selection.
func Capture(st *workspace.SlideState, f filter.Filter) {
	st.Countries, st.Targets, st.Attacks = f.Countries, f.Targets, f.Attacks
	st.Claims = nil
	for _, c := range f.Claims {
		st.Claims = append(st.Claims, string(c))
	}
	st.MinKilled, st.NoFoiled = f.MinKilled, f.NoFoiled
	st.From, st.To = "", ""
	if !f.From.IsZero() {
		st.From = f.From.Format(time.DateOnly)
	}
	if !f.To.IsZero() {
		st.To = f.To.Format(time.DateOnly)
	}
}

// Kind returns the slide's chart kind (trends when unset or unknown).
func Kind(st workspace.SlideState) charts.Kind {
	if k, ok := charts.ParseKind(st.Chart); ok {
		return k
	}
	return charts.KindTrends
}

// ColorBy returns the slide's marker colouring.
func ColorBy(st workspace.SlideState) symbology.ColorBy {
	for _, b := range symbology.Schemes {
		if string(b) == st.ColorBy {
			return b
		}
	}
	return symbology.ByTarget
}

// Layout says what a slide picture contains.
type Layout struct {
	W, H  int
	Notes bool // draw the speaker notes under the map and chart
	Bare  bool // only the map and the chart: the caller sets the text (PDF)
	Style maprender.Style
}

// Render draws one slide: its title, the map and the chart side by side,
// optionally the notes, and a source line.
func Render(m *brief.Model, s workspace.Slide, l Layout) (*image.RGBA, error) {
	st := l.Style
	if st.Name == "" {
		st = maprender.Projector()
	}
	img := image.NewRGBA(image.Rect(0, 0, l.W, l.H))
	bg := color.RGBA{0xff, 0xff, 0xff, 0xff}
	if st.Name == "dark" {
		bg = color.RGBA{0x1c, 0x1e, 0x24, 0xff}
	}
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	scale := float64(l.H) / 1080
	pad := int(28 * scale)

	f := Filter(s.State)
	y, bottom := 0, l.H
	if !l.Bare {
		// Title band.
		title := maprender.TextStyle{Size: 52 * scale, Bold: true, Color: st.PanelText}
		_, ta, td := maprender.MeasureText(title, "Ag")
		y = pad + ta
		maprender.DrawText(img, title, s.Title, pad, y)
		y += td + pad/2

		// Footer: the source line.
		// Wrapped, never cut: the selection's description can be long.
		foot := maprender.TextStyle{Size: 18 * scale, Color: st.PanelText}
		_, fa, fd := maprender.MeasureText(foot, "Ag")
		lines := maprender.WrapText(foot, SourceLine(m, f), l.W-2*pad)
		bottom = l.H - pad/2 - fd
		for i := len(lines) - 1; i >= 0; i-- {
			maprender.DrawText(img, foot, lines[i], pad, bottom)
			if i > 0 {
				bottom -= fa + fd
			}
		}
		bottom -= fa + pad/2
	}

	// Notes, above the footer, when asked for.
	if l.Notes && !l.Bare && s.Notes != "" {
		body := maprender.TextStyle{Size: 24 * scale, Color: st.PanelText}
		_, ba, bd := maprender.MeasureText(body, "Ag")
		lines := maprender.WrapText(body, s.Notes, l.W-2*pad)
		if len(lines) > 6 {
			lines = append(lines[:5], lines[5]+" …")
		}
		lh := ba + bd + int(6*scale)
		top := bottom - lh*len(lines)
		for i, line := range lines {
			maprender.DrawText(img, body, line, pad, top+ba+i*lh)
		}
		bottom = top - pad/2
	}

	// Map (left, 58%) and chart (right).
	areaH := bottom - y
	if areaH < 100 {
		return nil, fmt.Errorf("slide %q: %d×%d is too small", s.Title, l.W, l.H)
	}
	left, gap := pad, pad
	if l.Bare {
		left = 0
	}
	mapW := (l.W - 2*left - gap) * 58 / 100
	chartW := l.W - 2*left - gap - mapW
	sel := Selection(m, s) // one selection for the map and the chart
	mapImg := renderMap(m, s, f, sel, mapW, areaH, scale, st)
	draw.Draw(img, image.Rect(left, y, left+mapW, y+areaH), mapImg, image.Point{}, draw.Src)
	var chartImg *image.RGBA
	if e := m.Data.Event(s.State.Selected); s.State.Chart == TollChart && e != nil {
		chartImg = tollPanel(m, e, chartW, areaH, scale, st)
	} else {
		in := m.ChartInput(sel, f)
		in.TextScale = 0.72 * scale
		var err error
		if chartImg, err = charts.RenderImage(Kind(s.State), in, chartW, areaH); err != nil {
			return nil, fmt.Errorf("slide %q chart: %w", s.Title, err)
		}
	}
	draw.Draw(img, image.Rect(left+mapW+gap, y, l.W-left, y+areaH), chartImg, chartImg.Bounds().Min, draw.Src)
	return img, nil
}

// Selection is what a slide shows: the records it was pinned to when it was
// made, or, for a slide that follows the data, its filter applied now.
func Selection(m *brief.Model, s workspace.Slide) brief.Selection {
	if !s.State.Live && len(s.State.Records) > 0 {
		sel, _ := m.SelectKeys(s.State.Records, ColorBy(s.State))
		return sel
	}
	return m.Select(Filter(s.State), ColorBy(s.State))
}

// TollChart is the slide chart that shows the selected event's toll history
// instead of a chart of the selection.
const TollChart = "toll"

// tollPanel draws an event's toll history as a slide's chart: a title, the
// settled figure and the early counts, and every dated figure on its day.
func tollPanel(m *brief.Model, e *dataset.Event, w, h int, scale float64, st maprender.Style) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xff, 0xff, 0xff, 0xff}), image.Point{}, draw.Src)
	fg := color.RGBA{0x22, 0x22, 0x22, 0xff}
	title := maprender.TextStyle{Size: 30 * scale, Bold: true, Color: fg}
	sub := maprender.TextStyle{Size: 20 * scale, Color: color.RGBA{0x55, 0x55, 0x55, 0xff}}
	pad := int(16 * scale)
	_, ta, td := maprender.MeasureText(title, "Ag")
	y := pad + ta
	maprender.DrawText(img, title, "How the toll was reported", pad, y)
	y += td
	line := e.Killed.String() + " killed as the toll settled"
	if e.EarlyKilled.Known {
		line += " · early counts " + e.EarlyKilled.String()
	}
	_, sa, sd := maprender.MeasureText(sub, "Ag")
	for _, l := range maprender.WrapText(sub, line, w-2*pad) {
		y += sa + sd + int(4*scale)
		maprender.DrawText(img, sub, l, pad, y)
	}
	y += sd + pad
	ps := tollhistory.Points(e, m.Data)
	hist := tollhistory.Render(ps, w, h-y, scale*1.6, fg, color.RGBA{0xff, 0xff, 0xff, 0xff})
	draw.Draw(img, image.Rect(0, y, w, h), hist, image.Point{}, draw.Src)
	return img
}

// ErrorCard is what a slide that could not be drawn shows instead: its
// title and why, large enough to read on a projector, never a blank frame.
func ErrorCard(w, h int, title string, err error) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0x20, 0x22, 0x28, 0xff}), image.Point{}, draw.Src)
	scale := float64(h) / 1080
	pad := int(60 * scale)
	head := maprender.TextStyle{Size: 52 * scale, Bold: true, Color: color.RGBA{0xff, 0xff, 0xff, 0xff}}
	body := maprender.TextStyle{Size: 30 * scale, Color: color.RGBA{0xff, 0xd0, 0xa0, 0xff}}
	_, ha, _ := maprender.MeasureText(head, "Ag")
	y := pad + ha
	maprender.DrawText(img, head, "This slide could not be drawn: "+title, pad, y)
	_, ba, bd := maprender.MeasureText(body, "Ag")
	for _, line := range maprender.WrapText(body, err.Error(), w-2*pad) {
		y += ba + bd + int(12*scale)
		maprender.DrawText(img, body, line, pad, y)
	}
	return img
}

// SourceLine is the footer of a slide: basemap credits, data version and the
// selection shown.
func SourceLine(m *brief.Model, f filter.Filter) string {
	return fmt.Sprintf("%s · %s", m.Attribution(), f.String())
}

func renderMap(m *brief.Model, s workspace.Slide, f filter.Filter, sel brief.Selection, w, h int, scale float64, st maprender.Style) *image.RGBA {
	area := maprender.Region
	if s.State.East > s.State.West && s.State.North > s.State.South {
		area = maprender.Bounds(s.State.West, s.State.South, s.State.East, s.State.North)
	}
	return m.RenderMap(sel, brief.Picture{
		View: brief.MapView{Filter: f, ColorBy: ColorBy(s.State), Style: st, Selected: m.RecordOfEvent(s.State.Selected), Overlays: true},
		Area: area, W: w, H: h, Scale: max(1, scale*1.2), NoAttribution: true, // the slide's footer carries it
	})
}
