// Package workspace keeps the user's briefings, slides and preferences in an
// embedded SQLite database (pure Go, modernc.org/sqlite). Every change is one
// transaction, so killing the app mid-save loses at most that change. A
// database that is corrupt, or written by a newer version of the app, is
// reported and never written to.
package workspace

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SchemaVersion is the database layout this build writes (PRAGMA user_version).
const SchemaVersion = 2

// migrations[i] brings a database from layout i to layout i+1.
var migrations = [][]string{
	{ // 0 → 1: briefings, slides, preferences
		`CREATE TABLE briefings (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL)`,
		`CREATE TABLE slides (id INTEGER PRIMARY KEY, briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
			position INTEGER NOT NULL, title TEXT NOT NULL, notes TEXT NOT NULL, state TEXT NOT NULL)`,
		`CREATE INDEX slides_by_briefing ON slides(briefing_id, position)`,
		`CREATE TABLE prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
	},
	{ // 1 → 2: imported event layers
		`CREATE TABLE layers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, file TEXT NOT NULL, layout TEXT NOT NULL,
			imported TEXT NOT NULL, events INTEGER NOT NULL, color INTEGER NOT NULL, visible INTEGER NOT NULL, data BLOB NOT NULL)`,
	},
}

// Errors Open reports; the file is left untouched in both cases.
var (
	ErrNewer   = errors.New("the workspace was written by a newer version of ISK Brief")
	ErrCorrupt = errors.New("the workspace database is damaged")
)

// Store is an open workspace.
type Store struct {
	db   *sql.DB
	Path string
}

// DefaultPath is the workspace file in the user's configuration folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "iskbrief", "workspace.db"), nil
}

// EnvVar names the environment variable that chooses the workspace file.
const EnvVar = "ISKBRIEF_WORKSPACE"

// Resolve is the one rule for which workspace file to use: the path given
// (a --workspace flag), else $ISKBRIEF_WORKSPACE, else DefaultPath. The
// window and every command use it.
func Resolve(flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	if p := os.Getenv(EnvVar); p != "" {
		return p, nil
	}
	return DefaultPath()
}

// OpenExisting opens a workspace that must already exist: a command that
// only reads one never creates an empty database at a mistyped path.
func OpenExisting(path string) (*Store, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("no workspace at %s (the app saves one when it first runs; check the path, --workspace or $%s)", path, EnvVar)
	case err != nil:
		return nil, fmt.Errorf("cannot read the workspace %s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a workspace file", path)
	}
	return Open(path)
}

// Open opens (creating if needed) the workspace at path. An empty path opens
// a private in-memory workspace, used when the real one cannot be opened.
func Open(path string) (*Store, error) {
	dsn := "file::memory:?cache=private"
	if path != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("cannot create %s: %w", filepath.Dir(path), err)
		}
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a folder, not a workspace file: move it away or choose another path with --workspace or $%s", path, EnvVar)
		}
		if err := checkHeader(path); err != nil {
			return nil, err
		}
		if err := writable(path); err != nil {
			return nil, err
		}
		if err := recoverJournal(path); err != nil {
			return nil, err
		}
		if err := inspect(path); err != nil {
			return nil, err
		}
		// A rollback journal keeps the workspace one file (easy to back up or move);
		// FULL sync: a committed slide survives power loss, not only a crash.
		// Measured against WAL with synchronous NORMAL (journal_bench_test.go):
		// a slide save takes 22 µs against 9 µs, a 40 MB layer 110 ms against
		// 190 ms (WAL writes it twice); kill -9 at any point loses nothing
		// saved either way (TestKillAtRandomPointsLosesNothingSaved), so the
		// one-file journal stays.
		dsn = "file:" + path + "?_pragma=busy_timeout(3000)&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; also keeps an in-memory database alive
	s := &Store{db: db, Path: path}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkHeader refuses a file that exists but is not an SQLite database,
// before the driver could be tempted to treat it as empty.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // an empty file: SQLite initialises it
	}
	if n < 16 || string(head) != "SQLite format 3\x00" {
		return fmt.Errorf("%w: %s is not an SQLite database", ErrCorrupt, path)
	}
	return nil
}

// ErrReadOnly is returned by Open when the workspace file, or its folder,
// cannot be written: nothing could be saved to it. OpenCopy opens a
// writable copy instead.
var ErrReadOnly = errors.New("the workspace cannot be written")

// writable refuses a workspace that cannot be saved to, before the first
// change would fail: the file must open for writing and its folder must take
// the rollback journal.
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		f = nil
	} else if err != nil {
		return fmt.Errorf("%w: %s is read-only (%v)", ErrReadOnly, path, err)
	}
	if f != nil {
		f.Close()
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".iskbrief-write-test-*")
	if err != nil {
		return fmt.Errorf("%w: its folder %s is read-only (%v)", ErrReadOnly, filepath.Dir(path), err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// OpenCopy opens a writable copy of the workspace at path in the temporary
// folder, for a workspace that is read-only: the user's briefings stay in
// view and new work is kept (in the copy) rather than lost.
func OpenCopy(path string) (*Store, error) {
	f, err := os.CreateTemp("", "iskbrief-workspace-copy-*.db")
	if err != nil {
		return nil, err
	}
	f.Close()
	if err := copyFile(path, f.Name()); err != nil {
		os.Remove(f.Name())
		return nil, fmt.Errorf("cannot copy %s: %w", path, err)
	}
	return Open(f.Name())
}

// recoverJournal rolls back the transaction a crash or a full disk left
// half-done (a hot rollback journal beside the database). Only a writer
// can roll it back, so the database is opened read-write for it, after the
// database and journal are copied aside (beside them, else in the
// temporary folder); the copies are removed once the database checks out,
// and kept (and named) if it does not. When the disk is too full for any
// copy, the rollback runs without one: SQLite deletes the journal only
// after every page is restored, so it is itself safe to interrupt.
func recoverJournal(path string) error {
	journal := path + "-journal"
	st, err := os.Stat(journal)
	if err != nil || st.Size() == 0 {
		return nil // no hot journal
	}
	stamp := time.Now().UTC().Format("20060102T150405")
	dbCopy, jCopy := "", ""
	for _, dir := range []string{filepath.Dir(path), os.TempDir()} {
		d := filepath.Join(dir, filepath.Base(path)+".before-recovery-"+stamp)
		j := filepath.Join(dir, filepath.Base(journal)+".before-recovery-"+stamp)
		if copyFile(path, d) == nil && copyFile(journal, j) == nil {
			dbCopy, jCopy = d, j
			break
		}
		os.Remove(d)
		os.Remove(j)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(3000)")
	if err == nil {
		var check string
		err = db.QueryRow("PRAGMA quick_check").Scan(&check) // the first read rolls the journal back
		if err == nil && check != "ok" {
			err = errors.New(check)
		}
		db.Close()
	}
	if err != nil {
		if dbCopy == "" {
			return fmt.Errorf("%w: %s could not be recovered from an unfinished save (%v), and the disk had no room for a copy; the journal %s is still there", ErrCorrupt, path, err, journal)
		}
		return fmt.Errorf("%w: %s could not be recovered from an unfinished save (%v); copies of the database and journal as they were are %s and %s", ErrCorrupt, path, err, dbCopy, jCopy)
	}
	if dbCopy != "" {
		os.Remove(dbCopy)
		os.Remove(jCopy)
	}
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o600)
}

// inspect opens an existing database read-only and refuses it if it is
// damaged or newer than this build, before anything (even switching the
// journal mode) could write to it.
func inspect(path string) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil // new or empty: nothing to protect
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, path, err)
	}
	defer db.Close()
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, path, err)
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w (%s has layout %d; this build reads up to %d): update the app", ErrNewer, path, version, SchemaVersion)
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return fmt.Errorf("%w: %s: %v %s", ErrCorrupt, path, err, check)
	}
	return nil
}

func (s *Store) init() error {
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, s.Path, err)
	}
	if version == SchemaVersion {
		return nil
	}
	// All steps in one transaction: a crash mid-upgrade leaves the old layout.
	return s.tx(func(tx *sql.Tx) error {
		for v := version; v < SchemaVersion; v++ {
			for _, q := range migrations[v] {
				if _, err := tx.Exec(q); err != nil {
					return fmt.Errorf("upgrading the workspace to layout %d: %w", v+1, err)
				}
			}
		}
		_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion))
		return err
	})
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) tx(fn func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	err = fn(tx)
	if err != nil {
		tx.Rollback()
	} else {
		err = tx.Commit()
	}
	if err != nil {
		// A write that failed for want of space leaves the journal beside
		// the file until the next read: read now, so SQLite rolls it back
		// and the next start finds a clean workspace.
		var v int
		s.db.QueryRow("PRAGMA schema_version").Scan(&v)
	}
	return err
}

// Briefing is a named, ordered set of slides.
type Briefing struct {
	ID      int64
	Title   string
	Created time.Time
	Updated time.Time
}

// Slide is one captured view with its words.
type Slide struct {
	ID       int64
	Briefing int64
	Position int
	Title    string
	Notes    string
	State    SlideState
}

// SlideState is everything needed to show a slide again. The filter fields
// are the effective selection (the time bar's window already applied), so a
// slide renders the same wherever it is shown.
type SlideState struct {
	West, South, East, North float64 // map extent, degrees
	Countries                []string
	From, To                 string // YYYY-MM-DD or ""
	Targets, Attacks         []string
	Claims                   []string
	MinKilled                int
	NoFoiled                 bool
	TimeMode                 string // the time bar's mode, to restore it
	TimeMonth                string // the time bar's month, YYYY-MM
	Selected                 string // event id or ""
	Chart                    string // chart kind
	ColorBy                  string
	Style                    string
	// Records pins the slide to the events it showed when it was made
	// (brief.RecordKey keys), so a later import or data change does not
	// change it. Live instead makes the slide recount its filter each time
	// it is shown. A slide with neither (made before pinning) follows the data.
	Records []string `json:",omitempty"`
	Live    bool     `json:",omitempty"`
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Briefings lists briefings, most recently changed first.
func (s *Store) Briefings() ([]Briefing, error) {
	rows, err := s.db.Query(`SELECT id, title, created, updated FROM briefings ORDER BY updated DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Briefing
	for rows.Next() {
		var b Briefing
		var c, u string
		if err := rows.Scan(&b.ID, &b.Title, &c, &u); err != nil {
			return nil, err
		}
		b.Created, _ = time.Parse(time.RFC3339, c)
		b.Updated, _ = time.Parse(time.RFC3339, u)
		out = append(out, b)
	}
	return out, rows.Err()
}

