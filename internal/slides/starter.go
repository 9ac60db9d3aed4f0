package slides

import (
	"fmt"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"iskbrief/internal/basemap"
	"iskbrief/internal/brief"
	"iskbrief/internal/dataset"
	"iskbrief/internal/filter"
	"iskbrief/internal/symbology"
	"iskbrief/internal/workspace"
)

// StarterTitle names the briefing every new workspace starts with.
const StarterTitle = "ISIS-K at a glance"

// MyBriefing names the empty briefing a new workspace opens on.
const MyBriefing = "My briefing"

// StarterID is what `export slides --briefing` accepts for the built-in
// briefing, with or without a workspace.
const StarterID = "starter"

// Starter builds the starter briefing from the dataset: where the group
// strikes, what the attack count counts, the monitors' death figures, the
// fighter estimates, attacks abroad, Kabul, Crocus City Hall with its toll
// history, Kerman, and the sources and caveats. Every number in the notes
// is computed from the data, so the notes stay true when the data change.
func Starter(m *brief.Model) []workspace.Slide {
	d := m.Data
	all := m.Select(filter.Filter{}, symbology.ByTarget)
	var ss []workspace.Slide
	add := func(title, notes string, f filter.Filter, area [4]float64, chart, selected string) {
		var st workspace.SlideState
		Capture(&st, f)
		st.West, st.South, st.East, st.North = area[0], area[1], area[2], area[3]
		st.Chart, st.Selected, st.ColorBy, st.Style = chart, selected, string(symbology.ByTarget), "projector"
		st.Live = true // written from the data: it recounts when the data change
		ss = append(ss, workspace.Slide{Position: len(ss), Title: title, Notes: notes, State: st})
	}
	attacks, foiled, byCountry := 0, 0, map[string]int{}
	for _, e := range d.Events {
		if e.Outcome == dataset.Foiled {
			foiled++
			continue
		}
		attacks++
		byCountry[e.Country]++
	}
	first, last := d.Events[0].Date.Year(), d.Events[len(d.Events)-1].Date.Year()

	var parts []string
	for _, c := range dataset.Countries {
		parts = append(parts, fmt.Sprintf("%s %d", dataset.CountryName(c), byCountry[c]))
	}
	add("Where ISIS-K strikes",
		fmt.Sprintf("The ISK Brief dataset holds %d attacks and %d foiled plots, %d–%d: %s. "+
			"It records deadly attacks (10 or more killed), every attack or plot abroad, and targeted attacks on officials, journalists, clerics and aid workers: the group's most significant attacks, not all of them.",
			attacks, foiled, first, last, strings.Join(parts, ", ")),
		filter.Filter{}, box(brief.FrameEvents(all)), "trends", "")

	peakYear, peak := 0, 0
	perYear := map[int]int{}
	for _, e := range d.Events {
		if e.Outcome != dataset.Foiled {
			perYear[e.Date.Year()]++
		}
	}
	for y, n := range perYear {
		if n > peak || n == peak && y < peakYear {
			peakYear, peak = y, n
		}
	}
	add("Attacks per year, and what the count counts",
		fmt.Sprintf("Deadly and targeted attacks per year in the dataset peak in %d with %d. "+
			"This counts the record's attacks, not every ISKP attack: monitors count hundreds of smaller attacks in some years (next slide). Disputed attributions are included; the filter can leave them out.",
			peakYear, peak),
		filter.Filter{}, box(brief.FrameEvents(all)), "trends", "")

	add("Deaths attributed to ISKP, by monitor", monitorsNotes(d),
		filter.Filter{}, box(brief.FrameEvents(all)), "monitors", "")

	add("How many fighters?", fightersNotes(d),
		filter.Filter{Countries: []string{"AFG", "PAK"}}, [4]float64{60, 29, 75, 38}, "fighters", "")

	abroad := filter.Filter{Countries: []string{"IRN", "TUR", "RUS"}}
	abroadSel := m.Select(abroad, symbology.ByTarget)
	add("Attacks and plots abroad", abroadNotes(d), abroad, box(brief.FrameEvents(abroadSel)), "timeline", "")

	kabul := [4]float64{68.9, 34.35, 69.45, 34.7}
	add("Kabul", kabulNotes(d, kabul), filter.Filter{Countries: []string{"AFG"}}, kabul, "targets", deadliestIn(d, kabul))

	add("Crocus City Hall, March 2024", tollNotes(d, "rus-2024-03-22-crocus-city-hall"),
		filter.Filter{Countries: []string{"RUS"}}, [4]float64{36.6, 55.3, 38.6, 56.2}, TollChart, "rus-2024-03-22-crocus-city-hall")
	add("Kerman, January 2024", tollNotes(d, "irn-2024-01-03-kerman-soleimani-memorial"),
		filter.Filter{Countries: []string{"IRN"}}, [4]float64{54.5, 28.0, 59.5, 32.0}, TollChart, "irn-2024-01-03-kerman-soleimani-memorial")

	disputed := 0
	for _, e := range d.Events {
		if e.Claim == dataset.Disputed {
			disputed++
		}
	}
	add("Sources and caveats",
		fmt.Sprintf("Every figure on these slides is tied to its source: %d sources for %d events, each toll with every report as it was published; early counts are kept beside the figures they settled at. "+
			"%d events are disputed (another group claimed them, officials blamed someone else, or the link is only suspected). "+
			"Monitor figures come through news reports of UNAMA, GTI and others. Dataset reviewed %s.",
			len(d.Sources), len(d.Events), disputed, d.Version),
		filter.Filter{}, box(brief.FrameEvents(all)), "targets", "")
	return ss
}

