package importer

import (
	"bytes"
	"math"
	"strconv"
	"time"

	"iskbrief/internal/events"
)

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

func digits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func month(b []byte) int {
	if len(b) < 3 {
		return 0
	}
	for i, n := range monthNames {
		if len(b) == 3 || len(b) == len(n) {
			if bytes.EqualFold(b, []byte(n[:len(b)])) {
				return i + 1
			}
		}
	}
	if len(b) == 4 && bytes.EqualFold(b, []byte("sept")) {
		return 9
	}
	return 0
}

func mkdate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > events.DaysInMonth(y, m) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// parseDay reads a full date: YYYY-MM-DD (optionally followed by a time, as
// UCDP writes "2017-06-07 00:00:00.000"), "22 March 2024", "22-March-2024",
// "22 Mar 2024" or day-first DD/MM/YYYY (ACLED's European order).
func parseDay(b []byte) (time.Time, bool) {
	if len(b) >= 10 && b[4] == '-' && b[7] == '-' {
		if len(b) > 10 && b[10] != ' ' && b[10] != 'T' {
			return time.Time{}, false
		}
		y, ok1 := digits(b[:4])
		m, ok2 := digits(b[5:7])
		d, ok3 := digits(b[8:10])
		if !ok1 || !ok2 || !ok3 {
			return time.Time{}, false
		}
		return mkdate(y, m, d)
	}
	if i := bytes.IndexByte(b, '/'); i > 0 {
		j := bytes.IndexByte(b[i+1:], '/')
		if j < 0 {
			return time.Time{}, false
		}
		d, ok1 := digits(b[:i])
		m, ok2 := digits(b[i+1 : i+1+j])
		y, ok3 := digits(b[i+2+j:])
		if !ok1 || !ok2 || !ok3 || i > 2 || j > 2 || len(b)-(i+2+j) != 4 {
			return time.Time{}, false
		}
		return mkdate(y, m, d)
	}
	// D Month YYYY or D-Month-YYYY
	sep := func(c byte) bool { return c == ' ' || c == '-' }
	i := 0
	for i < len(b) && !sep(b[i]) {
		i++
	}
	if i == 0 || i > 2 || i >= len(b) {
		return time.Time{}, false
	}
	j := i + 1
	for j < len(b) && !sep(b[j]) {
		j++
	}
	if j >= len(b) || j+5 != len(b) {
		return time.Time{}, false
	}
	d, ok1 := digits(b[:i])
	m := month(b[i+1 : j])
	y, ok3 := digits(b[j+1:])
	if !ok1 || m == 0 || !ok3 {
		return time.Time{}, false
	}
	return mkdate(y, m, d)
}

// parseAnyDate also accepts YYYY-MM (month precision) and YYYY (year).
func parseAnyDate(b []byte) (time.Time, DatePrecision, bool) {
	if t, ok := parseDay(b); ok {
		return t, Day, true
	}
	if len(b) == 7 && b[4] == '-' {
		y, ok1 := digits(b[:4])
		m, ok2 := digits(b[5:])
		if t, ok := mkdate(y, m, 1); ok && ok1 && ok2 {
			return t, Month, true
		}
	}
	if len(b) == 4 {
		if y, ok := digits(b); ok {
			if t, ok := mkdate(y, 1, 1); ok {
				return t, Year, true
			}
		}
	}
	return time.Time{}, Day, false
}

// parseCoord reads decimal degrees within ±limit.
func parseCoord(b []byte, limit float64) (float64, bool) {
	if len(b) == 0 || len(b) > 40 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || !(v >= -limit && v <= limit) {
		return 0, false
	}
	return v, true
}

const maxCount = 10_000_000

// parseCount reads a casualty figure. Empty is unknown (-1). A negative
// figure is unknown when negUnknown (GTD's -9/-99), else invalid. "12.0" is
// accepted (spreadsheet round trips).
func parseCount(b []byte, negUnknown bool) (int32, bool) {
	if len(b) == 0 {
		return -1, true
	}
	if n, ok := digits(b); ok {
		if n > maxCount {
			return 0, false
		}
		return int32(n), true
	}
	if len(b) > 40 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsNaN(v) || v != math.Trunc(v) || v > maxCount {
		return 0, false
	}
	if v < 0 {
		if negUnknown {
			return -1, true
		}
		return 0, false
	}
	return int32(v), true
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsFold reports whether s contains the lower-case ASCII needle,
// ignoring ASCII case.
func containsFold(s []byte, needle string) bool {
	n := len(needle)
	if n == 0 {
		return true
	}
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) != needle[0] {
			continue
		}
		j := 1
		for j < n && lowerASCII(s[i+j]) == needle[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

func trim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func quote(b []byte) string {
	if len(b) > 60 {
		return strconv.Quote(string(b[:60])) + "…"
	}
	return strconv.Quote(string(b))
}
