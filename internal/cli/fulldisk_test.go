//go:build linux

package cli

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"iskbrief/internal/workspace"
)

// mountTiny mounts a 2 MB tmpfs, or skips the test where that is not
// allowed (not root, no mount namespace).
func mountTiny(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a 2 MB tmpfs here (%v): the full-disk case needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

// bigImport writes an ACLED file whose layer cannot fit in 2 MB.
func bigImport(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../testdata/acled.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(src), "\n", 3)
	p := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(lines[0] + "\n")
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 100000 {
		row := strings.Replace(lines[1], "RUS1001", fmt.Sprintf("RUS%07d", i), 1)
		note := make([]byte, 120)
		for k := range note {
			note[k] = 'a' + byte(r.IntN(26))
		}
		w.WriteString(strings.Replace(row, "Wikipedia; RFE/RL; AP", string(note), 1) + "\n")
	}
	w.Flush()
	f.Close()
	return p
}

// An import into a new workspace on a full disk says the disk is full and
// leaves nothing behind; into an existing one, it leaves every slide.
func TestImportOnAFullDiskLeavesNothingHalfMade(t *testing.T) {
	disk := mountTiny(t)
	big := bigImport(t)
	ws := filepath.Join(disk, "new.db")
	code, _, stderr := run("import", "--workspace", ws, big)
	if code != 1 || !strings.Contains(stderr, "is full") || !strings.Contains(stderr, "nothing was saved") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if left, _ := os.ReadDir(disk); len(left) != 0 {
		t.Fatalf("left on the full disk: %v", left)
	}

	old := filepath.Join(disk, "old.db")
	s, err := workspace.Open(old)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.CreateBriefing("kept")
	if _, err := s.AddSlide(b, "a slide", "", workspace.SlideState{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if code, _, stderr := run("import", "--workspace", old, big); code != 1 || !strings.Contains(stderr, "is full") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(old + "-journal"); err == nil {
		st, _ := os.Stat(old + "-journal")
		t.Errorf("a journal (%d bytes) was left beside the workspace", st.Size())
	}
	s, err = workspace.Open(old)
	if err != nil {
		t.Fatalf("the workspace does not open after the failed import: %v", err)
	}
	defer s.Close()
	if sl, err := s.Slides(b); err != nil || len(sl) != 1 || sl[0].Title != "a slide" {
		t.Fatalf("slides after the failed import: %+v %v", sl, err)
	}
}