// box turns a projected bound into the slide state's west, south, east,
// north in degrees.
func box(b orb.Bound) [4]float64 {
	w, n := basemap.Unproject(b.Min)
	e, s := basemap.Unproject(b.Max)
	return [4]float64{w, s, e, n}
}

func inBox(e *dataset.Event, b [4]float64) bool {
	return e.Lon >= b[0] && e.Lon <= b[2] && e.Lat >= b[1] && e.Lat <= b[3]
}

// deadliestIn is the attack with the highest settled toll inside a box.
func deadliestIn(d *dataset.Dataset, b [4]float64) string {
	best, id := -1, ""
	for i := range d.Events {
		e := &d.Events[i]
		if inBox(e, b) && e.Killed.Known && e.Killed.High > best {
			best, id = e.Killed.High, e.ID
		}
	}
	return id
}

func kabulNotes(d *dataset.Dataset, b [4]float64) string {
	n, killed := 0, 0
	for i := range d.Events {
		e := &d.Events[i]
		if inBox(e, b) && e.Outcome == dataset.Attack {
			n++
			if e.Killed.Known {
				killed += e.Killed.Central
			}
		}
	}
	s := fmt.Sprintf("%d of the dataset's attacks struck Kabul, killing about %d people by their settled figures (median across sources).", n, killed)
	if e := d.Event(deadliestIn(d, b)); e != nil {
		s += fmt.Sprintf(" The deadliest: %s, %s, %s killed.", e.Title, e.Date.Format("2 January 2006"), e.Killed)
	}
	return s + " Many Kabul attacks are placed at a neighbourhood point because no source gives the site: the inset shows where they crowd."
}

func abroadNotes(d *dataset.Dataset) string {
	var lines []string
	for i := range d.Events {
		e := &d.Events[i]
		if e.Country == "AFG" || e.Country == "PAK" {
			continue
		}
		what := e.Killed.String() + " killed"
		if e.Outcome == dataset.Foiled {
			what = "foiled"
		}
		lines = append(lines, fmt.Sprintf("%s %s (%s)", e.Date.Format("Jan 2006"), e.Title, what))
	}
	return fmt.Sprintf("%d attacks and plots outside Afghanistan and Pakistan: %s.", len(lines), strings.Join(lines, "; "))
}

