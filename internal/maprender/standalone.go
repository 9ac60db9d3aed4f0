package maprender

import "github.com/paulmach/orb"

// StandAlone is the view centred on marker i at the lowest zoom, from the
// logical zoom `from` up, at which the marker is drawn on its own rather
// than inside a cluster: where a search hit or a list row takes the user,
// with as much around it as can be shown. vp gives the size and scale.
func StandAlone(vp Viewport, markers []Marker, i MarkerIndex, from float64) Viewport {
	if i < 0 || int(i) >= len(markers) {
		return vp
	}
	target := markers[i]
	centre := orb.Point{float64(target.X), float64(target.Y)}
	// at centres the view on the target again after each change of zoom:
	// a wide view is shifted back inside the map's limits.
	at := func(zoom float64) Viewport {
		vp.Center, vp.Zoom = centre, zoom
		return vp.Clamped()
	}
	vp = at(from * vp.Scale)
	// Only the markers in the widest view can share a cluster with it.
	b := vp.Bound()
	var near []Marker
	idx := NoMarker
	for k, m := range markers {
		if b.Contains(orb.Point{float64(m.X), float64(m.Y)}) {
			if MarkerIndex(k) == i {
				idx = MarkerIndex(len(near))
			}
			near = append(near, m)
		}
	}
	if idx == NoMarker { // the target outside a view shifted inside the limits
		near, idx = append(near, target), MarkerIndex(len(near))
	}
	for !vp.AtMaxZoom() && !drawnAlone(Layout(vp, near), idx) {
		vp = at(vp.Zoom * 1.25)
	}
	return vp
}

func drawnAlone(f *Frame, i MarkerIndex) bool {
	for _, it := range f.Items {
		if it.Index == i {
			return it.Count == 1
		}
	}
	return false
}
