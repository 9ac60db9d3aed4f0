package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds arbitrary bytes to Read, seeded with every sample in
// testdata (so with each layout's header). Read must never panic, must
// return either a result or an error, and a result must satisfy the
// invariants checkInvariants checks.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && filepath.Ext(p) != ".md" {
			f.Add(b, "")
			f.Add(b, "all")
		}
	}
	f.Add([]byte("date,latitude,longitude,killed\n2021-08-26,34.5,69.2,\"1\n"), "")
	f.Add([]byte("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}"), "")
	f.Fuzz(func(t *testing.T, data []byte, actor string) {
		r, err := Read(bytes.NewReader(data), "fuzz", int64(len(data)), Options{Actor: actor, Workers: 2, MaxProblems: 5})
		if err != nil {
			var e *Error
			if r != nil || !errors.As(err, &e) || e.Reason == "" {
				t.Fatalf("bad error: %v (%T), result %v", err, err, r)
			}
			if e.Result != nil {
				if e.Result.Kept != 0 || len(e.Result.Events) != 0 {
					t.Fatalf("refused with events")
				}
				checkInvariants(t, e.Result)
			}
			return
		}
		if r.Kept == 0 {
			t.Fatal("a result with no events")
		}
		checkInvariants(t, r)
		for _, e := range r.Events {
			_ = e.Record()
		}
	})
}
