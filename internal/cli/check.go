package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"iskbrief/assets"
	"iskbrief/geodata"
	"iskbrief/internal/brief"
	"iskbrief/internal/dataset"
)

// runCheck validates a data folder and prints every problem with its file,
// line and reason. Exit status 1 if there are any.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("check", stderr)
	if err := parseFlags(fl, args, 1); err != nil {
		return err
	}
	var fsys fs.FS = assets.Data
	name := "embedded data"
	if fl.NArg() == 1 {
		dir := fl.Arg(0)
		st, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", dir, err)
		}
		if !st.IsDir() {
			return usageError{dir + " is not a folder; expected a data folder such as assets/data"}
		}
		fsys, name = os.DirFS(dir), dir
	}
	probs := Check(fsys)
	prefix := ""
	if fl.NArg() == 1 {
		prefix = strings.TrimSuffix(fl.Arg(0), "/") + "/"
	}
	for _, p := range probs {
		p.File = prefix + p.File
		fmt.Fprintln(stdout, p.String())
	}
	if len(probs) > 0 {
		fmt.Fprintf(stdout, "%s: %d problem(s)\n", name, len(probs))
		return errFound
	}
	d, _ := dataset.Load(fsys)
	fmt.Fprintf(stdout, "%s: OK — %d events, %d sources, %d fighter estimates, %d milestones, %d annual monitor figures (version %s)\n",
		name, len(d.Events), len(d.Sources), len(d.Fighters), len(d.Milestones), len(d.Annual), d.Version)
	return nil
}

// Check loads and validates a data folder against the embedded basemap.
func Check(fsys fs.FS) dataset.Problems {
	d, probs := dataset.Load(fsys)
	bm, err := geodata.Load()
	var geo dataset.CountryLocator
	if err == nil {
		geo = bm
	} else {
		probs = append(probs, dataset.Problem{File: "basemap", Msg: "border check skipped: " + err.Error()})
	}
	probs = append(probs, dataset.Validate(d, geo, brief.Today())...)
	slices.SortStableFunc(probs, func(a, b dataset.Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return probs
}
