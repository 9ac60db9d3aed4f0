package importer

// ACLED: time_precision and geo_precision codes, from ACLED's codebook.
var (
	acledTimePrecision = codeTable[DatePrecision]{"bad precision", "1, 2 or 3", map[string]DatePrecision{"": Day, "1": Day, "2": Week, "3": Month}}
	// geo_precision 1 = the town, 2 = near a town or part of a region,
	// 3 = only the province (its capital's coordinates). Empty keeps the
	// precision unknown.
	acledGeoPrecision = codeTable[Precision]{"bad precision", "1, 2 or 3", map[string]Precision{"": UnknownPrecision, "1": Town, "2": Province, "3": Province}}
)

func (w *worker) acled(e *Event) *Problem {
	c := w.c
	d := w.f(c.date)
	t, ok := parseDay(d)
	if !ok {
		return bad(c.date, "bad date", "%s is not a date: expected e.g. 22 March 2024, 22-March-2024 or 2024-03-22", quote(d))
	}
	e.Date = t
	if p := acledTimePrecision.read(w, c.timePrec, &e.DatePrecision); p != nil {
		return p
	}
	if p := w.coords(e); p != nil {
		return p
	}
	if p := acledGeoPrecision.read(w, c.geoPrec, &e.Precision); p != nil {
		return p
	}
	if p := w.count(c.fatalities, false, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	e.EventType, e.SubType = w.sym(w.f(c.eventType)), w.sym(w.f(c.subType))
	e.Actor1, e.Actor2 = w.sym(w.f(c.actor1)), w.sym(w.f(c.actor2))
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	if t := w.f(c.civTarget); len(t) > 0 {
		e.Target = w.sym(t)
	} else if e.EventType == "Violence against civilians" {
		e.Target = "Civilian targeting"
	}
	e.Suicide = e.SubType == "Suicide bomb"
	e.Source = w.sym(w.f(c.source)) // ACLED source lists repeat a lot
	w.setText(fID, w.f(c.id))
	w.setText(fNotes, w.f(c.notes))
	return nil
}
