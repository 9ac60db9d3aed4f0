package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Time-window modes.
const (
	modeAll        = "All dates"
	modeCumulative = "Up to month"
	modeWindow     = "12-month window"
)

var speeds = map[string]time.Duration{"0.5×": 800 * time.Millisecond, "1×": 400 * time.Millisecond, "2×": 200 * time.Millisecond, "4×": 100 * time.Millisecond}

// TimeBar is a month slider over the dataset's span with a play button that
// animates month by month, cumulatively or as a sliding window.
type TimeBar struct {
	// OnChange receives the time window (zero times: no restriction).
	OnChange func(from, to time.Time)

	first  time.Time // first month
	months int
	slider *widget.Slider
	label  *widget.Label
	mode   *Choice
	speed  *Choice
	play   *widget.Button
	obj    fyne.CanvasObject

	mu      sync.Mutex
	playing bool
	stop    chan struct{}
}

// NewTimeBar spans the months from first to last.
func NewTimeBar(first, last time.Time) *TimeBar {
	t := &TimeBar{first: time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)}
	t.months = (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	t.slider = widget.NewSlider(0, float64(max(t.months-1, 1)))
	t.slider.Step = 1
	t.slider.Value = float64(t.months - 1)
	t.slider.OnChanged = func(float64) { t.changed() }
	t.label = widget.NewLabel("")
	t.mode = NewChoice([]string{modeAll, modeCumulative, modeWindow}, func(string) { t.changed() })
	t.mode.SetSelected(modeAll)
	t.speed = NewChoice([]string{"0.5×", "1×", "2×", "4×"}, nil)
	t.speed.SetSelected("1×")
	t.play = widget.NewButtonWithIcon("Play", theme.MediaPlayIcon(), t.toggle)
	left := container.NewHBox(t.play, t.mode)
	right := container.NewHBox(t.label, widget.NewLabel("Speed"), t.speed)
	t.obj = container.NewBorder(nil, nil, left, right, t.slider)
	t.changed()
	return t
}

// Object is the bar's canvas object.
func (t *TimeBar) Object() fyne.CanvasObject { return t.obj }

func (t *TimeBar) month(i int) time.Time { return t.first.AddDate(0, i, 0) }

// Window returns the selected time window (zero times when all dates).
func (t *TimeBar) Window() (from, to time.Time) {
	i := int(t.slider.Value)
	end := t.month(i+1).AddDate(0, 0, -1) // last day of month i
	switch t.mode.Selected {
	case modeCumulative:
		return time.Time{}, end
	case modeWindow:
		return t.month(i - 11), end
	}
	return time.Time{}, time.Time{}
}

// SetWindow restores a saved window (a slide's).
func (t *TimeBar) SetWindow(mode string, month time.Time) {
	if mode == "" {
		mode = modeAll
	}
	i := (month.Year()-t.first.Year())*12 + int(month.Month()-t.first.Month())
	if month.IsZero() {
		i = t.months - 1
	}
	t.slider.Value = float64(max(0, min(t.months-1, i)))
	t.slider.Refresh()
	t.mode.SetSelected(mode) // fires changed
}

// State returns the mode and the slider's month, for saving.
func (t *TimeBar) State() (string, time.Time) {
	return t.mode.Selected, t.month(int(t.slider.Value))
}

func (t *TimeBar) changed() {
	m := t.month(int(t.slider.Value))
	switch t.mode.Selected {
	case modeCumulative:
		t.label.SetText("to " + m.Format("Jan 2006"))
	case modeWindow:
		t.label.SetText(t.month(int(t.slider.Value)-11).Format("Jan 2006") + " – " + m.Format("Jan 2006"))
	default:
		t.label.SetText("all dates")
	}
	if t.OnChange != nil {
		t.OnChange(t.Window())
	}
}

// toggle starts or stops playback. Playback runs on a goroutine and moves the
// slider through fyne.Do, one month per tick.
func (t *TimeBar) toggle() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.playing {
		close(t.stop)
		t.playing = false
		t.play.SetText("Play")
		t.play.SetIcon(theme.MediaPlayIcon())
		return
	}
	if t.mode.Selected == modeAll {
		t.mode.SetSelected(modeCumulative)
	}
	if int(t.slider.Value) >= t.months-1 {
		t.slider.SetValue(0)
	}
	t.playing = true
	t.stop = make(chan struct{})
	t.play.SetText("Pause")
	t.play.SetIcon(theme.MediaPauseIcon())
	go t.run(t.stop, speeds[t.speed.Selected])
}

func (t *TimeBar) run(stop chan struct{}, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			done := make(chan bool, 1) // buffered: fyne.Do may run the func inline
			fyne.Do(func() {
				next := t.slider.Value + 1
				if int(next) >= t.months {
					done <- true
					return
				}
				t.slider.SetValue(next)
				done <- false
			})
			if <-done {
				fyne.Do(func() {
					t.mu.Lock()
					playing := t.playing
					t.mu.Unlock()
					if playing {
						t.toggle()
					}
				})
				return
			}
		}
	}
}
