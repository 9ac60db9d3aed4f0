package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/charts"
	"iskbrief/internal/export"
)

// exportChart renders one chart of the selection to a PNG or SVG file.
func exportChart(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export chart", stderr)
	var sel selectionFlags
	sel.register(fl)
	kind := fl.String("kind", "", "chart: "+charts.KindNames())
	format := fl.String("format", "", "png or svg (default: from the --out extension, else png)")
	out := fl.String("out", "", "output file (.png or .svg)")
	w := fl.Int("width", 1920, "width in pixels")
	h := fl.Int("height", 1080, "height in pixels")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if *kind == "" {
		return usageError{"export chart needs --kind: " + charts.KindNames()}
	}
	k, ok := charts.ParseKind(*kind)
	if !ok {
		return usageError{fmt.Sprintf("--kind %q: expected one of %s", *kind, charts.KindNames())}
	}
	if *out == "" {
		return usageError{"export chart needs --out FILE.png or FILE.svg"}
	}
	f, err := chartFormat(*format, *out)
	if err != nil {
		return err
	}
	if *w < charts.MinWidth || *h < charts.MinHeight || *w > charts.MaxWidth || *h > charts.MaxHeight {
		return usageError{fmt.Sprintf("size %d×%d: expected %d×%d to %d×%d", *w, *h,
			charts.MinWidth, charts.MinHeight, charts.MaxWidth, charts.MaxHeight)}
	}
	filt, err := sel.filter()
	if err != nil {
		return err
	}
	m, err := sel.model()
	if err != nil {
		return err
	}
	chosen := brief.Selection{Index: filt.Apply(m.Records)} // a chart needs no map markers
	idx := chosen.Index
	b, err := charts.Render(k, m.ChartInput(chosen, filt), f, *w, *h)
	if err != nil {
		return err
	}
	if err := export.WriteBytes(*out, b); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s chart, %d×%d %s, %d events)\n", *out, k, *w, *h, strings.ToUpper(string(f)), len(idx))
	return nil
}

// chartFormat takes --format, or else the --out extension, or else PNG. A
// file name whose extension says another format is refused rather than
// written with the wrong content.
func chartFormat(flagVal, out string) (charts.Format, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	var f charts.Format
	switch strings.ToLower(flagVal) {
	case "png":
		f = charts.PNG
	case "svg":
		f = charts.SVG
	case "":
		f = charts.PNG
		if ext == "svg" {
			f = charts.SVG
		}
	default:
		return "", usageError{fmt.Sprintf("--format %q: expected png or svg", flagVal)}
	}
	if ext != "" && ext != string(f) {
		return "", usageError{fmt.Sprintf("--out %q: a %s chart needs a .%s file name", out, strings.ToUpper(string(f)), f)}
	}
	return f, nil
}
