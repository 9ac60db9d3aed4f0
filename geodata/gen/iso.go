package main

import (
	"strings"
	"unicode/utf8"
)

// isoNumeric maps ISO 3166-1 numeric codes (world-atlas ids) to alpha-3, for
// every country that reaches the region. The generator fails on a country in
// the region that is missing here, so the table cannot silently fall behind.
var isoNumeric = map[string]string{
	"004": "AFG", "008": "ALB", "031": "AZE", "048": "BHR", "050": "BGD",
	"051": "ARM", "064": "BTN", "070": "BIH", "100": "BGR", "112": "BLR",
	"148": "TCD", "156": "CHN", "196": "CYP", "203": "CZE", "231": "ETH",
	"232": "ERI", "233": "EST", "246": "FIN", "248": "ALA", "262": "DJI",
	"268": "GEO", "275": "PSE", "300": "GRC", "348": "HUN", "356": "IND",
	"364": "IRN", "368": "IRQ", "376": "ISR", "398": "KAZ", "400": "JOR",
	"414": "KWT", "417": "KGZ", "422": "LBN", "428": "LVA", "434": "LBY",
	"440": "LTU", "496": "MNG", "498": "MDA", "499": "MNE", "512": "OMN",
	"524": "NPL", "578": "NOR", "586": "PAK", "616": "POL", "634": "QAT",
	"642": "ROU", "643": "RUS", "682": "SAU", "688": "SRB", "703": "SVK",
	"729": "SDN", "752": "SWE", "760": "SYR", "762": "TJK", "784": "ARE",
	"795": "TKM", "792": "TUR", "804": "UKR", "807": "MKD", "818": "EGY",
	"860": "UZB", "887": "YEM", "191": "HRV", "040": "AUT", "706": "SOM",
	"144": "LKA", "104": "MMR", "562": "NER", "140": "CAF", "728": "SSD",
	"360": "IDN", "458": "MYS", "404": "KEN", "250": "FRA", "180": "COD",
	"276": "DEU", "704": "VNM", "116": "KHM", "442": "LUX", "056": "BEL",
	"418": "LAO", "208": "DNK", "788": "TUN", "380": "ITA", "756": "CHE",
	"528": "NLD", "438": "LIE", "566": "NGA", "705": "SVN", "764": "THA",
	"674": "SMR", "096": "BRN", "492": "MCO", "012": "DZA", "120": "CMR",
	"344": "HKG", "470": "MLT", "462": "MDV", "446": "MAC", "336": "VAT",
}

// isoAlpha2 maps the ISO 3166-1 alpha-2 codes of GeoNames to alpha-3, for
// the countries of the region (the generator fails on a city whose country is
// missing here).
var isoAlpha2 = map[string]string{
	"AF": "AFG", "AL": "ALB", "AZ": "AZE", "BH": "BHR", "BD": "BGD", "AM": "ARM",
	"BT": "BTN", "BA": "BIH", "BG": "BGR", "BY": "BLR", "TD": "TCD", "CN": "CHN",
	"CY": "CYP", "CZ": "CZE", "ET": "ETH", "ER": "ERI", "EE": "EST", "FI": "FIN",
	"AX": "ALA", "DJ": "DJI", "GE": "GEO", "PS": "PSE", "GR": "GRC", "HU": "HUN",
	"IN": "IND", "IR": "IRN", "IQ": "IRQ", "IL": "ISR", "KZ": "KAZ", "JO": "JOR",
	"KW": "KWT", "KG": "KGZ", "LB": "LBN", "LV": "LVA", "LY": "LBY", "LT": "LTU",
	"MN": "MNG", "MD": "MDA", "ME": "MNE", "OM": "OMN", "NP": "NPL", "NO": "NOR",
	"PK": "PAK", "PL": "POL", "QA": "QAT", "RO": "ROU", "RU": "RUS", "SA": "SAU",
	"RS": "SRB", "SK": "SVK", "SD": "SDN", "SE": "SWE", "SY": "SYR", "TJ": "TJK",
	"AE": "ARE", "TM": "TKM", "TR": "TUR", "UA": "UKR", "MK": "MKD", "EG": "EGY",
	"UZ": "UZB", "YE": "YEM", "HR": "HRV", "AT": "AUT", "SO": "SOM", "LK": "LKA",
	"MM": "MMR", "NE": "NER", "CF": "CAF", "SS": "SSD", "XK": "XKX",
	"ID": "IDN", "MY": "MYS", "KE": "KEN", "FR": "FRA", "CD": "COD", "DE": "DEU",
	"VN": "VNM", "KH": "KHM", "LU": "LUX", "BE": "BEL", "LA": "LAO", "DK": "DNK",
	"TN": "TUN", "IT": "ITA", "CH": "CHE", "NL": "NLD", "LI": "LIE", "NG": "NGA",
	"SI": "SVN", "TH": "THA", "SM": "SMR", "BN": "BRN", "MC": "MCO", "DZ": "DZA",
	"CM": "CMR", "HK": "HKG", "MT": "MLT", "MV": "MDV", "MO": "MAC", "VA": "VAT",
}

