"""Ends in the way argv[1] names, so that the exit code and stderr of ``python`` and of
``python -m mmapnet run`` can be compared."""

import os
import sys

import mmap


def nested(depth):
    if depth == 0:
        raise ValueError("raised %d frames down, with mmap %s" % (3, mmap.mmap(-1, 1).closed))
    nested(depth - 1)


def chained():
    try:
        {}["missing"]
    except KeyError as error:
        raise RuntimeError("while handling") from error


mode = sys.argv[1]
print("running", mode, flush=True)
if mode == "fall-off-the-end":
    pass
elif mode == "sys.exit(3)":
    sys.exit(3)
elif mode == "sys.exit(None)":
    sys.exit(None)
elif mode == "sys.exit(256)":
    sys.exit(256)
elif mode == "sys.exit('message')":
    sys.exit("a message for stderr")
elif mode == "raise SystemExit(-1)":
    raise SystemExit(-1)
elif mode == "uncaught ValueError":
    nested(3)
elif mode == "uncaught chained exception":
    chained()
elif mode == "uncaught with a custom sys.excepthook":
    sys.excepthook = lambda kind, value, tb: print("custom hook:", kind.__name__, value, tb.tb_frame.f_code.co_name,
                                                   file=sys.stderr)
    nested(1)
elif mode == "uncaught KeyboardInterrupt":
    raise KeyboardInterrupt
elif mode == "os._exit(7)":
    sys.stdout.flush()
    os._exit(7)
else:
    raise AssertionError("unknown mode " + mode)
