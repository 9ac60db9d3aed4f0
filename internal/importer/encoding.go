package importer

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Text encodings an export may arrive in. Excel saves "Unicode text" as
// UTF-16 and older tools write Latin-1 (Windows-1252): read as UTF-8, a
// Latin-1 "Türkiye" would silently lose its country, and UTF-16 would not
// even show a header.
const (
	encUTF8        = ""
	encUTF16LE     = "UTF-16 (little-endian)"
	encUTF16BE     = "UTF-16 (big-endian)"
	encWindows1252 = "Windows-1252 (Latin-1)"
)

// sniffEncoding recognises UTF-16 from its byte-order mark or, without
// one, from the NUL bytes that ASCII text has in every other byte.
func sniffEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE
	}
	n := len(head) &^ 1
	if n < 8 {
		return encUTF8
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			evenNUL++
		}
		if head[i+1] == 0 {
			oddNUL++
		}
	}
	half := n / 2
	switch {
	case oddNUL*10 >= half*7 && evenNUL*10 < half:
		return encUTF16LE
	case evenNUL*10 >= half*7 && oddNUL*10 < half:
		return encUTF16BE
	}
	return encUTF8
}

// decodeAs wraps r so it yields UTF-8 from the named encoding.
func decodeAs(r io.Reader, enc string) io.Reader {
	var e encoding.Encoding
	switch enc {
	case encUTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case encUTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case encWindows1252:
		e = charmap.Windows1252
	default:
		return r
	}
	return transform.NewReader(r, e.NewDecoder())
}

// isUTF8 reports whether all of r is valid UTF-8, reading it in blocks (a
// rune split across two blocks is carried over).
func isUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 256<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		b := buf[:carry+n]
		// Hold back an incomplete rune at the end for the next block.
		keep := 0
		for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
			if c := b[len(b)-k]; utf8.RuneStart(c) {
				if !utf8.FullRune(b[len(b)-k:]) {
					keep = k
				}
				break
			}
		}
		if err == io.EOF {
			keep = 0
		}
		if !utf8.Valid(b[:len(b)-keep]) {
			return false, nil
		}
		carry = copy(buf, b[len(b)-keep:])
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}
