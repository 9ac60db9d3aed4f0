package textenc

import (
	"strings"
	"testing"
)

func TestIsUTF8AcrossBlockBoundaries(t *testing.T) {
	s := strings.Repeat("aé", 300_000) // 'é' is two bytes: some straddle the 256 KiB blocks
	if ok, err := IsUTF8(strings.NewReader(s)); !ok || err != nil {
		t.Errorf("valid UTF-8 refused: %v %v", ok, err)
	}
	if ok, _ := IsUTF8(strings.NewReader(s + "\xfc")); ok {
		t.Error("a trailing Latin-1 byte passed as UTF-8")
	}
}
