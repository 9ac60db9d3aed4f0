package cli

import (
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"testing"
)

func TestZZProfile(t *testing.T) {
	args := strings.Fields(os.Getenv("PROF_ARGS"))
	if len(args) == 0 {
		t.Skip()
	}
	f, _ := os.Create(os.Getenv("PROF_OUT"))
	pprof.StartCPUProfile(f)
	for range 10 {
		Run(args, io.Discard, os.Stderr)
	}
	pprof.StopCPUProfile()
	f.Close()
}
