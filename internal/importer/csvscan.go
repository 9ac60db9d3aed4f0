package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

const (
	blockSize = 2 << 20  // bytes read per chunk
	maxRecord = 16 << 20 // a CSV record longer than this is a broken file
)

// chunker cuts a CSV stream into chunks of whole records. A newline ends a
// record when an even number of quotes precede it in the record (RFC 4180:
// quotes inside quoted fields are doubled), so chunks can be parsed
// independently.
type chunker struct {
	r        io.Reader
	carry    []byte // the start of a record that the last chunk cut off
	line     int    // line number of the next chunk's first line
	done     int64
	total    int64
	progress func(done, total int64)
	cancel   <-chan struct{}
	eof      bool
	free     chan []byte
}

func newChunker(r io.Reader, total int64, o *Options) *chunker {
	return &chunker{r: r, line: 1, total: total, progress: o.Progress, cancel: o.Cancel, free: make(chan []byte, 8)}
}

func (c *chunker) buffer(n int) []byte {
	select {
	case b := <-c.free:
		if cap(b) >= n {
			return b[:0]
		}
	default:
	}
	return make([]byte, 0, max(n, blockSize))
}

// recycle returns a chunk's buffer once nothing refers to it.
func (c *chunker) recycle(b []byte) {
	if cap(b) != blockSize {
		return
	}
	select {
	case c.free <- b:
	default:
	}
}

func canceled(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// next returns the next chunk and the line number of its first line, or
// io.EOF after the last one.
func (c *chunker) next() ([]byte, int, error) {
	if c.eof && len(c.carry) == 0 {
		return nil, c.line, io.EOF
	}
	b := c.buffer(blockSize)
	b = append(b, c.carry...)
	c.carry = c.carry[:0]
	for {
		if canceled(c.cancel) {
			return nil, c.line, ErrCanceled
		}
		if !c.eof && len(b) < cap(b) {
			n, err := io.ReadFull(c.r, b[len(b):cap(b)])
			b = b[:len(b)+n]
			c.done += int64(n)
			if c.progress != nil && n > 0 {
				c.progress(c.done, c.total)
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				c.eof = true
			} else if err != nil {
				return nil, c.line, err
			}
		}
		if c.eof {
			line := c.line
			c.line += bytes.Count(b, nl)
			return b, line, nil
		}
		if cut := lastRecordEnd(b); cut >= 0 {
			c.carry = append(c.carry, b[cut+1:]...)
			b = b[:cut+1]
			line := c.line
			c.line += bytes.Count(b, nl)
			return b, line, nil
		}
		// One record fills the buffer: grow it, up to maxRecord.
		if len(b) >= maxRecord {
			return nil, c.line, fmt.Errorf("line %d: a record runs over %d MB: a quoted field is probably never closed", c.line, maxRecord>>20)
		}
		nb := make([]byte, len(b), 2*cap(b))
		copy(nb, b)
		c.recycle(b)
		b = nb
	}
}

var nl = []byte{'\n'}

// The record-boundary rules, shared by the chunker and the splitter so they
// always agree: a quote opens a quoted field only at the start of a field
// (after a comma, a newline or at the start of the record); inside a quoted
// field a doubled quote is a quote and a single one closes the field; a
// newline outside quoted fields ends the record. A quote in the middle of an
// unquoted field (a malformed row) is taken literally, so one bad row never
// swallows the rows after it.

// skipQuoted returns the index just past the quote closing the quoted field
// that starts at b[j] (just after its opening quote), or -1 if b ends first.
func skipQuoted(b []byte, j int) int {
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return -1
		}
		j += k
		if j+1 < len(b) && b[j+1] == '"' {
			j += 2
			continue
		}
		return j + 1
	}
}

func opensQuote(b []byte, q int) bool { return q == 0 || b[q-1] == ',' || b[q-1] == '\n' }

// lastRecordEnd returns the index of the last newline in b that ends a
// record, with b starting at a record start, or -1.
func lastRecordEnd(b []byte) int {
	last := -1
	for pos := 0; pos < len(b); {
		q := bytes.IndexByte(b[pos:], '"')
		end := len(b)
		if q >= 0 {
			end = pos + q
		}
		if i := bytes.LastIndexByte(b[pos:end], '\n'); i >= 0 {
			last = pos + i
		}
		if q < 0 {
			break
		}
		if !opensQuote(b, end) {
			pos = end + 1
			continue
		}
		if pos = skipQuoted(b, end+1); pos < 0 {
			break
		}
	}
	return last
}

