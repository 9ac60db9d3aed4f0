// Package country is the one country lookup: English names as ACLED, GTD,
// UCDP and analysts write them, ISO3 codes and ISO numeric codes, all to
// ISO3, for the region the app covers. The importers and the --events
// reader both use it.
package country

import "strings"

// countries maps lower-case English names (as ACLED, GTD and UCDP write them)
// and ISO 3166 numeric codes to ISO3, for the region the app covers.
var countries = map[string]string{}

func init() {
	for _, c := range []struct {
		iso3, num string
		names     []string
	}{
		{"AFG", "4", []string{"Afghanistan"}},
		{"PAK", "586", []string{"Pakistan"}},
		{"IRN", "364", []string{"Iran", "Iran (Islamic Republic of)", "Iran, Islamic Republic of", "Islamic Republic of Iran"}},
		{"TUR", "792", []string{"Turkey", "Türkiye", "Turkiye"}},
		{"RUS", "643", []string{"Russia", "Russian Federation", "Russia (Soviet Union)"}},
		{"TJK", "762", []string{"Tajikistan"}},
		{"UZB", "860", []string{"Uzbekistan"}},
		{"TKM", "795", []string{"Turkmenistan"}},
		{"KGZ", "417", []string{"Kyrgyzstan", "Kyrgyz Republic"}},
		{"KAZ", "398", []string{"Kazakhstan"}},
		{"IND", "356", []string{"India"}},
		{"CHN", "156", []string{"China", "People's Republic of China"}},
		{"IRQ", "368", []string{"Iraq"}},
		{"SYR", "760", []string{"Syria", "Syrian Arab Republic"}},
		{"AZE", "31", []string{"Azerbaijan"}},
		{"GEO", "268", []string{"Georgia"}},
		{"ARM", "51", []string{"Armenia"}},
	} {
		countries[strings.ToLower(c.iso3)] = c.iso3
		countries[c.num] = c.iso3
		countries["0"+c.num] = c.iso3
		countries["00"+c.num] = c.iso3
		for _, n := range c.names {
			countries[strings.ToLower(n)] = c.iso3
		}
	}
}

// ISO3 returns the ISO3 code of an English country name, an ISO3 code or an
// ISO numeric code in the region the app covers (Afghanistan, Pakistan, Iran,
// Turkey, Russia and their neighbours), or "" for any other country.
func ISO3(s string) string {
	return countries[strings.ToLower(strings.TrimSpace(s))]
}
