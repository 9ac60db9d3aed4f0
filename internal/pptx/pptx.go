// Package pptx writes a small PowerPoint deck (Office Open XML
// PresentationML, 16:9 widescreen) with the standard library only.
//
// Each slide has a title (a real title placeholder, so the outline view, the
// accessibility checker and screen readers see it), PNG pictures, a footer
// text box and speaker notes. The package writes the parts that PowerPoint
// and LibreOffice Impress need to open such a deck without repair:
//
//   - [Content_Types].xml and _rels/.rels: the package's part list and its
//     entry point;
//   - docProps/core.xml (deck title) and docProps/app.xml;
//   - ppt/presentation.xml (+ rels): slide list and slide size;
//   - ppt/presProps.xml, ppt/viewProps.xml, ppt/tableStyles.xml, which
//     PowerPoint always writes and expects;
//   - one slide master with its theme and one "Title Only" slide layout,
//     because every slide must hang off a layout and every master off a theme;
//   - ppt/slides/slideN.xml (+ rels to the layout, its pictures and notes);
//   - ppt/media/imageN.png;
//   - ppt/notesMaster1.xml with its own theme, and
//     ppt/notesSlides/notesSlideN.xml, where speaker notes live.
//
// All user text goes through xml.EscapeText.
package pptx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strings"
	"time"
)

// Slide is one slide: a title, pictures, a footer line and speaker notes.
// The title takes the top of the slide (about 13% of its height) and the
// footer the bottom 6%; pictures are placed where their Image says.
type Slide struct {
	Title  string
	Images []Image // placed in order; usually one 1920×1080 picture, or a map and a chart side by side
	Footer string  // source line, a real text box at the bottom
	Notes  string  // speaker notes, in PowerPoint's notes page
}

// Image is a PNG placed on the slide; X, Y, W, H are fractions (0..1) of the
// slide's width and height. The picture is stretched to that box, so the box
// should have the picture's aspect ratio.
type Image struct {
	PNG        []byte
	X, Y, W, H float64
	Name       string // alt text / description
}

// Slide and notes page sizes in EMU (914400 per inch): 13.333 × 7.5 in, and
// portrait letter for notes.
const (
	slideW = 12192000
	slideH = 6858000
	notesW = 6858000
	notesH = 9144000
)

