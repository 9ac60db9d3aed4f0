package slides

import (
	"strings"
	"testing"

	"iskbrief/internal/brief"
	"iskbrief/internal/workspace"
)

// The starter briefing has its 9 slides, each with notes written from the
// data; it is added to a new workspace only.
func TestStarterBriefing(t *testing.T) {
	m, err := brief.Load()
	if err != nil {
		t.Fatal(err)
	}
	ss := Starter(m)
	if len(ss) < 8 || len(ss) > 10 {
		t.Fatalf("%d slides, want 8–10", len(ss))
	}
	for _, s := range ss {
		if s.Title == "" || len(s.Notes) < 60 {
			t.Errorf("slide %q: notes %q too thin", s.Title, s.Notes)
		}
	}
	crocus := ss[6]
	if !strings.Contains(crocus.Notes, "145–149 killed as the toll settled") || !strings.Contains(crocus.Notes, "early counts") {
		t.Errorf("Crocus notes: %q", crocus.Notes)
	}
	if kerman := ss[7]; !strings.Contains(kerman.Notes, "disagree") {
		t.Errorf("Kerman notes must say its settled sources disagree: %q", kerman.Notes)
	}
	st, err := workspace.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if added, err := AddStarter(st, m); !added || err != nil {
		t.Fatalf("a new workspace must get the starter briefing: %v %v", added, err)
	}
	if added, _ := AddStarter(st, m); added {
		t.Error("the starter briefing was added twice")
	}
	bs, _ := st.Briefings()
	if len(bs) != 2 || bs[0].Title != MyBriefing || bs[1].Title != StarterTitle {
		t.Fatalf("briefings %+v: want My briefing first, then the starter", bs)
	}
	if got, _ := st.Slides(bs[1].ID); len(got) != len(ss) {
		t.Errorf("starter stored with %d slides, want %d", len(got), len(ss))
	}
}
