package workspace

import (
	"crypto/rand"
	"database/sql"
	"path/filepath"
	"testing"
)

// The workspace keeps a rollback journal (journal_mode DELETE, synchronous
// FULL). These benchmarks are the measurement behind that choice, against
// WAL with synchronous NORMAL: the cost of a small save (a slide edit) and
// of a large one (a 1M-row layer's blob, ~40 MB).
var journalModes = map[string]string{
	"delete-full": "&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)",
	"wal-normal":  "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)",
}

func openMode(b *testing.B, mode string) *sql.DB {
	b.Helper()
	path := filepath.Join(b.TempDir(), "ws.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(3000)"+journalModes[mode])
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, state TEXT, data BLOB)`); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func benchSmallSave(b *testing.B, mode string) {
	db := openMode(b, mode)
	db.Exec(`INSERT INTO t (id, state) VALUES (1, '{}')`)
	state := `{"West":60,"South":29,"East":75,"North":38,"Countries":["AFG"],"Chart":"trends"}`
	for b.Loop() {
		if _, err := db.Exec(`UPDATE t SET state = ? WHERE id = 1`, state); err != nil {
			b.Fatal(err)
		}
	}
}

func benchLayerSave(b *testing.B, mode string) {
	db := openMode(b, mode)
	blob := make([]byte, 40<<20)
	rand.Read(blob)
	b.SetBytes(int64(len(blob)))
	for b.Loop() {
		if _, err := db.Exec(`INSERT OR REPLACE INTO t (id, data) VALUES (2, ?)`, blob); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSlideSaveDeleteFull(b *testing.B) { benchSmallSave(b, "delete-full") }
func BenchmarkSlideSaveWALNormal(b *testing.B)  { benchSmallSave(b, "wal-normal") }
func BenchmarkLayerSaveDeleteFull(b *testing.B) { benchLayerSave(b, "delete-full") }
func BenchmarkLayerSaveWALNormal(b *testing.B)  { benchLayerSave(b, "wal-normal") }
