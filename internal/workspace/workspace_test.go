package workspace

import (
	"bufio"
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func titles(t *testing.T, s *Store, b int64) string {
	t.Helper()
	sl, err := s.Slides(b)
	if err != nil {
		t.Fatal(err)
	}
	var ts []string
	for _, x := range sl {
		ts = append(ts, x.Title)
	}
	return strings.Join(ts, ",")
}

func TestSlidesSurviveRestartAndReorder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	s := open(t, path)
	b, err := s.CreateBriefing("Weekly")
	if err != nil {
		t.Fatal(err)
	}
	st := SlideState{West: 60, South: 29, East: 75, North: 38, Countries: []string{"AFG"}, Selected: "afg-x", Chart: "trends"}
	var ids []int64
	for _, title := range []string{"A", "B", "C", "D"} {
		id, err := s.AddSlide(b, title, "notes "+title, st)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := s.MoveSlide(ids[3], 0); err != nil { // D to the front
		t.Fatal(err)
	}
	if err := s.MoveSlide(ids[0], 3); err != nil { // A to the end
		t.Fatal(err)
	}
	if err := s.DeleteSlide(ids[1]); err != nil { // drop B
		t.Fatal(err)
	}
	if err := s.UpdateSlide(ids[2], "C renamed", "new notes"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPref("theme", "dark"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2 := open(t, path)
	if got := titles(t, s2, b); got != "D,C renamed,A" {
		t.Errorf("after restart: %q, want D,C renamed,A", got)
	}
	sl, _ := s2.Slides(b)
	if sl[0].State.Selected != "afg-x" || sl[0].State.Countries[0] != "AFG" || sl[1].Notes != "new notes" {
		t.Errorf("state lost: %+v", sl)
	}
	for i, x := range sl {
		if x.Position != i {
			t.Errorf("slide %q at position %d, want %d", x.Title, x.Position, i)
		}
	}
	if v, ok := s2.Pref("theme"); !ok || v != "dark" {
		t.Errorf("pref theme = %q %v", v, ok)
	}
	bs, _ := s2.Briefings()
	if len(bs) != 1 || bs[0].Title != "Weekly" {
		t.Errorf("briefings %+v", bs)
	}
}

func TestNewerDatabaseIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99; CREATE TABLE future(x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), "99") {
		t.Fatalf("error %v, want ErrNewer naming layout 99", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the newer database was modified")
	}
}

func TestCorruptDatabaseIsRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte("this is not a database, it is a shopping list\n"), 0o644)
	if _, err := Open(garbage); !errors.Is(err, ErrCorrupt) {
		t.Errorf("garbage: %v, want ErrCorrupt", err)
	}
	if b, _ := os.ReadFile(garbage); !strings.HasPrefix(string(b), "this is not") {
		t.Error("garbage file was overwritten")
	}

	// A real database with its pages scrambled.
	damaged := filepath.Join(dir, "damaged.db")
	s := open(t, damaged)
	b, _ := s.CreateBriefing("x")
	for i := range 50 {
		s.AddSlide(b, strings.Repeat("slide ", 40)+strconv.Itoa(i), "", SlideState{})
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)") // harmless without WAL
	s.Close()
	data, _ := os.ReadFile(damaged)
	for i := 4096; i < len(data); i += 7 {
		data[i] ^= 0x5a
	}
	os.WriteFile(damaged, data, 0o644)
	before, _ := os.ReadFile(damaged)
	_, err := Open(damaged)
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("damaged: %v, want ErrCorrupt", err)
	}
	after, _ := os.ReadFile(damaged)
	if !bytes.Equal(before, after) {
		t.Error("the damaged database was modified")
	}
}

func TestInMemoryFallback(t *testing.T) {
	s := open(t, "")
	b, err := s.CreateBriefing("temp")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlide(b, "x", "", SlideState{}); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s, b); got != "x" {
		t.Errorf("got %q", got)
	}
}