// Namespaces and relationship types.
const (
	nsA     = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	nsPR    = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	relDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctPML   = "application/vnd.openxmlformats-officedocument.presentationml."
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Build returns the .pptx file's bytes (deck title for docProps/core.xml).
// It returns an error, and no file, when there are no slides, an image is
// not a PNG, or an image's box is empty, negative or off the slide.
func Build(deckTitle string, slides []Slide) ([]byte, error) {
	if len(slides) == 0 {
		return nil, errors.New("pptx: no slides")
	}
	for i, s := range slides {
		for j, im := range s.Images {
			if err := checkImage(im); err != nil {
				return nil, fmt.Errorf("pptx: slide %d, image %d: %w", i+1, j+1, err)
			}
		}
	}

	p := &pkg{buf: new(bytes.Buffer)}
	p.zw = zip.NewWriter(p.buf)
	p.now = time.Now().UTC().Truncate(time.Second)

	var ct strings.Builder // [Content_Types].xml overrides, written first but filled as we go
	ct.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/>`)
	over := func(part, typ string) { fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="%s"/>`, part, typ) }

	over("ppt/presentation.xml", ctPML+"presentation.main+xml")
	over("ppt/presProps.xml", ctPML+"presProps+xml")
	over("ppt/viewProps.xml", ctPML+"viewProps+xml")
	over("ppt/tableStyles.xml", ctPML+"tableStyles+xml")
	over("ppt/slideMasters/slideMaster1.xml", ctPML+"slideMaster+xml")
	over("ppt/slideLayouts/slideLayout1.xml", ctPML+"slideLayout+xml")
	over("ppt/notesMasters/notesMaster1.xml", ctPML+"notesMaster+xml")
	over("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	for i := range slides {
		over(fmt.Sprintf("ppt/slides/slide%d.xml", i+1), ctPML+"slide+xml")
		over(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", i+1), ctPML+"notesSlide+xml")
	}
	ct.WriteString(`</Types>`)
	p.add("[Content_Types].xml", ct.String())

	p.add("_rels/.rels", rels(
		rel{relDoc + "officeDocument", "ppt/presentation.xml"},
		rel{"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
		rel{relDoc + "extended-properties", "docProps/app.xml"}))
	stamp := p.now.Format(time.RFC3339)
	p.add("docProps/core.xml", fmt.Sprintf(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`+
		`<dc:title>%s</dc:title><dc:creator>iskbrief</dc:creator>`+
		`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>`,
		esc(deckTitle), stamp, stamp))
	p.add("docProps/app.xml", fmt.Sprintf(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`+
		`<Application>iskbrief</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>%d</Slides><Notes>%d</Notes></Properties>`,
		len(slides), len(slides)))

	// Presentation: rId1 master, rId2 notes master, rId3..6 theme and props, rId7+ slides.
	presRels := []rel{
		{relDoc + "slideMaster", "slideMasters/slideMaster1.xml"},
		{relDoc + "notesMaster", "notesMasters/notesMaster1.xml"},
		{relDoc + "theme", "theme/theme1.xml"},
		{relDoc + "presProps", "presProps.xml"},
		{relDoc + "viewProps", "viewProps.xml"},
		{relDoc + "tableStyles", "tableStyles.xml"},
	}
	var ids strings.Builder
	for i := range slides {
		presRels = append(presRels, rel{relDoc + "slide", fmt.Sprintf("slides/slide%d.xml", i+1)})
		fmt.Fprintf(&ids, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, len(presRels))
	}
	p.add("ppt/presentation.xml", fmt.Sprintf(`<p:presentation %s saveSubsetFonts="1">`+
		`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>`+
		`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>`+
		`<p:sldIdLst>%s</p:sldIdLst><p:sldSz cx="%d" cy="%d"/><p:notesSz cx="%d" cy="%d"/></p:presentation>`,
		nsPR, ids.String(), slideW, slideH, notesW, notesH))
	p.add("ppt/_rels/presentation.xml.rels", rels(presRels...))
	p.add("ppt/presProps.xml", `<p:presentationPr `+nsPR+`/>`)
	p.add("ppt/viewProps.xml", `<p:viewPr `+nsPR+`><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`)
	p.add("ppt/tableStyles.xml", `<a:tblStyleLst `+nsA+` def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`)

	// Master, layout, themes and notes master: fixed.
	p.add("ppt/slideMasters/slideMaster1.xml", `<p:sldMaster `+nsPR+`><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>`+grpProps+
		placeholder(2, "Title Placeholder 1", `type="title"`, titleBox)+
		placeholder(3, "Text Placeholder 2", `type="body" idx="1"`, box{0.04, 0.16, 0.92, 0.76})+
		`</p:spTree></p:cSld>`+clrMap+`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>`+
		`<p:txStyles><p:titleStyle>`+lvl1("2800", "mj", `algn="l"`)+`</p:titleStyle><p:bodyStyle>`+lvl1("1800", "mn", "")+
		`</p:bodyStyle><p:otherStyle>`+lvl1("1800", "mn", "")+`</p:otherStyle></p:txStyles></p:sldMaster>`)
	p.add("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels(
		rel{relDoc + "slideLayout", "../slideLayouts/slideLayout1.xml"},
		rel{relDoc + "theme", "../theme/theme1.xml"}))
	p.add("ppt/slideLayouts/slideLayout1.xml", `<p:sldLayout `+nsPR+` type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree>`+grpProps+
		placeholder(2, "Title 1", `type="title"`, titleBox)+
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`)
	p.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels(rel{relDoc + "slideMaster", "../slideMasters/slideMaster1.xml"}))
	p.add("ppt/theme/theme1.xml", theme)
	p.add("ppt/theme/theme2.xml", theme)
	p.add("ppt/notesMasters/notesMaster1.xml", `<p:notesMaster `+nsPR+`><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>`+grpProps+
		notesShapes(true, "")+`</p:spTree></p:cSld>`+clrMap+
		`<p:notesStyle>`+lvl1("1200", "mn", "")+`</p:notesStyle></p:notesMaster>`)
	p.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels(rel{relDoc + "theme", "../theme/theme2.xml"}))

	img := 0
	for i, s := range slides {
		n := i + 1
		sr := []rel{
			{relDoc + "slideLayout", "../slideLayouts/slideLayout1.xml"},
			{relDoc + "notesSlide", fmt.Sprintf("../notesSlides/notesSlide%d.xml", n)},
		}
		var tree strings.Builder
		tree.WriteString(grpProps)
		tree.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>` +
			`<p:spPr>` + titleBox.xfrm(slideW, slideH) + `</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>` + paras(s.Title, false) + `</p:txBody></p:sp>`)
		id := 3
		for _, im := range s.Images {
			img++
			p.addRaw(fmt.Sprintf("ppt/media/image%d.png", img), im.PNG)
			sr = append(sr, rel{relDoc + "image", fmt.Sprintf("../media/image%d.png", img)})
			fmt.Fprintf(&tree, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
				`<p:blipFill><a:blip r:embed="rId%d"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
				`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
				id, id-1, esc(im.Name), len(sr), box{im.X, im.Y, im.W, im.H}.xfrm(slideW, slideH))
			id++
		}
		if s.Footer != "" {
			fmt.Fprintf(&tree, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Footer %d"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
				`<p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`+
				`<p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/>%s</p:txBody></p:sp>`,
				id, id-1, footerBox.xfrm(slideW, slideH),
				paras(s.Footer, true))
		}
		p.add(fmt.Sprintf("ppt/slides/slide%d.xml", n), `<p:sld `+nsPR+`><p:cSld><p:spTree>`+tree.String()+
			`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
		p.add(fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", n), rels(sr...))

		p.add(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", n), `<p:notes `+nsPR+`><p:cSld><p:spTree>`+grpProps+
			notesShapes(false, s.Notes)+
			`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
		p.add(fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", n), rels(
			rel{relDoc + "notesMaster", "../notesMasters/notesMaster1.xml"},
			rel{relDoc + "slide", fmt.Sprintf("../slides/slide%d.xml", n)}))
	}
	if p.err == nil {
		p.err = p.zw.Close()
	}
	if p.err != nil {
		return nil, fmt.Errorf("pptx: %w", p.err)
	}
	return p.buf.Bytes(), nil
}

