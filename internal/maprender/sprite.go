package maprender

import (
	"image"
	"image/color"
	"math"
	"sync"
)

// texel is one pixel of a circle template: its offset from the centre, how
// much of it the fill and the outline cover (0..255), and its clockwise angle
// from 12 o'clock in 1/65536 turns (for cluster donuts).
type texel struct {
	dx, dy     int16
	fill, edge uint8
	turn       uint16
}

type spriteKey struct{ r, edge int } // quarter pixels

var (
	spriteMu sync.Mutex
	sprites  = map[spriteKey][]texel{}
)

// circleSprite returns the anti-aliased template of a circle of radius r with
// an outline of width edgeW, computed once per size. Markers and clusters
// come in few sizes, so drawing one is a walk over precomputed coverage: no
// square roots or arctangents per pixel.
func circleSprite(r, edgeW float64) []texel {
	k := spriteKey{int(math.Round(r * 4)), int(math.Round(edgeW * 4))}
	spriteMu.Lock()
	defer spriteMu.Unlock()
	if t, ok := sprites[k]; ok {
		return t
	}
	r, edgeW = float64(k.r)/4, float64(k.edge)/4
	inner := r - edgeW
	n := int(math.Ceil(r + 1))
	var ts []texel
	for y := -n; y <= n; y++ {
		for x := -n; x <= n; x++ {
			// Pixel centres sit at half-integers from the (integer) centre.
			dx, dy := float64(x)+0.5, float64(y)+0.5
			d := math.Hypot(dx, dy)
			outer := clamp01(r + 0.5 - d)
			if outer <= 0 {
				continue
			}
			in := clamp01(inner + 0.5 - d)
			if edgeW <= 0 {
				in = outer
			}
			turn := math.Atan2(dx, -dy) / (2 * math.Pi)
			if turn < 0 {
				turn++
			}
			ts = append(ts, texel{dx: int16(x), dy: int16(y), fill: uint8(in*255 + 0.5), edge: uint8((outer-in)*255 + 0.5), turn: uint16(turn * 65535)})
		}
	}
	if len(sprites) > 4096 {
		sprites = map[spriteKey][]texel{}
	}
	sprites[k] = ts
	return ts
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// blendW composites c over the pixel at offset i with coverage w (0..255).
func blendW(pix []uint8, i int, c color.RGBA, w uint8) {
	a := div255(uint32(w) * uint32(c.A)) // 0..255
	if a == 0 {
		return
	}
	p := pix[i : i+4 : i+4]
	if a == 255 {
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xff
		return
	}
	ia := 255 - a
	p[0] = uint8(div255(uint32(c.R)*a + uint32(p[0])*ia))
	p[1] = uint8(div255(uint32(c.G)*a + uint32(p[1])*ia))
	p[2] = uint8(div255(uint32(c.B)*a + uint32(p[2])*ia))
	p[3] = uint8(div255(255*a + uint32(p[3])*ia))
}

// div255 divides by 255 with rounding, without a division (exact for
// 0 ≤ v ≤ 65025).
func div255(v uint32) uint32 {
	v += 128
	return (v + v>>8) >> 8
}

// stamp draws a circle template at (cx, cy) rounded to the pixel grid:
// fill colour over the inside, edge colour over the outline. A zero-alpha
// fill leaves the inside untouched.
func stamp(dst *image.RGBA, cx, cy float64, ts []texel, fill, edge color.RGBA) {
	ox, oy := int(math.Floor(cx)), int(math.Floor(cy))
	b := dst.Bounds()
	for _, t := range ts {
		x, y := ox+int(t.dx), oy+int(t.dy)
		if x < b.Min.X || y < b.Min.Y || x >= b.Max.X || y >= b.Max.Y {
			continue
		}
		i := dst.PixOffset(x, y)
		if t.fill > 0 && fill.A > 0 {
			blendW(dst.Pix, i, fill, t.fill)
		}
		if t.edge > 0 {
			blendW(dst.Pix, i, edge, t.edge)
		}
	}
}
