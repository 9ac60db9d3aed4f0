package basemap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"

	"github.com/paulmach/orb"
)

// File format (version 2; version 1 had no borders section), all integers unsigned LEB128 varints unless said:
//
//	"ISKBMAP" version(1 byte)
//	header: totals of points, rings, polygons and line strings over the whole
//	        file (so the decoder allocates each kind once), then the region bound
//	sections, in order: countries, provinces, lakes (features), coastlines,
//	        borders, rivers (lines), cities; each is a count followed by its
//	        items
//	crc32 (IEEE) of everything before it, 4 bytes little-endian
//
// Coordinates are quantised to 1/2^26 of a projected unit (~0.6 m at the
// equator). Geometry coordinates are zigzag deltas from a cursor that runs
// through the whole file; labels, bounds and city positions are absolute.
// A ring is written as (n<<1 | closed) and n points; a closed ring's repeated
// first point is not stored.

const (
	magic      = "ISKBMAP"
	version    = 2
	quantScale = 1 << 26
)

// ErrCorrupt is wrapped by every Decode error about malformed data.
var ErrCorrupt = errors.New("basemap: corrupt or truncated data")

// ErrVersion is wrapped by the Decode error for a file of another format
// version than this build reads.
var ErrVersion = errors.New("basemap: unsupported format version")

// ---------------------------------------------------------------- encoding

type encoder struct {
	buf    []byte
	cx, cy int64
	err    error
}

func (e *encoder) uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

func (e *encoder) varint(v int64) { e.buf = binary.AppendVarint(e.buf, v) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) quant(v float64) int64 {
	if math.IsNaN(v) || v < 0 || v > 1 {
		if e.err == nil {
			e.err = fmt.Errorf("basemap: coordinate %v outside [0,1]", v)
		}
		return 0
	}
	return int64(math.Round(v * quantScale))
}

func (e *encoder) absPoint(p orb.Point) {
	e.uvarint(uint64(e.quant(p[0])))
	e.uvarint(uint64(e.quant(p[1])))
}

func (e *encoder) bound(b orb.Bound) {
	e.absPoint(b.Min)
	e.absPoint(b.Max)
}

func (e *encoder) points(pts []orb.Point) {
	for _, p := range pts {
		x, y := e.quant(p[0]), e.quant(p[1])
		e.varint(x - e.cx)
		e.varint(y - e.cy)
		e.cx, e.cy = x, y
	}
}

func (e *encoder) ring(r orb.Ring) {
	n := len(r)
	closed := uint64(0)
	if n >= 2 && r[0] == r[n-1] {
		n--
		closed = 1
	}
	e.uvarint(uint64(n)<<1 | closed)
	e.points(r[:n])
}

type totals struct{ points, rings, polys, lines uint64 }

func (t *totals) features(fs []Feature) {
	for i := range fs {
		for _, mp := range fs[i].Geom {
			t.polys += uint64(len(mp))
			for _, p := range mp {
				t.rings += uint64(len(p))
				for _, r := range p {
					t.points += uint64(len(r)) // a closing point is rebuilt on decode
				}
			}
		}
	}
}

func (t *totals) lineSet(ls []Line) {
	for i := range ls {
		for _, mls := range ls[i].Geom {
			t.lines += uint64(len(mls))
			for _, l := range mls {
				t.points += uint64(len(l))
			}
		}
	}
}

// Encode writes the basemap in the compact binary format read by Decode.
// Coordinates must be projected (within [0,1]). The output depends only on
// the input, so the same basemap always gives the same bytes.
func Encode(b *Basemap) ([]byte, error) {
	if b == nil {
		return nil, errors.New("basemap: Encode of nil Basemap")
	}
	var t totals
	t.features(b.Countries)
	t.features(b.Provinces)
	t.features(b.Lakes)
	t.lineSet(b.Coastlines)
	t.lineSet(b.Borders)
	t.lineSet(b.Rivers)

	e := &encoder{buf: make([]byte, 0, 1<<20)}
	e.buf = append(e.buf, magic...)
	e.buf = append(e.buf, version)
	e.uvarint(t.points)
	e.uvarint(t.rings)
	e.uvarint(t.polys)
	e.uvarint(t.lines)
	e.bound(b.Bound)

	for _, fs := range [][]Feature{b.Countries, b.Provinces, b.Lakes} {
		e.uvarint(uint64(len(fs)))
		for i := range fs {
			f := &fs[i]
			e.str(f.Name)
			e.str(f.Code)
			e.absPoint(f.Label)
			e.bound(f.Bound)
			for _, mp := range f.Geom {
				e.uvarint(uint64(len(mp)))
				for _, p := range mp {
					e.uvarint(uint64(len(p)))
					for _, r := range p {
						e.ring(r)
					}
				}
			}
		}
	}
	for _, ls := range [][]Line{b.Coastlines, b.Borders, b.Rivers} {
		e.uvarint(uint64(len(ls)))
		for i := range ls {
			l := &ls[i]
			e.str(l.Name)
			e.bound(l.Bound)
			for _, mls := range l.Geom {
				e.uvarint(uint64(len(mls)))
				for _, s := range mls {
					e.uvarint(uint64(len(s)))
					e.points(s)
				}
			}
		}
	}
	e.uvarint(uint64(len(b.Cities)))
	for i := range b.Cities {
		c := &b.Cities[i]
		if c.Population < 0 {
			return nil, fmt.Errorf("basemap: city %q has negative population", c.Name)
		}
		e.str(c.Name)
		e.str(c.Country)
		e.absPoint(c.Pos)
		e.uvarint(uint64(c.Population))
		if c.Capital {
			e.buf = append(e.buf, 1)
		} else {
			e.buf = append(e.buf, 0)
		}
	}
	if e.err != nil {
		return nil, e.err
	}
	e.buf = binary.LittleEndian.AppendUint32(e.buf, crc32.ChecksumIEEE(e.buf))
	return e.buf, nil
}

