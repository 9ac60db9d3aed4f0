package ui

import (
	"cmp"
	"errors"
	"image/color"
	"net/url"
	"os/exec"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/dataset"
)

// sourceRow is one report as the compact sources table shows it.
type sourceRow struct {
	cells [5]string // reported, publisher, kind, killed, wounded
	url   string
}

var sourceHeaders = [...]string{"Reported", "Publisher", "Kind", "Killed", "Wounded", ""}

// sourceColumnWidths at scale 1; the last column holds the copy button.
var sourceColumnWidths = [...]float32{92, 150, 96, 110, 110, 96}

// figureText is one figure with its qualifier in short, as a table
// column can hold it: "≥ 133", "> 100", "~ 60", "≤ 50"; "" when not given.
func figureText(n *int, q dataset.Qualifier) string {
	if n == nil {
		return ""
	}
	prefix := map[dataset.Qualifier]string{dataset.AtLeast: "≥ ", dataset.MoreThan: "> ", dataset.About: "~ ", dataset.UpTo: "≤ "}[q]
	return prefix + strconv.Itoa(*n)
}

func (p *DetailPanel) sourceRows(e *dataset.Event) []sourceRow {
	rows := make([]sourceRow, 0, len(e.Reports))
	for _, r := range e.Reports {
		row := sourceRow{cells: [5]string{
			cmp.Or(r.Reported, "undated"), r.SourceID, "",
			figureText(r.Killed, r.KilledQualifier), figureText(r.Wounded, r.WoundedQualifier),
		}}
		if r.Status == dataset.Provisional && row.cells[3] != "" {
			row.cells[3] += " early"
		}
		if s := p.data.Source(r.SourceID); s != nil {
			row.cells[1], row.cells[2], row.url = s.Publisher, dataset.Label(s.Kind), s.URL
		}
		rows = append(rows, row)
	}
	return rows
}

// sourcesTSV is the sources table as tab-separated text, with full
// addresses, for pasting into a spreadsheet.
func sourcesTSV(rows []sourceRow) string {
	var b strings.Builder
	b.WriteString("reported\tpublisher\tkind\tkilled\twounded\turl\n")
	for _, r := range rows {
		for _, c := range r.cells {
			b.WriteString(strings.ReplaceAll(c, "\t", " "))
			b.WriteByte('\t')
		}
		b.WriteString(r.url)
		b.WriteByte('\n')
	}
	return b.String()
}

// sourcesTable is the compact view of an event's sources: one line per
// report in reporting order, each figure with its qualifier, each address
// one click from the clipboard.
func (p *DetailPanel) sourcesTable(e *dataset.Event) fyne.CanvasObject {
	rows := p.sourceRows(e)
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(rows), len(sourceHeaders) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			b := widget.NewButtonWithIcon("Copy link", theme.ContentCopyIcon(), nil)
			b.Importance = widget.LowImportance
			return container.NewStack(l, b)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			l, b := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Button)
			if id.Row < 0 || id.Row >= len(rows) {
				return
			}
			if id.Col == len(sourceHeaders)-1 {
				l.Hide()
				u := rows[id.Row].url
				b.OnTapped = func() { copyText(u) }
				b.Show()
				return
			}
			b.Hide()
			l.SetText(rows[id.Row].cells[id.Col])
			l.Show()
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(sourceHeaders) {
			o.(*widget.Label).SetText(sourceHeaders[id.Col])
		}
	}
	for i, w := range sourceColumnWidths {
		t.SetColumnWidth(i, w)
	}
	// A table takes the height it is given: room for every row, so the
	// panel scrolls, not the table.
	rowH := widget.NewLabel("X").MinSize().Height + theme.Padding()
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, float32(len(rows)+1)*rowH+theme.Padding()))
	copyAll := widget.NewButtonWithIcon("Copy table", theme.ContentCopyIcon(), func() { copyText(sourcesTSV(rows)) })
	return container.NewVBox(container.NewStack(room, t), container.NewHBox(copyAll))
}

// copyText puts text on the clipboard.
func copyText(s string) {
	if app := fyne.CurrentApp(); app != nil {
		app.Clipboard().SetContent(s)
	}
}

// showUnopenedLink tells the user a source could not be opened in a
// browser, and gives its address to copy: on a closed-room laptop there is
// often no browser at all.
func (mw *MainWindow) showUnopenedLink(u *url.URL, err error) {
	why := "No web browser could be started on this computer"
	if errors.Is(err, exec.ErrNotFound) {
		why += " (xdg-open, which starts the default browser, is not installed)"
	}
	msg := widget.NewLabel(why + ". The address is below: copy it to open the source on a computer with a browser.")
	msg.Wrapping = fyne.TextWrapWord
	addr := widget.NewLabel(u.String())
	addr.Selectable = true
	addr.Wrapping = fyne.TextWrapBreak
	copyBtn := widget.NewButtonWithIcon("Copy address", theme.ContentCopyIcon(), func() {
		copyText(u.String())
		mw.status.SetText("Copied " + u.String())
	})
	detail := widget.NewLabelWithStyle(err.Error(), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	detail.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Cannot open the source", "Close", container.NewVBox(msg, container.NewBorder(nil, nil, nil, copyBtn, addr), detail), mw)
	d.Resize(fyne.NewSize(min(720, mw.Canvas().Size().Width*0.9), d.MinSize().Height))
	d.Show()
	mw.tracef("link not opened: %s: %v", u, err)
}
