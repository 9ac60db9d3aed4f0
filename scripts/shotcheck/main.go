// Command shotcheck asserts from a screenshot's pixels that the map and the
// detail panel were really drawn: not blank, not black, with the map's sea
// and land colours and with text in the panel. Used by scripts/e2e.sh.
//
//	shotcheck shot.png MAPRECT PANELRECT    (rects as x,y,w,h in pixels)
package main

import (
	"fmt"
	"image"
	_ "image/png"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: shotcheck shot.png x,y,w,h x,y,w,h")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fail("%v", err)
	}
	img, _, err := image.Decode(f)
	if err != nil {
		fail("decode %s: %v", os.Args[1], err)
	}
	mapR, panelR := rect(os.Args[2]), rect(os.Args[3])

	m := stats(img, mapR)
	fmt.Printf("map %v: %d colours, %.1f%% dark, %.1f%% sea-like, %.1f%% land-like\n", mapR, m.colours, m.dark*100, m.sea*100, m.land*100)
	if m.colours < 200 || m.dark > 0.5 || m.sea < 0.02 || m.land < 0.10 {
		fail("the map is not drawn (expected hundreds of colours, some sea blue and much light land)")
	}
	p := stats(img, panelR)
	fmt.Printf("panel %v: %d colours, %.2f%% text-dark\n", panelR, p.colours, p.dark*100)
	if p.dark < 0.003 || p.dark > 0.5 || p.colours < 8 {
		fail("the detail panel shows no text")
	}
	fmt.Println("shotcheck: OK")
}

type stat struct {
	colours         int
	dark, sea, land float64
}

func stats(img image.Image, r image.Rectangle) stat {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		fail("rectangle %v is outside the %v screenshot", r, img.Bounds())
	}
	seen := map[uint32]bool{}
	var dark, sea, land, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			r8, g8, b8 := cr>>8, cg>>8, cb>>8
			seen[r8<<16|g8<<8|b8] = true
			lum := (299*r8 + 587*g8 + 114*b8) / 1000
			n++
			switch {
			case lum < 110:
				dark++
			case b8 > r8+15 && b8 > 150:
				sea++
			case lum > 200:
				land++
			}
		}
	}
	return stat{len(seen), dark / n, sea / n, land / n}
}

func rect(s string) image.Rectangle {
	var v [4]int
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		fail("bad rectangle %q", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			fail("bad rectangle %q", s)
		}
		v[i] = n
	}
	return image.Rect(v[0], v[1], v[0]+v[2], v[1]+v[3])
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "shotcheck: "+format+"\n", args...)
	os.Exit(1)
}
