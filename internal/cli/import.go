package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"iskbrief/internal/country"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// maxListed is how many skipped rows are listed per file before the counts.
const maxListed = 10

// runImport reads each FILE, reports what it found and, unless --dry-run,
// saves it as a layer. Any refused file makes the exit status 1; nothing is
// saved unless every file was read.
func runImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", stderr)
	dry := fs.Bool("dry-run", false, "read and report, save nothing")
	actor := fs.String("actor", "", `"all" for every actor, TEXT for actors containing TEXT (default: ISIS-K's names in each format)`)
	countries := fs.String("country", "", "only these countries, e.g. AFG,PAK")
	skipQuotes := fs.Bool("skip-broken-quotes", false, "read on past a quoted field that is never closed, skipping the line it opens on (default: refuse the file)")
	ws := fs.String("workspace", "", "the workspace to save the layers in (default: $"+workspace.EnvVar+", else the app's)")
	// Flags may come after the files: parse them in any position.
	var files []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		files = append(files, rest[0])
		rest = rest[1:]
	}
	if len(files) == 0 {
		return usageError{"import: no file given; usage: iskbrief import FILE... [--dry-run] [--actor all|TEXT] [--country AFG,PAK]"}
	}
	if strings.TrimSpace(*actor) == "" && isFlagSet(fs, "actor") {
		return usageError{"--actor: expected all or some text"}
	}
	o := importer.Options{Actor: *actor, SkipBrokenQuotes: *skipQuotes}
	if *countries != "" {
		for _, c := range strings.Split(*countries, ",") {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			if country.ISO3(c) == "" && len(c) != 3 {
				return usageError{fmt.Sprintf("--country %q: expected ISO3 codes such as AFG,PAK", *countries)}
			}
			o.Countries = append(o.Countries, c)
		}
	}
	wsPath, err := workspace.Resolve(*ws)
	if err != nil && !*dry {
		return err
	}
	var results []*importer.Result
	refused := 0
	for _, f := range files {
		res, err := importer.ReadFile(f, o)
		if err != nil {
			refused++
			fmt.Fprintf(stdout, "%s: REFUSED\n", f)
			var e *importer.Error
			if errors.As(err, &e) && e.Result != nil {
				report(stdout, e.Result)
			}
			fmt.Fprintf(stderr, "iskbrief: %v\n", err)
			if errors.Is(err, importer.ErrBrokenQuote) {
				fmt.Fprintln(stderr, "iskbrief: to import the other rows, skipping that line, add --skip-broken-quotes")
			}
			continue
		}
		fmt.Fprintf(stdout, "%s: OK\n", f)
		report(stdout, res)
		results = append(results, res)
	}
	if refused > 0 {
		fmt.Fprintf(stderr, "iskbrief: %d of %d file(s) refused; nothing saved\n", refused, len(files))
		return errFound
	}
	if *dry {
		fmt.Fprintln(stdout, "dry run: nothing saved")
		return nil
	}
	// A workspace this command creates is removed again if a save fails
	// (a full disk): nothing half-made stays behind to refuse the next import.
	_, statErr := os.Stat(wsPath)
	created := errors.Is(statErr, os.ErrNotExist)
	for _, res := range results {
		where, err := saveLayer(wsPath, res)
		if err != nil {
			if created {
				for _, p := range []string{wsPath, wsPath + "-journal"} {
					os.Remove(p)
				}
				err = fmt.Errorf("%w; the new workspace %s was removed, nothing was saved", err, wsPath)
			}
			return fmt.Errorf("%s: saving the layer: %w", res.File, err)
		}
		fmt.Fprintf(stdout, "%s: saved %d events as %s\n", res.File, res.Kept, where)
	}
	return nil
}

func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// report prints the counts of one file.
func report(w io.Writer, r *importer.Result) {
	fmt.Fprintf(w, "  layout:   %s", r.Layout)
	if r.HashtagRow {
		fmt.Fprint(w, " (HDX #hashtag row skipped)")
	}
	fmt.Fprintln(w)
	if r.Encoding != "" {
		fmt.Fprintf(w, "  text:     read as %s: the file is not UTF-8\n", r.Encoding)
	}
	fmt.Fprintf(w, "  filter:   %s\n", r.Filter)
	fmt.Fprintf(w, "  rows:     %d read, %d kept, %d filtered (%d actor, %d country), %d skipped\n",
		r.Rows, r.Kept, r.Filtered, r.FilteredActor, r.FilteredCountry, r.SkippedTotal)
	for i, p := range r.Skipped {
		if i == maxListed {
			break
		}
		if p.Column != "" {
			fmt.Fprintf(w, "  %s:%d: %s: %s\n", r.File, p.Line, p.Column, p.Msg)
		} else {
			fmt.Fprintf(w, "  %s:%d: %s\n", r.File, p.Line, p.Msg)
		}
	}
	if r.SkippedTotal > maxListed {
		fmt.Fprintf(w, "  … %d more skipped rows\n", r.SkippedTotal-maxListed)
	}
	if len(r.SkippedByReason) > 0 {
		keys := make([]string, 0, len(r.SkippedByReason))
		for k := range r.SkippedByReason {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d", k, r.SkippedByReason[k])
		}
		fmt.Fprintf(w, "  skipped by reason: %s\n", strings.Join(parts, ", "))
	}
}
