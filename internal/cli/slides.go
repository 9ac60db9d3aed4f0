package cli

import (
	"fmt"
	"io"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/export"
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
	ppt := fl.String("pptx", "", "write the briefing as this PowerPoint file (.pptx)")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if *pdf == "" && *pngs == "" && *ppt == "" {
		return usageError{"export slides needs --pdf FILE, --pptx FILE or --png-dir DIR"}
	}
	path, err := workspace.Resolve(*ws)
	if err != nil {
		return err
	}
	store, err := workspace.OpenExisting(path)
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
	switch {
	case b == nil && len(bs) == 0:
		return fmt.Errorf("%s has no briefings yet: make one in the app's Slides tab", path)
	case b == nil:
		ids := make([]string, len(bs))
		for i, x := range bs {
			ids[i] = fmt.Sprintf("%d (%s)", x.ID, x.Title)
		}
		return fmt.Errorf("%s has no briefing with id %d; it has %s", path, *id, strings.Join(ids, ", "))
	}
	ss, err := store.Slides(b.ID)
	if err != nil {
		return err
	}
	m, err := brief.Load()
	if err != nil {
		return err
	}
	// The window draws slides over the stored layers too: so must the export.
	for _, err := range m.LoadLayers(store) {
		fmt.Fprintln(stderr, "iskbrief:", err)
	}
	if *pdf != "" {
		if err := slides.ExportPDF(*pdf, b.Title, m, ss); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d pages)\n", *pdf, len(ss))
	}
	if *ppt != "" {
		deck, err := slides.BuildPPTX(b.Title, m, ss)
		if err != nil {
			return err
		}
		if err := export.WriteBytes(*ppt, deck); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d slides)\n", *ppt, len(ss))
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
