"""A script that imports a module next to it, run from another folder."""

import sys

import helper
import mmap

print(helper.VALUE, helper.__file__, sys.argv[1:])
print("mmap served by:", mmap.__name__)
