package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"iskbrief/internal/textenc"
)

var bom = []byte("\ufeff")

// maxHeaderFields caps a header's columns (GTD has 135).
const maxHeaderFields = 4096

// ReadFile reads one export. See Read.
func ReadFile(path string, o Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Reason: err.Error()}
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, &Error{File: path, Reason: "is a directory, not a file"}
		}
		size = st.Size()
	}
	// The whole file is scanned for its encoding before the read, so a
	// Latin-1 "Türkiye" on the last line keeps its country too; a workbook
	// is binary and has none.
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, &Error{File: path, Reason: err.Error()}
	}
	if !isXLSX(head[:n]) {
		enc, err := textenc.Detect(f)
		if err != nil {
			return nil, &Error{File: path, Reason: err.Error()}
		}
		o.encoding = enc
	}
	return Read(f, path, size, o)
}

// Read reads one export from r; name is used in messages and size (≤ 0 when
// unknown) for progress and to size the result. It returns a Result with at
// least one event, or an error: *Error for a refused file, ErrCanceled, or
// an I/O error wrapped in *Error.
func Read(r io.Reader, name string, size int64, o Options) (*Result, error) {
	if o.MaxProblems <= 0 {
		o.MaxProblems = 100
	}
	if o.Workers <= 0 {
		o.Workers = min(runtime.GOMAXPROCS(0), 4)
	}
	f, err := newFilter(o)
	if err != nil {
		return nil, &Error{File: name, Reason: err.Error()}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1024)
	xlsx := isXLSX(head)
	enc := o.encoding
	if enc == textenc.UTF8 && !xlsx {
		enc = textenc.Sniff(head)
	}
	if enc != textenc.UTF8 && !xlsx {
		br = bufio.NewReaderSize(textenc.Decode(br, enc), 64<<10)
		if enc != textenc.Windows1252 {
			size /= 2 // progress counts decoded bytes: about half of UTF-16's
		}
		head, _ = br.Peek(1024)
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	var res *Result
	if xlsx {
		res, err = readXLSX(br, name, o, f)
	} else if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		res, err = readGeoJSON(br, name, size, o, f)
	} else {
		res, err = readCSV(br, name, size, o, f)
	}
	if err != nil {
		var e *Error
		if errors.Is(err, ErrCanceled) || errors.As(err, &e) {
			return nil, err
		}
		return nil, &Error{File: name, Reason: err.Error()}
	}
	res.Encoding = enc
	if res.Kept == 0 {
		return nil, &Error{File: name, Reason: noRowsReason(res), Result: res}
	}
	return res, nil
}

func noRowsReason(r *Result) string {
	if r.Rows == 0 {
		return "no usable rows: the file has a header but no data rows"
	}
	var parts []string
	if r.SkippedTotal > 0 {
		reasons := make([]string, 0, len(r.SkippedByReason))
		for k, n := range r.SkippedByReason {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, n))
		}
		slices.Sort(reasons)
		parts = append(parts, fmt.Sprintf("%d skipped (%s)", r.SkippedTotal, strings.Join(reasons, ", ")))
	}
	if r.FilteredActor > 0 {
		parts = append(parts, fmt.Sprintf("%d not matching the actor filter (%s)", r.FilteredActor, r.Filter))
	}
	if r.FilteredCountry > 0 {
		parts = append(parts, fmt.Sprintf("%d outside the countries asked for", r.FilteredCountry))
	}
	return fmt.Sprintf("no usable rows: of %d rows, %s", r.Rows, strings.Join(parts, "; "))
}

type job struct {
	seq  int
	data []byte // records to parse
	buf  []byte // the buffer to recycle afterwards
	line int
}

// chunkOut is what a worker found in one chunk.
type chunkOut struct {
	seq                             int
	bytes                           int
	evs                             []Event
	probs                           []Problem
	reasons                         map[string]int
	rows, skipped, fActor, fCountry int
	fatal                           *Error // the chunk cannot be read at all (File not set)
}

