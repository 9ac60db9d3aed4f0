package cli

import (
	"fmt"
	"strings"

	"iskbrief/internal/brief"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// saveLayer stores an imported file as a layer of the workspace at path and
// returns a short description of where it went.
func saveLayer(path string, res *importer.Result) (string, error) {
	s, err := workspace.Open(path)
	if err != nil {
		return "", err
	}
	defer s.Close()
	l, err := brief.StoreLayer(s, res, brief.LayerName(res.File))
	if err != nil {
		if strings.Contains(err.Error(), "disk is full") {
			err = fmt.Errorf("the disk holding %s is full (%v): free some space, or import into another workspace with --workspace", path, err)
		}
		return "", err
	}
	return fmt.Sprintf("layer %q (#%d) in %s", l.Meta.Name, l.Meta.ID, path), nil
}
