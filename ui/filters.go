package ui

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/dataset"
	"iskbrief/internal/filter"
)

// FilterPanel edits a filter.Filter: countries, years, target and attack
// types, claim status and a minimum number killed.
type FilterPanel struct {
	// OnChange is called with the new filter after every edit.
	OnChange func(filter.Filter)

	obj        fyne.CanvasObject
	countries  *widget.CheckGroup
	targets    *widget.CheckGroup
	attacks    *widget.CheckGroup
	claims     *widget.CheckGroup
	fromYear   *Choice
	toYear     *Choice
	minKilled  *Choice
	noFoiled   *widget.Check
	count      *widget.Label
	firstYear  int
	lastYear   int
	suppressed bool
}

var killedSteps = []string{"any", "1", "5", "10", "25", "50", "100"}

// NewFilterPanel builds the panel for the years firstYear..lastYear.
func NewFilterPanel(firstYear, lastYear int) *FilterPanel {
	p := &FilterPanel{firstYear: firstYear, lastYear: lastYear}
	changed := func() { p.changed() }

	var names []string
	for _, c := range dataset.Countries {
		names = append(names, dataset.CountryName(c))
	}
	p.countries = widget.NewCheckGroup(names, func([]string) { changed() })
	p.targets = widget.NewCheckGroup(labels(dataset.TargetTypes), func([]string) { changed() })
	attacks := slices.DeleteFunc(slices.Clone(dataset.AttackTypes), func(s string) bool { return s == "plot" })
	p.attacks = widget.NewCheckGroup(labels(attacks), func([]string) { changed() })
	p.claims = widget.NewCheckGroup([]string{"Claimed", "Attributed", "Disputed"}, func([]string) { changed() })

	var years []string
	for y := firstYear; y <= lastYear; y++ {
		years = append(years, strconv.Itoa(y))
	}
	p.fromYear = NewChoice(years, func(string) { changed() })
	p.toYear = NewChoice(years, func(string) { changed() })
	p.minKilled = NewChoice(killedSteps, func(string) { changed() })
	p.noFoiled = widget.NewCheck("Hide foiled plots", func(bool) { changed() })
	p.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	reset := widget.NewButton("Reset filters", p.Reset)

	acc := widget.NewAccordion(
		widget.NewAccordionItem("Countries", p.countries),
		widget.NewAccordionItem("Target type", p.targets),
		widget.NewAccordionItem("Attack type", p.attacks),
		widget.NewAccordionItem("Claim status", p.claims),
	)
	acc.MultiOpen = true
	acc.Open(0)
	years2 := container.NewGridWithColumns(2, p.fromYear, p.toYear)
	p.obj = container.NewVBox(
		widget.NewLabelWithStyle("Filters", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.count,
		widget.NewLabel("Years (from – to)"), years2,
		container.NewBorder(nil, nil, widget.NewLabel("Killed at least"), nil, p.minKilled),
		p.noFoiled,
		acc,
		reset,
	)
	p.suppressed = true
	p.Reset()
	p.suppressed = false
	return p
}

func labels(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = dataset.Label(c)
	}
	return out
}

// codes maps selected labels back to their codes.
func codes(vocab []string, selected []string) []string {
	var out []string
	for _, c := range vocab {
		if slices.Contains(selected, dataset.Label(c)) {
			out = append(out, c)
		}
	}
	return out
}

// Object is the panel's canvas object.
func (p *FilterPanel) Object() fyne.CanvasObject { return p.obj }

// Reset selects everything.
func (p *FilterPanel) Reset() {
	was := p.suppressed
	p.suppressed = true
	p.countries.SetSelected(nil)
	p.targets.SetSelected(nil)
	p.attacks.SetSelected(nil)
	p.claims.SetSelected(nil)
	p.fromYear.SetSelected(strconv.Itoa(p.firstYear))
	p.toYear.SetSelected(strconv.Itoa(p.lastYear))
	p.minKilled.SetSelected(killedSteps[0])
	p.noFoiled.SetChecked(false)
	p.suppressed = was
	p.changed()
}

// Filter returns the filter the panel shows. Nothing ticked in a group means
// no restriction from that group.
func (p *FilterPanel) Filter() filter.Filter {
	var f filter.Filter
	for _, c := range dataset.Countries {
		if slices.Contains(p.countries.Selected, dataset.CountryName(c)) {
			f.Countries = append(f.Countries, c)
		}
	}
	f.Targets = codes(dataset.TargetTypes, p.targets.Selected)
	f.Attacks = codes(dataset.AttackTypes, p.attacks.Selected)
	for _, c := range p.claims.Selected {
		switch c {
		case "Claimed":
			f.Claims = append(f.Claims, dataset.Claimed)
		case "Attributed":
			f.Claims = append(f.Claims, dataset.Attributed)
		case "Disputed":
			f.Claims = append(f.Claims, dataset.Disputed)
		}
	}
	from, _ := strconv.Atoi(p.fromYear.Selected)
	to, _ := strconv.Atoi(p.toYear.Selected)
	if from > to {
		from, to = to, from
	}
	if from > p.firstYear || to < p.lastYear {
		f.From, f.To = filter.YearRange(from, to)
	}
	if n, err := strconv.Atoi(p.minKilled.Selected); err == nil {
		f.MinKilled = n
	}
	f.NoFoiled = p.noFoiled.Checked
	return f
}

// SetFilter shows a saved filter (a slide's) without firing OnChange twice.
func (p *FilterPanel) SetFilter(f filter.Filter) {
	p.suppressed = true
	var cs []string
	for _, c := range f.Countries {
		cs = append(cs, dataset.CountryName(c))
	}
	p.countries.SetSelected(cs)
	p.targets.SetSelected(labels(f.Targets))
	p.attacks.SetSelected(labels(f.Attacks))
	var claims []string
	for _, c := range f.Claims {
		claims = append(claims, dataset.Label(string(c)))
	}
	p.claims.SetSelected(claims)
	from, to := p.firstYear, p.lastYear
	if !f.From.IsZero() {
		from = f.From.Year()
	}
	if !f.To.IsZero() {
		to = f.To.Year()
	}
	p.fromYear.SetSelected(strconv.Itoa(from))
	p.toYear.SetSelected(strconv.Itoa(to))
	p.minKilled.SetSelected(killedSteps[0])
	for _, s := range killedSteps {
		if s == strconv.Itoa(f.MinKilled) {
			p.minKilled.SetSelected(s)
		}
	}
	p.noFoiled.SetChecked(f.NoFoiled)
	p.suppressed = false
	p.changed()
}

// SetCount shows how many events match.
func (p *FilterPanel) SetCount(n, total int) {
	p.count.SetText(fmt.Sprintf("%d of %d events match", n, total))
}

func (p *FilterPanel) changed() {
	if p.suppressed || p.OnChange == nil {
		return
	}
	p.OnChange(p.Filter())
}
