// Package cli runs the command-line side of iskbrief: check, export, import
// and version. It never opens a window and links no GUI code, so it works
// with no display and builds without cgo.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Commands lists the subcommands main hands to Run.
var Commands = []string{"check", "export", "import", "version", "help"}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run executes a subcommand and returns the process exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	var err error
	switch args[0] {
	case "check":
		err = runCheck(args[1:], stdout, stderr)
	case "export":
		err = runExport(args[1:], stdout, stderr)
	case "import":
		err = runImport(args[1:], stdout, stderr)
	case "version":
		err = runVersion(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		usage(stdout)
		return 0
	default:
		err = usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "iskbrief:", err)
		fmt.Fprintln(stderr, "Run 'iskbrief help' for usage.")
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFound):
		return 1
	default:
		fmt.Fprintln(stderr, "iskbrief:", err)
		return 1
	}
}

// errFound means a check found problems and already printed them.
var errFound = errors.New("problems found")

func usage(w io.Writer) {
	fmt.Fprint(w, `ISK Brief: ISIS-K attacks on an offline map, with charts and sources.

Usage:
  iskbrief [--style light|dark|projector] [--workspace FILE] [--trace] [FILE...]
                                                       open the app (and import the FILEs)
  iskbrief check [DIR]                                 validate a data folder (default: the embedded data)
  iskbrief export map --out FILE.png [options]         render the map without a window
  iskbrief export chart --kind KIND --out FILE [options]
                                                       draw a chart as PNG or SVG; KIND is trends,
                                                       killed, fighters, timeline, targets or monitors
  iskbrief export events --out FILE.csv|- [--sort COLUMN] [options]
                                                       the events table as CSV (columns as in the
                                                       Events tab; --sort date, killed, place, …)
  iskbrief export slides [--workspace FILE] [--briefing ID|starter] [--pdf FILE.pdf] [--pptx FILE.pptx] [--png-dir DIR]
                                                       a saved briefing (or the built-in one) as PDF,
                                                       PowerPoint and/or 1920×1080 PNGs
  iskbrief import FILE... [--dry-run] [--actor all|TEXT] [--country AFG,PAK] [--skip-broken-quotes]
                                                       read ACLED, GTD, UCDP GED, generic CSV, .xlsx or GeoJSON exports
                                                       and save them as a layer (--dry-run: only report)
  iskbrief version                                     print version, commit, build date and dataset version

Export options:
  --width N --height N        size in pixels (default 1920×1080)
  --bbox lon1,lat1,lon2,lat2  area to show (default: frame the selected events);
                              events: only the events inside it
  --inset auto|none|BOX       map only: an inset of the area where events crowd (default auto)
  --events FILE.csv           draw these events instead of the embedded ones
                              (header: event_date,latitude,longitude,fatalities,country)
  --country AFG,PAK           only these countries
  --from DATE --to DATE       only this period: a year (2021), a month (2021-08) or a day
                              (2021-08-15); --to is inclusive
  --style light|dark|projector, --color-by target|country|claim, --title TEXT  (map only)
  --workspace FILE            slides and import: the workspace (default: $ISKBRIEF_WORKSPACE, else the app's)
  --format png|svg            chart only (default: from the --out extension, else png)
`)
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses a command's flags; an unknown flag, a bad value or more
// than maxArgs positional arguments is a usage error (exit status 2), the
// same for every command.
func parseFlags(fl *flag.FlagSet, args []string, maxArgs int) error {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{fl.Name() + ": " + err.Error()}
	}
	if fl.NArg() > maxArgs {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fl.Name(), fl.Arg(maxArgs))}
	}
	return nil
}

// parseBBox reads "lon1,lat1,lon2,lat2".
func parseBBox(s string) ([4]float64, error) {
	var b [4]float64
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return b, usageError{fmt.Sprintf("--bbox %q: expected lon1,lat1,lon2,lat2", s)}
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) { // NaN would pass every range test below
			return b, usageError{fmt.Sprintf("--bbox %q: %q is not a number", s, p)}
		}
		b[i] = v
	}
	if b[0] == b[2] || b[1] == b[3] || b[0] < -180 || b[2] > 180 || b[1] < -85 || b[3] > 85 {
		return b, usageError{fmt.Sprintf("--bbox %q: expected a non-empty box within ±180 longitude and ±85 latitude", s)}
	}
	return b, nil
}
