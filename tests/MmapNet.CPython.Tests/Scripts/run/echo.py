"""Copies stdin to stdout in upper case through a map, and notes on stderr how much it copied."""

import sys

import mmap

data = sys.stdin.buffer.read()
m = mmap.mmap(-1, max(len(data), 1))
m.write(data)
sys.stdout.buffer.write(m[:len(data)].upper())
print("copied %d bytes" % len(data), file=sys.stderr)
print("mmap served by:", mmap.__name__, file=sys.stderr)
