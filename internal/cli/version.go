package cli

import (
	"fmt"
	"io"

	"iskbrief/internal/version"
)

func runVersion(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("version", stderr)
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	_, err := fmt.Fprintln(stdout, version.Line())
	return err
}