func readCSV(r io.Reader, name string, size int64, o Options, flt *filter) (*Result, error) {
	ch := newChunker(r, size, &o)
	data, line, err := ch.next()
	if err != nil && err != io.EOF {
		return nil, err
	}
	buf := data
	if bytes.HasPrefix(data, bom) {
		data = data[len(bom):]
	}
	// Blank lines before the header are tolerated.
	for len(data) > 0 {
		n := nextLine(data)
		if !blank(data[:n]) {
			break
		}
		data, line = data[n:], line+bytes.Count(data[:n], nl)
	}
	if len(data) == 0 {
		return nil, &Error{File: name, Reason: "empty file: expected a CSV header row or a GeoJSON FeatureCollection"}
	}
	sp := splitter{maxFields: maxHeaderFields}
	used, lines, cerr := sp.split(data)
	if cerr != nil {
		return nil, &Error{File: name, Line: line, Reason: "header row: malformed CSV: " + cerr.msg}
	}
	header := make([]string, len(sp.fields))
	for i, f := range sp.fields {
		header[i] = string(f)
	}
	layout, err := Detect(header)
	if err != nil {
		return nil, &Error{File: name, Line: line, Reason: err.Error(), Err: err}
	}
	data, line = data[used:], line+lines
	res := &Result{File: name, Layout: layout, Filter: flt.describe(layout), SkippedByReason: map[string]int{}}
	// An HDX copy has a second row of #hashtags (HXL): skip it.
	if len(data) > 0 {
		used, lines, cerr := sp.split(data)
		if cerr == nil && hashtags(sp.fields) {
			data, line = data[used:], line+lines
			res.HashtagRow = true
		}
	}

	proto := newWorker(layout, header, newCols(layout, header), flt, o.MaxProblems)
	proto.skipQuotes = o.SkipBrokenQuotes
	workers := max(o.Workers, 1)
	proto.evPool = make(chan []Event, 2*workers+2)
	jobs := make(chan job, workers)
	results := make(chan chunkOut, workers)
	var readErr error
	go func() {
		defer close(jobs)
		jobs <- job{seq: 0, data: data, buf: buf, line: line}
		for seq := 1; ; seq++ {
			b, l, err := ch.next()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			jobs <- job{seq: seq, data: b, buf: b, line: l}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := proto.clone()
			for j := range jobs {
				var out chunkOut
				if !canceled(o.Cancel) {
					out = w.chunk(j.data, j.line)
				}
				out.seq = j.seq
				ch.recycle(j.buf)
				results <- out
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]chunkOut{}
	nextSeq := 0
	var fatal *Error
	for out := range results {
		pending[out.seq] = out
		for {
			c, ok := pending[nextSeq]
			if !ok {
				break
			}
			delete(pending, nextSeq)
			nextSeq++
			if c.fatal != nil && fatal == nil {
				fatal = c.fatal
			}
			res.merge(c, size, o.MaxProblems)
			select {
			case proto.evPool <- c.evs[:0]:
			default:
			}
		}
	}
	if canceled(o.Cancel) {
		return nil, ErrCanceled
	}
	if fatal != nil {
		fatal.File = name
		return nil, fatal
	}
	if readErr != nil {
		if errors.Is(readErr, ErrCanceled) {
			return nil, ErrCanceled
		}
		return nil, &Error{File: name, Reason: readErr.Error()}
	}
	res.finish()
	return res, nil
}

// merge adds a chunk's findings, in file order.
func (r *Result) merge(c chunkOut, size int64, maxProblems int) {
	if r.Events == nil && len(c.evs) > 0 && size > 0 && c.bytes > 0 {
		// Size the slice once from the first chunk's density, so a million
		// rows do not go through append's copy-and-double.
		est := len(c.evs) + int(float64(len(c.evs))*float64(size)/float64(c.bytes)*1.02)
		est = min(est, int(size/16)+len(c.evs))
		r.Events = make([]Event, 0, est)
	}
	r.Events = append(r.Events, c.evs...)
	r.Rows += c.rows
	r.SkippedTotal += c.skipped
	r.FilteredActor += c.fActor
	r.FilteredCountry += c.fCountry
	for k, n := range c.reasons {
		r.SkippedByReason[k] += n
	}
	if room := maxProblems - len(r.Skipped); room > 0 {
		r.Skipped = append(r.Skipped, c.probs[:min(room, len(c.probs))]...)
	}
}

func (r *Result) finish() {
	r.Kept = len(r.Events)
	r.Filtered = r.FilteredActor + r.FilteredCountry
	if cap(r.Events) > 2*len(r.Events)+1024 {
		r.Events = slices.Clone(r.Events)
	}
}

func hashtags(fields [][]byte) bool {
	n := 0
	for _, f := range fields {
		f = trim(f)
		if len(f) == 0 {
			continue
		}
		if f[0] != '#' {
			return false
		}
		n++
	}
	return n > 0
}
