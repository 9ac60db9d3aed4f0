package importer

// UCDP GED date_prec (1 = the day … 5 = the year) and where_prec (1 = the
// exact place, 2–5 = a district, province or area around it, 6–7 = only the
// country or beyond).
var (
	ucdpDatePrecision  = codeTable[DatePrecision]{"bad precision", "1–5", map[string]DatePrecision{"": Day, "1": Day, "2": Week, "3": Week, "4": Month, "5": Year}}
	ucdpWherePrecision = codeTable[Precision]{"bad precision", "1–7", map[string]Precision{"": UnknownPrecision, "1": Town, "2": Province, "3": Province, "4": Province, "5": Province, "6": UnknownPrecision, "7": UnknownPrecision}}
)

var violence = map[string]string{"1": "State-based conflict", "2": "Non-state conflict", "3": "One-sided violence"}

func (w *worker) ucdp(e *Event) *Problem {
	c := w.c
	d := w.f(c.dateStart)
	t, ok := parseDay(d)
	if !ok {
		return bad(c.dateStart, "bad date", "%s is not a date: expected YYYY-MM-DD", quote(d))
	}
	e.Date = t
	if p := ucdpDatePrecision.read(w, c.datePrec, &e.DatePrecision); p != nil {
		return p
	}
	if p := w.coords(e); p != nil {
		return p
	}
	if p := ucdpWherePrecision.read(w, c.wherePrec, &e.Precision); p != nil {
		return p
	}
	if p := w.count(c.best, false, &e.Killed); p != nil {
		return p
	}
	if p := w.count(c.low, false, &e.KilledLow); p != nil {
		return p
	}
	if p := w.count(c.high, false, &e.KilledHigh); p != nil {
		return p
	}
	if p := orderedRange(e, c.best, "deaths low %d, best %d, high %d: expected low ≤ best ≤ high"); p != nil {
		return p
	}
	v := w.f(c.violence)
	e.EventType = violence[string(v)]
	if string(v) == "3" {
		e.Target = "Civilians"
	}
	e.Actor1, e.Actor2 = w.sym(w.f(c.actor1)), w.sym(w.f(c.actor2))
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.source))
	w.setText(fNotes, w.f(c.notes))
	return nil
}
