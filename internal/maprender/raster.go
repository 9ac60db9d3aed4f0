package maprender

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/vector"
)

// painter draws projected geometry into one image through one viewport. It
// reuses a single rasterizer, sized per shape to the shape's own pixel box:
// a canvas-sized rasterizer per polygon costs a hundred times more.
type painter struct {
	dst  *image.RGBA
	vp   Viewport
	view orb.Bound // projected bound of dst, slightly enlarged
	z    vector.Rasterizer
	mask image.Alpha // coverage of the shape being drawn, reused
}

func newPainter(dst *image.RGBA, vp Viewport) *painter {
	p := &painter{dst: dst, vp: vp}
	p.view = vp.Bound().Pad(16 / vp.Zoom)
	return p
}

// pixelBox returns the device-pixel rectangle covering b, grown by pad and
// clipped to the image. Empty when b is off screen.
func (p *painter) pixelBox(b orb.Bound, pad float64) image.Rectangle {
	x0, y0 := p.vp.ToPixel(b.Min)
	x1, y1 := p.vp.ToPixel(b.Max)
	r := image.Rect(int(math.Floor(x0-pad)), int(math.Floor(y0-pad)), int(math.Ceil(x1+pad)), int(math.Ceil(y1+pad)))
	return r.Intersect(p.dst.Bounds())
}

// begin prepares the rasterizer for a shape with projected bound b, drawn
// pad pixels beyond it. It returns the shape's pixel box, whether the shape
// reaches outside the view and must be clipped first (clipping keeps far
// off-screen vertices out of the rasterizer's float32 arithmetic at high
// zoom), and false when nothing of it is on screen.
func (p *painter) begin(b orb.Bound, pad float64) (box image.Rectangle, clipped, ok bool) {
	if !b.Intersects(p.view) {
		return box, false, false
	}
	box = p.pixelBox(b, pad)
	if box.Empty() {
		return box, false, false
	}
	p.z.Reset(box.Dx(), box.Dy())
	p.z.DrawOp = draw.Src
	return box, !p.view.Contains(b.Min) || !p.view.Contains(b.Max), true
}

// finish paints what the rasterizer holds, if any path was added. The
// coverage goes first into an alpha mask (x/image/vector's fast path,
// SIMD on amd64; its RGBA "over" path blends every pixel of the box in
// floating point, most of them with zero coverage), then colour c is
// blended where the mask is not empty.
func (p *painter) finish(box image.Rectangle, paths int, c color.RGBA) {
	if paths == 0 {
		return
	}
	w, h := box.Dx(), box.Dy()
	if cap(p.mask.Pix) < w*h {
		p.mask.Pix = make([]uint8, w*h)
	}
	p.mask.Pix, p.mask.Stride, p.mask.Rect = p.mask.Pix[:w*h], w, image.Rect(0, 0, w, h)
	p.z.Draw(&p.mask, p.mask.Rect, image.Opaque, image.Point{})
	blendMask(p.dst, box.Min, &p.mask, c)
}

// blendMask blends colour c over dst at origin, weighted by the mask.
func blendMask(dst *image.RGBA, origin image.Point, mask *image.Alpha, c color.RGBA) {
	w, h := mask.Rect.Dx(), mask.Rect.Dy()
	solid := [4]uint8{c.R, c.G, c.B, 0xff}
	for y := range h {
		row := mask.Pix[y*mask.Stride : y*mask.Stride+w]
		i := dst.PixOffset(origin.X, origin.Y+y)
		for x, a := range row {
			switch {
			case a == 0:
			case a == 0xff && c.A == 0xff:
				copy(dst.Pix[i+4*x:i+4*x+4], solid[:])
			default:
				blend(dst.Pix, i+4*x, c, float64(a)/255)
			}
		}
	}
}

// fillPolygons fills a multipolygon.
func (p *painter) fillPolygons(mp orb.MultiPolygon, bound orb.Bound, c color.RGBA) {
	box, clipped, ok := p.begin(bound, 1)
	if !ok {
		return
	}
	if clipped {
		mp = clip.MultiPolygon(p.view, mp.Clone())
	}
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	n := 0
	for _, poly := range mp {
		for _, ring := range poly {
			if len(ring) < 3 {
				continue
			}
			for i, pt := range ring {
				x, y := p.vp.ToPixel(pt)
				if i == 0 {
					p.z.MoveTo(float32(x-ox), float32(y-oy))
				} else {
					p.z.LineTo(float32(x-ox), float32(y-oy))
				}
			}
			p.z.ClosePath()
			n++
		}
	}
	p.finish(box, n, c)
}

