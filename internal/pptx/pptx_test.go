package pptx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testPNG draws a w×h picture in one colour.
func testPNG(t *testing.T, w, h int, c color.Color) []byte {
	t.Helper()
	im := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			im.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, im); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testDeck is three slides with awkward text: spaces, dashes, markup characters, several lines.
func testDeck(t *testing.T) []Slide {
	red, blue := testPNG(t, 192, 108, color.RGBA{200, 30, 30, 255}), testPNG(t, 100, 100, color.RGBA{30, 30, 200, 255})
	return []Slide{
		{
			Title:  "Kerman (Jan 2024) and  Moscow (Mar 2024)",
			Images: []Image{{PNG: red, X: 0.05, Y: 0.15, W: 0.9, H: 0.77, Name: `Map of "attacks" & events`}},
			Footer: "Source: GTD · ACLED – compiled 2024",
			Notes:  "Kerman (Jan 2024) and the Crocus hall.\nKilled: 60–145 per attack.",
		},
		{
			Title: "A & B <c> \"quoted\" 'single'",
			Images: []Image{
				{PNG: blue, X: 0.03, Y: 0.15, W: 0.45, H: 0.45 * 16 / 9, Name: "map"},
				{PNG: red, X: 0.52, Y: 0.2, W: 0.45, H: 0.45, Name: "chart"},
			},
			Footer: "Source: <none> & co.",
			Notes:  "A & B <c>",
		},
		{
			Title: "Two lines\nSecond – line · end",
			Notes: "first\n\nthird line after an empty one",
		},
	}
}

// unzip returns the package's parts by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := parts[f.Name]; dup {
			t.Errorf("part %s twice", f.Name)
		}
		parts[f.Name] = b
	}
	return parts
}

