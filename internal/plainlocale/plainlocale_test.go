package plainlocale

import (
	"os"
	"testing"
)

func TestApply(t *testing.T) {
	cases := []struct {
		env             map[string]string
		messages, lcAll string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "C", ""},
		{map[string]string{"LANG": "POSIX.utf8"}, "C", ""},
		{map[string]string{"LANG": "en_US.UTF-8"}, "", ""},
		{map[string]string{"LANG": "C"}, "", ""},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "", "C"},
		{map[string]string{"LC_MESSAGES": "de_DE.UTF-8", "LANG": "C.UTF-8"}, "de_DE.UTF-8", ""},
	}
	for _, c := range cases {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(k, c.env[k])
		}
		Apply()
		if got := os.Getenv("LC_MESSAGES"); got != c.messages {
			t.Errorf("%v: LC_MESSAGES=%q, want %q", c.env, got, c.messages)
		}
		if got := os.Getenv("LC_ALL"); got != c.lcAll && c.lcAll != "" {
			t.Errorf("%v: LC_ALL=%q, want %q", c.env, got, c.lcAll)
		}
	}
}
