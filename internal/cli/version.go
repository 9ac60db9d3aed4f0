package cli

import (
	"fmt"
	"io"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
)

// VersionLine describes exactly what was built.
func VersionLine() string {
	d, _ := dataset.Load(assets.Data)
	return fmt.Sprintf("iskbrief %s (commit %s, built %s), dataset %s", Version, Commit, Date, d.Version)
}

func runVersion(stdout io.Writer) error {
	_, err := fmt.Fprintln(stdout, VersionLine())
	return err
}
