// Package plainlocale keeps Fyne quiet under the C locale. Fyne's lang
// package reads LC_ALL / LC_MESSAGES / LANG when it initialises and logs
// "Error parsing user locale C" for "C.UTF-8", the default of Debian
// containers and many servers, because it takes "C" for a language tag.
// "C" and "POSIX" alone it understands as "no preference". This package,
// imported by the window's main before Fyne, sets LC_MESSAGES=C when the
// locale in force is a C locale with a codeset: the messages category is
// the only one Fyne looks at, and for C.UTF-8 it means the same thing.
//
// It must stay free of imports that pull in Fyne, so that Go initialises it
// before Fyne's lang package (a package is initialised once its imports
// are; among those ready, the one first by import path goes first, and
// Fyne's lang waits for text/template, which sorts after iskbrief/).
package plainlocale

import (
	"os"
	"strings"
)

func init() { Apply() }

// Apply sets LC_MESSAGES=C (or LC_ALL=C) when the effective messages
// locale is C or POSIX with a codeset, e.g. "C.UTF-8". It is idempotent.
func Apply() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if v != base && (base == "C" || base == "POSIX") {
			target := "LC_MESSAGES"
			if name == "LC_ALL" {
				target = "LC_ALL" // LC_ALL overrides LC_MESSAGES
			}
			os.Setenv(target, "C")
		}
		return
	}
}