// CreateBriefing adds an empty briefing.
func (s *Store) CreateBriefing(title string) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		t := now()
		res, err := tx.Exec(`INSERT INTO briefings(title, created, updated) VALUES(?, ?, ?)`, title, t, t)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// RenameBriefing changes a briefing's title.
func (s *Store) RenameBriefing(id int64, title string) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE briefings SET title = ?, updated = ? WHERE id = ?`, title, now(), id)
		return err
	})
}

// DeleteBriefing removes a briefing and its slides.
func (s *Store) DeleteBriefing(id int64) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM briefings WHERE id = ?`, id)
		return err
	})
}

// Slides returns a briefing's slides in order.
func (s *Store) Slides(briefing int64) ([]Slide, error) {
	rows, err := s.db.Query(`SELECT id, position, title, notes, state FROM slides WHERE briefing_id = ? ORDER BY position, id`, briefing)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Slide
	for rows.Next() {
		sl := Slide{Briefing: briefing}
		var state string
		if err := rows.Scan(&sl.ID, &sl.Position, &sl.Title, &sl.Notes, &state); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(state), &sl.State); err != nil {
			return nil, fmt.Errorf("%w: slide %d: %v", ErrCorrupt, sl.ID, err)
		}
		out = append(out, sl)
	}
	return out, rows.Err()
}