// TestKillDuringSaveLosesAtMostTheLastSlide runs a writer process that adds
// slides as fast as it can, kills it with SIGKILL mid-stream, and checks that
// every slide it reported as saved is still there, in order, in a healthy
// database.
func TestKillDuringSaveLosesAtMostTheLastSlide(t *testing.T) {
	if os.Getenv("ISK_WS_WRITER") != "" {
		return
	}
	path := filepath.Join(t.TempDir(), "ws.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
	cmd.Env = append(os.Environ(), "ISK_WS_WRITER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	last := -1
	sc := bufio.NewScanner(out)
	deadline := time.Now().Add(60 * time.Second)
	for sc.Scan() && time.Now().Before(deadline) {
		if n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "saved ")); err == nil {
			last = n
		}
		if last >= 40 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if last < 40 {
		t.Fatalf("the writer saved only %d slides", last+1)
	}
	s := open(t, path)
	bs, err := s.Briefings()
	if err != nil || len(bs) != 1 {
		t.Fatalf("briefings %v %v", bs, err)
	}
	sl, err := s.Slides(bs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sl) < last+1 {
		t.Fatalf("%d slides after the kill, but %d were reported saved", len(sl), last+1)
	}
	for i, x := range sl {
		if x.Title != fmt.Sprintf("slide %d", i) {
			t.Fatalf("slide %d is %q", i, x.Title)
		}
	}
	t.Logf("reported saved %d, found %d", last+1, len(sl))
}

// TestWriterProcess is the writer half of the kill test (it does nothing
// unless started by it).
func TestWriterProcess(t *testing.T) {
	path := os.Getenv("ISK_WS_WRITER")
	if path == "" {
		t.Skip("helper process for TestKillDuringSaveLosesAtMostTheLastSlide")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	b, _ := s.CreateBriefing("kill test")
	for i := 0; ; i++ {
		if _, err := s.AddSlide(b, fmt.Sprintf("slide %d", i), strings.Repeat("notes ", 200), SlideState{West: float64(i)}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("saved %d\n", i)
	}
}

func TestLayersStoreAndRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	s := open(t, path)
	blob := bytes.Repeat([]byte{1, 2, 3}, 100000)
	id, err := s.AddLayer(Layer{Name: "ACLED 2024", File: "acled.csv", Layout: "acled", Events: 12, Color: 2, Visible: true}, blob)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, path)
	ls, err := s.Layers()
	if err != nil || len(ls) != 1 || ls[0].Name != "ACLED 2024" || !ls[0].Visible || ls[0].Events != 12 {
		t.Fatalf("layers %+v %v", ls, err)
	}
	b, err := s.LayerData(id)
	if err != nil || !bytes.Equal(b, blob) {
		t.Fatalf("data %d bytes, %v", len(b), err)
	}
	if err := s.SetLayerVisible(id, false); err != nil {
		t.Fatal(err)
	}
	if ls, _ := s.Layers(); ls[0].Visible {
		t.Error("layer still visible")
	}
	if err := s.RemoveLayer(id); err != nil {
		t.Fatal(err)
	}
	if ls, _ := s.Layers(); len(ls) != 0 {
		t.Errorf("layers after removal: %+v", ls)
	}
}

// A workspace written by the previous layout (1) is upgraded in place and
// keeps its slides.
func TestUpgradeFromLayout1KeepsSlides(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range migrations[0] {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec(`INSERT INTO briefings VALUES(1, 'Old', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
	db.Exec(`INSERT INTO slides VALUES(1, 1, 0, 'Kept', '', '{}')`)
	db.Exec(`PRAGMA user_version = 1`)
	db.Close()
	s := open(t, path)
	if got := titles(t, s, 1); got != "Kept" {
		t.Errorf("slides after upgrade: %q", got)
	}
	if _, err := s.AddLayer(Layer{Name: "x", Visible: true}, []byte{1}); err != nil {
		t.Errorf("layers table missing after upgrade: %v", err)
	}
}

// A process killed mid-transaction leaves a hot rollback journal. Opening
// the workspace must roll it back (only a writer can) and show every slide
// saved before, not call the workspace damaged.
func TestHotJournalIsRolledBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	s := open(t, path)
	b, _ := s.CreateBriefing("before the crash")
	for i := range 5 {
		if _, err := s.AddSlide(b, fmt.Sprintf("slide %d", i), "notes", SlideState{}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHalfSaveProcess$")
	cmd.Env = append(os.Environ(), "ISK_WS_HALFSAVE="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "mid-transaction" {
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if st, err := os.Stat(path + "-journal"); err != nil || st.Size() == 0 {
		t.Fatalf("the helper left no hot journal (%v): the test did not test anything", err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("after a crash mid-save: %v", err)
	}
	defer s.Close()
	sl, err := s.Slides(b)
	if err != nil || len(sl) != 5 || sl[4].Title != "slide 4" {
		t.Fatalf("slides after recovery: %d %v", len(sl), err)
	}
	if m, _ := filepath.Glob(path + "*.before-recovery-*"); len(m) != 0 {
		t.Errorf("copies left after a clean recovery: %v", m)
	}
}

// TestHalfSaveProcess is the crashing half of TestHotJournalIsRolledBack:
// it writes enough inside one transaction that SQLite spills pages to the
// database file (so the journal is hot), says so, and waits to be killed.
func TestHalfSaveProcess(t *testing.T) {
	path := os.Getenv("ISK_WS_HALFSAVE")
	if path == "" {
		t.Skip("helper process for TestHotJournalIsRolledBack")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	tx, _ := s.db.Begin()
	tx.Exec("PRAGMA cache_size = 2")
	tx.Exec("DELETE FROM slides")
	for i := range 200 {
		tx.Exec(`INSERT INTO layers (name, file, layout, imported, events, color, visible, data) VALUES (?, '', '', '', 0, 0, 1, ?)`,
			fmt.Sprint(i), strings.Repeat("x", 64<<10))
	}
	fmt.Println("mid-transaction")
	time.Sleep(time.Minute)
}

func TestFolderInPlaceOfTheWorkspaceIsNamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	os.Mkdir(path, 0o755)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("a folder at the workspace path: %v", err)
	}
}

func TestReadOnlyWorkspaceOpensAsACopy(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop root from writing")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "ws.db")
	s := open(t, path)
	b, _ := s.CreateBriefing("kept")
	s.AddSlide(b, "one", "", SlideState{})
	s.Close()
	os.Chmod(path, 0o444)
	defer os.Chmod(path, 0o644)
	if _, err := Open(path); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Fatalf("read-only workspace: %v", err)
	}
	c, err := OpenCopy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(c.Path)
	defer c.Close()
	if sl, _ := c.Slides(b); len(sl) != 1 {
		t.Fatalf("the copy holds %d slides", len(sl))
	}
	if _, err := c.AddSlide(b, "two", "", SlideState{}); err != nil {
		t.Fatalf("the copy cannot be written: %v", err)
	}
}

// SaveAs copies everything, from a file or from memory, to a workspace
// that opens with the same briefings, slides, layers and preferences.
func TestSaveAsCopiesEverything(t *testing.T) {
	for _, from := range []string{"", filepath.Join(t.TempDir(), "from.db")} {
		s := open(t, from)
		b, _ := s.CreateBriefing("kept")
		s.AddSlide(b, "one", "notes", SlideState{West: 60, East: 75})
		s.AddLayer(Layer{Name: "ACLED", Visible: true}, []byte("blob"))
		s.SetPref("theme", "dark")
		dst := filepath.Join(t.TempDir(), "saved.db")
		os.WriteFile(dst, []byte("an older file"), 0o644)
		if err := s.SaveAs(dst); err != nil {
			t.Fatalf("from %q: %v", from, err)
		}
		c := open(t, dst)
		if got := titles(t, c, b); got != "one" {
			t.Errorf("from %q: slides %q", from, got)
		}
		if ls, _ := c.Layers(); len(ls) != 1 || ls[0].Name != "ACLED" {
			t.Errorf("from %q: layers %+v", from, ls)
		}
		if v, _ := c.Pref("theme"); v != "dark" {
			t.Errorf("from %q: theme %q", from, v)
		}
		if left, _ := filepath.Glob(dst + ".saving-*"); len(left) > 0 {
			t.Errorf("left behind: %v", left)
		}
	}
}
