//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// readInto reads the file at path into buf, growing it as needed. It uses
// the system calls directly: os.Open also stats every file to decide
// whether to register it with the network poller, and a repository scan
// opens tens of thousands of files.
func readInto(path string, buf []byte) ([]byte, error) {
	fd, err := open(path)
	if err != nil {
		return buf, err
	}
	defer syscall.Close(fd)
	sized := false
	for {
		if len(buf) == cap(buf) {
			// A file larger than the buffer: ask its size once and grow
			// to it, rather than doubling through a large file. Most
			// files fit, and are read without the extra system call.
			var st syscall.Stat_t
			if !sized && syscall.Fstat(fd, &st) == nil && int(st.Size) > len(buf) {
				buf = append(buf, make([]byte, int(st.Size)-len(buf)+1)...)[:len(buf)]
			} else {
				buf = append(buf, 0)[:len(buf)]
			}
			sized = true
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return buf, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// open opens path for reading without blocking: a file that became a pipe
// after the walk saw it reads as empty instead of waiting for a writer.
func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return fd, nil
	}
}
