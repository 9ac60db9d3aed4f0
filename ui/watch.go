package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"iskbrief/internal/brief"
	"iskbrief/internal/workspace"
)

// watchInterval is how often the window looks for changes that another
// process made to its workspace.
const watchInterval = 2 * time.Second

// watchWorkspace notices commits by other processes (a layer imported with
// `iskbrief import`, a briefing exported or edited elsewhere) and brings
// them into the window, so nothing waits for a restart.
func (mw *MainWindow) watchWorkspace() {
	store := mw.store
	last, err := store.DataVersion()
	if err != nil {
		return
	}
	go func() {
		t := time.NewTicker(watchInterval)
		defer t.Stop()
		for range t.C {
			v, err := store.DataVersion()
			if err != nil || v == last {
				if err != nil {
					return // the store was closed
				}
				continue
			}
			last = v
			fyne.Do(mw.syncWorkspace)
		}
	}()
}

// syncWorkspace adds the layers stored since the window loaded its own and
// drops those removed, then reloads the briefings.
func (mw *MainWindow) syncWorkspace() {
	if mw.importing {
		return // the window's own import is writing; it adds its layer itself
	}
	metas, err := mw.store.Layers()
	if err != nil {
		return
	}
	stored := map[int64]bool{}
	for _, meta := range metas {
		stored[meta.ID] = true
	}
	have := map[int64]bool{}
	var removed, added []string
	for _, l := range slices.Clone(mw.model.Layers) {
		if !stored[l.Meta.ID] {
			mw.model.RemoveLayer(l.Meta.ID)
			removed = append(removed, l.Meta.Name)
		} else {
			have[l.Meta.ID] = true
		}
	}
	// Only the layers the window does not hold are read and decoded: a
	// million-row layer takes seconds, and it is already in memory.
	var fresh []workspace.Layer
	for _, meta := range metas {
		if !have[meta.ID] {
			fresh = append(fresh, meta)
		}
	}
	store := mw.store
	go func() {
		ls, errs := brief.ReadLayersOf(store, fresh)
		fyne.Do(func() {
			if len(ls) > 0 {
				errs = append(errs, mw.model.AddLayers(ls)...)
				for _, l := range ls {
					added = append(added, l.Meta.Name)
				}
			}
			if len(added)+len(removed) > 0 {
				mw.layersChanged()
				var what []string
				if len(added) > 0 {
					what = append(what, "added "+strings.Join(added, ", "))
				}
				if len(removed) > 0 {
					what = append(what, "removed "+strings.Join(removed, ", "))
				}
				msg := fmt.Sprintf("Workspace changed outside the window: layer %s", strings.Join(what, "; "))
				mw.status.SetText(msg)
				mw.tracef("%s", msg)
			}
			for _, err := range errs {
				mw.tracef("workspace sync: %v", err)
			}
			mw.slides.reloadBriefings(mw.slides.briefing)
			if mw.synced != nil {
				mw.synced <- struct{}{}
			}
		})
	}()
}
