package importer

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

func bigACLED(n int) string {
	b, _ := io.ReadAll(NewSyntheticACLED(n))
	return string(b)
}

// peakRSS returns VmHWM in MB; resetPeak resets it (Linux).
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmHWM:"), "kB")))
			return float64(kb) / 1024
		}
	}
	return -1
}

func resetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// BenchmarkACLED1M parses and indexes (Result.Records) a million-row ACLED
// export keeping every row (--actor all, the worst case), and reports the
// peak RSS of the process during the run.
//
//	go test -run '^$' -bench ACLED1M -benchtime 3x ./internal/importer
func BenchmarkACLED1M(b *testing.B) {
	benchACLED(b, 1_000_000, "all")
}

// BenchmarkACLED1MDefault is the same file with the default ISIS-K filter
// (a quarter of the rows match).
func BenchmarkACLED1MDefault(b *testing.B) {
	benchACLED(b, 1_000_000, "")
}

func benchACLED(b *testing.B, n int, actor string) {
	size := NewSyntheticACLED(n).Size()
	b.SetBytes(size)
	var peak, live float64
	for b.Loop() {
		b.StopTimer()
		g := NewSyntheticACLED(n)
		resetPeak()
		b.StartTimer()
		r, err := Read(g, "bench.csv", size, Options{Actor: actor})
		if err != nil {
			b.Fatal(err)
		}
		recs := r.Records()
		b.StopTimer()
		peak = max(peak, peakRSS())
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		live = float64(ms.HeapAlloc) / (1 << 20)
		if r.Rows != n || len(recs) != r.Kept {
			b.Fatalf("rows %d kept %d", r.Rows, r.Kept)
		}
		runtime.KeepAlive(r)
		b.StartTimer()
	}
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(live, "live-heap-MB")
}

// TestACLED1MBudget checks the speed and memory budget (≤ 3 s, ≤ 600 MB
// peak RSS) in a fresh process. It is skipped unless ISKBRIEF_BIG=1, as it
// takes the whole machine for a few seconds.
func TestACLED1MBudget(t *testing.T) {
	if os.Getenv("ISKBRIEF_BIG") != "1" {
		t.Skip("set ISKBRIEF_BIG=1 to run the million-row budget test")
	}
	res := testing.Benchmark(func(b *testing.B) { benchACLED(b, 1_000_000, "all") })
	sec := float64(res.NsPerOp()) / 1e9
	peak := res.Extra["peak-RSS-MB"]
	t.Logf("1M ACLED rows: %.2f s/op, peak RSS %.0f MB, live heap %.0f MB, %d MB file", sec, peak, res.Extra["live-heap-MB"], res.Bytes>>20)
	if sec > 3 || peak > 600 {
		t.Errorf("over budget: %.2f s (≤ 3), %.0f MB (≤ 600)", sec, peak)
	}
}

var _ = bytes.MinRead
