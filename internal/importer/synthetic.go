package importer

import (
	"fmt"
	"io"
)

// SyntheticACLED streams n made-up rows in the current ACLED layout (about
// 560 bytes each, quoted notes with commas), cycling over 1000 row
// variants, without holding the file in memory. It feeds benchmarks only
// (`make bench-memory`, BenchmarkACLED1M): the rows describe no real event.
type SyntheticACLED struct {
	rows [][]byte
	n, i int
	pend []byte
}

const aclHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"

func NewSyntheticACLED(n int) *SyntheticACLED {
	g := &SyntheticACLED{n: n, pend: []byte(aclHeader)}
	places := []struct {
		c, iso, a1, loc string
		lat, lon        float64
	}{{"Afghanistan", "4", "Kabul", "Kabul", 34.533, 69.167}, {"Pakistan", "586", "Balochistan", "Quetta", 30.192, 67.007},
		{"Iran", "364", "Kerman", "Kerman", 30.2839, 57.0725}, {"Russia", "643", "Moscow Oblast", "Krasnogorsk", 55.8258, 37.3903}}
	actors := []string{"Islamic State (Khorasan)", "Taliban", "Military Forces of Pakistan (2018-)", "Unidentified Armed Group (Afghanistan)"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for i := range 1000 {
		p := places[i%len(places)]
		g.rows = append(g.rows, fmt.Appendf(nil,
			"%s%d,%d %s %d,%d,1,Political violence,Explosions/Remote violence,Suicide bomb,%s,,Rebel group,Civilians (%s),,Civilians,Rebel group-Civilians,Civilian targeting,%s,Caucasus and Central Asia,%s,%s,%s,,%s,%.4f,%.4f,%d,Pajhwok Afghan News; Xinhua,National-International,\"On %d %s %d, a suicide bomber detonated explosives near a crowd in %s, %s, killing %d people and wounding others; the group claimed the attack, according to local officials and media reports.\",%d,,%d\n",
			p.iso, 100000+i, i%28+1, months[i%12], 2015+i%10, 2015+i%10, actors[i%len(actors)], p.c, p.iso, p.c, p.a1, p.a1, p.loc,
			p.lat+float64(i%50)/100, p.lon+float64(i%70)/100, i%3+1, i%28+1, months[i%12], 2015+i%10, p.loc, p.a1, i%60, i%60, 1700000000+i))
	}
	return g
}

func (g *SyntheticACLED) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		if len(g.pend) == 0 {
			if g.i == g.n {
				break
			}
			g.pend = g.rows[g.i%len(g.rows)]
			g.i++
		}
		c := copy(b[n:], g.pend)
		g.pend, n = g.pend[c:], n+c
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Size is the number of bytes the stream holds.
func (g *SyntheticACLED) Size() int64 {
	s := int64(len(aclHeader))
	for i := range g.n {
		s += int64(len(g.rows[i%len(g.rows)]))
	}
	return s
}
