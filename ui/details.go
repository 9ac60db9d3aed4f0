package ui

import (
	"fmt"
	"image/color"
	"net/url"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
	"iskbrief/internal/importer"
	"iskbrief/internal/tollhistory"
)

// SafeURL parses a source link and accepts it only if it is an absolute
// http or https address: a dataset or imported file must never make the app
// open file:, javascript: or custom-scheme links.
func SafeURL(s string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, false
	}
	return u, true
}

// Location precisions and claim statuses in words.
var (
	precisionWords = map[dataset.LocationPrecision]string{
		dataset.SitePrecision:     "exact site",
		dataset.TownPrecision:     "known to the town",
		dataset.ProvincePrecision: "known only to the province",
	}
	claimWords = map[dataset.ClaimStatus]string{
		dataset.Claimed:    "Claimed by the Islamic State / ISKP",
		dataset.Attributed: "Unclaimed; attributed to ISKP by officials or analysts",
		dataset.Disputed:   "Disputed attribution",
	}
)

func precisionText(p dataset.LocationPrecision) string { return wordFor(precisionWords, p) }

func claimText(c dataset.ClaimStatus) string { return wordFor(claimWords, c) }

// wordFor is a code's words, or the code itself when it has none.
func wordFor[K ~string](words map[K]string, k K) string {
	if w, ok := words[k]; ok {
		return w
	}
	return string(k)
}

// casualtyText shows a range with a note when sources differ.
func casualtyText(r dataset.Range) string {
	if !r.Known {
		return "not reported"
	}
	if r.Low == r.High {
		return r.String()
	}
	return fmt.Sprintf("%s (settled sources differ; median %d)", r.String(), r.Central)
}

func dateText(e *dataset.Event) string {
	if e.DatePrecision == dataset.MonthPrecision {
		return e.Date.Format("January 2006") + " (day not known)"
	}
	return e.Date.Format("Monday 2 January 2006")
}

