package importer

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// A GeoJSON file is read as a stream: the bytes kept for line numbers stay
// about one Feature long however big the file, and the lines are right.
func TestGeoJSONIsReadAsAStream(t *testing.T) {
	const n = 60_000
	var b strings.Builder
	b.WriteString(`{"type": "FeatureCollection",` + "\n" + `"features": [` + "\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		lat := "34.5"
		if i == n-2 {
			lat = `"north"` // a bad feature near the end, to check its line
		}
		fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[69.1,%s]},"properties":{"date":"2024-01-01","killed":%d,"country":"AFG","notes":"%s"}}`, lat, i%9, strings.Repeat("x", 200))
	}
	b.WriteString("\n]}\n")
	src := b.String()
	tr := &lineTracker{r: strings.NewReader(src), line: 1}
	maxKept := 0
	dec := io.Reader(tr)
	buf := make([]byte, 4096)
	for off := int64(0); ; {
		k, err := dec.Read(buf)
		off += int64(k)
		tr.at(off - 100) // the decoder asks about offsets just behind what it read
		maxKept = max(maxKept, cap(tr.buf))
		if err == io.EOF {
			break
		}
	}
	if maxKept > 1<<20 {
		t.Errorf("the tracker kept %d bytes of a %d MB stream", maxKept, len(src)>>20)
	}
	res, err := Read(strings.NewReader(src), "big.geojson", int64(len(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != n-1 || res.SkippedTotal != 1 || res.Skipped[0].Line != 2+n-1 {
		t.Errorf("kept %d, skipped %+v; want the bad feature on line %d", res.Kept, res.Skipped, 2+n-1)
	}
}
