package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

const maxMatches = 12

// SearchBox finds events by place, province, country or name.
type SearchBox struct {
	// OnPick is called with the record index the user picked.
	OnPick func(record events.RecordIndex)
	// OnResize is called when the drop-down opens or closes, so the
	// panel around the box can lay itself out again.
	OnResize func()

	model   *brief.Model
	entry   *widget.Entry
	results *widget.List
	matches []events.RecordIndex
	holder  *fyne.Container
	obj     *fyne.Container
}

// NewSearchBox returns a search field whose matches drop down below it.
func NewSearchBox(m *brief.Model) *SearchBox {
	s := &SearchBox{model: m}
	s.entry = widget.NewEntry()
	s.entry.SetPlaceHolder("Search place, province or attack…")
	s.entry.OnChanged = s.search
	s.entry.OnSubmitted = func(string) {
		if len(s.matches) > 0 {
			s.pick(0)
		}
	}
	s.results = widget.NewList(
		func() int { return len(s.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if e := s.model.Event(s.matches[i]); e != nil {
				o.(*widget.Label).SetText(e.Date.Format("2006-01-02") + "  " + e.Title)
			}
		})
	s.results.OnSelected = func(i widget.ListItemID) { s.pick(i) }
	s.holder = container.NewStack()
	s.obj = container.NewVBox(s.entry, s.holder)
	return s
}

// Object is the search box's canvas object.
func (s *SearchBox) Object() fyne.CanvasObject { return s.obj }

// Matches returns the record indexes matching a query, best first: events
// whose title or place starts with a word of the query rank before others.
func Matches(m *brief.Model, q string) []events.RecordIndex {
	q = strings.ToLower(strings.TrimSpace(q))
	if len(q) < 2 {
		return nil
	}
	var first, rest []events.RecordIndex
	for i := range m.Records {
		e := m.Event(events.RecordIndex(i))
		if e == nil {
			continue
		}
		hay := strings.ToLower(e.Title + " | " + e.Place + " | " + e.Province + " | " + dataset.CountryName(e.Country) + " | " + e.ID)
		if !strings.Contains(hay, q) {
			continue
		}
		if strings.HasPrefix(strings.ToLower(e.Title), q) || strings.HasPrefix(strings.ToLower(e.Place), q) {
			first = append(first, events.RecordIndex(i))
		} else {
			rest = append(rest, events.RecordIndex(i))
		}
	}
	out := append(first, rest...)
	if len(out) > maxMatches {
		out = out[:maxMatches]
	}
	return out
}

func (s *SearchBox) search(q string) {
	s.matches = Matches(s.model, q)
	s.results.UnselectAll()
	// The drop-down takes room only while there are matches.
	if len(s.matches) == 0 {
		s.holder.Objects = nil
	} else {
		rows := min(len(s.matches), 6)
		s.holder.Objects = []fyne.CanvasObject{container.New(containerGridWrap(rows), s.results)}
	}
	s.results.Refresh()
	s.holder.Refresh()
	s.obj.Refresh()
	if s.OnResize != nil {
		s.OnResize()
	}
}

func (s *SearchBox) pick(i int) {
	if i < 0 || i >= len(s.matches) {
		return
	}
	r := s.matches[i]
	s.entry.SetText("")
	// Hand the keyboard back to the window so shortcuts and map keys work.
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.entry); c != nil {
		c.Unfocus()
	}
	if s.OnPick != nil {
		s.OnPick(r)
	}
}

// containerGridWrap sizes the drop-down to show rows matches.
func containerGridWrap(rows int) fyne.Layout {
	return layout.NewGridWrapLayout(fyne.NewSize(300, float32(rows)*38))
}
