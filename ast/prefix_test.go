package ast

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrefixOf(t *testing.T) {
	p := &Prefix{Text: ">CS"}
	tests := []struct {
		name string
		m    Message
		want *Prefix
	}{
		{"field", &Field{Prefix: p}, p},
		{"form", &Form{Prefix: p}, p},
		{"set", &Set{Prefix: p}, p},
		{"assign", &Assign{Prefix: p}, p},
		{"notify", &Notify{Prefix: p}, p},
		{"mention", &Mention{Prefix: p}, p},
		{"invalid", &Invalid{Prefix: p}, p},
		{"chat", &Chat{Text: "hi"}, nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Same(t, tt.want, PrefixOf(tt.m)) })
	}
}
