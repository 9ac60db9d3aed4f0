package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/dataset"
	"iskbrief/internal/events"
)

// Sort orders of the event list.
const (
	sortNewest  = "Newest first"
	sortOldest  = "Oldest first"
	sortKilled  = "Most killed"
	sortCountry = "Country"
)

// EventList lists the selected events, sortable, in step with the map's
// selection.
type EventList struct {
	// OnSelect is called when the user picks a row, with its record index.
	OnSelect func(record events.RecordIndex)

	model    *brief.Model
	rows     []events.RecordIndex
	list     *keyList
	sortBy   *Choice
	obj      fyne.CanvasObject
	selected events.RecordIndex
	quiet    bool
}

// NewEventList returns an empty list over a model.
func NewEventList(m *brief.Model) *EventList {
	l := &EventList{model: m, selected: events.NoRecord}
	l.list = newKeyList(
		func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			date := widget.NewLabel("2024-03-22")
			meta := widget.NewLabelWithStyle("AFG 000", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, date, meta, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.rows) {
				return
			}
			c := o.(*fyne.Container)
			title, date, meta := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label), c.Objects[2].(*widget.Label)
			r := l.model.Records[l.rows[i]]
			date.SetText(r.Time().Format("2006-01-02"))
			killed := "  ?"
			if r.Killed >= 0 {
				killed = fmt.Sprintf("%3d", r.Killed)
			}
			country := "---"
			if int(r.Country) < len(dataset.Countries) {
				country = dataset.Countries[r.Country]
			}
			meta.SetText(country + " " + killed)
			d, _ := l.model.Describe(l.rows[i])
			switch d.Kind {
			case brief.Imported:
				title.SetText(d.Layer + ": " + strings.Join(nonEmpty(d.Imported.SubType, d.Imported.Place), ", "))
			case brief.External:
				title.SetText(d.Place)
			default:
				title.SetText(d.Title)
			}
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.quiet || i >= len(l.rows) {
			return
		}
		l.selected = l.rows[i]
		if l.OnSelect != nil {
			l.OnSelect(l.rows[i])
		}
	}
	l.sortBy = NewChoice([]string{sortNewest, sortOldest, sortKilled, sortCountry}, func(string) { l.sort() })
	l.sortBy.SetSelected(sortNewest)
	header := container.NewBorder(nil, nil, widget.NewLabel("Sort"), nil, l.sortBy)
	l.obj = container.NewBorder(header, nil, nil, nil, l.list)
	return l
}

// Object is the list's canvas object.
func (l *EventList) Object() fyne.CanvasObject { return l.obj }

// SetRows shows these record indexes.
func (l *EventList) SetRows(rows []events.RecordIndex) {
	l.rows = slices.Clone(rows)
	l.sort()
}

func (l *EventList) sort() {
	recs := l.model.Records
	switch l.sortBy.Selected {
	case sortOldest:
		slices.SortStableFunc(l.rows, func(a, b events.RecordIndex) int { return cmp.Compare(recs[a].Day, recs[b].Day) })
	case sortKilled:
		slices.SortStableFunc(l.rows, func(a, b events.RecordIndex) int { return cmp.Compare(recs[b].Killed, recs[a].Killed) })
	case sortCountry:
		slices.SortStableFunc(l.rows, func(a, b events.RecordIndex) int {
			if c := cmp.Compare(recs[a].Country, recs[b].Country); c != 0 {
				return c
			}
			return cmp.Compare(recs[b].Day, recs[a].Day)
		})
	default:
		slices.SortStableFunc(l.rows, func(a, b events.RecordIndex) int { return cmp.Compare(recs[b].Day, recs[a].Day) })
	}
	l.list.Refresh()
	l.Select(l.selected)
}

// Select highlights a record's row (or clears the highlight for -1) without
// calling OnSelect.
func (l *EventList) Select(record events.RecordIndex) {
	l.selected = record
	l.quiet = true
	defer func() { l.quiet = false }()
	if i := slices.Index(l.rows, record); i >= 0 {
		l.list.Select(i)
		l.list.ScrollTo(i)
		return
	}
	l.list.UnselectAll()
}
