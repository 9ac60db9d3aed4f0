// Command iskbrief is the ISK Brief app: with no arguments it opens the
// window; with a subcommand (check, export, import, version) it works
// headless. Built with -tags headless it has no window at all and links no
// GUI code, so it builds with CGO_ENABLED=0 for servers and automation.
package main

import (
	"os"
	"slices"

	"iskbrief/internal/cli"
)

func main() {
	if len(os.Args) > 1 && slices.Contains(cli.Commands, os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(openWindow(os.Args[1:]))
}
