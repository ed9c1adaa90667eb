"""Run with -m: prints what python -m gives a module."""
import os
import sys

print("name", __name__)
print("argv", sys.argv)
print("path0 is cwd", sys.path[0] == os.getcwd())
print("file", __file__)
print("spec", __spec__.name if __spec__ else None)
