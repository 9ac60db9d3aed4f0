// Command iskbrief is the ISK Brief app: with no arguments it opens the
// window; with a subcommand (check, export, version) it works headless.
package main

import (
	"os"
	"slices"

	"iskbrief/internal/cli"
	"iskbrief/ui"
)

func main() {
	if len(os.Args) > 1 && slices.Contains(cli.Commands, os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(ui.Main(os.Args[1:]))
}