// AddSlide appends a slide to a briefing and returns its id.
func (s *Store) AddSlide(briefing int64, title, notes string, st SlideState) (int64, error) {
	state, err := json.Marshal(st)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.tx(func(tx *sql.Tx) error {
		var pos int
		if err := tx.QueryRow(`SELECT COALESCE(MAX(position), -1) + 1 FROM slides WHERE briefing_id = ?`, briefing).Scan(&pos); err != nil {
			return err
		}
		res, err := tx.Exec(`INSERT INTO slides(briefing_id, position, title, notes, state) VALUES(?, ?, ?, ?, ?)`, briefing, pos, title, notes, string(state))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE briefings SET updated = ? WHERE id = ?`, now(), briefing)
		return err
	})
	return id, err
}

// UpdateSlide changes a slide's title and notes.
func (s *Store) UpdateSlide(id int64, title, notes string) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE slides SET title = ?, notes = ? WHERE id = ?`, title, notes, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("slide %d does not exist", id)
		}
		return nil
	})
}

// UpdateSlideState replaces what a slide shows.
func (s *Store) UpdateSlideState(id int64, st SlideState) error {
	state, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE slides SET state = ? WHERE id = ?`, string(state), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("slide %d does not exist", id)
		}
		return nil
	})
}

// DeleteSlide removes a slide and closes the gap in the order.
func (s *Store) DeleteSlide(id int64) error {
	return s.tx(func(tx *sql.Tx) error {
		var b int64
		var pos int
		if err := tx.QueryRow(`SELECT briefing_id, position FROM slides WHERE id = ?`, id).Scan(&b, &pos); err != nil {
			return fmt.Errorf("slide %d: %w", id, err)
		}
		if _, err := tx.Exec(`DELETE FROM slides WHERE id = ?`, id); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE slides SET position = position - 1 WHERE briefing_id = ? AND position > ?`, b, pos)
		return err
	})
}