// fields lays out bold captions beside wrapping values, two columns.
func fields(pairs ...string) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		c := widget.NewLabelWithStyle(pairs[i], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		text, _ := capText(pairs[i+1], maxFieldChars)
		v := widget.NewLabel(text)
		v.Wrapping = fyne.TextWrapWord
		objs = append(objs, c, v)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// DetailPanel shows one event: what happened and who says so.
type DetailPanel struct {
	box    *fyne.Container
	scroll *container.Scroll
	data   *dataset.Dataset
	// sourcesAsTable shows an event's sources as the compact table rather
	// than as cards; the choice holds from one event to the next.
	sourcesAsTable bool
	// OnSelect selects another record (a possible duplicate).
	OnSelect func(events.RecordIndex)
	// OnOpenURL opens a checked link; the app sets it to the system browser.
	OnOpenURL func(*url.URL)
}

// NewDetailPanel returns an empty panel.
func NewDetailPanel(d *dataset.Dataset) *DetailPanel {
	p := &DetailPanel{data: d, box: container.NewVBox()}
	p.scroll = container.NewVScroll(p.box)
	p.ShowHint()
	return p
}

// Object is the panel's canvas object.
func (p *DetailPanel) Object() fyne.CanvasObject { return p.scroll }

// Show shows a record as brief describes it: a dataset event with its
// sources, an imported layer's row, or an external file's row, followed by
// the imported events merged into it.
func (p *DetailPanel) Show(d brief.Description) {
	switch d.Kind {
	case brief.Curated:
		p.ShowEvent(d.Event)
	case brief.Imported:
		p.ShowImported(d.Imported, d.Layer)
	default:
		p.ShowRecord(d)
	}
	p.ShowAlso(d.Also, d.AlsoLayer)
}

// ShowHint tells a new user what the panel is for.
func (p *DetailPanel) ShowHint() {
	title := widget.NewLabelWithStyle("Event details", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("Click a marker on the map to see what happened, the casualty figures each source reported, and links to the sources.\n\nClick a numbered cluster to zoom into it. Scroll to zoom, drag to pan, double-click to zoom in; + / − and the arrow keys work too.")
	hint.Wrapping = fyne.TextWrapWord
	p.box.Objects = []fyne.CanvasObject{title, hint}
	p.box.Refresh()
	p.scroll.ScrollToTop()
}

// ShowRecord shows an external record, which has only its row's fields.
func (p *DetailPanel) ShowRecord(d brief.Description) {
	title := widget.NewLabelWithStyle(d.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.box.Objects = []fyne.CanvasObject{title, fields(
		"Date", d.Date.Format("2 January 2006"),
		"Location", d.Place,
		"Killed", d.Killed,
	)}
	p.box.Refresh()
	p.scroll.ScrollToTop()
}

// ShowEvent fills the panel with an event and its sources.
func (p *DetailPanel) ShowEvent(e *dataset.Event) {
	title := widget.NewLabelWithStyle(e.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{title}
	if e.Outcome == dataset.Foiled {
		objs = append(objs, widget.NewLabelWithStyle("FOILED PLOT — no attack took place", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	place := e.Place
	if e.Province != "" {
		place += ", " + e.Province + " province"
	}
	place += ", " + dataset.CountryName(e.Country)
	summary := widget.NewLabel(e.Summary)
	summary.Wrapping = fyne.TextWrapWord
	objs = append(objs,
		fields(
			"Date", dateText(e),
			"Place", place,
			"Location", fmt.Sprintf("%.4f, %.4f — %s", e.Lat, e.Lon, precisionText(e.LocationPrecision)),
			"Killed", tollText(e),
			"Wounded", casualtyText(e.Wounded),
			"Claim", claimText(e.Claim),
			"Attack", dataset.Label(e.AttackType),
			"Target", dataset.Label(e.TargetType),
		),
		summary,
	)
	if ps := tollhistory.Points(e, p.data); tollhistory.Worth(ps) {
		objs = append(objs, widget.NewLabelWithStyle("Toll history: each killed figure on the day it was reported", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			p.tollChart(ps), kindLegend(ps))
	}
	view := widget.NewRadioGroup([]string{"Cards", "Table"}, nil)
	view.Horizontal = true
	view.Required = true
	view.SetSelected(map[bool]string{false: "Cards", true: "Table"}[p.sourcesAsTable])
	view.OnChanged = func(v string) {
		if asTable := v == "Table"; asTable != p.sourcesAsTable {
			p.sourcesAsTable = asTable
			offset := p.scroll.Offset
			p.ShowEvent(e)
			p.scroll.Offset = offset // stay at the sources
			p.scroll.Refresh()
		}
	}
	heading := widget.NewLabelWithStyle(fmt.Sprintf("Sources (%d), in the order they reported", len(e.Reports)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	objs = append(objs, widget.NewSeparator(), heading, container.NewHBox(widget.NewLabel("Show as"), view))
	if p.sourcesAsTable {
		objs = append(objs, p.sourcesTable(e))
	} else {
		for _, r := range e.Reports {
			objs = append(objs, p.sourceCard(r))
		}
	}
	p.box.Objects = objs
	p.box.Refresh()
	p.scroll.ScrollToTop()
}

// tollText is the headline killed figure: the settled range, and the early
// counts it superseded, e.g. "145 as settled · early counts 60–144".
func tollText(e *dataset.Event) string {
	if !e.EarlyKilled.Known || !e.Killed.Known {
		return casualtyText(e.Killed)
	}
	s := e.Killed.String() + " as settled"
	if e.Killed.Low != e.Killed.High {
		s += fmt.Sprintf(" (the settled sources differ; median %d)", e.Killed.Central)
	}
	return s + " · early counts " + e.EarlyKilled.String()
}

// qualified writes a figure as its source did: "at least 31", "100+".
func qualified(n int, q dataset.Qualifier) string {
	switch q {
	case dataset.AtLeast:
		return fmt.Sprintf("at least %d", n)
	case dataset.MoreThan:
		return fmt.Sprintf("more than %d", n)
	case dataset.About:
		return fmt.Sprintf("about %d", n)
	case dataset.UpTo:
		return fmt.Sprintf("up to %d", n)
	}
	return fmt.Sprint(n)
}

// reportText says what one source reported, e.g. "at least 137 killed,
// 182 wounded".
func reportText(r dataset.Report) string {
	var parts []string
	if r.Killed != nil {
		parts = append(parts, qualified(*r.Killed, r.KilledQualifier)+" killed")
	}
	if r.Wounded != nil {
		parts = append(parts, qualified(*r.Wounded, r.WoundedQualifier)+" wounded")
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "no casualty figure"
	}
	if r.Status == dataset.Provisional {
		s = "Early count: " + s
	}
	if r.Note != "" {
		s += " (" + r.Note + ")"
	}
	if r.Reported != "" {
		s += " — reported " + r.Reported
	}
	return s
}

func (p *DetailPanel) sourceCard(r dataset.Report) fyne.CanvasObject {
	what := widget.NewLabelWithStyle(reportText(r), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Wrapping = fyne.TextWrapWord
	s := p.data.Source(r.SourceID)
	if s == nil {
		return container.NewVBox(what, widget.NewLabel("Source "+r.SourceID+" is missing from the dataset"))
	}
	meta := s.Publisher
	if s.Author != "" {
		meta += " · " + s.Author
	}
	if s.Published != "" {
		meta += " · " + s.Published
	}
	meta += " · " + dataset.Label(s.Kind)
	m := widget.NewLabel(meta)
	m.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{what, m}
	title, note := splitTitleNote(s.Title)
	objs = append(objs, p.link(title, s.URL))
	if note != "" {
		n := widget.NewLabelWithStyle("Title note: "+note, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		n.Wrapping = fyne.TextWrapWord
		objs = append(objs, n)
	}
	return container.NewPadded(container.NewVBox(objs...))
}

// splitTitleNote separates an editor's note about a title, such as
// "(title not captured)" or "(headline as given in the page address)", from
// the title itself, so the note does not read as part of the link.
func splitTitleNote(title string) (string, string) {
	t := strings.TrimSpace(title)
	if !strings.HasSuffix(t, ")") {
		return t, ""
	}
	i := strings.LastIndex(t, "(")
	if i < 0 {
		return t, ""
	}
	note := t[i+1 : len(t)-1]
	if !strings.Contains(note, "title not captured") && !strings.Contains(note, "headline as given") {
		return t, ""
	}
	return strings.TrimSpace(t[:i]), note
}

// link shows text as a link to address when it is a safe http(s) address,
// else as plain text.
func (p *DetailPanel) link(text, address string) fyne.CanvasObject {
	u, ok := SafeURL(address)
	if !ok {
		l := widget.NewLabel(linkText(text, nil, false))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	link := widget.NewHyperlink(linkText(text, u, strings.TrimSpace(text) == strings.TrimSpace(address)), u)
	link.Wrapping = fyne.TextWrapWord
	link.OnTapped = func() {
		if p.OnOpenURL != nil {
			p.OnOpenURL(u)
		}
	}
	return link
}

// tollChart draws the toll history at the panel's width, in the theme's
// colours.
func (p *DetailPanel) tollChart(ps []tollhistory.Point) fyne.CanvasObject {
	const w, h = 420, 170
	scale := float64(fyne.CurrentApp().Settings().Scale())
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.scroll); c != nil {
		scale = float64(c.Scale())
	}
	scale = max(1, scale)
	fg, bg := rgba(theme.Color(theme.ColorNameForeground)), rgba(theme.Color(theme.ColorNameBackground))
	img := canvas.NewImageFromImage(tollhistory.Render(ps, int(w*scale), int(h*scale), scale, fg, bg))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(w, h))
	return img
}

// kindLegend names the colours of the source kinds present.
func kindLegend(ps []tollhistory.Point) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	seen := map[string]bool{}
	for _, pt := range ps {
		if seen[pt.Kind] {
			continue
		}
		seen[pt.Kind] = true
		c, ok := tollhistory.KindColors[pt.Kind]
		if !ok {
			continue
		}
		dot := canvas.NewCircle(c)
		objs = append(objs, container.NewGridWrap(fyne.NewSize(10, 10), dot), widget.NewLabel(tollhistory.KindNames[pt.Kind]))
	}
	return container.NewHBox(objs...)
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// importedKilled formats an imported event's figures.
func importedCount(central, low, high int32) string {
	switch {
	case central < 0 && low < 0:
		return "not reported"
	case low >= 0 && high >= 0 && low != high:
		return fmt.Sprintf("%d (range %d–%d)", max(central, low), low, high)
	case central >= 0:
		return fmt.Sprint(central)
	}
	return fmt.Sprint(low)
}

// ShowImported shows an event of an imported layer: its fields as the file
// gave them, and its sources.
func (p *DetailPanel) ShowImported(e *importer.Event, layer string) {
	p.box.Objects = p.importedObjects(e, layer, true)
	p.box.Refresh()
	p.scroll.ScrollToTop()
}

func (p *DetailPanel) importedObjects(e *importer.Event, layer string, full bool) []fyne.CanvasObject {
	title := e.EventType
	if e.SubType != "" {
		title += " — " + e.SubType
	}
	if title == "" {
		title = "Imported event"
	}
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	place := strings.Join(nonEmpty(e.Place, e.Admin1, e.CountryName), ", ")
	pairs := []string{
		"Layer", fmt.Sprintf("%s (line %d, id %s)", layer, e.Line, e.ID),
		"Date", e.Date.Format("2 January 2006") + " (" + e.DatePrecision.String() + " precision)",
		"Place", place,
		"Location", fmt.Sprintf("%.4f, %.4f — %s", e.Lat, e.Lon, e.Precision.String()),
		"Killed", importedCount(e.Killed, e.KilledLow, e.KilledHigh),
		"Wounded", importedCount(e.Wounded, -1, -1),
	}
	if actors := strings.Join(nonEmpty(e.Actor1, e.Actor2), " vs "); actors != "" {
		pairs = append(pairs, "Actors", actors)
	}
	if e.Claim.String() != "" {
		pairs = append(pairs, "Claim", e.Claim.String())
	}
	if e.Target != "" {
		pairs = append(pairs, "Target", e.Target)
	}
	objs := []fyne.CanvasObject{t, fields(pairs...)}
	if full && e.Notes != "" {
		note, cut := capText(e.Notes, maxNoteChars)
		n := widget.NewLabel(note)
		n.Wrapping = fyne.TextWrapWord
		objs = append(objs, n)
		if cut {
			// The whole note is never laid out: it goes to the clipboard.
			all := e.Notes
			objs = append(objs, widget.NewButton(fmt.Sprintf("Copy the whole note (%s characters)", charts.FmtInt(utf8.RuneCountInString(all))), func() {
				copyText(all)
			}))
		}
	}
	if e.Source != "" {
		objs = append(objs, widget.NewLabelWithStyle("Sources", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, line := range strings.Split(e.Source, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			objs = append(objs, p.link(line, line))
		}
	}
	return objs
}

// ShowAlso appends events from other layers that were merged into the one
// shown, so every source of a merged event is listed.
func (p *DetailPanel) ShowAlso(evs []*importer.Event, layers []string) {
	if len(evs) == 0 {
		return
	}
	p.box.Objects = append(p.box.Objects, widget.NewSeparator(),
		widget.NewLabelWithStyle(fmt.Sprintf("Also reported in imported layers (%d)", len(evs)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, e := range evs {
		p.box.Objects = append(p.box.Objects, container.NewPadded(container.NewVBox(p.importedObjects(e, layers[i], false)...)))
	}
	p.box.Refresh()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// ShowNear appends the records of other layers that may report the same
// attack but fall outside the merge rule, each a button that selects it.
func (p *DetailPanel) ShowNear(near []brief.NearDuplicate, m *brief.Model) {
	if len(near) == 0 {
		return
	}
	const shown = 8
	head := widget.NewLabelWithStyle(fmt.Sprintf("Possibly the same attack in another layer (%d, not merged)", len(near)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	why := widget.NewLabel(fmt.Sprintf("Within %d day and %d km, outside the merge rule (same day, %d km): check before counting both.", brief.NearDays, brief.NearKm, brief.DuplicateKm))
	why.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{widget.NewSeparator(), head, why}
	for i, n := range near {
		if i == shown {
			objs = append(objs, widget.NewLabel(fmt.Sprintf("… and %d more", len(near)-shown)))
			break
		}
		d, ok := m.Describe(n.Record)
		if !ok {
			continue
		}
		when := "same day"
		if n.Days != 0 {
			when = fmt.Sprintf("%+d day", n.Days)
		}
		r := n.Record
		what := widget.NewLabel(fmt.Sprintf("%s: %s, %s (%s, %.0f km) · killed %s", n.Layer, d.Title, d.Place, when, n.Km, d.Killed))
		what.Wrapping = fyne.TextWrapWord
		show := widget.NewButton("Show", func() {
			if p.OnSelect != nil {
				p.OnSelect(r)
			}
		})
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewCenter(show), what))
	}
	p.box.Objects = append(p.box.Objects, objs...)
	// Flag it under the title too: the list is at the end of a long panel.
	flag := widget.NewLabelWithStyle(fmt.Sprintf("Possibly counted twice: %s in another layer, listed at the end.", charts.Plural(len(near), "record", "records")), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	flag.Wrapping = fyne.TextWrapWord
	flag.Importance = widget.WarningImportance
	if len(p.box.Objects) > 1 {
		p.box.Objects = append(p.box.Objects[:1], append([]fyne.CanvasObject{flag}, p.box.Objects[1:]...)...)
	}
	p.box.Refresh()
}
