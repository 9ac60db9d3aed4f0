package cli

import (
	"fmt"
	"io"

	"iskbrief/internal/brief"
	"iskbrief/internal/slides"
	"iskbrief/internal/workspace"
)

// exportSlides writes a saved briefing as a PDF and/or a folder of PNGs,
// without a window: for scripts, and for checking what the app saved.
func exportSlides(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export slides", stderr)
	ws := fl.String("workspace", "", "the workspace database (default: the app's)")
	id := fl.Int64("briefing", 0, "briefing id (default: the most recently changed)")
	pdf := fl.String("pdf", "", "write the briefing as this PDF")
	pngs := fl.String("png-dir", "", "write 1920×1080 PNG slides into this folder")
	if err := fl.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *pdf == "" && *pngs == "" {
		return usageError{"export slides needs --pdf FILE or --png-dir DIR"}
	}
	path := *ws
	if path == "" {
		p, err := workspace.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	store, err := workspace.Open(path)
	if err != nil {
		return err
	}
	defer store.Close()
	bs, err := store.Briefings()
	if err != nil {
		return err
	}
	var b *workspace.Briefing
	for i := range bs {
		if *id == 0 || bs[i].ID == *id {
			b = &bs[i]
			break
		}
	}
	if b == nil {
		return fmt.Errorf("%s: no briefing %d (it has %d briefings)", path, *id, len(bs))
	}
	ss, err := store.Slides(b.ID)
	if err != nil {
		return err
	}
	m, err := brief.Load()
	if err != nil {
		return err
	}
	if *pdf != "" {
		if err := slides.ExportPDF(*pdf, b.Title, m, ss); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d pages)\n", *pdf, len(ss))
	}
	if *pngs != "" {
		files, err := slides.ExportPNGs(*pngs, m, ss)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d slides to %s\n", len(files), *pngs)
	}
	return nil
}
