package importer

import "bytes"

// codeTable maps the codes a layout writes in one column (ACLED's
// geo_precision "1", the generic layout's "town") to values.
type codeTable[T any] struct {
	reason string // the skip reason when a code is not in the table
	expect string // the codes as a message lists them
	codes  map[string]T
}

// read looks column col of the current row up, case-insensitively, and
// stores the value in dst, or returns the row's problem.
func (t codeTable[T]) read(w *worker, col int, dst *T) *Problem {
	b := w.f(col)
	v, ok := t.codes[string(b)]
	if !ok {
		v, ok = t.codes[string(bytes.ToLower(b))]
	}
	if !ok {
		return bad(col, t.reason, "%s: expected %s", quote(b), t.expect)
	}
	*dst = v
	return nil
}
