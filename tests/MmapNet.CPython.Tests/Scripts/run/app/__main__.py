"""python -m app."""

import sys

import mmap

from app import helper

print(__name__, __package__, helper.VALUE, sys.argv[1:])
print("mmap served by:", mmap.__name__)
sys.exit(len(sys.argv) - 1)
