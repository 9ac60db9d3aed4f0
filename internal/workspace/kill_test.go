package workspace

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// layerBlobSize is about what a 1M-row imported layer takes in the
// workspace (BenchmarkCodec1M stores one in 18 MB).
const layerBlobSize = 24 << 20

// TestKillAtRandomPointsLosesNothingSaved starts a writer process 100
// times and kills it with SIGKILL after a random delay, while it saves
// 24 MB layers (and removes them) and slides in turn. After every kill the
// workspace opens as a healthy database holding every slide the writer
// reported saved and, intact, every layer it reported saved and not yet
// removed.
func TestKillAtRandomPointsLosesNothingSaved(t *testing.T) {
	if os.Getenv("ISK_WS_MIXED") != "" {
		return
	}
	if testing.Short() {
		t.Skip("100 writer processes killed mid-save: skipped in -short")
	}
	path := filepath.Join(t.TempDir(), "ws.db")
	rng := rand.New(rand.NewPCG(1, 2))
	slides, layers := 0, map[int64]int{} // layer id → its seed
	for round := range 100 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMixedWriterProcess$")
		cmd.Env = append(os.Environ(), "ISK_WS_MIXED="+path, fmt.Sprintf("ISK_WS_ROUND=%d", round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 64)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		timer := time.After(time.Duration(rng.IntN(400)) * time.Millisecond)
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				f := strings.Fields(l)
				switch {
				case len(f) == 2 && f[0] == "slide":
					slides++
				case len(f) == 3 && f[0] == "layer":
					id, _ := strconv.ParseInt(f[1], 10, 64)
					seed, _ := strconv.Atoi(f[2])
					layers[id] = seed
				case len(f) == 2 && f[0] == "removed":
					id, _ := strconv.ParseInt(f[1], 10, 64)
					delete(layers, id)
				case f[0] == "error":
					t.Fatalf("round %d: writer: %s", round, l)
				}
			case <-timer:
				cmd.Process.Signal(syscall.SIGKILL)
				timer = nil
			}
		}
		cmd.Wait()
		checkAfterKill(t, round, path, slides, layers)
	}
}

func checkAfterKill(t *testing.T, round int, path string, slides int, layers map[int64]int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: the workspace does not open after the kill: %v", round, err)
	}
	defer s.Close()
	var ok string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("round %d: integrity_check %q %v", round, ok, err)
	}
	bs, err := s.Briefings()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range bs {
		sl, _ := s.Slides(b.ID)
		n += len(sl)
	}
	if n < slides {
		t.Fatalf("round %d: %d slides, but %d were reported saved", round, n, slides)
	}
	for id, seed := range layers {
		b, err := s.LayerData(id)
		if err != nil || !bytes.Equal(b, layerBlob(seed)) {
			t.Fatalf("round %d: layer %d reported saved is missing or changed (%d bytes, %v)", round, id, len(b), err)
		}
	}
}

// layerBlob is a layer's bytes, reproducible from its seed: a random
// 64 KiB block repeated, each copy stamped with its position, so a torn or
// misplaced page shows.
func layerBlob(seed int) []byte {
	block := make([]byte, 64<<10)
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	for i := 0; i+8 <= len(block); i += 8 {
		binary.LittleEndian.PutUint64(block[i:], r.Uint64())
	}
	b := make([]byte, layerBlobSize)
	for off := 0; off < len(b); off += len(block) {
		copy(b[off:], block)
		binary.LittleEndian.PutUint64(b[off:], uint64(off))
	}
	return b
}

// TestMixedWriterProcess is the writer of the kill test (it does nothing
// unless started by it): a layer saved, a slide saved, the layer removed,
// over and over, reporting each commit.
func TestMixedWriterProcess(t *testing.T) {
	path := os.Getenv("ISK_WS_MIXED")
	if path == "" {
		t.Skip("helper process for TestKillAtRandomPointsLosesNothingSaved")
	}
	round, _ := strconv.Atoi(os.Getenv("ISK_WS_ROUND"))
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	b, err := s.CreateBriefing(fmt.Sprintf("round %d", round))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		seed := round*1000 + i
		id, err := s.AddLayer(Layer{Name: fmt.Sprintf("layer %d", seed), Visible: true}, layerBlob(seed))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("layer %d %d\n", id, seed)
		if _, err := s.AddSlide(b, fmt.Sprintf("slide %d", i), "", SlideState{West: float64(i)}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("slide %d\n", i)
		if err := s.RemoveLayer(id); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("removed %d\n", id)
	}
}
