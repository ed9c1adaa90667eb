"""Ends the way argv[1] says: python's exit status and stderr for each."""
import sys

print("before", flush=True)
mode = sys.argv[1]
if mode == "none":
    sys.exit()
if mode == "message":
    sys.exit("a message for stderr")
if mode == "uncaught":
    {}["missing"]
if mode == "nested-none":
    raise SystemExit(None)
if mode == "object":
    raise SystemExit([1, 2])
sys.exit(int(mode))
