"""What the module and its type look like from Python: public names (as dir() shows them), every constant's
value, ``error``, and the type's names, flags, sizes, docstrings and methods."""

import transcript
from transcript import step

mmap = transcript.install()
stdlib = transcript._stdlib_mmap  # only for the list of names to compare, the union of both modules'


def public(module):
    return sorted(name for name in dir(module) if not name.startswith("_"))


step("public names", lambda: public(mmap))
step("has __all__", lambda: hasattr(mmap, "__all__"))
step("error is OSError", lambda: mmap.error is OSError)
for name in sorted(set(public(mmap)) | set(public(stdlib))):
    if name not in ("mmap", "error"):
        step("constant %s" % name, (lambda n: lambda: (type(getattr(mmap, n)).__name__, getattr(mmap, n)))(name))

T = mmap.mmap
for attribute in ("__module__", "__name__", "__qualname__", "__doc__", "__flags__", "__basicsize__", "__itemsize__",
                  "__weakrefoffset__", "__dictoffset__", "__text_signature__"):
    step("mmap.%s" % attribute, (lambda a: lambda: getattr(T, a))(attribute))
step("mmap.__mro__", lambda: [c.__qualname__ for c in T.__mro__])
step("mmap.__dict__ names", lambda: list(vars(T)))
for name in sorted(set(vars(T)) | set(vars(stdlib.mmap))):
    if name != "__doc__":
        step("mmap.%s: kind, doc, signature" % name, (lambda n: lambda: (
            type(vars(T)[n]).__name__, getattr(vars(T)[n], "__doc__", None), getattr(vars(T)[n], "__text_signature__", None)))(name))
step("mmap.closed", lambda: (type(T.closed).__name__, T.closed.__doc__))