func fightersNotes(d *dataset.Dataset) string {
	if len(d.Fighters) == 0 {
		return "No fighter estimates in the dataset."
	}
	lo, hi := d.Fighters[0].Low, d.Fighters[0].High
	for _, f := range d.Fighters {
		lo, hi = min(lo, f.Low), max(hi, f.High)
	}
	latest := d.Fighters[len(d.Fighters)-1]
	pub := latest.SourceID
	if s := d.Source(latest.SourceID); s != nil {
		pub = s.Publisher
	}
	fam := ""
	if latest.FamiliesIncluded {
		fam = ", families included"
	}
	return fmt.Sprintf("%d published estimates range from %d to %d fighters; they disagree because they count different people (fighters only, or with families) and come from different governments and analysts. The latest, %s (%s): %d–%d%s. Each bar is labelled with its publisher.",
		len(d.Fighters), lo, hi, latest.Date.Format("January 2006"), pub, latest.Low, latest.High, fam)
}

func monitorsNotes(d *dataset.Dataset) string {
	var parts []string
	for _, a := range d.Annual {
		if !a.FullYear() || (a.Measure != "deaths" && a.Measure != "civilian_killed") {
			continue
		}
		what := "deaths"
		if a.Measure == "civilian_killed" {
			what = "civilians killed"
		}
		where := dataset.CountryName(a.Country)
		if a.Country == "ALL" {
			where = "all countries"
		}
		q := ""
		if a.Qualifier.Floor() {
			q = "more than "
		}
		parts = append(parts, fmt.Sprintf("%s %d %s, %s%d", a.Monitor, a.Year, where, q, a.Value)+" "+what)
	}
	return "Systematic monitors' yearly figures, beside the dataset's own killed (grey): " + strings.Join(parts, "; ") +
		". Each monitor counts differently (UNAMA civilians only); years without a figure were not found, not zero."
}

// tollNotes tells how an attack's toll was reported over time.
func tollNotes(d *dataset.Dataset, id string) string {
	e := d.Event(id)
	if e == nil {
		return ""
	}
	s := fmt.Sprintf("%s, %s: %s killed as the toll settled", e.Title, e.Date.Format("2 January 2006"), e.Killed)
	if e.EarlyKilled.Known {
		s += fmt.Sprintf("; early counts %s", e.EarlyKilled)
	}
	s += fmt.Sprintf(" (%d reports). ", len(e.Reports))
	if e.Killed.Low != e.Killed.High {
		s += "The settled sources still disagree, so the range stays: "
		var ps []string
		for _, r := range e.Reports {
			if r.Killed != nil && r.Status == dataset.Settled {
				pub := r.SourceID
				if src := d.Source(r.SourceID); src != nil {
					pub = src.Publisher
				}
				ps = append(ps, fmt.Sprintf("%s %d", pub, *r.Killed))
			}
		}
		slices.Sort(ps)
		ps = slices.Compact(ps)
		s += strings.Join(ps, ", ") + ". "
	}
	return s + "The detail panel's toll history shows each figure on the day it was reported."
}

// AddStarter stores the starter briefing in a workspace that has no
// briefing yet (a new workspace), as ordinary slides the user can edit or
// delete, and beside it an empty "My briefing" that opens first, so the
// user's own slides never land in the starter by accident. `export slides
// --briefing starter` draws it afresh from the data at any time, so it is
// never lost. It returns whether it added it.
func AddStarter(s *workspace.Store, m *brief.Model) (bool, error) {
	bs, err := s.Briefings()
	if err != nil || len(bs) > 0 {
		return false, err
	}
	id, err := s.CreateBriefing(StarterTitle)
	if err != nil {
		return false, err
	}
	for _, sl := range Starter(m) {
		if _, err := s.AddSlide(id, sl.Title, sl.Notes, sl.State); err != nil {
			return false, err
		}
	}
	if _, err := s.CreateBriefing(MyBriefing); err != nil {
		return false, err
	}
	return true, nil
}
