// Package version says exactly what was built: the release, the commit and
// the build date (stamped with -ldflags -X by the Makefile, or read from the
// Go toolchain's VCS stamp), and the version of the embedded dataset.
package version

import (
	"fmt"
	"runtime/debug"

	"iskbrief/assets"
	"iskbrief/internal/dataset"
)

// Stamped at build time: -X iskbrief/internal/version.Version=… and so on.
var (
	Version = "dev"
	Commit  = "unknown"
	Date    = "unknown"
)

// build fills commit and date from the Go toolchain's VCS stamp when the
// build did not set them (a plain `go build` in a git checkout).
func build() (commit, date string) {
	commit, date = Commit, Date
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return commit, date
	}
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
	return commit, date
}

// Line describes exactly what was built, for `iskbrief version` and the
// About box.
func Line() string {
	commit, date := build()
	return fmt.Sprintf("iskbrief %s (commit %s, built %s), dataset %s", Version, commit, date, dataset.EmbeddedVersion(assets.Data))
}
