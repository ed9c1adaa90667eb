"""Exit as python exits: waits for non-daemon threads, runs atexit callbacks, flushes; a daemon thread does not hold it."""
import atexit
import sys
import threading
import time

atexit.register(lambda: print("atexit callback ran", flush=False))
sys.stdout.write("buffered, not flushed")


def late():
    time.sleep(0.5)
    print("\nnon-daemon thread finished")


threading.Thread(target=late).start()
threading.Thread(target=threading.Event().wait, daemon=True).start()
