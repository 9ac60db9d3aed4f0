// Package assets embeds the app icon and the dataset, so the binary needs no
// files beside it.
package assets

import (
	"embed"
	_ "embed"
	"io/fs"
)

//go:embed icon.png
var Icon []byte

//go:embed data
var data embed.FS

// Data is the embedded data folder (the layout `iskbrief check` reads).
var Data fs.FS

func init() {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		panic(err) // the folder is embedded at build time; it always exists
	}
	Data = sub
}
