package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/export"
	"iskbrief/internal/slides"
	"iskbrief/internal/workspace"
)

// exportSlides writes a saved briefing (or the built-in starter briefing)
// as a PDF, a PowerPoint deck and/or a folder of PNGs, without a window: for
// scripts, and for checking what the app saved.
func exportSlides(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export slides", stderr)
	ws := fl.String("workspace", "", "the workspace database (default: the app's)")
	which := fl.String("briefing", "", "briefing id, or \"starter\" for the built-in briefing (default: the most recently changed)")
	pdf := fl.String("pdf", "", "write the briefing as this PDF")
	pngs := fl.String("png-dir", "", "write 1920×1080 PNG slides into this folder")
	ppt := fl.String("pptx", "", "write the briefing as this PowerPoint file (.pptx)")
	if err := parseFlags(fl, args, 0); err != nil {
		return err
	}
	if *pdf == "" && *pngs == "" && *ppt == "" {
		return usageError{"export slides needs --pdf FILE, --pptx FILE or --png-dir DIR"}
	}
	m, err := brief.Load()
	if err != nil {
		return err
	}
	title, ss, err := chooseBriefing(*ws, *which, m, stderr)
	if err != nil {
		return err
	}
	if *pdf != "" {
		if err := slides.ExportPDF(*pdf, title, m, ss); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d pages)\n", *pdf, len(ss))
	}
	if *ppt != "" {
		deck, err := slides.BuildPPTX(title, m, ss)
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

// chooseBriefing finds the slides to export: the built-in starter briefing
// (no workspace needed), or a briefing of the workspace, whose imported
// layers it loads into m so the slides match the window's.
func chooseBriefing(wsFlag, which string, m *brief.Model, stderr io.Writer) (string, []workspace.Slide, error) {
	if which == slides.StarterID {
		return slides.StarterTitle, slides.Starter(m), nil
	}
	var id int64
	if which != "" {
		n, err := strconv.ParseInt(which, 10, 64)
		if err != nil || n <= 0 {
			return "", nil, usageError{fmt.Sprintf("--briefing %q: expected a briefing id or %q", which, slides.StarterID)}
		}
		id = n
	}
	path, err := workspace.Resolve(wsFlag)
	if err != nil {
		return "", nil, err
	}
	store, err := workspace.OpenExisting(path)
	if err != nil {
		return "", nil, err
	}
	defer store.Close()
	bs, err := store.Briefings()
	if err != nil {
		return "", nil, err
	}
	var b *workspace.Briefing
	for i := range bs {
		if id == 0 || bs[i].ID == id {
			b = &bs[i]
			break
		}
	}
	switch {
	case b == nil && len(bs) == 0:
		return "", nil, fmt.Errorf("%s has no briefings yet: make one in the app's Slides tab, or export the built-in one with --briefing %s", path, slides.StarterID)
	case b == nil:
		ids := make([]string, len(bs))
		for i, x := range bs {
			ids[i] = fmt.Sprintf("%d (%s)", x.ID, x.Title)
		}
		return "", nil, fmt.Errorf("%s has no briefing with id %d; it has %s", path, id, strings.Join(ids, ", "))
	}
	ss, err := store.Slides(b.ID)
	if err != nil {
		return "", nil, err
	}
	// The window draws slides over the stored layers too: so must the export.
	for _, err := range m.LoadLayers(store) {
		fmt.Fprintln(stderr, "iskbrief:", err)
	}
	return b.Title, ss, nil
}
