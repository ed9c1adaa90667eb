"""Python's mmap module, implemented in C#.

``import mmapnet as mmap`` changes nothing but who does the work: the module has the public names,
constants, type and behaviour of the stdlib ``mmap`` of the running interpreter. ``__backend__``
says how the C# code was loaded: 'nativeaot', 'coreclr' or 'dotnet-host'.
"""

from mmapnet._loader import load as _load

_native, __backend__ = _load()
globals().update({_name: getattr(_native, _name) for _name in dir(_native) if not _name.startswith("_")})
del _load
