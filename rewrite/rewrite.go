// Package rewrite replaces the contents of a file that cscmd read and
// changed — `cscmd lint --fix`, `cscmd fmt -w` — keeping what the file is
// apart from its bytes:
//
//   - a symbolic link stays a link: its target is written, when the caller
//     allows that target (a link out of the tree being fixed is refused);
//   - a file with more than one name (hard links) is written in place, so
//     every name keeps seeing the same file;
//   - otherwise the new contents go to a temporary file in the same
//     directory, which gets the file's mode, owner and group, and is
//     renamed over it: a crash leaves the old file or the new one;
//   - a file without write permission is refused, even for root, who could
//     rename over it: its mode says it is not to be changed;
//   - a file whose size or modification time differs from when it was read
//     is left alone: someone else wrote to it meanwhile (ErrChanged).
//
// Errors name the file, or the directory when it is the directory that
// cannot be written, and say that nothing was changed.
package rewrite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Stamp is what a file looked like when it was read: enough to tell that it
// was written to since.
type Stamp struct {
	Size    int64
	ModTime time.Time
}

// StampOf returns the stamp of a file's information, taken before reading
// the file: a write during the read then shows as a change.
func StampOf(fi fs.FileInfo) Stamp { return Stamp{Size: fi.Size(), ModTime: fi.ModTime()} }

func (s Stamp) matches(fi fs.FileInfo) bool {
	return fi.Size() == s.Size && fi.ModTime().Equal(s.ModTime)
}

// ErrChanged is wrapped by the error of File for a file that changed since
// it was read.
var ErrChanged = errors.New("changed since it was read; left as it is")

// Options tune File.
type Options struct {
	// Within reports whether File may write through a symbolic link to the
	// file at target, an absolute path with every link resolved. Nil
	// allows no link to be written through.
	Within func(target string) bool
}

// createTemp is a variable so that tests can make a directory unwritable
// even when they run as root, who can write anywhere.
var createTemp = os.CreateTemp

// File replaces the contents of the file at path, which were read when the
// file was as read says, with data. When the file already holds data, as
// when two names of one file are fixed, File succeeds without writing.
func File(path string, data []byte, read Stamp, opt Options) error {
	target, err := resolve(path, opt.Within)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	if err != nil {
		return nameError(path, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; not changed", path)
	}
	if done, err := check(path, target, st, read, data); done || err != nil {
		return err
	}
	if err := writable(target, st); err != nil {
		return fmt.Errorf("%s: %w; not changed", path, err)
	}
	if links(st) > 1 {
		return inPlace(path, target, data, read)
	}
	return replace(path, target, st, data, read)
}

// resolve returns the file to write for path: path itself, or the target
// of the link at path when within allows it.
func resolve(path string, within func(string) bool) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", nameError(path, err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", nameError(path, err)
	}
	if target, err = filepath.Abs(target); err != nil {
		return "", nameError(path, err)
	}
	if within == nil || !within(target) {
		return "", fmt.Errorf("%s: symbolic link to %s, outside the files being changed; not changed", path, target)
	}
	return target, nil
}

// check compares the file, as st describes it, with what was read. It is
// done when the file already holds data; it fails when the file changed in
// another way.
func check(path, target string, st fs.FileInfo, read Stamp, data []byte) (done bool, err error) {
	if read.matches(st) {
		return false, nil
	}
	if now, err := os.ReadFile(target); err == nil && bytes.Equal(now, data) {
		return true, nil
	}
	return false, fmt.Errorf("%s: %w", path, ErrChanged)
}

// recheck stats the file again just before it is replaced.
func recheck(path, target string, read Stamp, data []byte) (done bool, err error) {
	st, err := os.Stat(target)
	if err != nil {
		return false, nameError(path, err)
	}
	return check(path, target, st, read, data)
}

// inPlace writes data over the file itself: the way to keep hard links, and
// an owner that the temporary file could not be given. Unlike a rename it
// is not atomic.
func inPlace(path, target string, data []byte, read Stamp) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return nameError(path, err)
	}
	if done, err := recheck(path, target, read, data); done || err != nil {
		f.Close()
		return err
	}
	_, err = f.WriteAt(data, 0)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nameError(path, err)
	}
	return nil
}

// replace writes data to a temporary file beside target, with target's
// mode, owner and group, and renames it over target.
func replace(path, target string, st fs.FileInfo, data []byte, read Stamp) error {
	dir := filepath.Dir(target)
	tmp, err := createTemp(dir, "."+filepath.Base(target)+".cscmd-*")
	if err != nil {
		return dirError(path, dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(st.Mode().Perm())
	}
	if err != nil {
		tmp.Close()
		return nameError(path, err)
	}
	if !sameOwner(tmp, st) {
		// Only root may give a file to someone else. Writing in place
		// keeps the owner, at the cost of atomicity.
		tmp.Close()
		return inPlace(path, target, data, read)
	}
	if err := tmp.Close(); err != nil {
		return nameError(path, err)
	}
	if done, err := recheck(path, target, read, data); done || err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return dirError(path, dir, err)
	}
	return nil
}

// nameError words an I/O error as "NAME: what went wrong; not changed",
// without the name of the system call that *fs.PathError adds.
func nameError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w; not changed", name, err)
}

// dirError blames the directory for a permission error in it: the file
// itself may well be writable.
func dirError(path, dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("%s: cannot write in its directory %s: %w; not changed", path, dir, fs.ErrPermission)
	}
	return nameError(path, err)
}
