package editors_test

import (
	"archive/zip"
	"bytes"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/web1on1/cscmd/host"
)

// stamp is the version package.sh stamps into cscmd in these tests, to tell
// it from the version of a cscmd built without one.
const stamp = "0.1.0-test"

var (
	packOnce sync.Once
	packDir  string
	packErr  error
	packOut  []byte
)

// vscodePackages runs editors/vscode/package.sh once for the tests of this
// process and returns the folder of the VSIX files.
func vscodePackages(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not installed: the VS Code extension cannot be built")
	}
	packOnce.Do(func() {
		packDir, packErr = os.MkdirTemp("", "cscmd-vsix-")
		if packErr != nil {
			return
		}
		cmd := exec.Command("./vscode/package.sh")
		cmd.Env = append(os.Environ(), "CSCMD_DIST="+packDir, "CSCMD_VERSION="+stamp)
		packOut, packErr = cmd.CombinedOutput()
	})
	require.NoError(t, packErr, "package.sh: %s", packOut)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("package.sh:\n%s", packOut)
		}
	})
	return packDir
}

// TestVSCodePackages checks that each platform package holds cscmd built for
// its platform, executable, with the version stamped, and that the universal
// package holds none.
func TestVSCodePackages(t *testing.T) {
	dist := vscodePackages(t)
	tests := []struct {
		target, goos, goarch string
	}{
		{"linux-x64", "linux", "amd64"},
		{"linux-arm64", "linux", "arm64"},
		{"alpine-x64", "linux", "amd64"},
		{"darwin-x64", "darwin", "amd64"},
		{"darwin-arm64", "darwin", "arm64"},
		{"win32-x64", "windows", "amd64"},
		{"win32-arm64", "windows", "arm64"},
		{"universal", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			name := "cscmd-" + tt.target + "-0.1.0.vsix"
			if tt.target == "universal" {
				name = "cscmd-0.1.0.vsix"
			}
			files := readVSIX(t, filepath.Join(dist, name))
			require.Contains(t, files, "extension/out/extension.js")
			require.Contains(t, files, "extension/syntaxes/cscmd.tmLanguage.json")
			target := manifestTarget(t, files["extension.vsixmanifest"].data)

			var servers []string
			for name := range files {
				if strings.HasPrefix(name, "extension/server/") {
					servers = append(servers, name)
				}
			}
			if tt.goos == "" {
				assert.Empty(t, target, "the universal package is for every platform")
				assert.Empty(t, servers, "the universal package uses cscmd.path or PATH")
				return
			}
			assert.Equal(t, tt.target, target)
			exe := "extension/server/cscmd"
			if tt.goos == "windows" {
				exe += ".exe"
			}
			require.Equal(t, []string{exe}, servers)
			bin := files[exe]
			goos, goarch := binaryPlatform(t, bin.data)
			assert.Equal(t, tt.goos+"/"+tt.goarch, goos+"/"+goarch)
			assert.True(t, bytes.Contains(bin.data, []byte(stamp)), "the version is stamped")
			if tt.goos != "windows" {
				assert.Equal(t, os.FileMode(0o755), bin.mode.Perm(), "executable")
			}
			if goos == runtime.GOOS && goarch == runtime.GOARCH {
				path := filepath.Join(t.TempDir(), "cscmd")
				require.NoError(t, os.WriteFile(path, bin.data, 0o755))
				out, err := exec.Command(path, "version").Output()
				require.NoError(t, err)
				assert.True(t, strings.HasPrefix(string(out), "cscmd "+stamp+" "), "stamped version first: %q", out)
			}
		})
	}
}

type zipFile struct {
	data []byte
	mode os.FileMode
}

func readVSIX(t *testing.T, path string) map[string]zipFile {
	t.Helper()
	r, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer r.Close()
	files := map[string]zipFile{}
	for _, f := range r.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		files[f.Name] = zipFile{b, f.Mode()}
	}
	return files
}

// manifestTarget returns the TargetPlatform of a VSIX manifest, "" for none.
func manifestTarget(t *testing.T, manifest []byte) string {
	t.Helper()
	var m struct {
		Metadata struct {
			Identity struct {
				TargetPlatform string `xml:"TargetPlatform,attr"`
			} `xml:"Identity"`
		} `xml:"Metadata"`
	}
	require.NoError(t, xml.Unmarshal(manifest, &m))
	return m.Metadata.Identity.TargetPlatform
}

// binaryPlatform reads the operating system and architecture of an
// executable from its header.
func binaryPlatform(t *testing.T, b []byte) (goos, goarch string) {
	t.Helper()
	r := bytes.NewReader(b)
	if f, err := elf.NewFile(r); err == nil {
		return "linux", map[elf.Machine]string{elf.EM_X86_64: "amd64", elf.EM_AARCH64: "arm64"}[f.Machine]
	}
	if f, err := macho.NewFile(r); err == nil {
		return "darwin", map[macho.Cpu]string{macho.CpuAmd64: "amd64", macho.CpuArm64: "arm64"}[f.Cpu]
	}
	if f, err := pe.NewFile(r); err == nil {
		return "windows", map[uint16]string{pe.IMAGE_FILE_MACHINE_AMD64: "amd64", pe.IMAGE_FILE_MACHINE_ARM64: "arm64"}[f.Machine]
	}
	t.Fatal("not an ELF, Mach-O or PE executable")
	return "", ""
}

// TestVSCodeServesEveryLanguage checks that the extension's document
// selector (src/languages.ts) holds every language id and extension of the
// server's registry, so a language added to the server reaches VS Code.
func TestVSCodeServesEveryLanguage(t *testing.T) {
	src, err := os.ReadFile("vscode/src/languages.ts")
	require.NoError(t, err)
	list := func(name string) []string {
		m := regexp.MustCompile(`(?s)export const ` + name + ` = \[(.*?)\];`).FindSubmatch(src)
		require.NotNil(t, m, "languages.ts has no %s", name)
		var out []string
		for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllSubmatch(m[1], -1) {
			out = append(out, string(q[1]))
		}
		return out
	}
	ids, exts := list("languages"), list("extensions")
	for _, l := range host.Languages {
		for _, id := range l.IDs {
			assert.Contains(t, ids, id, "language %s", l.Name)
		}
		// The selector's pattern is **/*.{ext,…}: ".blade.php" is covered by
		// "php".
		for _, ext := range l.Extensions {
			assert.True(t, slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(ext, "."+e) }),
				"language %s: the extension %s is not in the selector", l.Name, ext)
		}
	}
}
