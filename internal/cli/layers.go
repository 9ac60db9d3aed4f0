package cli

import (
	"fmt"
	"os"

	"iskbrief/internal/brief"
	"iskbrief/internal/importer"
	"iskbrief/internal/workspace"
)

// WorkspacePath is the workspace the command line saves layers into:
// $ISKBRIEF_WORKSPACE, else the app's default.
func WorkspacePath() (string, error) {
	if p := os.Getenv("ISKBRIEF_WORKSPACE"); p != "" {
		return p, nil
	}
	return workspace.DefaultPath()
}

func init() {
	SaveLayer = func(res *importer.Result) (string, error) {
		path, err := WorkspacePath()
		if err != nil {
			return "", err
		}
		s, err := workspace.Open(path)
		if err != nil {
			return "", err
		}
		defer s.Close()
		l, err := brief.SaveLayer(s, res, brief.LayerName(res.File))
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("layer %q (#%d) in %s", l.Meta.Name, l.Meta.ID, path), nil
	}
}
