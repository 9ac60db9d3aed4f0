package workspace

import (
	"database/sql"
	"fmt"
	"time"
)

// Layer is an imported events file kept in the workspace. Its events are
// stored as one encoded blob (the caller's format), so a large import is a
// single insert in a single transaction: all of it, or nothing.
type Layer struct {
	ID       int64
	Name     string
	File     string
	Layout   string
	Imported time.Time
	Events   int
	Color    int // palette index
	Visible  bool
}

// AddLayer stores a layer and its encoded events.
func (s *Store) AddLayer(l Layer, data []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO layers(name, file, layout, imported, events, color, visible, data) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`,
			l.Name, l.File, l.Layout, now(), l.Events, l.Color, l.Visible, data)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// Layers lists the stored layers, oldest first, without their events.
func (s *Store) Layers() ([]Layer, error) {
	rows, err := s.db.Query(`SELECT id, name, file, layout, imported, events, color, visible FROM layers ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Layer
	for rows.Next() {
		var l Layer
		var at string
		if err := rows.Scan(&l.ID, &l.Name, &l.File, &l.Layout, &at, &l.Events, &l.Color, &l.Visible); err != nil {
			return nil, err
		}
		l.Imported, _ = time.Parse(time.RFC3339, at)
		out = append(out, l)
	}
	return out, rows.Err()
}

// LayerData returns a layer's encoded events.
func (s *Store) LayerData(id int64) ([]byte, error) {
	var b []byte
	if err := s.db.QueryRow(`SELECT data FROM layers WHERE id = ?`, id).Scan(&b); err != nil {
		return nil, fmt.Errorf("layer %d: %w", id, err)
	}
	return b, nil
}

// SetLayerVisible shows or hides a layer.
func (s *Store) SetLayerVisible(id int64, visible bool) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE layers SET visible = ? WHERE id = ?`, visible, id)
		return err
	})
}

// RemoveLayer deletes a layer and its events.
func (s *Store) RemoveLayer(id int64) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM layers WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("layer %d does not exist", id)
		}
		return nil
	})
}
