package maprender

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts ship with golang.org/x/image (BSD licence), so text needs no
// system fonts and looks the same in the window and in exports.
var (
	fontsOnce           sync.Once
	regularTTF, boldTTF *opentype.Font
	faceMu              sync.Mutex
	faces               = map[faceKey]font.Face{}
)

type faceKey struct {
	bold bool
	size int // in 1/4 px
}

// Face returns a Go font face of the given pixel size. Faces are cached and
// guarded by a lock because opentype faces are not safe for concurrent use.
func face(bold bool, px float64) font.Face {
	fontsOnce.Do(func() {
		regularTTF, _ = opentype.Parse(goregular.TTF)
		boldTTF, _ = opentype.Parse(gobold.TTF)
	})
	k := faceKey{bold, int(math.Round(px * 4))}
	faceMu.Lock()
	defer faceMu.Unlock()
	if f, ok := faces[k]; ok {
		return f
	}
	ttf := regularTTF
	if bold {
		ttf = boldTTF
	}
	f, err := opentype.NewFace(ttf, &opentype.FaceOptions{Size: float64(k.size) / 4, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // the embedded Go fonts always parse
	}
	faces[k] = f
	return f
}

// TextStyle describes one run of text.
type TextStyle struct {
	Size  float64 // pixels
	Bold  bool
	Color color.RGBA
	Halo  color.RGBA // zero alpha for none
}

// measure returns the advance width and the ascent and descent of s.
func measure(ts TextStyle, s string) (w, ascent, descent int) {
	f := face(ts.Bold, ts.Size)
	faceMu.Lock()
	defer faceMu.Unlock()
	adv := font.MeasureString(f, s)
	m := f.Metrics()
	return adv.Ceil(), m.Ascent.Ceil(), m.Descent.Ceil()
}

// textRect is where s would be drawn with its baseline-left at (x, y).
func textRect(ts TextStyle, s string, x, y int) image.Rectangle {
	w, a, d := measure(ts, s)
	pad := haloRadius(ts)
	return image.Rect(x-pad, y-a-pad, x+w+pad, y+d+pad)
}

func haloRadius(ts TextStyle) int {
	if ts.Halo.A == 0 {
		return 0
	}
	return max(1, int(math.Round(ts.Size/8)))
}

// drawText draws s with its baseline-left at (x, y), with a halo if the style
// has one. Glyphs are rasterised once per (text, size) into a cached mask;
// the halo is that mask dilated, so repeated labels (cluster counts, legend
// rows) cost two mask blits.
func drawText(dst *image.RGBA, ts TextStyle, s string, x, y int) {
	if s == "" {
		return
	}
	tm := textMask(ts, s)
	r := tm.mask.Bounds().Add(image.Pt(x, y))
	clip := r.Intersect(dst.Bounds())
	if clip.Empty() {
		return
	}
	mp := clip.Min.Sub(image.Pt(x, y))
	if tm.halo != nil {
		draw.DrawMask(dst, clip, image.NewUniform(ts.Halo), image.Point{}, tm.halo, mp, draw.Over)
	}
	draw.DrawMask(dst, clip, image.NewUniform(ts.Color), image.Point{}, tm.mask, mp, draw.Over)
}

type maskKey struct {
	s    string
	size int
	bold bool
	halo int
}

type maskEntry struct{ mask, halo *image.Alpha }

var (
	maskMu    sync.Mutex
	maskCache = map[maskKey]maskEntry{}
)

// textMask returns the glyph mask (and halo mask) of s positioned relative
// to its baseline-left origin.
func textMask(ts TextStyle, s string) maskEntry {
	k := maskKey{s, int(math.Round(ts.Size * 4)), ts.Bold, haloRadius(ts)}
	maskMu.Lock()
	e, ok := maskCache[k]
	maskMu.Unlock()
	if ok {
		return e
	}
	r := textRect(ts, s, 0, 0)
	e.mask = image.NewAlpha(r)
	f := face(ts.Bold, ts.Size)
	faceMu.Lock()
	d := font.Drawer{Dst: e.mask, Src: image.Opaque, Face: f, Dot: fixed.P(0, 0)}
	d.DrawString(s)
	faceMu.Unlock()
	if k.halo > 0 {
		e.halo = dilate(e.mask, k.halo)
	}
	maskMu.Lock()
	if len(maskCache) > 8192 { // labels of a long session: start afresh
		maskCache = map[maskKey]maskEntry{}
	}
	maskCache[k] = e
	maskMu.Unlock()
	return e
}

// dilate grows a mask by rad pixels (a square structuring element, applied as
// two separable passes of a running maximum).
func dilate(m *image.Alpha, rad int) *image.Alpha {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	tmp := make([]uint8, w*h)
	for y := 0; y < h; y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+w]
		for x := 0; x < w; x++ {
			var v uint8
			for k := max(0, x-rad); k <= min(w-1, x+rad); k++ {
				v = max(v, row[k])
			}
			tmp[y*w+x] = v
		}
	}
	out := image.NewAlpha(b)
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			var v uint8
			for k := max(0, y-rad); k <= min(h-1, y+rad); k++ {
				v = max(v, tmp[k*w+x])
			}
			out.Pix[y*out.Stride+x] = v
		}
	}
	return out
}

// DrawText draws s with its baseline-left at (x, y) in the map's fonts, for
// other images (slides) that should match the map.
func DrawText(dst *image.RGBA, ts TextStyle, s string, x, y int) { drawText(dst, ts, s, x, y) }

// MeasureText returns the width, ascent and descent of s in pixels.
func MeasureText(ts TextStyle, s string) (w, ascent, descent int) { return measure(ts, s) }

// WrapText breaks s into lines no wider than width pixels.
func WrapText(ts TextStyle, s string, width int) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if w, _, _ := measure(ts, try); w > width && line != "" {
				lines = append(lines, line)
				line = word
			} else {
				line = try
			}
		}
		lines = append(lines, line)
	}
	return lines
}
