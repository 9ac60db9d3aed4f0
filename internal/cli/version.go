package cli

import (
	"fmt"
	"io"
	"runtime/debug"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
)

// buildInfo fills commit and date from the Go toolchain's VCS stamp when the
// build did not set them (a plain `go build` in a git checkout).
func buildInfo() (commit, date string) {
	commit, date = Commit, Date
	if bi, ok := debug.ReadBuildInfo(); ok {
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "unknown" && len(s.Value) >= 7 {
					commit = s.Value[:7]
				}
			case "vcs.time":
				if date == "unknown" {
					date = s.Value
				}
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if dirty && Commit == "unknown" && commit != "unknown" {
			commit += "-dirty"
		}
	}
	return commit, date
}

// VersionLine describes exactly what was built.
func VersionLine() string {
	d, _ := dataset.Load(assets.Data)
	commit, date := buildInfo()
	return fmt.Sprintf("iskbrief %s (commit %s, built %s), dataset %s", Version, commit, date, d.Version)
}

func runVersion(stdout io.Writer) error {
	_, err := fmt.Fprintln(stdout, VersionLine())
	return err
}