func decode(t *testing.T, parts map[string][]byte, name string, v any) {
	t.Helper()
	b, ok := parts[name]
	if !ok {
		t.Fatalf("missing part %s", name)
	}
	if err := xml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

type xRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// relsOf returns a part's relationships by id, with targets resolved to part names.
func relsOf(t *testing.T, parts map[string][]byte, part string) map[string]string {
	t.Helper()
	dir, file := path.Split(part)
	var r xRels
	decode(t, parts, dir+"_rels/"+file+".rels", &r)
	m := map[string]string{}
	for _, x := range r.Rel {
		m[x.ID] = path.Join(dir, x.Target)
	}
	return m
}

type xText struct {
	P []struct {
		R []struct {
			T string `xml:"t"`
		} `xml:"r"`
	} `xml:"p"`
}

// String joins the paragraphs with "\n"; a line break inside a run would be
// an error (each line must be its own paragraph), so it shows as "⏎".
func (x xText) String() string {
	var lines []string
	for _, p := range x.P {
		var s string
		for _, r := range p.R {
			s += strings.ReplaceAll(r.T, "\n", "⏎")
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

type xSp struct {
	Ph *struct {
		Type string `xml:"type,attr"`
	} `xml:"nvSpPr>nvPr>ph"`
	Text xText `xml:"txBody"`
}

type xTree struct {
	Sp  []xSp `xml:"cSld>spTree>sp"`
	Pic []struct {
		CNvPr struct {
			Descr string `xml:"descr,attr"`
		} `xml:"nvPicPr>cNvPr"`
		Blip struct {
			Embed string `xml:"embed,attr"`
		} `xml:"blipFill>blip"`
	} `xml:"cSld>spTree>pic"`
}

// placeholderText is the text of the tree's first placeholder of a type.
func placeholderText(t *testing.T, tree xTree, typ string) string {
	t.Helper()
	for _, sp := range tree.Sp {
		if sp.Ph != nil && sp.Ph.Type == typ {
			return sp.Text.String()
		}
	}
	t.Fatalf("no %q placeholder", typ)
	return ""
}

func TestBuildPackage(t *testing.T) {
	deck := testDeck(t)
	data, err := Build("Briefing – A & B", deck)
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, data)
	if zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data))); zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part is %s, not [Content_Types].xml", zr.File[0].Name)
	}

	// Every listed part exists, and every part has a content type.
	var ct struct {
		Default []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Override []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	decode(t, parts, "[Content_Types].xml", &ct)
	typed := map[string]bool{}
	for _, o := range ct.Override {
		name := strings.TrimPrefix(o.Part, "/")
		typed[name] = true
		if _, ok := parts[name]; !ok {
			t.Errorf("[Content_Types].xml lists %s, which is missing", o.Part)
		}
	}
	exts := map[string]bool{}
	for _, d := range ct.Default {
		exts[d.Ext] = true
	}
	for name := range parts {
		if name != "[Content_Types].xml" && !typed[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("part %s has no content type", name)
		}
	}

	// Every relationship target exists.
	for name := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var r xRels
		decode(t, parts, name, &r)
		base := path.Dir(path.Dir(name)) // the folder holding _rels/
		ids := map[string]bool{}
		for _, x := range r.Rel {
			if ids[x.ID] {
				t.Errorf("%s: id %s twice", name, x.ID)
			}
			ids[x.ID] = true
			target := path.Join(base, x.Target)
			if strings.HasPrefix(x.Target, "/") {
				target = strings.TrimPrefix(x.Target, "/")
			}
			if _, ok := parts[target]; !ok && x.Mode != "External" {
				t.Errorf("%s: %s points to missing %s", name, x.ID, target)
			}
		}
	}

	var core struct {
		Title string `xml:"title"`
	}
	decode(t, parts, "docProps/core.xml", &core)
	if core.Title != "Briefing – A & B" {
		t.Errorf("deck title %q", core.Title)
	}

	// Slides in presentation order, each with its title, pictures, footer and notes.
	var pres struct {
		IDs []struct {
			Attrs []xml.Attr `xml:",any,attr"` // id and r:id share a local name
			RID   string     `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sldIdLst>sldId"`
		Size struct {
			CX int `xml:"cx,attr"`
			CY int `xml:"cy,attr"`
		} `xml:"sldSz"`
	}
	decode(t, parts, "ppt/presentation.xml", &pres)
	if pres.Size.CX != 12192000 || pres.Size.CY != 6858000 {
		t.Errorf("slide size %d×%d", pres.Size.CX, pres.Size.CY)
	}
	if len(pres.IDs) != len(deck) {
		t.Fatalf("%d slides listed, want %d", len(pres.IDs), len(deck))
	}
	seen := map[string]bool{}
	for _, x := range pres.IDs {
		for _, a := range x.Attrs {
			if n, _ := strconv.Atoi(a.Value); a.Name == (xml.Name{Local: "id"}) && (n < 256 || seen[a.Value]) {
				t.Errorf("slide id %s is below 256 or used twice", a.Value)
			}
			if a.Name.Space == "" {
				seen[a.Value] = true
			}
		}
	}
	presRels := relsOf(t, parts, "ppt/presentation.xml")
	for i, want := range deck {
		slide := presRels[pres.IDs[i].RID]
		var tree xTree
		decode(t, parts, slide, &tree)
		if got := placeholderText(t, tree, "title"); got != want.Title {
			t.Errorf("slide %d title %q, want %q", i+1, got, want.Title)
		}
		footer := ""
		for _, sp := range tree.Sp {
			if sp.Ph == nil {
				footer = sp.Text.String()
			}
		}
		if footer != want.Footer {
			t.Errorf("slide %d footer %q, want %q", i+1, footer, want.Footer)
		}
		sr := relsOf(t, parts, slide)
		if len(tree.Pic) != len(want.Images) {
			t.Fatalf("slide %d: %d pictures, want %d", i+1, len(tree.Pic), len(want.Images))
		}
		for j, pic := range tree.Pic {
			media := sr[pic.Blip.Embed]
			if !bytes.Equal(parts[media], want.Images[j].PNG) || pic.CNvPr.Descr != want.Images[j].Name {
				t.Errorf("slide %d picture %d: %s %q", i+1, j+1, media, pic.CNvPr.Descr)
			}
		}
		var notesPart string
		for _, target := range sr {
			if strings.HasPrefix(target, "ppt/notesSlides/") {
				notesPart = target
			}
		}
		var notes xTree
		decode(t, parts, notesPart, &notes)
		if got := placeholderText(t, notes, "body"); got != want.Notes {
			t.Errorf("slide %d notes %q, want %q", i+1, got, want.Notes)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	good := testPNG(t, 4, 4, color.White)
	jpegish := []byte("\xff\xd8\xff\xe0 not a png")
	for name, slides := range map[string][]Slide{
		"no slides":  nil,
		"empty list": {},
		"not a PNG":  {{Title: "x", Images: []Image{{PNG: jpegish, W: 1, H: 1}}}},
		"no bytes":   {{Title: "x"}, {Title: "y", Images: []Image{{W: 1, H: 1}}}},
		"zero width": {{Title: "x", Images: []Image{{PNG: good, W: 0, H: 1}}}},
		"negative":   {{Title: "x", Images: []Image{{PNG: good, W: 0.5, H: -0.5}}}},
		"off slide":  {{Title: "x", Images: []Image{{PNG: good, X: 0.6, W: 0.5, H: 0.5}}}},
	} {
		if data, err := Build("deck", slides); err == nil || data != nil {
			t.Errorf("%s: got %d bytes, err %v; want an error and no file", name, len(data), err)
		}
	}
}

// TestLibreOffice has LibreOffice open the deck: as PDF it must have one page
// per slide, and as ODP it must keep the titles and the speaker notes.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) not on PATH; install libreoffice-impress to run this test")
	}
	deck := testDeck(t)
	data, err := Build("deck", deck)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	convert := func(format string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
		defer cancel()
		out := t.TempDir()
		cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+home+"/lo",
			"--convert-to", format, "--outdir", out, in)
		cmd.Env = append(os.Environ(), "HOME="+home)
		start := time.Now()
		msg, err := cmd.CombinedOutput()
		t.Logf("soffice --convert-to %s: %v", format, time.Since(start).Round(time.Millisecond))
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		name := filepath.Join(out, "deck."+strings.SplitN(format, ":", 2)[0])
		if _, err := os.Stat(name); err != nil {
			t.Fatalf("soffice made no %s: %v\n%s", name, err, msg)
		}
		return name
	}

	pdf := convert("pdf")
	if n := pdfPages(t, pdf); n != len(deck) {
		t.Errorf("PDF has %d pages, want %d", n, len(deck))
	}

	odp := convert("odp")
	b, err := os.ReadFile(odp)
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, b)
	var doc struct {
		Pages []struct {
			Frames []odpFrame `xml:"frame"`
			Notes  struct {
				Frames []odpFrame `xml:"frame"`
			} `xml:"notes"`
		} `xml:"body>presentation>page"`
	}
	decode(t, parts, "content.xml", &doc)
	if len(doc.Pages) != len(deck) {
		t.Fatalf("ODP has %d pages, want %d", len(doc.Pages), len(deck))
	}
	for i, want := range deck {
		pg := doc.Pages[i]
		if got := odpText(pg.Frames, "title"); got != want.Title {
			t.Errorf("ODP slide %d title %q, want %q", i+1, got, want.Title)
		}
		if got := odpText(pg.Notes.Frames, "notes"); got != want.Notes {
			t.Errorf("ODP slide %d notes %q, want %q", i+1, got, want.Notes)
		}
	}
}

