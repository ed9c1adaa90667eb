"""Waits for a signal; Ctrl-C must interrupt the sleep with KeyboardInterrupt."""
import time

print("ready", flush=True)
time.sleep(60)
print("not interrupted")
