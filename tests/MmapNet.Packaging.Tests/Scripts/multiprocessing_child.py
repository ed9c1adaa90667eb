"""A parent and a multiprocessing child (start method from argv) that both use mmapnet on one shared file map.

The child maps the file the parent wrote, finds the parent's marker, writes its own, and reports the route its
mmapnet took. Prints JSON with what each side saw.
"""
import json
import multiprocessing
import os
import sys

import mmapnet


def child(path, results):
    import mmapnet as child_mmapnet
    with open(path, "r+b") as file, child_mmapnet.mmap(file.fileno(), 0) as shared:
        found = shared.find(b"parent")
        shared[0:5] = b"child"
    results.put({"backend": child_mmapnet.__backend__, "pid": os.getpid(), "found_parent_marker_at": found})


if __name__ == "__main__":
    method, path = sys.argv[1], sys.argv[2]
    with open(path, "wb") as file:
        file.write(b"xxxxx parent" + bytes(4084))
    with open(path, "r+b") as file, mmapnet.mmap(file.fileno(), 0) as parent_view:
        context = multiprocessing.get_context(method)
        results = context.Queue()
        process = context.Process(target=child, args=(path, results))
        process.start()
        reported = results.get(timeout=120)
        process.join(120)
        seen_by_parent = parent_view[0:12]  # the child's write, through the parent's own map of the file
    print(json.dumps({
        "method": method,
        "parent_backend": mmapnet.__backend__,
        "parent_pid": os.getpid(),
        "child": reported,
        "child_exit_code": process.exitcode,
        "parent_sees": seen_by_parent.decode("ascii"),
    }))
