//go:build !unix

package rewrite

import (
	"fmt"
	"io/fs"
	"os"
)

// writable reports why the file may not be written, if so: its permission
// bits say it is read-only.
func writable(path string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("the file is read-only (mode %04o)", st.Mode().Perm())
	}
	return nil
}

// links returns the number of names of the file; without a portable way to
// count them, one.
func links(fs.FileInfo) uint64 { return 1 }

// sameOwner reports that tmp has the file's owner: outside Unix, a new file
// gets what its directory gives it.
func sameOwner(*os.File, fs.FileInfo) bool { return true }
