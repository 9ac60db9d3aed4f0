package importer

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"

	"iskbrief/internal/events"
)

// countries maps lower-case English names (as ACLED, GTD and UCDP write them)
// and ISO 3166 numeric codes to ISO3, for the region the app covers.
var countries = map[string]string{}

func init() {
	for _, c := range []struct {
		iso3, num string
		names     []string
	}{
		{"AFG", "4", []string{"Afghanistan"}},
		{"PAK", "586", []string{"Pakistan"}},
		{"IRN", "364", []string{"Iran", "Iran (Islamic Republic of)", "Iran, Islamic Republic of", "Islamic Republic of Iran"}},
		{"TUR", "792", []string{"Turkey", "Türkiye", "Turkiye"}},
		{"RUS", "643", []string{"Russia", "Russian Federation", "Russia (Soviet Union)"}},
		{"TJK", "762", []string{"Tajikistan"}},
		{"UZB", "860", []string{"Uzbekistan"}},
		{"TKM", "795", []string{"Turkmenistan"}},
		{"KGZ", "417", []string{"Kyrgyzstan", "Kyrgyz Republic"}},
		{"KAZ", "398", []string{"Kazakhstan"}},
		{"IND", "356", []string{"India"}},
		{"CHN", "156", []string{"China", "People's Republic of China"}},
		{"IRQ", "368", []string{"Iraq"}},
		{"SYR", "760", []string{"Syria", "Syrian Arab Republic"}},
		{"AZE", "31", []string{"Azerbaijan"}},
		{"GEO", "268", []string{"Georgia"}},
		{"ARM", "51", []string{"Armenia"}},
	} {
		countries[strings.ToLower(c.iso3)] = c.iso3
		countries[c.num] = c.iso3
		countries["0"+c.num] = c.iso3
		countries["00"+c.num] = c.iso3
		for _, n := range c.names {
			countries[strings.ToLower(n)] = c.iso3
		}
	}
}

// ISO3 returns the ISO3 code of an English country name, an ISO3 code or an
// ISO numeric code in the region the app covers (Afghanistan, Pakistan, Iran,
// Turkey, Russia and their neighbours), or "" for any other country.
func ISO3(s string) string {
	return countries[strings.ToLower(strings.TrimSpace(s))]
}

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
