//go:build !headless

package main

import (
	_ "iskbrief/internal/plainlocale" // before Fyne reads the locale: see its doc
	"iskbrief/ui"
)

func openWindow(args []string) int { return ui.Main(args) }