// checkImage reports whether an image can be placed: a PNG with a box on the slide.
func checkImage(im Image) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(im.PNG))
	if err != nil {
		return fmt.Errorf("not a PNG: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("PNG is %d×%d pixels", cfg.Width, cfg.Height)
	}
	const eps = 1e-9
	for _, v := range []float64{im.X, im.Y, im.W, im.H} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errors.New("box is not a number")
		}
	}
	if im.W <= 0 || im.H <= 0 {
		return fmt.Errorf("size %g×%g is not positive", im.W, im.H)
	}
	if im.X < 0 || im.Y < 0 || im.X+im.W > 1+eps || im.Y+im.H > 1+eps {
		return fmt.Errorf("box (%g, %g, %g, %g) is off the slide", im.X, im.Y, im.W, im.H)
	}
	return nil
}

// pkg is the zip being written; the first error sticks.
type pkg struct {
	buf *bytes.Buffer
	zw  *zip.Writer
	now time.Time
	err error
}

func (p *pkg) addRaw(name string, data []byte) {
	if p.err != nil {
		return
	}
	w, err := p.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: p.now})
	if err == nil {
		_, err = w.Write(data)
	}
	p.err = err
}

// add writes an XML part, with the declaration that Office writes.
func (p *pkg) add(name, body string) {
	if !strings.HasPrefix(body, "<?xml") {
		body = xmlDecl + body
	}
	p.addRaw(name, []byte(body))
}