// recordEnd returns the length of the record at the start of b, including
// its newline, and the newlines it spans.
func recordEnd(b []byte) (int, int) {
	for pos := 0; ; {
		q := bytes.IndexByte(b[pos:], '"')
		end := len(b)
		if q >= 0 {
			end = pos + q
		}
		if i := bytes.IndexByte(b[pos:end], '\n'); i >= 0 {
			n := pos + i + 1
			return n, bytes.Count(b[:n], nl)
		}
		if q < 0 {
			return len(b), bytes.Count(b, nl)
		}
		if !opensQuote(b, end) {
			pos = end + 1
			continue
		}
		if pos = skipQuoted(b, end+1); pos < 0 {
			return len(b), bytes.Count(b, nl)
		}
	}
}

// splitter splits CSV records into fields, strictly as RFC 4180 (the rules
// encoding/csv applies without LazyQuotes). Fields are slices of the input,
// or of scratch when they contained doubled quotes.
type splitter struct {
	fields  [][]byte
	scratch []byte
	// maxFields caps the fields of one record (0: no cap): a 10 MB line of
	// commas is refused as one bad row instead of becoming 5M slices.
	maxFields int
}

// csvError is a malformed record: which field and why.
type csvError struct {
	field    int
	msg      string
	unclosed bool // a quoted field runs to the end of the input
}

// split reads the record at the start of b. It returns the bytes the record
// used (including its newline) and the newlines it spans. On error the
// whole record, by the quote-parity rule, is consumed.
func (s *splitter) split(b []byte) (used, lines int, cerr *csvError) {
	s.fields = s.fields[:0]
	s.scratch = s.scratch[:0]
	i := 0
	for {
		if s.maxFields > 0 && len(s.fields) >= s.maxFields {
			used, l := recordEnd(b)
			return used, l, &csvError{field: s.maxFields, msg: fmt.Sprintf("more than %d fields in one row", s.maxFields)}
		}
		if i < len(b) && b[i] == '"' {
			start := i + 1
			j := start
			esc := false
			mark := len(s.scratch)
			for {
				k := bytes.IndexByte(b[j:], '"')
				if k < 0 {
					used, lines = recordEnd(b)
					return used, lines, &csvError{field: len(s.fields), msg: "a quoted field is never closed", unclosed: true}
				}
				if j+k+1 < len(b) && b[j+k+1] == '"' {
					s.scratch = append(s.scratch, b[j:j+k+1]...)
					j += k + 2
					esc = true
					continue
				}
				if esc {
					s.scratch = append(s.scratch, b[j:j+k]...)
					s.fields = append(s.fields, s.scratch[mark:len(s.scratch):len(s.scratch)])
				} else {
					s.fields = append(s.fields, b[start:j+k])
				}
				lines += bytes.Count(b[start:j+k], nl)
				i = j + k + 1
				break
			}
			switch {
			case i == len(b):
				return i, lines, nil
			case b[i] == ',':
				i++
				continue
			case b[i] == '\n':
				return i + 1, lines + 1, nil
			case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
				return i + 2, lines + 1, nil
			case b[i] == '\r' && i+1 == len(b):
				return i + 1, lines, nil
			}
			col := len(s.fields) - 1
			used, l := recordEnd(b)
			return used, l, &csvError{field: col, msg: "extraneous characters after a closing quote"}
		}
		// Unquoted field.
		rest := b[i:]
		k := bytes.IndexByte(rest, ',')
		f := rest
		if k >= 0 {
			f = rest[:k]
		}
		endRec := false
		if n := bytes.IndexByte(f, '\n'); n >= 0 {
			f = f[:n]
			endRec = true
		}
		if bytes.IndexByte(f, '"') >= 0 {
			col := len(s.fields)
			used, l := recordEnd(b)
			return used, l, &csvError{field: col, msg: `a quote (") inside an unquoted field`}
		}
		i += len(f)
		if endRec {
			f = bytes.TrimSuffix(f, []byte{'\r'})
			s.fields = append(s.fields, f)
			return i + 1, lines + 1, nil
		}
		if k < 0 {
			s.fields = append(s.fields, bytes.TrimSuffix(f, []byte{'\r'}))
			return i, lines, nil
		}
		s.fields = append(s.fields, f)
		i++ // the comma
	}
}

// blank reports whether a record is an empty line.
func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// nextLine returns the length of the line at the start of b, with its newline.
func nextLine(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}
