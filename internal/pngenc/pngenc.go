// Package pngenc encodes RGBA images as PNG on every core. A 1920×1080
// frame costs image/png about 80 ms on one core, most of it in per-row
// filter selection; exports are waiting for it. Here the rows are split into
// one band per core, each band filtered and deflated on its own, and the
// deflate streams joined (each but the last ends on a byte-aligned sync
// flush, so their concatenation is one valid stream). Opaque images are
// written as 8-bit RGB, as image/png does.
package pngenc

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/png"
	"runtime"
	"sync"
)

// Encode returns img as PNG. Images other than *image.RGBA go through
// image/png.
func Encode(img image.Image) ([]byte, error) {
	rgba, ok := img.(*image.RGBA)
	if !ok || rgba.Rect.Empty() {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		err := enc.Encode(&buf, img)
		return buf.Bytes(), err
	}
	w, h := rgba.Rect.Dx(), rgba.Rect.Dy()
	opaque := isOpaque(rgba)
	bpp := 4
	if opaque {
		bpp = 3
	}
	bands := min(runtime.GOMAXPROCS(0), max(1, h/64))
	parts := make([]band, bands)
	var wg sync.WaitGroup
	for i := range parts {
		y0, y1 := h*i/bands, h*(i+1)/bands
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = encodeBand(rgba, y0, y1, bpp, i == bands-1)
		}()
	}
	wg.Wait()

	var out bytes.Buffer
	size := 0
	for _, p := range parts {
		if p.err != nil {
			return nil, p.err
		}
		size += len(p.data)
	}
	out.Grow(size + 128)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bit depth
	ihdr[9] = 6 // RGBA
	if opaque {
		ihdr[9] = 2 // RGB
	}
	chunk(&out, "IHDR", ihdr[:])
	// IDAT: a zlib stream (header, the joined deflate data, Adler-32 of all
	// the filtered rows).
	idat := make([]byte, 0, size+6)
	idat = append(idat, 0x78, 0x01)
	sum := uint32(1)
	for _, p := range parts {
		idat = append(idat, p.data...)
		sum = adler32Combine(sum, p.adler, p.n)
	}
	idat = binary.BigEndian.AppendUint32(idat, sum)
	chunk(&out, "IDAT", idat)
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// band is one band's deflate data and the Adler-32 and length of its
// filtered rows.
type band struct {
	data  []byte
	adler uint32
	n     int64
	err   error
}

// encodeBand filters rows [y0, y1) and deflates them. Each row is filtered
// against the row above it in the image, also across band edges, so the
// result decodes as one image.
func encodeBand(img *image.RGBA, y0, y1, bpp int, last bool) band {
	w := img.Rect.Dx()
	stride := w * bpp
	cur := make([]byte, 1+stride)
	prev := make([]byte, stride)
	up := make([]byte, 1+stride)
	sub := make([]byte, 1+stride)
	var buf bytes.Buffer
	buf.Grow((y1 - y0) * stride / 8)
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return band{err: err}
	}
	sum := adler32.New()
	if y0 > 0 {
		row(img, y0-1, bpp, prev)
	}
	var n int64
	for y := y0; y < y1; y++ {
		row(img, y, bpp, cur[1:])
		f := pick(cur[1:], prev, bpp, y, up, sub)
		if _, err := zw.Write(f); err != nil {
			return band{err: err}
		}
		sum.Write(f)
		n += int64(len(f))
		copy(prev, cur[1:])
	}
	if last {
		err = zw.Close()
	} else {
		err = zw.Flush()
	}
	return band{data: buf.Bytes(), adler: sum.Sum32(), n: n, err: err}
}

// row copies image row y into dst as RGB or RGBA bytes.
func row(img *image.RGBA, y, bpp int, dst []byte) {
	src := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):]
	w := img.Rect.Dx()
	if bpp == 4 {
		// PNG keeps colour not premultiplied by alpha (as color.NRGBAModel).
		for i := 0; i < 4*w; i += 4 {
			p := src[i : i+4 : i+4]
			a := uint32(p[3])
			switch a {
			case 0xff:
				copy(dst[i:i+4], p)
			case 0:
				dst[i], dst[i+1], dst[i+2], dst[i+3] = 0, 0, 0, 0
			default:
				a16 := a * 0x101
				for k := range 3 {
					dst[i+k] = uint8((uint32(p[k]) * 0x101 * 0xffff / a16) >> 8)
				}
				dst[i+3] = p[3]
			}
		}
		return
	}
	for x, j := 0, 0; x < w; x, j = x+1, j+3 {
		p := src[4*x : 4*x+3 : 4*x+3]
		dst[j], dst[j+1], dst[j+2] = p[0], p[1], p[2]
	}
}

// pick returns the row filtered by Up or Sub, whichever gives the smaller
// sum of absolute values (the PNG specification's heuristic, over two of
// its five filters: the ones that pay off on maps and charts, which are
// mostly flat colour). The first row has no row above: Sub.
func pick(cur, prev []byte, bpp, y int, up, sub []byte) []byte {
	sub[0] = 1
	var ss, su int
	for i, c := range cur {
		var d byte = c
		if i >= bpp {
			d = c - cur[i-bpp]
		}
		sub[1+i] = d
		ss += abs8(d)
	}
	if y == 0 {
		return sub
	}
	up[0] = 2
	for i, c := range cur {
		d := c - prev[i]
		up[1+i] = d
		su += abs8(d)
	}
	if su < ss {
		return up
	}
	return sub
}

func abs8(d byte) int {
	if d < 128 {
		return int(d)
	}
	return 256 - int(d)
}

func isOpaque(img *image.RGBA) bool {
	w := img.Rect.Dx()
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		p := img.Pix[img.PixOffset(img.Rect.Min.X, y):]
		for i := 3; i < 4*w; i += 4 {
			if p[i] != 0xff {
				return false
			}
		}
	}
	return true
}

func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// adler32Combine is the Adler-32 of A followed by B, given those of A and
// B and B's length (zlib's adler32_combine).
func adler32Combine(a, b uint32, lenB int64) uint32 {
	const mod = 65521
	rem := uint32(lenB % mod)
	s1 := a & 0xffff
	s2 := rem * s1 % mod
	s1 += (b & 0xffff) + mod - 1
	s2 += (a >> 16) + (b >> 16) + mod - rem
	if s1 >= mod {
		s1 -= mod
	}
	if s1 >= mod {
		s1 -= mod
	}
	if s2 >= mod<<1 {
		s2 -= mod << 1
	}
	if s2 >= mod {
		s2 -= mod
	}
	return s2<<16 | s1
}