// MoveSlide moves a slide to position to (0-based) within its briefing.
func (s *Store) MoveSlide(id int64, to int) error {
	return s.tx(func(tx *sql.Tx) error {
		var b int64
		var from, n int
		if err := tx.QueryRow(`SELECT briefing_id, position FROM slides WHERE id = ?`, id).Scan(&b, &from); err != nil {
			return fmt.Errorf("slide %d: %w", id, err)
		}
		if err := tx.QueryRow(`SELECT COUNT(*) FROM slides WHERE briefing_id = ?`, b).Scan(&n); err != nil {
			return err
		}
		to = max(0, min(n-1, to))
		if to == from {
			return nil
		}
		var err error
		if to > from {
			_, err = tx.Exec(`UPDATE slides SET position = position - 1 WHERE briefing_id = ? AND position > ? AND position <= ?`, b, from, to)
		} else {
			_, err = tx.Exec(`UPDATE slides SET position = position + 1 WHERE briefing_id = ? AND position >= ? AND position < ?`, b, to, from)
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE slides SET position = ? WHERE id = ?`, to, id)
		return err
	})
}

// Pref reads a preference; ok is false when it was never set.
func (s *Store) Pref(key string) (value string, ok bool) {
	err := s.db.QueryRow(`SELECT value FROM prefs WHERE key = ?`, key).Scan(&value)
	return value, err == nil
}

// SetPref stores a preference.
func (s *Store) SetPref(key, value string) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO prefs(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// DataVersion changes whenever another connection (another process: an
// `iskbrief import` beside the open window) commits to the workspace; the
// window's own writes leave it as it is. SQLite's PRAGMA data_version.
func (s *Store) DataVersion() (int64, error) {
	var v int64
	err := s.db.QueryRow("PRAGMA data_version").Scan(&v)
	return v, err
}

// SaveAs writes a complete copy of the workspace (briefings, slides,
// layers, preferences) to dst, replacing it, atomically: VACUUM INTO a
// temporary file beside dst, synced, then renamed over it. It is how work
// kept in a temporary or read-only workspace reaches a file of the user's
// choosing.
func (s *Store) SaveAs(dst string) error {
	tmp := fmt.Sprintf("%s.saving-%d", dst, os.Getpid())
	os.Remove(tmp)
	if _, err := s.db.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot save the workspace as %s: %w", dst, err)
	}
	f, err := os.Open(tmp)
	if err == nil {
		err = f.Sync()
		f.Close()
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot save the workspace as %s: %w", dst, err)
	}
	return nil
}
