package importer

// GTD specificity: 1 = the city or village itself, 2–4 = a centroid of a
// district or province (or nearby), 5 = no better than the country.
var gtdSpecificity = codeTable[Precision]{"bad precision", "1–5", map[string]Precision{"": UnknownPrecision, "1": Town, "2": Province, "3": Province, "4": Province, "5": UnknownPrecision}}

func (w *worker) gtd(e *Event) *Problem {
	c := w.c
	yb, mb, db := w.f(c.iyear), w.f(c.imonth), w.f(c.iday)
	y, ok := digits(yb)
	if !ok || y < 1900 || y > 2100 {
		return bad(c.iyear, "bad date", "%s is not a year", quote(yb))
	}
	m, ok1 := digits(mb)
	d, ok2 := digits(db)
	if len(mb) == 0 {
		m, ok1 = 0, true
	}
	if len(db) == 0 {
		d, ok2 = 0, true
	}
	if !ok1 || m > 12 {
		return bad(c.imonth, "bad date", "%s is not a month: expected 1–12, or 0 when unknown", quote(mb))
	}
	if !ok2 || d > 31 {
		return bad(c.iday, "bad date", "%s is not a day: expected 1–31, or 0 when unknown", quote(db))
	}
	switch {
	case m == 0:
		m, d, e.DatePrecision = 1, 1, Year
	case d == 0:
		d, e.DatePrecision = 1, Month
	}
	t, ok := mkdate(y, m, d)
	if !ok {
		return bad(c.iday, "bad date", "%d-%02d-%02d is not a date", y, m, d)
	}
	e.Date = t
	if p := w.coords(e); p != nil {
		return p
	}
	if p := gtdSpecificity.read(w, c.specificity, &e.Precision); p != nil {
		return p
	}
	if p := w.count(c.fatalities, true, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	if p := w.count(c.nwound, true, &e.Wounded); p != nil {
		return p
	}
	e.EventType, e.Target = w.sym(w.f(c.attack)), w.sym(w.f(c.targ))
	e.Actor1 = w.sym(w.f(c.gname))
	g2, g3 := w.f(c.gname2), w.f(c.gname3)
	w.tmp = append(w.tmp[:0], g2...)
	if len(g2) > 0 && len(g3) > 0 {
		w.tmp = append(w.tmp, "; "...)
	}
	w.tmp = append(w.tmp, g3...)
	e.Actor2 = w.sym(w.tmp)
	e.Admin1, e.Place = w.sym(w.f(c.admin1)), w.sym(w.f(c.location))
	switch {
	case string(w.f(c.guncertain)) == "1":
		e.Claim = Disputed
	case string(w.f(c.claimed)) == "1":
		e.Claim = Claimed
	default:
		e.Claim = Attributed
	}
	e.Suicide = string(w.f(c.suicide)) == "1"
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.scite1), w.f(c.scite2), w.f(c.scite3))
	w.setText(fNotes, w.f(c.notes))
	return nil
}
