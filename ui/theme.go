package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme fixes the light or dark variant regardless of the desktop's
// setting, and scales text for the projector theme.
type appTheme struct {
	variant fyne.ThemeVariant
	text    float32 // text size multiplier
}

var _ fyne.Theme = (*appTheme)(nil)

func (t *appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.variant)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.text
	}
	return s
}

// applyTheme sets the window theme matching a map style name.
func applyTheme(a fyne.App, style string) {
	t := &appTheme{variant: theme.VariantLight, text: 1}
	switch style {
	case "dark":
		t.variant = theme.VariantDark
	case "projector":
		t.text = 1.3
	}
	a.Settings().SetTheme(t)
}
