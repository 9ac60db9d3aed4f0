package events

import (
	"bytes"
	"fmt"
)

// SyntheticCSV builds an n-row events file in the CSVHeader layout, spread
// over the region: the input of the benchmarks and of `make bench-peers`,
// the same bytes on every run (a fixed scatter, not random).
func SyntheticCSV(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 34)
	b.WriteString(CSVHeader + "\n")
	countries := []string{"AFG", "PAK", "IRN", "TUR", "RUS"}
	for i := range n {
		lat := 25 + float64((i*7919)%3000)/100
		lon := 30 + float64((i*104729)%4500)/100
		fmt.Fprintf(&b, "%04d-%02d-%02d,%.4f,%.4f,%d,%s\n", 2015+i%11, 1+i%12, 1+i%28, lat, lon, i%50, countries[i%5])
	}
	return b.Bytes()
}
