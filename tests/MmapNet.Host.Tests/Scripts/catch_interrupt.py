"""Catches Ctrl-C and ends normally."""
import time

try:
    print("ready", flush=True)
    time.sleep(60)
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
