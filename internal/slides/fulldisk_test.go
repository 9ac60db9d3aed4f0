//go:build linux

package slides

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// PNG slides exported to a disk too small for the set leave nothing: no
// partial set, no empty folder, no temporary folder; the error says why.
// An export into an existing folder keeps what it held.
func TestExportPNGsOnAFullDiskLeavesNothing(t *testing.T) {
	disk := t.TempDir()
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=600k"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): the full-disk case needs root", err)
	}
	defer syscall.Unmount(disk, 0)
	m, ss := deck(t)
	if _, err := ExportPNGs(filepath.Join(disk, "briefing"), m, ss); err == nil {
		t.Fatal("a 3-slide set fitted in 600 KB: the test needs a smaller disk")
	}
	if left, _ := os.ReadDir(disk); len(left) != 0 {
		t.Fatalf("left on the full disk: %v", left)
	}
	old := filepath.Join(disk, "old")
	os.Mkdir(old, 0o755)
	os.WriteFile(filepath.Join(old, "notes.txt"), []byte("kept"), 0o644)
	if _, err := ExportPNGs(old, m, ss); err == nil {
		t.Fatal("export into a full disk succeeded")
	}
	left, _ := os.ReadDir(disk)
	inOld, _ := os.ReadDir(old)
	if len(left) != 1 || len(inOld) != 1 || inOld[0].Name() != "notes.txt" {
		t.Errorf("after the failed export: disk %v, folder %v", left, inOld)
	}
}
