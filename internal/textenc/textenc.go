// Package textenc recognises the text encodings exports arrive in (UTF-8,
// UTF-16 from Excel's "Unicode text", Latin-1 from older tools) and decodes
// them to UTF-8, for the importer and for `--events` files alike.
package textenc

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings by name. Read as UTF-8, a Latin-1 "Türkiye" would silently
// lose its country, and UTF-16 would not even show a header.
const (
	UTF8        = ""
	UTF16LE     = "UTF-16 (little-endian)"
	UTF16BE     = "UTF-16 (big-endian)"
	Windows1252 = "Windows-1252 (Latin-1)"
)

// Sniff recognises UTF-16 from its byte-order mark or, without
// one, from the NUL bytes that ASCII text has in every other byte.
func Sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	n := len(head) &^ 1
	if n < 8 {
		return UTF8
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
		return UTF16LE
	case evenNUL*10 >= half*7 && oddNUL*10 < half:
		return UTF16BE
	}
	return UTF8
}

// Decode wraps r so it yields UTF-8 from the named encoding.
func Decode(r io.Reader, enc string) io.Reader {
	var e encoding.Encoding
	switch enc {
	case UTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case UTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case Windows1252:
		e = charmap.Windows1252
	default:
		return r
	}
	return transform.NewReader(r, e.NewDecoder())
}

// IsUTF8 reports whether all of r is valid UTF-8, reading it in blocks (a
// rune split across two blocks is carried over).
func IsUTF8(r io.Reader) (bool, error) {
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

// Detect tells a seekable file's encoding: UTF-16 from its first bytes,
// else Windows-1252 when the whole file is not valid UTF-8 (one streaming
// pass), else UTF-8. The file is left at its start.
func Detect(f io.ReadSeeker) (string, error) {
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	enc := Sniff(head[:n])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	if enc != UTF8 {
		return enc, nil
	}
	ok, err := IsUTF8(f)
	if err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	if !ok {
		return Windows1252, nil
	}
	return UTF8, nil
}
