package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"iskbrief/internal/textenc"
)

const genericRows = "date,latitude,longitude,killed,country,place\n" +
	"2024-03-22,55.8258,37.3903,145,Russia,Krasnogorsk\n"

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// UTF-16 as Excel's "Unicode text" writes it, with or without a BOM, in
// either byte order, reads like the UTF-8 file and says how it was read.
func TestUTF16FilesAreDecoded(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name     string
		be, bom  bool
		encoding string
	}{
		{"le-bom.csv", false, true, textenc.UTF16LE},
		{"le.csv", false, false, textenc.UTF16LE},
		{"be-bom.csv", true, true, textenc.UTF16BE},
		{"be.csv", true, false, textenc.UTF16BE},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, utf16Bytes(genericRows, c.be, c.bom), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := ReadFile(p, Options{Actor: "all"})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if r.Encoding != c.encoding || r.Kept != 1 || r.Events[0].Country != "RUS" || r.Events[0].Place != "Krasnogorsk" {
			t.Errorf("%s: encoding %q, %d kept, %+v", c.name, r.Encoding, r.Kept, r.Events)
		}
	}
}

// A Latin-1 file whose only accented letter is on its last line, far past
// any header sniffing, keeps "Türkiye" and its country.
func TestLatin1FileKeepsItsCountries(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,latitude,longitude,killed,country,place\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("2024-03-22,55.8258,37.3903,1,Russia,Krasnogorsk\n")
	}
	b.WriteString("2024-01-28,41.1090,29.0540,1,T\xfcrkiye,Istanbul\n") // ü in Latin-1
	p := filepath.Join(t.TempDir(), "latin1.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := ReadFile(p, Options{Actor: "all"})
	if err != nil {
		t.Fatal(err)
	}
	last := r.Events[len(r.Events)-1]
	if r.Encoding != textenc.Windows1252 || last.CountryName != "Türkiye" || last.Country != "TUR" {
		t.Errorf("encoding %q, last event %q → %q", r.Encoding, last.CountryName, last.Country)
	}
	// A UTF-8 file is read as it is and says nothing about encodings.
	u := filepath.Join(t.TempDir(), "utf8.csv")
	os.WriteFile(u, []byte(strings.ReplaceAll(b.String(), "T\xfcrkiye", "Türkiye")), 0o644)
	if r, err := ReadFile(u, Options{Actor: "all"}); err != nil || r.Encoding != "" || r.Events[len(r.Events)-1].Country != "TUR" {
		t.Errorf("UTF-8: %v, encoding %q", err, r.Encoding)
	}
}
