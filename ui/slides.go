package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/internal/slides"
	"iskbrief/internal/workspace"
)

// SlidesPanel lists the slides of the current briefing and edits them. Every
// change goes straight to the workspace database, in its own transaction.
type SlidesPanel struct {
	// OnShow is called when the user picks a slide: the window shows it.
	OnShow func(workspace.Slide)
	// OnPresent starts presentation mode at a slide index.
	OnPresent func(i int)
	// Capture returns the current view as a slide state and a default title.
	Capture func() (workspace.SlideState, string)
	// Pin lists the records a slide state selects now, to keep them.
	Pin func(workspace.SlideState) []string
	// OnExportPDF, OnExportPPTX and OnExportPNGs export the briefing;
	// OnSaveWorkspace saves the whole workspace under another name.
	OnExportPDF, OnExportPPTX, OnExportPNGs, OnSaveWorkspace func()

	store    *workspace.Store
	win      fyne.Window
	briefing int64
	slides   []workspace.Slide
	list     *keyList
	picker   *Choice
	selected int
	obj      fyne.CanvasObject
	onError  func(error)
	trace    func(string, ...any)
	quiet    bool // selecting in code: do not show the slide
}

// NewSlidesPanel shows the most recent briefing of a store (creating one if
// there is none).
func NewSlidesPanel(store *workspace.Store, win fyne.Window, onError func(error)) *SlidesPanel {
	p := &SlidesPanel{store: store, win: win, selected: -1, onError: onError}
	p.list = newKeyList(
		func() int { return len(p.slides) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.slides) {
				o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, p.slides[i].Title))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.selected = i
		if !p.quiet && i < len(p.slides) && p.OnShow != nil {
			p.OnShow(p.slides[i])
		}
	}
	p.picker = NewChoice(nil, func(name string) { p.pickBriefing(name) })
	add := widget.NewButtonWithIcon("Add slide", theme.ContentAddIcon(), p.addDialog)
	add.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), p.editDialog)
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.move(1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), p.deleteSelected)
	present := widget.NewButtonWithIcon("Present (F5)", theme.MediaPlayIcon(), func() {
		if p.OnPresent != nil {
			p.OnPresent(max(p.selected, 0))
		}
	})
	newB := widget.NewButtonWithIcon("", theme.FolderNewIcon(), p.newBriefingDialog)
	rename := widget.NewButtonWithIcon("", theme.SettingsIcon(), p.renameBriefingDialog)
	pdf := widget.NewButton("Export PDF…", func() { p.OnExportPDF() })
	pngs := widget.NewButton("Export PNG slides…", func() { p.OnExportPNGs() })
	saveWs := widget.NewButtonWithIcon("Save workspace as…", theme.DocumentSaveIcon(), func() { p.OnSaveWorkspace() })
	ppt := widget.NewButton("Export PowerPoint…", func() { p.OnExportPPTX() })
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Briefing"), container.NewHBox(newB, rename), p.picker),
		container.NewHBox(add, edit, up, down, del),
	)
	// Two columns, not three: the panel must fit beside the map on a
	// 1366-px laptop screen.
	bottom := container.NewVBox(present, container.NewGridWithColumns(2, pdf, ppt), container.NewGridWithColumns(2, pngs, saveWs))
	p.obj = container.NewBorder(top, bottom, nil, nil, p.list)
	p.reloadBriefings(0)
	return p
}

// Object is the panel's canvas object.
func (p *SlidesPanel) Object() fyne.CanvasObject { return p.obj }

// Slides returns the current briefing's slides in order.
func (p *SlidesPanel) Slides() []workspace.Slide { return p.slides }

// BriefingTitle is the current briefing's name.
func (p *SlidesPanel) BriefingTitle() string { return p.picker.Selected }

func (p *SlidesPanel) fail(err error) {
	if err != nil && p.onError != nil {
		p.onError(err)
	}
}

// reloadBriefings refreshes the picker and selects briefing id (or the most
// recent one when id is 0).
func (p *SlidesPanel) reloadBriefings(id int64) {
	bs, err := p.store.Briefings()
	if err != nil {
		p.fail(err)
		return
	}
	if id == 0 { // the briefing open last time
		if v, ok := p.store.Pref("briefing"); ok {
			fmt.Sscan(v, &id)
		}
	}
	if len(bs) == 0 {
		nid, err := p.store.CreateBriefing(slides.MyBriefing)
		if err != nil {
			p.fail(err)
			return
		}
		bs = []workspace.Briefing{{ID: nid, Title: slides.MyBriefing}}
	}
	var names []string
	sel := bs[0]
	for _, b := range bs {
		names = append(names, briefingName(b))
		if b.ID == id {
			sel = b
		}
	}
	p.picker.Options = names
	p.briefing = sel.ID
	p.picker.SetSelected(briefingName(sel))
	p.reload()
	if v, _ := p.store.Pref("briefing"); v != fmt.Sprint(sel.ID) {
		p.store.SetPref("briefing", fmt.Sprint(sel.ID)) // no write on every start
	}
}

// briefingName is a briefing's menu entry; the id keeps equal titles apart.
func briefingName(b workspace.Briefing) string { return fmt.Sprintf("%s (#%d)", b.Title, b.ID) }