// cityNames replaces GeoNames names that have since changed.
var cityNames = map[string]string{
	"Nur-Sultan": "Astana", // renamed back in 2022
}

// unnamedAreas gives codes to world-atlas areas without an ISO number
// (Natural Earth's own ADM0_A3 codes where ISO has none).
var unnamedAreas = map[string]string{
	"Kosovo":                  "XKX",
	"N. Cyprus":               "CYN",
	"Cyprus U.N. Buffer Zone": "CNM",
	"Siachen Glacier":         "KAS",
	"Baikonur":                "KAZ", // leased to Russia, but Kazakh territory: no border of its own
	"Akrotiri":                "ESB",
	"Dhekelia":                "ESB",
	"Somaliland":              "SOL",
	"Spratly Is.":             "PGA",
}

// countryNames replaces world-atlas's abbreviated names with English names.
var countryNames = map[string]string{
	"N. Cyprus":               "Northern Cyprus",
	"Macedonia":               "North Macedonia",
	"Bosnia and Herz.":        "Bosnia and Herzegovina",
	"Central African Rep.":    "Central African Republic",
	"S. Sudan":                "South Sudan",
	"Dem. Rep. Congo":         "Democratic Republic of the Congo",
	"Spratly Is.":             "Spratly Islands",
	"Cyprus U.N. Buffer Zone": "Cyprus UN Buffer Zone",
	"Akrotiri":                "Akrotiri and Dhekelia",
	"Dhekelia":                "Akrotiri and Dhekelia",
}

// provinceFixes resolves Natural Earth admin-1 records whose names and ISO
// 3166-2 codes repeat another province's: Panjshir and Daykundi were split
// off Parwan and Uruzgan and carry their parent's attributes (their gn_name /
// woe_name tell them apart). Cities that are provinces of their own share the
// English name of the region around them. Keyed by adm1_code.
var provinceFixes = map[string]string{
	"AFG-1769": "Panjshir",
	"AFG-1753": "Daykundi",
	"KAZ-3207": "Almaty Region",
	"KAZ-4829": "Almaty City",
	"UZB-372":  "Tashkent Region",
	"UZB-4828": "Tashkent City",
	"RUS-2399": "Altai Krai",
	"RUS-2364": "Moscow Oblast",
	"RUS-2365": "Moscow",
}

// fold transliterates the diacritics GeoNames uses in romanised names to
// plain English spelling ("Mazār-e Sharīf" → "Mazar-e Sharif").
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if rep, ok := foldMap[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var foldMap = map[rune]string{
	'ā': "a", 'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ă': "a", 'ą': "a",
	'Ā': "A", 'Á': "A", 'À': "A", 'Â': "A", 'Ä': "A", 'Ã': "A", 'Å': "A", 'Ă': "A",
	'ē': "e", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'Ē': "E", 'É': "E", 'È': "E", 'Ê': "E", 'Ë': "E", 'Ė': "E",
	'ī': "i", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i",
	'Ī': "I", 'Í': "I", 'Ì': "I", 'Î': "I", 'Ï': "I", 'İ': "I",
	'ō': "o", 'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ő': "o", 'ø': "o",
	'Ō': "O", 'Ó': "O", 'Ò': "O", 'Ô': "O", 'Ö': "O", 'Õ': "O", 'Ø': "O",
	'ū': "u", 'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ů': "u", 'ű': "u",
	'Ū': "U", 'Ú': "U", 'Ù': "U", 'Û': "U", 'Ü': "U",
	'ç': "c", 'ć': "c", 'č': "c", 'Ç': "C", 'Ć': "C", 'Č': "C",
	'ş': "s", 'ś': "s", 'š': "s", 'ṣ': "s", 'Ş': "S", 'Ś': "S", 'Š': "S", 'Ṣ': "S",
	'ğ': "g", 'Ğ': "G", 'ġ': "g",
	'ñ': "n", 'ń': "n", 'ň': "n", 'Ñ': "N",
	'ž': "z", 'ź': "z", 'ż': "z", 'ẕ': "z", 'Ž': "Z", 'Ź': "Z", 'Ż': "Z", 'Ẕ': "Z",
	'ḩ': "h", 'ḥ': "h", 'Ḩ': "H", 'Ḥ': "H", 'ẖ': "h",
	'ţ': "t", 'ṭ': "t", 'ť': "t", 'Ţ': "T", 'Ṭ': "T",
	'ḑ': "d", 'ḍ': "d", 'ď': "d", 'Ḑ': "D", 'Ḍ': "D", 'đ': "d", 'Đ': "D",
	'ł': "l", 'Ł': "L", 'ľ': "l", 'ř': "r", 'Ř': "R", 'ý': "y", 'Ý': "Y",
	'‘': "", '’': "'", 'ʼ': "'", 'ʻ': "", 'ʿ': "", 'ʾ': "", '`': "",
	'æ': "ae", 'Æ': "AE", 'ß': "ss", 'œ': "oe",
}
