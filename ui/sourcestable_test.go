package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The sources table lists Crocus's reports in reporting order with their
// qualifiers and early counts marked, and copies with full addresses.
func TestSourcesTableKeepsOrderAndQualifiers(t *testing.T) {
	mw := newTestWindow(t)
	r := mw.model.RecordOfEvent("rus-2024-03-22-crocus-city-hall")
	e := mw.model.Event(r)
	rows := mw.details.sourceRows(e)
	if len(rows) != len(e.Reports) {
		t.Fatalf("%d rows for %d reports", len(rows), len(e.Reports))
	}
	qualified, early := 0, 0
	for i, row := range rows {
		if i > 0 && rows[i-1].cells[0] != "undated" && row.cells[0] != "undated" && rows[i-1].cells[0] > row.cells[0] {
			t.Errorf("row %d reported %s after %s", i, row.cells[0], rows[i-1].cells[0])
		}
		if strings.HasPrefix(row.cells[3], "≥ ") || strings.HasPrefix(row.cells[3], "> ") {
			qualified++
		}
		if strings.HasSuffix(row.cells[3], " early") {
			early++
		}
		if row.cells[1] == "" || !strings.HasPrefix(row.url, "http") {
			t.Errorf("row %d lacks its publisher or address: %+v", i, row)
		}
	}
	if qualified == 0 || early == 0 {
		t.Errorf("%d qualified and %d early figures in %+v", qualified, early, rows)
	}
	tsv := sourcesTSV(rows)
	if lines := strings.Count(tsv, "\n"); lines != len(rows)+1 || !strings.Contains(tsv, rows[0].url) {
		t.Errorf("TSV has %d lines:\n%s", lines, tsv)
	}
	// The panel switches to the table and keeps the choice for the next event.
	mw.selectAndShow(r, true)
	radio := findRadio(mw.details.box.Objects)
	if radio == nil {
		t.Fatal("no Cards/Table choice in the panel")
	}
	radio.SetSelected("Table")
	if !mw.details.sourcesAsTable {
		t.Fatal("Table not chosen")
	}
	mw.selectAndShow(mw.model.RecordOfEvent("irn-2024-01-03-kerman-soleimani-memorial"), true)
	if findTable(mw.details.box.Objects) == nil {
		t.Error("the next event's sources are not shown as a table")
	}
}

// walkObjects lists objs and everything inside their containers.
func walkObjects(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		out = append(out, o)
		if c, ok := o.(*fyne.Container); ok {
			out = append(out, walkObjects(c.Objects)...)
		}
	}
	return out
}

func findRadio(objs []fyne.CanvasObject) *widget.RadioGroup {
	for _, o := range walkObjects(objs) {
		if r, ok := o.(*widget.RadioGroup); ok {
			return r
		}
	}
	return nil
}

func findTable(objs []fyne.CanvasObject) *widget.Table {
	for _, o := range walkObjects(objs) {
		if t, ok := o.(*widget.Table); ok {
			return t
		}
	}
	return nil
}
