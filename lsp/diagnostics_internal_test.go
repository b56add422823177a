package lsp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDelayAfter(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	const debounce = 5 * time.Millisecond
	finished := &run{at: now.Add(-time.Millisecond)}
	finished.done.Store(true)
	for _, tt := range []struct {
		name string
		old  *run
		want time.Duration
	}{
		{"just opened: wait, a first edit may follow", nil, debounce},
		{"a burst: wait for the last change", &run{at: now.Add(-time.Millisecond)}, debounce},
		{"a keystroke after a pause: at once", &run{at: now.Add(-time.Second)}, 0},
		{"exactly the delay after", &run{at: now.Add(-debounce)}, 0},
		{"soon after, but the last change is analysed: at once", finished, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, delayAfter(tt.old, now, debounce))
		})
	}
}