// odpFrame is a draw:frame; ODF keeps runs of spaces as <text:s text:c="N"/>.
type odpFrame struct {
	Class string `xml:"class,attr"`
	P     []struct {
		Inner []byte `xml:",innerxml"`
	} `xml:"text-box>p"`
}

// odpText is the text of the first frame of a presentation class, lines joined by "\n".
func odpText(frames []odpFrame, class string) string {
	for _, f := range frames {
		if f.Class != class {
			continue
		}
		var lines []string
		for _, p := range f.P {
			lines = append(lines, odfText(p.Inner))
		}
		return strings.Join(lines, "\n")
	}
	return "<no " + class + " frame>"
}

// odfText reads an ODF paragraph's text, expanding text:s and text:tab.
func odfText(inner []byte) string {
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(inner))
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		switch tok := tok.(type) {
		case xml.CharData:
			b.Write(tok)
		case xml.StartElement:
			switch tok.Name.Local {
			case "s":
				n := 1
				for _, a := range tok.Attr {
					if a.Name.Local == "c" {
						n, _ = strconv.Atoi(a.Value)
					}
				}
				b.WriteString(strings.Repeat(" ", n))
			case "tab":
				b.WriteString("\t")
			case "line-break":
				b.WriteString("\n")
			}
		}
	}
}

// pdfPages counts a PDF's pages with pdfinfo, or else its /Type /Page objects.
func pdfPages(t *testing.T, file string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command("pdfinfo", file).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("pdfinfo printed no page count:\n%s", out)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(b, -1))
}
