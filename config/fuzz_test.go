package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad checks that no input crashes Load, that every error can be shown
// at a real position, and that whatever the catalog accepted is well formed.
// Seeds: every testdata/*.yaml plus testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "fuzz/.cscmd.yaml"
		cfg, err := Load(file, src, ruleIDs)
		if cfg == nil {
			t.Fatal("nil config")
		}
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is not a non-empty ErrorList: %#v", err)
			}
			for i, e := range list {
				if e.File != file || e.Line < 1 || e.Column < 1 || e.Msg == "" {
					t.Fatalf("bad error %#v", e)
				}
				if i > 0 && (e.Line < list[i-1].Line || e.Line == list[i-1].Line && e.Column < list[i-1].Column) {
					t.Fatalf("errors out of order: %v", list)
				}
			}
		}
		for rule, sev := range cfg.Rules {
			if !contains(ruleIDs, rule) || !contains(severities, sev) {
				t.Fatalf("accepted rule %q: %q", rule, sev)
			}
		}
		seen := map[string]bool{}
		for _, e := range cfg.Catalog.Entries() {
			if !isObjectID(e.ID) || seen[e.ID] {
				t.Fatalf("bad or duplicate id %q", e.ID)
			}
			seen[e.ID] = true
			if got, ok := cfg.Catalog.Lookup(e.ID); !ok || got.ID != e.ID {
				t.Fatalf("lookup %q: %v %v", e.ID, got, ok)
			}
			if e.Kind == Department {
				if org, ok := cfg.Catalog.Lookup(e.Org); !ok || org.Kind != Organization {
					t.Fatalf("department %q of unknown organization %q", e.ID, e.Org)
				}
			}
		}
		// Whatever patterns were accepted must be usable.
		for _, p := range []string{"fuzz/a.cscmd", "fuzz/dist/x/y.js", "elsewhere/a.js", "fuzz"} {
			cfg.Excluded(p)
		}
		again, err2 := Load(file, src, ruleIDs)
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() || len(again.Catalog.Entries()) != len(cfg.Catalog.Entries()) {
			t.Fatal("Load is not deterministic")
		}
	})
}

func isObjectID(s string) bool {
	if len(s) != 24 {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