// rel is one relationship; its id is rId plus its 1-based position.
type rel struct{ typ, target string }

func rels(rs ...rel) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, r := range rs {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, i+1, r.typ, r.target)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}

// paras turns text into DrawingML paragraphs, one per line; small is the
// footer's grey 10 pt type.
func paras(text string, small bool) string {
	rPr := `<a:rPr dirty="0"/>`
	if small {
		rPr = `<a:rPr sz="1000" dirty="0"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:rPr>`
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line == "" {
			b.WriteString(`<a:p><a:endParaRPr dirty="0"/></a:p>`)
			continue
		}
		fmt.Fprintf(&b, `<a:p><a:r>%s<a:t>%s</a:t></a:r></a:p>`, rPr, esc(line))
	}
	return b.String()
}

// box is a rectangle in fractions of a page's width and height.
type box struct{ x, y, w, h float64 }

var (
	titleBox  = box{0.04, 0.02, 0.92, 0.11}
	footerBox = box{0.04, 0.94, 0.92, 0.05}
)

func (r box) xfrm(pw, ph float64) string {
	e := func(f, size float64) int64 { return int64(math.Round(f * size)) }
	return fmt.Sprintf(`<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`,
		e(r.x, pw), e(r.y, ph), max(e(r.w, pw), 1), max(e(r.h, ph), 1))
}

// placeholder is an empty placeholder shape for a master or layout.
func placeholder(id int, name, ph string, r box) string {
	return fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph %s/></p:nvPr></p:nvSpPr>`+
		`<p:spPr>%s</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>`, id, name, ph, r.xfrm(slideW, slideH))
}

// notesShapes is a notes page's slide picture and notes body: on the
// master with positions and no text, on a notes slide with the notes.
func notesShapes(master bool, notes string) string {
	img, txt, body := "", "", paras(notes, false)
	if master {
		img = box{1.0 / 18, 0.075, 16.0 / 18, 0.375}.xfrm(notesW, notesH)
		txt = box{0.1, 0.475, 0.8, 0.45}.xfrm(notesW, notesH)
		body = `<a:p><a:endParaRPr/></a:p>`
	}
	return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr>` + img + `</p:spPr></p:sp>` +
		`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr>` + txt + `</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>` + body + `</p:txBody></p:sp>`
}

// lvl1 is a first-level text style: size in hundredths of a point, theme
// font "mj" (headings) or "mn" (body), and paragraph attributes.
func lvl1(sz, font, attrs string) string {
	return fmt.Sprintf(`<a:lvl1pPr %s><a:defRPr sz="%s"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>`+
		`<a:latin typeface="+%[3]s-lt"/><a:ea typeface="+%[3]s-ea"/><a:cs typeface="+%[3]s-cs"/></a:defRPr></a:lvl1pPr>`, attrs, sz, font)
}

const grpProps = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

const clrMap = `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`

// theme is a minimal complete Office theme: 12 colours, two fonts, and the
// three entries each format list must have.
var theme = `<a:theme ` + nsA + ` name="Office Theme"><a:themeElements><a:clrScheme name="Office">` +
	`<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>` +
	`<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>` +
	`<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>` +
	`<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="Office"><a:fillStyleLst>` + strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3) + `</a:fillStyleLst>` +
	`<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
	`<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
	`<a:effectStyleLst>` + strings.Repeat(`<a:effectStyle><a:effectLst/></a:effectStyle>`, 3) + `</a:effectStyleLst>` +
	`<a:bgFillStyleLst>` + strings.Repeat(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`, 3) + `</a:bgFillStyleLst>` +
	`</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