// strokeLines draws lines of the given device-pixel width. Each segment is
// one quad; all quads share a winding direction, so where they overlap the
// rasterizer's coverage saturates instead of cancelling.
func (p *painter) strokeLines(ml orb.MultiLineString, bound orb.Bound, width float64, c color.RGBA) {
	box, clipped, ok := p.begin(bound, width+1)
	if !ok {
		return
	}
	if clipped {
		ml = clip.MultiLineString(p.view, ml.Clone())
	}
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	hw := width / 2
	n := 0
	for _, ls := range ml {
		for i := 1; i < len(ls); i++ {
			x0, y0 := p.vp.ToPixel(ls[i-1])
			x1, y1 := p.vp.ToPixel(ls[i])
			dx, dy := x1-x0, y1-y0
			l := math.Hypot(dx, dy)
			if l < 1e-9 {
				continue
			}
			// Extend each segment by half the width so joints close.
			ex, ey := dx/l*hw, dy/l*hw
			nx, ny := -dy/l*hw, dx/l*hw
			x0, y0, x1, y1 = x0-ex-ox, y0-ey-oy, x1+ex-ox, y1+ey-oy
			p.z.MoveTo(float32(x0+nx), float32(y0+ny))
			p.z.LineTo(float32(x1+nx), float32(y1+ny))
			p.z.LineTo(float32(x1-nx), float32(y1-ny))
			p.z.LineTo(float32(x0-nx), float32(y0-ny))
			p.z.ClosePath()
			n++
		}
	}
	p.finish(box, n, c)
}

// strokeRings outlines every ring of a multipolygon.
func (p *painter) strokeRings(mp orb.MultiPolygon, bound orb.Bound, width float64, c color.RGBA) {
	var ml orb.MultiLineString
	for _, poly := range mp {
		for _, ring := range poly {
			ml = append(ml, orb.LineString(ring))
		}
	}
	p.strokeLines(ml, bound, width, c)
}

// blend composites colour c with coverage a (0..1) over the pixel at offset i.
func blend(pix []uint8, i int, c color.RGBA, a float64) {
	if a <= 0 {
		return
	}
	// Integer arithmetic in 1/256ths: the hot path of every marker pixel.
	w := uint32(a*float64(c.A)+0.5) + 1
	if w > 256 {
		w = 256
	}
	iw := 256 - w
	p := pix[i : i+4 : i+4]
	p[0] = uint8((uint32(c.R)*w + uint32(p[0])*iw) >> 8)
	p[1] = uint8((uint32(c.G)*w + uint32(p[1])*iw) >> 8)
	p[2] = uint8((uint32(c.B)*w + uint32(p[2])*iw) >> 8)
	p[3] = uint8((255*w + uint32(p[3])*iw) >> 8)
}

// disc draws an anti-aliased filled circle with an outline of width edgeW.
// A fill with zero alpha draws only the ring. Per row, only the pixels near
// the two circle edges need a square root; the solid span between them is
// blended directly.
func disc(dst *image.RGBA, cx, cy, r float64, fill color.RGBA, edge color.RGBA, edgeW float64) {
	b := dst.Bounds()
	y0, y1 := max(b.Min.Y, int(cy-r-1)), min(b.Max.Y, int(cy+r+2))
	inner := r - edgeW
	for y := y0; y < y1; y++ {
		dy := float64(y) + 0.5 - cy
		if math.Abs(dy) > r+0.5 {
			continue
		}
		half := math.Sqrt(max(0, (r+0.5)*(r+0.5)-dy*dy))
		xa, xb := max(b.Min.X, int(cx-half-1)), min(b.Max.X, int(cx+half+2))
		// Pixels fully inside the inner circle (no edge, no anti-aliasing).
		solidA, solidB := xb, xb
		if in := inner - 1; in > 0 && math.Abs(dy) < in {
			h := math.Sqrt(in*in - dy*dy)
			solidA, solidB = int(math.Ceil(cx-h)), int(math.Floor(cx+h))
		}
		i := dst.PixOffset(xa, y)
		for x := xa; x < xb; x, i = x+1, i+4 {
			if x >= solidA && x < solidB {
				if fill.A == 0xff {
					copy(dst.Pix[i:i+4], []uint8{fill.R, fill.G, fill.B, 0xff})
				} else if fill.A > 0 {
					blend(dst.Pix, i, fill, 1)
				}
				continue
			}
			dx := float64(x) + 0.5 - cx
			d := math.Sqrt(dx*dx + dy*dy)
			outer := r + 0.5 - d
			if outer <= 0 {
				continue
			}
			if outer > 1 {
				outer = 1
			}
			in := inner + 0.5 - d
			if in > 1 {
				in = 1
			} else if in < 0 {
				in = 0
			}
			if fill.A > 0 && in > 0 {
				blend(dst.Pix, i, fill, in)
			}
			if edgeW > 0 && outer-in > 0 {
				blend(dst.Pix, i, edge, outer-in)
			}
		}
	}
}

// fillRect blends a translucent rectangle.
func fillRect(dst *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(dst, r.Intersect(dst.Bounds()), image.NewUniform(premul(c)), image.Point{}, draw.Over)
}

// premul converts a straight-alpha colour to the premultiplied form that
// image/draw expects from color.RGBA.
func premul(c color.RGBA) color.RGBA {
	a := uint32(c.A)
	return color.RGBA{uint8(uint32(c.R) * a / 255), uint8(uint32(c.G) * a / 255), uint8(uint32(c.B) * a / 255), c.A}
}
