//go:build headless

package main

import (
	"fmt"
	"os"
)

func openWindow(args []string) int {
	fmt.Fprintln(os.Stderr, "iskbrief: this build has no window (built with -tags headless); run 'iskbrief help' for the commands it has")
	return 2
}
