package host

import "sort"

// Seg maps a run of decoded bytes to the host bytes it was written as.
//
// A verbatim run is copied byte for byte (HostLen equals the decoded length);
// any other run is one escape, entity or placeholder whose decoded bytes all
// come from the HostLen bytes at Host.
type Seg struct {
	Dec      int // offset of the run in the decoded text
	Host     int // offset in the host of the run's first source byte
	HostLen  int // number of host bytes the run was written as
	Verbatim bool
}

// Map is the offset map of a decoded text: it owns both directions between
// offsets of the text and offsets of the host it was decoded from, and it
// composes, so that a text decoded from a text decoded from a file maps
// straight to the file. Every conversion between decoded and host offsets
// goes through a Map; columns are linemap's business.
//
// Segs are sorted by Dec and by Host, and cover the text from 0 to Len
// without gaps. A Map without Segs maps every offset to Base.
type Map struct {
	Segs []Seg
	Len  int // length of the decoded text
	Base int // where an empty text is in the host
}

// VerbatimMap is the map of n bytes copied as they are from host offset at.
func VerbatimMap(at, n int) Map {
	if n == 0 {
		return Map{Base: at}
	}
	return Map{Segs: []Seg{{Dec: 0, Host: at, HostLen: n, Verbatim: true}}, Len: n, Base: at}
}

// Start maps a decoded offset (clamped to [0, Len]) to a host offset, for
// the start of a range. An offset inside an escape maps to the escape's
// start.
func (m Map) Start(dec int) int {
	if len(m.Segs) == 0 {
		return m.Base
	}
	dec = min(max(dec, 0), m.Len)
	i := m.segAt(dec)
	g := m.Segs[i]
	if dec >= g.Dec+m.decLen(i) {
		return g.Host + g.HostLen
	}
	if g.Verbatim {
		return g.Host + dec - g.Dec
	}
	return g.Host
}

// End maps the exclusive end of a decoded range to a host offset: an end
// inside or just after an escape maps to the end of that escape.
func (m Map) End(dec int) int {
	dec = min(dec, m.Len)
	if len(m.Segs) == 0 || dec <= 0 {
		return m.Start(dec)
	}
	i := m.segAt(dec - 1)
	g := m.Segs[i]
	if g.Verbatim {
		return g.Host + dec - g.Dec
	}
	return g.Host + g.HostLen
}

// Decoded is the inverse of Start: the decoded offset of a host offset that
// lies in a verbatim run or at either end of an escape. Inside an escape or
// a placeholder, and outside the text (or between the literals of a `+`
// chain), there is none. It costs O(log len(Segs)).
func (m Map) Decoded(host int) (int, bool) {
	// The first seg that ends at or after host; the one before ends before
	// it and cannot hold it.
	i := sort.Search(len(m.Segs), func(i int) bool { return m.Segs[i].Host+m.Segs[i].HostLen >= host })
	if i == len(m.Segs) {
		return 0, false
	}
	g := m.Segs[i]
	switch {
	case host < g.Host:
		return 0, false
	case g.Verbatim:
		return g.Dec + host - g.Host, true
	case host == g.Host:
		return g.Dec, true
	case host == g.Host+g.HostLen:
		return g.Dec + m.decLen(i), true
	}
	return 0, false
}

// Compose returns the map from m's decoded text to the host of outer, when
// m's host is the decoded text of outer. A verbatim run of m is split where
// it crosses an escape of outer, which becomes a run of its own; an escape
// of m covers the host bytes of every outer run it was written with.
func (m Map) Compose(outer Map) Map {
	out := Map{Len: m.Len, Base: outer.Start(m.Base), Segs: make([]Seg, 0, len(m.Segs))}
	add := func(g Seg) {
		if k := len(out.Segs) - 1; k >= 0 && g.Verbatim && out.Segs[k].Verbatim &&
			out.Segs[k].Dec+out.Segs[k].HostLen == g.Dec && out.Segs[k].Host+out.Segs[k].HostLen == g.Host {
			out.Segs[k].HostLen += g.HostLen
			return
		}
		out.Segs = append(out.Segs, g)
	}
	for _, g := range m.Segs {
		lo, hi := g.Host, g.Host+g.HostLen
		if !g.Verbatim || len(outer.Segs) == 0 {
			h := outer.Start(lo)
			add(Seg{Dec: g.Dec, Host: h, HostLen: outer.End(hi) - h})
			continue
		}
		for k := outer.segAt(lo); k < len(outer.Segs) && outer.Segs[k].Dec < hi; k++ {
			o := outer.Segs[k]
			a, b := max(lo, o.Dec), min(hi, o.Dec+outer.decLen(k))
			if a >= b {
				continue
			}
			d := g.Dec + a - lo
			if o.Verbatim {
				add(Seg{Dec: d, Host: o.Host + a - o.Dec, HostLen: b - a, Verbatim: true})
			} else {
				// Part of an escape stands for all of it; the decoded
				// bytes of the run that it covers go with it.
				add(Seg{Dec: d, Host: o.Host, HostLen: o.HostLen})
			}
		}
	}
	return out
}

// segAt returns the index of the segment holding decoded offset dec (the
// last one for dec == Len).
func (m Map) segAt(dec int) int {
	return max(sort.Search(len(m.Segs), func(i int) bool { return m.Segs[i].Dec > dec })-1, 0)
}

func (m Map) decLen(i int) int {
	if i+1 < len(m.Segs) {
		return m.Segs[i+1].Dec - m.Segs[i].Dec
	}
	return m.Len - m.Segs[i].Dec
}
