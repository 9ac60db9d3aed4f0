package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// aclRows streams n rows in the current ACLED layout (about 560 bytes each,
// quoted notes with commas), cycling over 1000 row variants, without
// holding the file in memory.
type aclRows struct {
	rows [][]byte
	n, i int
	pend []byte
}

const aclHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"

func newACLRows(n int) *aclRows {
	g := &aclRows{n: n, pend: []byte(aclHeader)}
	places := []struct {
		c, iso, a1, loc string
		lat, lon        float64
	}{{"Afghanistan", "4", "Kabul", "Kabul", 34.533, 69.167}, {"Pakistan", "586", "Balochistan", "Quetta", 30.192, 67.007},
		{"Iran", "364", "Kerman", "Kerman", 30.2839, 57.0725}, {"Russia", "643", "Moscow Oblast", "Krasnogorsk", 55.8258, 37.3903}}
	actors := []string{"Islamic State (Khorasan)", "Taliban", "Military Forces of Pakistan (2018-)", "Unidentified Armed Group (Afghanistan)"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for i := range 1000 {
		p := places[i%len(places)]
		g.rows = append(g.rows, fmt.Appendf(nil,
			"%s%d,%d %s %d,%d,1,Political violence,Explosions/Remote violence,Suicide bomb,%s,,Rebel group,Civilians (%s),,Civilians,Rebel group-Civilians,Civilian targeting,%s,Caucasus and Central Asia,%s,%s,%s,,%s,%.4f,%.4f,%d,Pajhwok Afghan News; Xinhua,National-International,\"On %d %s %d, a suicide bomber detonated explosives near a crowd in %s, %s, killing %d people and wounding others; the group claimed the attack, according to local officials and media reports.\",%d,,%d\n",
			p.iso, 100000+i, i%28+1, months[i%12], 2015+i%10, 2015+i%10, actors[i%len(actors)], p.c, p.iso, p.c, p.a1, p.a1, p.loc,
			p.lat+float64(i%50)/100, p.lon+float64(i%70)/100, i%3+1, i%28+1, months[i%12], 2015+i%10, p.loc, p.a1, i%60, i%60, 1700000000+i))
	}
	return g
}

func (g *aclRows) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		if len(g.pend) == 0 {
			if g.i == g.n {
				break
			}
			g.pend = g.rows[g.i%len(g.rows)]
			g.i++
		}
		c := copy(b[n:], g.pend)
		g.pend, n = g.pend[c:], n+c
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func bigACLED(n int) string {
	b, _ := io.ReadAll(newACLRows(n))
	return string(b)
}

func (g *aclRows) size() int64 {
	s := int64(len(aclHeader))
	for i := range g.n {
		s += int64(len(g.rows[i%len(g.rows)]))
	}
	return s
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
	size := newACLRows(n).size()
	b.SetBytes(size)
	var peak, live float64
	for b.Loop() {
		b.StopTimer()
		g := newACLRows(n)
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
