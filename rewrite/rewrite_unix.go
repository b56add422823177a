//go:build unix

package rewrite

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// writable reports why the current user may not write the file, if so. The
// permission bits are asked even of root: a file nobody may write is not
// one to change behind its owner's back.
func writable(path string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("the file is read-only (mode %04o)", st.Mode().Perm())
	}
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return fmt.Errorf("the file is not writable: %w", err)
	}
	return nil
}

// links returns the number of names of the file.
func links(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}

// sameOwner gives tmp the owner and group of st, and reports whether it
// has them.
func sameOwner(tmp *os.File, st fs.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	var t syscall.Stat_t
	if err := syscall.Fstat(int(tmp.Fd()), &t); err != nil {
		return false
	}
	if t.Uid == s.Uid && t.Gid == s.Gid {
		return true
	}
	return tmp.Chown(int(s.Uid), int(s.Gid)) == nil
}
