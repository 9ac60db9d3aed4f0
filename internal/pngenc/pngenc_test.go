package pngenc

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// The encoding decodes, with image/png, to exactly the pixels put in, for
// opaque and translucent images, odd sizes, a single row and a sub-image.
func TestEncodeRoundTrips(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		w, h   int
		opaque bool
	}{{1920, 1080, true}, {333, 257, false}, {7, 1, true}, {64, 200, false}, {1, 1, false}} {
		img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
		for i := range img.Pix {
			img.Pix[i] = byte(rng.IntN(256))
			if i%4 == 3 && c.opaque {
				img.Pix[i] = 0xff
			}
		}
		// Flat areas too, as maps have.
		for y := 0; y < c.h/2; y++ {
			for x := 0; x < c.w/2; x++ {
				img.SetRGBA(x, y, color.RGBA{198, 217, 230, 255})
			}
		}
		check(t, img, c.opaque)
	}
	big := image.NewRGBA(image.Rect(0, 0, 300, 300))
	for i := range big.Pix {
		big.Pix[i] = byte(i * 7)
	}
	check(t, big.SubImage(image.Rect(50, 60, 250, 290)).(*image.RGBA), false)
}

func check(t *testing.T, img *image.RGBA, opaque bool) {
	t.Helper()
	b, err := Encode(img)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%v: image/png cannot decode it: %v", img.Rect, err)
	}
	if got.Bounds().Dx() != img.Rect.Dx() || got.Bounds().Dy() != img.Rect.Dy() {
		t.Fatalf("size %v, want %v", got.Bounds(), img.Rect)
	}
	if _, isRGB := got.(*image.RGBA); opaque && !isRGB {
		t.Errorf("%v: opaque image decoded as %T", img.Rect, got)
	}
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			want := img.RGBAAt(img.Rect.Min.X+x, img.Rect.Min.Y+y)
			// image/png's own encoding is the reference: the same pixels
			// after its premultiplied-to-straight round trip.
			ref := color.RGBAModel.Convert(color.NRGBAModel.Convert(want)).(color.RGBA)
			r, g, bl, a := got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y).RGBA()
			if c := (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}); c != ref {
				t.Fatalf("%v: pixel (%d,%d) = %v, want %v", img.Rect, x, y, c, ref)
			}
		}
	}
}

func TestAdler32Combine(t *testing.T) {
	a, b := []byte("ISK Brief: the toll history of an attack"), bytes.Repeat([]byte{0xfe, 0x01, 0x80}, 70000)
	want := adler32.Checksum(append(append([]byte{}, a...), b...))
	if got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), int64(len(b))); got != want {
		t.Errorf("combine = %08x, want %08x", got, want)
	}
}

func BenchmarkEncode1080p(b *testing.B) {
	img := testFrame()
	for b.Loop() {
		if _, err := Encode(img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImagePNG1080p(b *testing.B) {
	img := testFrame()
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	for b.Loop() {
		var buf bytes.Buffer
		if err := enc.Encode(&buf, img); err != nil {
			b.Fatal(err)
		}
	}
}

// testFrame is a map-like frame: flat sea and land with lines and noise.
func testFrame() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	rng := rand.New(rand.NewPCG(3, 4))
	for y := 0; y < 1080; y++ {
		for x := 0; x < 1920; x++ {
			c := color.RGBA{198, 217, 230, 255}
			if (x/97+y/61)%3 == 0 {
				c = color.RGBA{250, 246, 235, 255}
			}
			if rng.IntN(40) == 0 {
				c = color.RGBA{uint8(rng.IntN(256)), 60, 60, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}
