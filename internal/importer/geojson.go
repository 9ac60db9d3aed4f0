package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// GeoJSONKeys documents the Feature properties the GeoJSON reader uses; the
// first key of each list that is present wins. Coordinates come from a Point
// geometry ([longitude, latitude]); other keys are ignored.
var GeoJSONKeys = [][]string{
	{"date", "event_date"},          // YYYY-MM-DD, YYYY-MM, YYYY or "22 March 2024" (required)
	{"killed", "fatalities"},        // number or numeric string; null or absent = unknown
	{"killed_low"}, {"killed_high"}, // optional range around killed
	{"wounded"},                         // optional
	{"country"},                         // ISO3 or English name
	{"place", "name", "location"},       // place name
	{"admin1", "province"},              // province
	{"source"},                          // source text or URL
	{"notes", "summary", "description"}, // free text
	{"id"},                              // else the Feature's own id
	{"actor", "group"},                  // for --actor TEXT
	{"precision"},                       // site, town or province
	{"claim"},                           // claimed, attributed or disputed
}

// geoColumns are the generic-CSV column names the properties above feed,
// in the same order, after latitude and longitude.
var geoColumns = []string{"date", "latitude", "longitude", "killed", "killed_low", "killed_high", "wounded",
	"country", "place", "admin1", "source", "notes", "id", "actor", "precision", "claim"}

type progressReader struct {
	r      io.Reader
	done   int64
	total  int64
	fn     func(done, total int64)
	cancel <-chan struct{}
}

func (p *progressReader) Read(b []byte) (int, error) {
	if canceled(p.cancel) {
		return 0, ErrCanceled
	}
	n, err := p.r.Read(b)
	p.done += int64(n)
	if p.fn != nil && n > 0 {
		p.fn(p.done, p.total)
	}
	return n, err
}

type geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

type feature struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Geometry   *geometry       `json:"geometry"`
	Properties json.RawMessage `json:"properties"`
}

// readGeoJSON reads a FeatureCollection as a stream, one Feature at a time:
// a 200 MB export is never held whole, only the events it yields.
func readGeoJSON(r io.Reader, name string, size int64, o Options, flt *filter) (*Result, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		br.Discard(len(bom))
	}
	lines := &lineTracker{r: &progressReader{r: br, total: size, fn: o.Progress, cancel: o.Cancel}, line: 1}
	refuse := func(off int64, format string, args ...any) error {
		return &Error{File: name, Line: lines.at(off), Reason: fmt.Sprintf(format, args...)}
	}
	jsonErr := func(err error, off int64) error {
		if errors.Is(err, ErrCanceled) {
			return err
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return refuse(lines.read(), "truncated GeoJSON: the file ends in the middle of the JSON")
		}
		return refuse(off, "malformed GeoJSON: %v", err)
	}
	dec := json.NewDecoder(lines)
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonErr(err, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, refuse(0, "not a GeoJSON FeatureCollection: expected a JSON object at the top level")
	}
	hdr := make([]string, len(geoColumns))
	for i, c := range geoColumns {
		switch c {
		case "latitude":
			hdr[i] = "geometry.coordinates[1]"
		case "longitude":
			hdr[i] = "geometry.coordinates[0]"
		default:
			hdr[i] = "properties." + c
		}
	}
	w := newWorker(GeoJSON, append(hdr, "geometry", "properties"), newCols(GenericCSV, geoColumns), flt, o.MaxProblems).clone()
	w.ncol = len(geoColumns)
	w.out = chunkOut{reasons: map[string]int{}}
	colGeometry, colProps := len(geoColumns), len(geoColumns)+1
	res := &Result{File: name, Layout: GeoJSON, Filter: flt.describe(GeoJSON), SkippedByReason: map[string]int{}}
	typ, sawFeatures := "", false
	for dec.More() {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(err, off)
		}
		key, _ := tok.(string)
		switch key {
		case "type":
			if err := dec.Decode(&typ); err != nil {
				return nil, jsonErr(err, dec.InputOffset())
			}
		case "features":
			sawFeatures = true
			off := dec.InputOffset()
			tok, err := dec.Token()
			if err != nil {
				return nil, jsonErr(err, off)
			}
			if d, ok := tok.(json.Delim); !ok || d != '[' {
				return nil, refuse(off, `"features" is not an array`)
			}
			for n := 0; dec.More(); n++ {
				if n%1024 == 0 && canceled(o.Cancel) {
					return nil, ErrCanceled
				}
				off := dec.InputOffset()
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, jsonErr(err, off)
				}
				line := lines.at(lines.skipSpace(off))
				w.out.rows++
				w.feature(raw, line, colGeometry, colProps)
			}
			if _, err := dec.Token(); err != nil {
				return nil, jsonErr(err, dec.InputOffset())
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, jsonErr(err, dec.InputOffset())
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonErr(err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, refuse(dec.InputOffset(), "malformed GeoJSON: data after the FeatureCollection")
	}
	if typ != "FeatureCollection" {
		return nil, refuse(0, "not a GeoJSON FeatureCollection: \"type\" is %q", typ)
	}
	if !sawFeatures {
		return nil, refuse(0, `not a GeoJSON FeatureCollection: no "features" array`)
	}
	w.flush()
	res.merge(w.out, 0, o.MaxProblems)
	res.finish()
	return res, nil
}

