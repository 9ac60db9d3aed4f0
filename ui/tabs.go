package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// tab names a tab of the right-hand panel; code refers to tabs by name,
// never by position.
type tab string

const (
	tabDetails tab = "Details"
	tabEvents  tab = "Events"
	tabCharts  tab = "Charts"
	tabSlides  tab = "Slides"
)

// tabOrder is the order the tabs appear in, with their icons (functions:
// a theme icon read at package init would ask for an app not yet started).
var tabOrder = []struct {
	name tab
	icon func() fyne.Resource
}{
	{tabDetails, theme.InfoIcon},
	{tabEvents, theme.ListIcon},
	{tabCharts, theme.GridIcon},
	{tabSlides, theme.MediaVideoIcon},
}

func newTabs(content map[tab]fyne.CanvasObject) *container.AppTabs {
	t := container.NewAppTabs()
	for _, o := range tabOrder {
		t.Append(container.NewTabItemWithIcon(string(o.name), o.icon(), content[o.name]))
	}
	return t
}

// showTab brings a tab forward.
func (mw *MainWindow) showTab(name tab) {
	for _, it := range mw.tabs.Items {
		if it.Text == string(name) {
			mw.tabs.Select(it)
			return
		}
	}
}

// currentTab is the tab in front.
func (mw *MainWindow) currentTab() tab {
	if it := mw.tabs.Selected(); it != nil {
		return tab(it.Text)
	}
	return ""
}
