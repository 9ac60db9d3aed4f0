// Package export writes images to disk: encoded in memory first, so a
// failure never leaves a blank or partial file, then written atomically.
package export

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"iskbrief/internal/atomicfile"
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
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteBytes writes already-encoded content to path atomically.
func WriteBytes(path string, b []byte) error {
	if len(b) == 0 {
		return fmt.Errorf("cannot write %s: nothing to write", path)
	}
	return atomicfile.Write(path, b, 0o644)
}
