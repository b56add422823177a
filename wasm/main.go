//go:build js && wasm

// Command wasm is cscmd for JavaScript: built with GOOS=js GOARCH=wasm
// (wasm/build.sh), it registers globalThis.__cscmd with parse, lint,
// diagnose, complete, hover, explain, rules and languages, each answering JSON text (or
// {error}), then calls globalThis.__cscmdReady and waits for calls.
// index.js and index.mjs wrap it in the typed API of index.d.ts.
package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/web1on1/cscmd/wasm/engine"
)

func main() {
	// One thread does both the work and the collecting here; the documents
	// of an editor are small, so trading memory for fewer collections pays.
	debug.SetGCPercent(400)
	api := map[string]any{
		"parse": fn(func(args []js.Value) (string, error) {
			return engine.Parse(bytesOf(args[0])), nil
		}),
		"lint": fn(func(args []js.Value) (string, error) {
			return engine.Lint(bytesOf(args[0]), options(args[1]))
		}),
		"diagnose": fn(func(args []js.Value) (string, error) {
			doc := "default"
			if args[1].Type() == js.TypeObject && args[1].Get("document").Type() == js.TypeString {
				doc = args[1].Get("document").String()
			}
			return engine.Diagnose(bytesOf(args[0]), doc, options(args[1]))
		}),
		"complete": fn(func(args []js.Value) (string, error) {
			return engine.Complete(bytesOf(args[0]), position(args[1], args[2]), options(args[3]))
		}),
		"hover": fn(func(args []js.Value) (string, error) {
			return engine.HoverAt(bytesOf(args[0]), position(args[1], args[2]), options(args[3]))
		}),
		"explain": fn(func(args []js.Value) (string, error) {
			return engine.Explain(bytesOf(args[0]), options(args[1]))
		}),
		"rules":     fn(func([]js.Value) (string, error) { return engine.Rules(), nil }),
		"languages": fn(func([]js.Value) (string, error) { return engine.Languages(), nil }),
	}
	js.Global().Set("__cscmd", js.ValueOf(api))
	if ready := js.Global().Get("__cscmdReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // serve calls until the page or process ends
}

// fn adapts a call to JavaScript: the answer's JSON text, or {error} that
// the wrapper throws. The arguments are padded so a missing one reads as
// undefined.
func fn(f func([]js.Value) (string, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		for len(args) < 4 {
			args = append(args, js.Undefined())
		}
		s, err := f(args)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return s
	})
}

// bytesOf reads a text argument: a string (UTF-8 once in Go), or a
// Uint8Array of the file's bytes, which may be any encoding.
func bytesOf(v js.Value) []byte {
	if v.Type() == js.TypeString {
		return []byte(v.String())
	}
	if v.Type() == js.TypeObject && v.Get("byteLength").Type() == js.TypeNumber {
		b := make([]byte, v.Get("byteLength").Int())
		js.CopyBytesToGo(b, v)
		return b
	}
	return nil
}

func options(v js.Value) engine.Options {
	var o engine.Options
	if v.Type() != js.TypeObject {
		return o
	}
	if l := v.Get("language"); l.Type() == js.TypeString {
		o.Language = l.String()
	}
	if c := v.Get("config"); c.Type() == js.TypeString {
		o.Config = c.String()
	}
	return o
}

func position(line, char js.Value) engine.Position {
	var p engine.Position
	if line.Type() == js.TypeNumber {
		p.Line = line.Int()
	}
	if char.Type() == js.TypeNumber {
		p.Character = char.Int()
	}
	return p
}
