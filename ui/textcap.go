package ui

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Text from imported files can be any size, and Fyne's word wrapping
// measures every character on the UI thread: a 100 KB note froze the window
// for a minute. The detail panel lays out at most these many characters of
// any one text; the rest is a click away (copied, never laid out).
const (
	maxNoteChars  = 2000
	maxFieldChars = 400
	maxLinkChars  = 100
)

// capText returns s cut to at most n characters at a word boundary, with
// "…", and whether it was cut.
func capText(s string, n int) (string, bool) {
	if utf8.RuneCountInString(s) <= n {
		return s, false
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	t := s[:cut]
	if i := strings.LastIndexAny(t, " \n\t"); i > len(t)*3/4 {
		t = t[:i]
	}
	return strings.TrimRight(t, " \n\t,;:") + "…", true
}

// bidiControls are the Unicode directional formatting characters: in a link
// they make the text show something other than what it opens.
var bidiControls = strings.NewReplacer(
	"\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "",
	"\u200e", "", "\u200f", "", "\u061c", "",
)

func stripBidi(s string) string { return bidiControls.Replace(s) }

// linkText is how a link shows: no directional controls, at most
// maxLinkChars (shortened in the middle, so host and ending show), and, for
// a bare address (the text is the link itself), the host first and plainly.
func linkText(text string, u *url.URL, bare bool) string {
	text = stripBidi(strings.TrimSpace(text))
	if u != nil && bare {
		rest := strings.TrimPrefix(strings.TrimPrefix(text, u.Scheme+"://"), u.Host)
		text = u.Host
		if rest != "" && rest != "/" {
			text += " · " + rest
		}
	}
	r := []rune(text)
	if len(r) <= maxLinkChars {
		return text
	}
	head, tail := maxLinkChars*2/3, maxLinkChars/3-1
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}
