package importer

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
)

// codecVersion prefixes encoded layers so a future layout is recognised
// rather than misread.
const codecVersion = "iskbrief-layer-1\n"

// EncodeEvents serialises imported events for storage in the workspace
// (gob, gzip-compressed: notes text compresses well).
func EncodeEvents(evs []Event) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(codecVersion)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := gob.NewEncoder(zw).Encode(evs); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeEvents reverses EncodeEvents; damaged data gives an error.
func DecodeEvents(b []byte) ([]Event, error) {
	if !bytes.HasPrefix(b, []byte(codecVersion)) {
		return nil, fmt.Errorf("stored layer is not in a format this version reads")
	}
	zr, err := gzip.NewReader(bytes.NewReader(b[len(codecVersion):]))
	if err != nil {
		return nil, fmt.Errorf("stored layer is damaged: %w", err)
	}
	var evs []Event
	if err := gob.NewDecoder(zr).Decode(&evs); err != nil {
		return nil, fmt.Errorf("stored layer is damaged: %w", err)
	}
	return evs, nil
}
