package slides

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"iskbrief/internal/brief"
	"iskbrief/internal/export"
	"iskbrief/internal/maprender"
	"iskbrief/internal/pptx"
	"iskbrief/internal/workspace"
)

// ExportPNGs writes one 1920×1080 PNG per slide into dir (created if
// needed), named 01-title.png, 02-…, ready for PowerPoint or Keynote. It
// returns the files written. The whole set is written into a temporary
// folder beside dir first and moved in only when every file is complete,
// so a full disk never leaves half a briefing.
func ExportPNGs(dir string, m *brief.Model, ss []workspace.Slide) ([]string, error) {
	if len(ss) == 0 {
		return nil, fmt.Errorf("the briefing has no slides")
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".isk-slides-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var names []string
	for i, s := range ss {
		img, err := Render(m, s, Layout{W: 1920, H: 1080, Style: maprender.Projector()})
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("%02d-%s.png", i+1, export.Slug(s.Title))
		if err := export.WritePNG(filepath.Join(tmp, name), img); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	var files []string
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		// A new folder: the complete set becomes it in one rename.
		if err := os.Chmod(tmp, 0o755); err != nil {
			return nil, err
		}
		if err := os.Rename(tmp, dir); err != nil {
			return nil, err
		}
		for _, name := range names {
			files = append(files, filepath.Join(dir, name))
		}
		return files, nil
	}
	for _, name := range names {
		p := filepath.Join(dir, name)
		if err := os.Rename(filepath.Join(tmp, name), p); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}

// ExportPDF writes the briefing as a PDF (see BuildPDF), atomically.
func ExportPDF(path, title string, m *brief.Model, ss []workspace.Slide) error {
	b, err := BuildPDF(title, m, ss)
	if err != nil {
		return err
	}
	return export.WriteBytes(path, b)
}

// BuildPDF makes the briefing as a PDF in memory, one 16:9 page per slide
// with the map, the chart, the title, the notes and the source line.
func BuildPDF(title string, m *brief.Model, ss []workspace.Slide) ([]byte, error) {
	if len(ss) == 0 {
		return nil, fmt.Errorf("the briefing has no slides")
	}
	const pageW, pageH = 338.67, 190.5 // mm: 16:9, the size of a widescreen slide
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	pdf.SetTitle(title, true)
	pdf.SetCreator("ISK Brief", true)
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.SetAutoPageBreak(false, 0)
	const margin = 10.0
	for i, s := range ss {
		pdf.AddPage()
		pdf.SetTextColor(20, 20, 20)
		pdf.SetFont("go", "B", 22)
		pdf.SetXY(margin, margin)
		pdf.CellFormat(pageW-2*margin, 10, s.Title, "", 1, "L", false, 0, "")
		// Map and chart as one picture drawn by the same code as on screen.
		imgW := pageW - 2*margin
		imgH := 128.0
		img, err := Render(m, s, Layout{W: 2400, H: int(2400 * imgH / imgW), Bare: true, Style: maprender.Light()})
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			return nil, err
		}
		name := fmt.Sprintf("slide%d", i)
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, &buf)
		pdf.ImageOptions(name, margin, margin+13, imgW, imgH, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		// Speaker notes and the source line are real text: searchable and
		// crisp at any zoom.
		pdf.SetFont("go", "", 11)
		pdf.SetXY(margin, margin+13+imgH+4)
		pdf.MultiCell(pageW-2*margin, 5, s.Notes, "", "L", false)
		pdf.SetFont("go", "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.SetXY(margin, pageH-margin)
		pdf.CellFormat(pageW-2*margin, 4, SourceLine(m, Filter(s.State))+fmt.Sprintf(" · slide %d of %d", i+1, len(ss)), "", 0, "L", false, 0, "")
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("PDF page %d: %w", i+1, err)
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("cannot build the PDF: %w", err)
	}
	return out.Bytes(), nil
}

// BuildPPTX makes the briefing as a PowerPoint deck: one 16:9 slide per
// briefing slide, its title a real text box, the map and chart as one
// 1920-pixel-wide picture drawn by the same code as the PDF, the source line
// as a text footer and the speaker notes in PowerPoint's notes page.
func BuildPPTX(title string, m *brief.Model, ss []workspace.Slide) ([]byte, error) {
	if len(ss) == 0 {
		return nil, fmt.Errorf("the briefing has no slides")
	}
	const top, bottom, left, width = 0.14, 0.93, 0.02, 0.96 // the picture sits between the title and the footer
	const w = 1920
	h := int(math.Round(w * (bottom - top) * 9 / (width * 16))) // the picture keeps the aspect of its box
	var deck []pptx.Slide
	for i, s := range ss {
		img, err := Render(m, s, Layout{W: w, H: h, Bare: true, Style: maprender.Light()})
		if err != nil {
			return nil, err
		}
		b, err := export.EncodePNG(img)
		if err != nil {
			return nil, err
		}
		deck = append(deck, pptx.Slide{
			Title:  s.Title,
			Images: []pptx.Image{{PNG: b, X: left, Y: top, W: width, H: bottom - top, Name: "Map and chart: " + s.Title}},
			Footer: SourceLine(m, Filter(s.State)) + fmt.Sprintf(" · slide %d of %d", i+1, len(ss)),
			Notes:  s.Notes,
		})
	}
	return pptx.Build(title, deck)
}
