package importer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"time"
)

// codecVersion prefixes encoded layers so a future layout is recognised
// rather than misread.
const codecVersion = "iskbrief-layer-2\n"

// The codec writes each event's fields in a fixed order: strings as
// length-prefixed bytes, numbers as varints, the date as days since 1970,
// coordinates as float64 bits; the stream is gzip-compressed (notes text
// compresses well). A hand-written codec stores and reloads a million events
// several times faster than encoding/gob.

// EncodeEvents serialises imported events for storage in the workspace.
func EncodeEvents(evs []Event) ([]byte, error) {
	var buf Blob
	if err := EncodeEventsTo(&buf, evs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// EncodeEventsTo writes what EncodeEvents returns to w.
func EncodeEventsTo(out io.Writer, evs []Event) error {
	if _, err := io.WriteString(out, codecVersion); err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(out, gzip.BestSpeed)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(zw, 1<<16)
	var tmp []byte
	put := func() { w.Write(tmp); tmp = tmp[:0] }
	tmp = binary.AppendUvarint(tmp, uint64(len(evs)))
	put()
	for i := range evs {
		e := &evs[i]
		for _, s := range [...]string{e.ID, e.Source, e.Notes, e.Place, e.Admin1, e.Country, e.CountryName,
			e.EventType, e.SubType, e.Target, e.Actor1, e.Actor2, e.Group} {
			tmp = binary.AppendUvarint(tmp, uint64(len(s)))
			tmp = append(tmp, s...)
		}
		tmp = binary.AppendVarint(tmp, e.Date.Unix()/86400)
		tmp = binary.LittleEndian.AppendUint64(tmp, math.Float64bits(e.Lat))
		tmp = binary.LittleEndian.AppendUint64(tmp, math.Float64bits(e.Lon))
		for _, n := range [...]int32{e.Killed, e.KilledLow, e.KilledHigh, e.Wounded, e.Line} {
			tmp = binary.AppendVarint(tmp, int64(n))
		}
		suicide := byte(0)
		if e.Suicide {
			suicide = 1
		}
		tmp = append(tmp, byte(e.DatePrecision), byte(e.Precision), byte(e.Claim), suicide)
		put()
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return nil
}

// Blob collects an encoded layer in 1 MiB pieces and joins them once, in
// Bytes: a growing bytes.Buffer would copy a million-row layer's ~50 MB
// again at every doubling and leave the old arrays to the collector.
type Blob struct{ parts [][]byte }

func (c *Blob) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(c.parts) == 0 || len(c.parts[len(c.parts)-1]) == cap(c.parts[len(c.parts)-1]) {
			c.parts = append(c.parts, make([]byte, 0, 1<<20))
		}
		last := &c.parts[len(c.parts)-1]
		k := min(len(p), cap(*last)-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// Bytes joins the pieces (and lets them go).
func (c *Blob) Bytes() []byte {
	n := 0
	for _, p := range c.parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range c.parts {
		out = append(out, p...)
	}
	c.parts = nil
	return out
}

// errDamaged is wrapped by every decoding failure.
var errDamaged = errors.New("stored layer is damaged")

// DecodeEvents reverses EncodeEvents; damaged data gives an error, never a
// panic or a partial layer.
func DecodeEvents(b []byte) ([]Event, error) {
	if !bytes.HasPrefix(b, []byte(codecVersion)) {
		return nil, fmt.Errorf("stored layer is not in a format this version reads")
	}
	zr, err := gzip.NewReader(bytes.NewReader(b[len(codecVersion):]))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errDamaged, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errDamaged, err)
	}
	d := decoder{b: raw}
	n := d.uvarint()
	const minEvent = 13 + 1 + 16 + 5 + 4 // empty strings, date, coordinates, counts, flags
	if d.err != nil || n > uint64(len(raw)/minEvent) {
		return nil, fmt.Errorf("%w: bad event count", errDamaged)
	}
	evs := make([]Event, n)
	for i := range evs {
		e := &evs[i]
		for _, s := range [...]*string{&e.ID, &e.Source, &e.Notes, &e.Place, &e.Admin1, &e.Country, &e.CountryName,
			&e.EventType, &e.SubType, &e.Target, &e.Actor1, &e.Actor2, &e.Group} {
			*s = d.str()
		}
		e.Date = time.Unix(d.varint()*86400, 0).UTC()
		e.Lat = math.Float64frombits(d.u64())
		e.Lon = math.Float64frombits(d.u64())
		for _, p := range [...]*int32{&e.Killed, &e.KilledLow, &e.KilledHigh, &e.Wounded, &e.Line} {
			*p = int32(d.varint())
		}
		flags := d.bytes(4)
		if d.err != nil {
			return nil, fmt.Errorf("%w: event %d: %v", errDamaged, i, d.err)
		}
		e.DatePrecision, e.Precision, e.Claim, e.Suicide = DatePrecision(flags[0]), Precision(flags[1]), Claim(flags[2]), flags[3] == 1
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errDamaged, len(d.b))
	}
	return evs, nil
}

// decoder reads the codec's fields, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = errors.New("truncated " + what)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || len(d.b) < n {
		d.fail("field")
		return make([]byte, max(n, 0))
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64() uint64 { return binary.LittleEndian.Uint64(d.bytes(8)) }

func (d *decoder) str() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("text")
		return ""
	}
	return string(d.bytes(int(n)))
}
