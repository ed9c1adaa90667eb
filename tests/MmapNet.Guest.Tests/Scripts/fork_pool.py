"""multiprocessing.Pool with the fork start method, over maps: workers search a shared file map and write to it.

    python fork_pool.py MODULE
"""

import importlib
import multiprocessing
import os
import sys
import tempfile
import warnings

mmap = importlib.import_module(sys.argv[1])
warnings.simplefilter("ignore", DeprecationWarning)
SIZE = 1 << 20
shared = None


def search(task):
    index, needle = task
    found = shared.find(needle)
    shared[index] = index % 251  # each worker's write lands in the parent's map (MAP_SHARED)
    return index, found, shared[found:found + len(needle)] if found >= 0 else None


if __name__ == "__main__":
    descriptor, path = tempfile.mkstemp()
    os.write(descriptor, bytes(range(256)) * (SIZE // 256))
    shared = mmap.mmap(descriptor, SIZE)
    os.close(descriptor)
    tasks = [(i, bytes([i % 256, (i + 1) % 256, (i + 2) % 256])) for i in range(64)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(search, tasks)
    for index, found, seen in results:
        print(index, found, seen)
    print("parent sees the workers' writes:", bytes(shared[:64]) == bytes(i % 251 for i in range(64)))
    shared.close()
    os.unlink(path)