// ---------------------------------------------------------------- decoding

type decoder struct {
	buf    []byte
	pos    int
	cx, cy int64
	err    error

	pts   []orb.Point
	rings []orb.Ring
	polys []orb.Polygon
	lines []orb.LineString
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at byte %d", ErrCorrupt, what, d.pos)
	}
	d.pos = len(d.buf) // stop every further read
}

func (d *decoder) uvarint() uint64 {
	if d.pos < len(d.buf) {
		if b := d.buf[d.pos]; b < 0x80 {
			d.pos++
			return uint64(b)
		}
	}
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.pos += n
	return v
}

// count reads a count of items that each take at least minBytes bytes, and
// rejects counts the remaining data cannot hold.
func (d *decoder) count(minBytes int) int {
	v := d.uvarint()
	if d.err != nil {
		return 0
	}
	if v > uint64(len(d.buf)-d.pos)/uint64(minBytes) {
		d.fail("count too large")
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	s := string(d.buf[d.pos : d.pos+n])
	d.pos += n
	return s
}

func (d *decoder) absPoint() orb.Point {
	x := d.uvarint()
	y := d.uvarint()
	return orb.Point{float64(x) / quantScale, float64(y) / quantScale}
}

func (d *decoder) bound() orb.Bound {
	return orb.Bound{Min: d.absPoint(), Max: d.absPoint()}
}

// points decodes n delta-coded points into the next n slots of the point slab
// (plus one for a closing point if closed) and returns them.
func (d *decoder) points(n int, closed bool) []orb.Point {
	m := n
	if closed && n > 0 {
		m++
	}
	if m > len(d.pts) {
		d.fail("more points than declared")
		return nil
	}
	out := d.pts[:m:m]
	d.pts = d.pts[m:]
	buf, pos := d.buf, d.pos
	cx, cy := d.cx, d.cy
	for i := 0; i < n; i++ {
		var u [2]uint64
		for k := 0; k < 2; k++ {
			if pos < len(buf) && buf[pos] < 0x80 {
				u[k] = uint64(buf[pos])
				pos++
				continue
			}
			v, w := binary.Uvarint(buf[pos:])
			if w <= 0 {
				d.pos = pos
				d.fail("bad point")
				return nil
			}
			u[k] = v
			pos += w
		}
		cx += int64(u[0]>>1) ^ -int64(u[0]&1)
		cy += int64(u[1]>>1) ^ -int64(u[1]&1)
		out[i] = orb.Point{float64(cx) / quantScale, float64(cy) / quantScale}
	}
	if m > n {
		out[n] = out[0]
	}
	d.pos = pos
	d.cx, d.cy = cx, cy
	return out
}

func (d *decoder) multiPolygon() orb.MultiPolygon {
	np := d.count(1)
	if d.err != nil || np == 0 {
		return nil
	}
	if np > len(d.polys) {
		d.fail("more polygons than declared")
		return nil
	}
	mp := orb.MultiPolygon(d.polys[:np:np])
	d.polys = d.polys[np:]
	for i := range mp {
		nr := d.count(1)
		if d.err != nil {
			return nil
		}
		if nr > len(d.rings) {
			d.fail("more rings than declared")
			return nil
		}
		p := orb.Polygon(d.rings[:nr:nr])
		d.rings = d.rings[nr:]
		for j := range p {
			h := d.uvarint()
			if d.err != nil {
				return nil
			}
			n := h >> 1
			if n > uint64(len(d.buf)-d.pos)/2 {
				d.fail("ring too long")
				return nil
			}
			p[j] = orb.Ring(d.points(int(n), h&1 == 1))
			if d.err != nil {
				return nil
			}
		}
		mp[i] = p
	}
	return mp
}

func (d *decoder) multiLineString() orb.MultiLineString {
	nl := d.count(1)
	if d.err != nil || nl == 0 {
		return nil
	}
	if nl > len(d.lines) {
		d.fail("more lines than declared")
		return nil
	}
	mls := orb.MultiLineString(d.lines[:nl:nl])
	d.lines = d.lines[nl:]
	for i := range mls {
		n := d.count(2)
		if d.err != nil {
			return nil
		}
		mls[i] = orb.LineString(d.points(n, false))
		if d.err != nil {
			return nil
		}
	}
	return mls
}

func (d *decoder) features() []Feature {
	// name len + code len + label 2 + bound 4 + Levels counts
	n := d.count(2 + 6 + Levels)
	if d.err != nil || n == 0 {
		return nil
	}
	fs := make([]Feature, n)
	for i := range fs {
		f := &fs[i]
		f.Name = d.str()
		f.Code = d.str()
		f.Label = d.absPoint()
		f.Bound = d.bound()
		for l := range f.Geom {
			f.Geom[l] = d.multiPolygon()
		}
		if d.err != nil {
			return nil
		}
	}
	return fs
}

func (d *decoder) lineSet() []Line {
	n := d.count(1 + 4 + Levels)
	if d.err != nil || n == 0 {
		return nil
	}
	ls := make([]Line, n)
	for i := range ls {
		l := &ls[i]
		l.Name = d.str()
		l.Bound = d.bound()
		for k := range l.Geom {
			l.Geom[k] = d.multiLineString()
		}
		if d.err != nil {
			return nil
		}
	}
	return ls
}

func (d *decoder) cities() []City {
	n := d.count(2 + 2 + 1 + 1)
	if d.err != nil || n == 0 {
		return nil
	}
	cs := make([]City, n)
	for i := range cs {
		c := &cs[i]
		c.Name = d.str()
		c.Country = d.str()
		c.Pos = d.absPoint()
		pop := d.uvarint()
		if pop > math.MaxInt32 {
			d.fail("population out of range")
		}
		c.Population = int(pop)
		if d.pos >= len(d.buf) {
			d.fail("truncated city")
			return nil
		}
		c.Capital = d.buf[d.pos] == 1
		d.pos++
		if d.err != nil {
			return nil
		}
	}
	return cs
}

// Decode reads a basemap written by Encode. Malformed, truncated or
// corrupted input gives an error wrapping ErrCorrupt; Decode never panics.
// Geometry of the result shares a few large backing arrays: treat it as
// read-only.
func Decode(data []byte) (*Basemap, error) {
	hl := len(magic) + 1
	if len(data) < hl+4 {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrCorrupt, len(data))
	}
	if string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a basemap file (bad magic)", ErrCorrupt)
	}
	if v := data[len(magic)]; v != version {
		hint := "regenerate it with scripts/geodata.sh"
		if v > version {
			hint = "update the program"
		}
		return nil, fmt.Errorf("%w: data is version %d, this build reads version %d (%s)", ErrVersion, v, version, hint)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	d := &decoder{buf: body, pos: hl}
	nPts := d.uvarint()
	nRings := d.uvarint()
	nPolys := d.uvarint()
	nLines := d.uvarint()
	if d.err != nil {
		return nil, d.err
	}
	// A stored point takes at least 2 bytes, a ring, polygon or line at least
	// 1; closing points are not stored, at most one per ring.
	room := uint64(len(body))
	if nRings > room || nPolys > room || nLines > room || nPts > room/2+nRings {
		return nil, fmt.Errorf("%w: header totals exceed the data size", ErrCorrupt)
	}
	d.pts = make([]orb.Point, nPts)
	d.rings = make([]orb.Ring, nRings)
	d.polys = make([]orb.Polygon, nPolys)
	d.lines = make([]orb.LineString, nLines)

	b := &Basemap{}
	b.Bound = d.bound()
	b.Countries = d.features()
	b.Provinces = d.features()
	b.Lakes = d.features()
	b.Coastlines = d.lineSet()
	b.Borders = d.lineSet()
	b.Rivers = d.lineSet()
	b.Cities = d.cities()
	if d.err != nil {
		return nil, d.err
	}
	if d.pos != len(body) {
		return nil, fmt.Errorf("%w: %d bytes of trailing data", ErrCorrupt, len(body)-d.pos)
	}
	if len(d.pts) != 0 || len(d.rings) != 0 || len(d.polys) != 0 || len(d.lines) != 0 {
		return nil, fmt.Errorf("%w: header totals do not match the contents", ErrCorrupt)
	}
	return b, nil
}
