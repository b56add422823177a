package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGCLimit(t *testing.T) {
	assert.Equal(t, int64(gcFloor), gcLimit(0))
	assert.Equal(t, int64(gcFloor), gcLimit(gcFloor/2))
	assert.Equal(t, int64(600<<20), gcLimit(300<<20))
	assert.Equal(t, int64(math.MaxInt64), gcLimit(math.MaxUint64))
}

// TestBatchGCFollowsLiveHeap keeps more alive than half the floor: after a
// collection the limit must leave room for twice the live heap, and the
// command's end must restore the collector's settings.
func TestBatchGCFollowsLiveHeap(t *testing.T) {
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	before, percent := limit(), debug.SetGCPercent(100)
	debug.SetGCPercent(percent)

	restore := batchGC()
	assert.Equal(t, int64(gcFloor), limit())
	keep := make([]byte, 200<<20)
	require.Eventually(t, func() bool {
		runtime.GC()
		return limit() >= 400<<20
	}, 10*time.Second, 10*time.Millisecond, "limit %d with 200 MiB live", limit())
	runtime.KeepAlive(keep)
	restore()

	assert.Equal(t, before, limit())
	assert.Equal(t, percent, debug.SetGCPercent(percent))
}