func (p *SlidesPanel) pickBriefing(name string) {
	bs, _ := p.store.Briefings()
	for _, b := range bs {
		if briefingName(b) == name && b.ID != p.briefing {
			p.briefing = b.ID
			p.selected = -1
			p.reload()
			p.store.SetPref("briefing", fmt.Sprint(b.ID))
		}
	}
}

func (p *SlidesPanel) reload() {
	ss, err := p.store.Slides(p.briefing)
	if err != nil {
		p.fail(err)
		return
	}
	p.slides = ss
	p.list.Refresh()
	if p.selected >= len(ss) {
		p.selected = len(ss) - 1
	}
	p.quiet = true
	if p.selected >= 0 {
		p.list.Select(p.selected)
	} else {
		p.list.UnselectAll()
	}
	p.quiet = false
}

// titleNotesForm is the form for a slide's title and speaker notes.
func titleNotesForm(title, notes string) (*widget.Entry, *widget.Entry, []*widget.FormItem) {
	t := widget.NewEntry()
	t.SetText(title)
	n := widget.NewMultiLineEntry()
	n.SetText(notes)
	n.SetMinRowsVisible(5)
	// Not TextWrapWord: in Fyne 2.7.1 it misplaces the cursor after a
	// space typed at a wrap point and so drops spaces (see notes_test.go).
	n.Wrapping = fyne.TextWrapBreak
	return t, n, []*widget.FormItem{widget.NewFormItem("Title", t), widget.NewFormItem("Speaker notes", n)}
}

// AddSlide captures the current view as a new slide (the dialog-free path,
// also used by tests).
func (p *SlidesPanel) AddSlide(title, notes string) error {
	st, _ := p.Capture()
	if strings.TrimSpace(title) == "" {
		return fmt.Errorf("a slide needs a title")
	}
	if _, err := p.store.AddSlide(p.briefing, title, notes, st); err != nil {
		return err
	}
	p.selected = len(p.slides)
	p.reload()
	if p.trace != nil {
		p.trace("slide added: %q (%d slides)", title, len(p.slides))
	}
	return nil
}

func (p *SlidesPanel) addDialog() {
	_, def := p.Capture()
	t, n, items := titleNotesForm(def, "")
	d := dialog.NewForm("Add slide", "Add", "Cancel", items, func(ok bool) {
		if ok {
			p.fail(p.AddSlide(t.Text, n.Text))
		}
	}, p.win)
	t.OnSubmitted = func(string) { d.Submit() } // Enter in the title adds the slide
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
	p.win.Canvas().Focus(t)
	t.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the suggested title
}

func (p *SlidesPanel) editDialog() {
	if p.selected < 0 || p.selected >= len(p.slides) {
		return
	}
	s := p.slides[p.selected]
	t, n, items := titleNotesForm(s.Title, s.Notes)
	live := widget.NewCheck("Follow the data: recount this slide's filter each time it is shown", nil)
	live.SetChecked(s.State.Live || len(s.State.Records) == 0)
	items = append(items, widget.NewFormItem("", live))
	d := dialog.NewForm("Edit slide", "Save", "Cancel", items, func(ok bool) {
		if ok && strings.TrimSpace(t.Text) != "" {
			p.fail(p.store.UpdateSlide(s.ID, t.Text, n.Text))
			if wasLive := s.State.Live || len(s.State.Records) == 0; live.Checked != wasLive && p.Pin != nil {
				st := s.State
				st.Live = live.Checked
				if !st.Live {
					st.Records = p.Pin(st) // from now on it keeps what it shows now
				}
				p.fail(p.store.UpdateSlideState(s.ID, st))
			}
			p.reload()
		}
	}, p.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

func (p *SlidesPanel) move(delta int) {
	if p.selected < 0 || p.selected >= len(p.slides) {
		return
	}
	to := p.selected + delta
	if to < 0 || to >= len(p.slides) {
		return
	}
	p.fail(p.store.MoveSlide(p.slides[p.selected].ID, to))
	p.selected = to
	p.reload()
}

func (p *SlidesPanel) deleteSelected() {
	if p.selected < 0 || p.selected >= len(p.slides) {
		return
	}
	s := p.slides[p.selected]
	dialog.ShowConfirm("Delete slide", "Delete “"+s.Title+"”?", func(ok bool) {
		if ok {
			p.fail(p.store.DeleteSlide(s.ID))
			p.reload()
		}
	}, p.win)
}

func (p *SlidesPanel) newBriefingDialog() {
	e := widget.NewEntry()
	e.SetPlaceHolder("e.g. Weekly update, 3 March")
	d := dialog.NewForm("New briefing", "Create", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		if !ok || strings.TrimSpace(e.Text) == "" {
			return
		}
		id, err := p.store.CreateBriefing(e.Text)
		p.fail(err)
		p.selected = -1
		p.reloadBriefings(id)
	}, p.win)
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	p.win.Canvas().Focus(e)
}

func (p *SlidesPanel) renameBriefingDialog() {
	e := widget.NewEntry()
	title := p.picker.Selected
	if i := strings.LastIndex(title, " (#"); i >= 0 {
		title = title[:i]
	}
	e.SetText(title)
	dialog.ShowForm("Rename briefing", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		if ok && strings.TrimSpace(e.Text) != "" {
			p.fail(p.store.RenameBriefing(p.briefing, e.Text))
			p.reloadBriefings(p.briefing)
		}
	}, p.win)
}

// Selected is the slide selected in the list, or the first one.
func (p *SlidesPanel) Selected() int { return max(p.selected, 0) }
