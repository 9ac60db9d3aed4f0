package ui

import (
	"bytes"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/events"
	"iskbrief/internal/eventtable"
)

// columnWidths are the table's column widths at scale 1.
var columnWidths = [eventtable.NumColumns]float32{94, 180, 62, 84, 76, 86, 150, 140, 64}

// EventTable lists the selected events as a table with a sortable header,
// in step with the map's selection, and exports what it shows as CSV.
type EventTable struct {
	// OnSelect is called when the user picks a row, with its record index.
	OnSelect func(record events.RecordIndex)
	// OnExport is called with a file name and a function, safe to run off
	// the UI thread, that writes the table's CSV.
	OnExport func(name string, render func() ([]byte, error))

	model    *brief.Model
	rows     []events.RecordIndex
	table    *keyTable
	count    *widget.Label
	obj      fyne.CanvasObject
	selected events.RecordIndex
	quiet    bool

	sortBy eventtable.Column
	desc   bool
	cache  map[events.RecordIndex]*eventtable.Row
}

// maxCachedRows bounds the cells kept between redraws: a million-row layer
// is formatted only as it scrolls past.
const maxCachedRows = 1024

// NewEventTable returns an empty table over a model, newest first.
func NewEventTable(m *brief.Model) *EventTable {
	l := &EventTable{model: m, selected: events.NoRecord, sortBy: eventtable.Date, desc: true}
	l.table = newKeyTable(
		func() (int, int) { return len(l.rows), int(eventtable.NumColumns) },
		func() fyne.CanvasObject {
			c := widget.NewLabel("")
			c.Truncation = fyne.TextTruncateEllipsis
			return c
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(l.rows) || id.Col < 0 || id.Col >= int(eventtable.NumColumns) {
				return
			}
			o.(*widget.Label).SetText(l.row(l.rows[id.Row]).Cells[id.Col])
		})
	t := &l.table.Table
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= int(eventtable.NumColumns) {
			b.SetText("")
			return
		}
		c := eventtable.Column(id.Col)
		text := eventtable.Headers[c]
		if c == l.sortBy {
			text += map[bool]string{true: " ▼", false: " ▲"}[l.desc]
		}
		b.SetText(text)
		b.OnTapped = func() { l.SortBy(c) }
	}
	for i, w := range columnWidths {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if l.quiet || id.Row < 0 || id.Row >= len(l.rows) {
			return
		}
		l.selected = l.rows[id.Row]
		if l.OnSelect != nil {
			l.OnSelect(l.selected)
		}
	}
	l.count = widget.NewLabel("")
	export := widget.NewButton("Export CSV…", l.export)
	hint := widget.NewLabelWithStyle("Click a column to sort; Killed sorts by the median of the settled figures.", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	hint.Wrapping = fyne.TextWrapWord
	header := container.NewVBox(container.NewBorder(nil, nil, l.count, export), hint)
	l.obj = container.NewBorder(header, nil, nil, nil, l.table)
	return l
}

// Object is the table's canvas object.
func (l *EventTable) Object() fyne.CanvasObject { return l.obj }

func (l *EventTable) row(r events.RecordIndex) *eventtable.Row {
	if row, ok := l.cache[r]; ok {
		return row
	}
	if len(l.cache) >= maxCachedRows {
		clear(l.cache)
	}
	row := eventtable.Make(l.model, r)
	l.cache[r] = &row
	return &row
}

// SetRows shows these record indexes in the current order.
func (l *EventTable) SetRows(rows []events.RecordIndex) {
	l.rows = slices.Clone(rows)
	l.cache = map[events.RecordIndex]*eventtable.Row{}
	eventtable.Sort(l.model, l.rows, l.sortBy, l.desc)
	l.count.SetText(charts.Plural(len(l.rows), "event", "events"))
	l.table.Refresh()
	l.Select(l.selected)
}

// SortBy orders the rows by column c; a second click on the same column
// reverses the order. The table then shows its new first row.
func (l *EventTable) SortBy(c eventtable.Column) {
	if c == l.sortBy {
		l.desc = !l.desc
	} else {
		l.sortBy, l.desc = c, eventtable.Descending(c)
	}
	eventtable.Sort(l.model, l.rows, l.sortBy, l.desc)
	l.table.Refresh()
	l.highlight(l.selected)
	l.table.ScrollToTop()
}

// Sorted reports the column and direction of the current order.
func (l *EventTable) Sorted() (eventtable.Column, bool) { return l.sortBy, l.desc }

// Rows returns the records in the order shown.
func (l *EventTable) Rows() []events.RecordIndex { return slices.Clone(l.rows) }

// Select highlights a record's row and scrolls to it (or clears the
// highlight for NoRecord) without calling OnSelect.
func (l *EventTable) Select(record events.RecordIndex) {
	if i := l.highlight(record); i >= 0 {
		l.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	}
}

func (l *EventTable) highlight(record events.RecordIndex) int {
	l.selected = record
	l.quiet = true
	defer func() { l.quiet = false }()
	i := slices.Index(l.rows, record)
	if i >= 0 {
		l.table.Select(widget.TableCellID{Row: i, Col: 0})
	} else {
		l.table.UnselectAll()
	}
	return i
}

// CSV renders the table as shown, its rows in their order. It works on a
// snapshot, so it may run while the window goes on changing.
func (l *EventTable) CSV() func() ([]byte, error) {
	m, rows := l.model.Snapshot(), slices.Clone(l.rows)
	return func() ([]byte, error) {
		var b bytes.Buffer
		err := eventtable.WriteCSV(&b, m, rows)
		return b.Bytes(), err
	}
}

func (l *EventTable) export() {
	if l.OnExport != nil {
		l.OnExport(fmt.Sprintf("isk-brief-events-%d.csv", len(l.rows)), l.CSV())
	}
}

// keyTable is a widget.Table that passes F1 and F5 on to the window, like
// keyList.
type keyTable struct {
	widget.Table
	OnWindowKey func(*fyne.KeyEvent)
}

func newKeyTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey implements fyne.Focusable.
func (t *keyTable) TypedKey(e *fyne.KeyEvent) {
	if !windowKey(e, t.OnWindowKey) {
		t.Table.TypedKey(e)
	}
}
