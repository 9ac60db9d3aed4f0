package importer

// The generic layout spells its codes out (any case).
var (
	genericPrecision = codeTable[Precision]{"bad precision", "site, town or province", map[string]Precision{"": UnknownPrecision, "site": Site, "town": Town, "province": Province}}
	genericClaim     = codeTable[Claim]{"bad claim", "claimed, attributed or disputed", map[string]Claim{"": NoClaim, "claimed": Claimed, "attributed": Attributed, "disputed": Disputed}}
)

func (w *worker) generic(e *Event) *Problem {
	c := w.c
	d := w.f(c.date)
	t, dp, ok := parseAnyDate(d)
	if !ok {
		return bad(c.date, "bad date", "%s is not a date: expected YYYY-MM-DD (or YYYY-MM, YYYY, 22 March 2024)", quote(d))
	}
	e.Date, e.DatePrecision = t, dp
	if p := w.coords(e); p != nil {
		return p
	}
	if p := w.count(c.fatalities, false, &e.Killed); p != nil {
		return p
	}
	e.KilledLow, e.KilledHigh = e.Killed, e.Killed
	if p := w.count(c.killedLow, false, &e.KilledLow); p != nil {
		return p
	}
	if p := w.count(c.killedHigh, false, &e.KilledHigh); p != nil {
		return p
	}
	if p := orderedRange(e, c.fatalities, "killed_low %d, killed %d, killed_high %d: expected low ≤ killed ≤ high"); p != nil {
		return p
	}
	if e.Killed < 0 && (e.KilledLow >= 0 || e.KilledHigh >= 0) {
		return bad(c.fatalities, "bad number", "killed is empty but killed_low or killed_high is not")
	}
	if p := w.count(c.nwound, false, &e.Wounded); p != nil {
		return p
	}
	if p := genericPrecision.read(w, c.precision, &e.Precision); p != nil {
		return p
	}
	if p := genericClaim.read(w, c.claim, &e.Claim); p != nil {
		return p
	}
	e.Actor1 = w.sym(w.f(c.actor))
	e.Admin1 = w.sym(w.f(c.admin1))
	w.setText(fPlace, w.f(c.location))
	w.setText(fID, w.f(c.id))
	w.setText(fSource, w.f(c.source))
	w.setText(fNotes, w.f(c.notes))
	return nil
}
