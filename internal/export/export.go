// Package export writes images to disk: encoded in memory first, so a
// failure never leaves a blank or partial file, then written atomically.
package export

import (
	"fmt"
	"image"
	"strings"

	"iskbrief/internal/atomicfile"
	"iskbrief/internal/pngenc"
)

// WritePNG encodes img and writes it to path atomically.
func WritePNG(path string, img image.Image) error {
	b, err := EncodePNG(img)
	if err != nil {
		return fmt.Errorf("cannot encode %s: %w", path, err)
	}
	return atomicfile.Write(path, b, 0o644)
}

// EncodePNG encodes an image in memory (fast compression: slides, not
// archives).
func EncodePNG(img image.Image) ([]byte, error) {
	return pngenc.Encode(img)
}

// WriteBytes writes already-encoded content to path atomically.
func WriteBytes(path string, b []byte) error {
	if len(b) == 0 {
		return fmt.Errorf("cannot write %s: nothing to write", path)
	}
	return atomicfile.Write(path, b, 0o644)
}

// Slug makes a title safe as part of a file name: lower case, letters and
// digits joined by dashes, at most about 40 characters.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "slide"
	}
	return out
}

// FileName names an export after what it holds: "Kabul attacks" and ".png"
// give "kabul-attacks.png".
func FileName(title, ext string) string { return Slug(title) + ext }