// feature converts one Feature to generic-CSV fields and parses it.
func (w *worker) feature(raw json.RawMessage, line, colGeometry, colProps int) {
	var f feature
	if err := json.Unmarshal(raw, &f); err != nil {
		w.fail(line, -1, "bad feature", "not a GeoJSON Feature: "+err.Error())
		return
	}
	if f.Type != "Feature" {
		w.fail(line, -1, "bad feature", fmt.Sprintf("type %q, expected Feature", f.Type))
		return
	}
	if f.Geometry == nil || f.Geometry.Type != "Point" {
		t := "null"
		if f.Geometry != nil {
			t = f.Geometry.Type
		}
		w.fail(line, colGeometry, "not a point", fmt.Sprintf("geometry %s: only Point features can be placed", t))
		return
	}
	var xy []json.Number
	d := json.NewDecoder(bytes.NewReader(f.Geometry.Coordinates))
	d.UseNumber()
	if err := d.Decode(&xy); err != nil || len(xy) < 2 || len(xy) > 3 {
		w.fail(line, colGeometry, "bad coordinates", "Point coordinates: expected [longitude, latitude]")
		return
	}
	props := map[string]any{}
	if len(f.Properties) > 0 && string(f.Properties) != "null" {
		d := json.NewDecoder(bytes.NewReader(f.Properties))
		d.UseNumber()
		if err := d.Decode(&props); err != nil {
			w.fail(line, colProps, "bad feature", "properties: expected an object")
			return
		}
	}
	fields := make([][]byte, len(geoColumns))
	fields[1], fields[2] = []byte(xy[1].String()), []byte(xy[0].String())
	for i, col := 0, 0; i < len(geoColumns); i++ {
		if i == 1 || i == 2 {
			continue
		}
	keys:
		for _, k := range GeoJSONKeys[col] {
			v, ok := props[k]
			if !ok {
				continue
			}
			switch v := v.(type) {
			case nil:
			case string:
				fields[i] = []byte(v)
			case json.Number:
				fields[i] = []byte(v.String())
			default:
				w.fail(line, i, "bad value", fmt.Sprintf("%s: expected a string or a number", k))
				return
			}
			break keys
		}
		col++
	}
	if len(fields[12]) == 0 && f.ID != nil {
		fields[12] = []byte(strings.TrimSpace(fmt.Sprint(f.ID)))
	}
	w.sp.fields = fields
	w.row(line)
}

// lineTracker passes a stream through and turns increasing byte offsets
// into line numbers, keeping only the bytes after the last offset asked
// about (about one Feature and the decoder's read-ahead).
type lineTracker struct {
	r     io.Reader
	buf   []byte // bytes read; buf[start:] are those from offset base on
	start int
	base  int64
	line  int // the line at base
}

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// read is how many bytes have been read.
func (t *lineTracker) read() int64 { return t.base + int64(len(t.buf)-t.start) }

// at returns the line of offset off and forgets the bytes before it. An
// offset before the last one asked about gets that one's line.
func (t *lineTracker) at(off int64) int {
	k := int(min(max(off-t.base, 0), int64(len(t.buf)-t.start)))
	t.line += bytes.Count(t.buf[t.start:t.start+k], nl)
	t.base += int64(k)
	t.start += k
	if t.start > 64<<10 && t.start > len(t.buf)/2 { // compact now and then, not per Feature
		t.buf = append(t.buf[:0], t.buf[t.start:]...)
		t.start = 0
	}
	return t.line
}

// skipSpace returns the offset of the first byte at or after off that is
// not white space or a comma: where the next Feature begins.
func (t *lineTracker) skipSpace(off int64) int64 {
	for i := t.start + int(max(off-t.base, 0)); i < len(t.buf); i++ {
		switch t.buf[i] {
		case ' ', '\t', '\r', '\n', ',':
			continue
		}
		return t.base + int64(i-t.start)
	}
	return t.read()
}
