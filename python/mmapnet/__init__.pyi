# The typing of mmapnet: the same as the standard library's mmap on Linux, version by version (every
# supported version, as Directory.Build.props names them), as typeshed declares it, so that a type checker sees `mmapnet.mmap` exactly as it sees
# `mmap.mmap` (including typeshed's own simplifications: `__iter__` and `__contains__`, which the type
# does not have but supports through `__getitem__`; `__buffer__` on every version; seek() -> None).
# Two names typeshed leaves out are declared, because they exist at runtime: `error` (OSError, as in
# the stdlib) and `__backend__`. Kept in step with typeshed's stdlib/mmap.pyi; the packaging tests
# compare what pyright reveals for both modules on each version.
import os
import sys
from _typeshed import ReadableBuffer, Unused
from collections.abc import Iterator
from typing import Final, Literal, NoReturn, SupportsIndex, overload
from typing_extensions import Self, disjoint_base

__backend__: Literal["nativeaot", "coreclr", "dotnet-host"]

error = OSError

ACCESS_DEFAULT: Final = 0
ACCESS_READ: Final = 1
ACCESS_WRITE: Final = 2
ACCESS_COPY: Final = 3

ALLOCATIONGRANULARITY: Final[int]
PAGESIZE: Final[int]

MAP_ANON: Final[int]
MAP_ANONYMOUS: Final[int]
MAP_DENYWRITE: Final[int]
MAP_EXECUTABLE: Final[int]
MAP_POPULATE: Final[int]
MAP_PRIVATE: Final[int]
MAP_SHARED: Final[int]
if sys.version_info >= (3, 11):
    MAP_STACK: Final[int]
if sys.version_info >= (3, 13):
    MAP_32BIT: Final[int]
    MAP_NORESERVE: Final = 16384

PROT_EXEC: Final[int]
PROT_READ: Final[int]
PROT_WRITE: Final[int]

MADV_NORMAL: Final[int]
MADV_RANDOM: Final[int]
MADV_SEQUENTIAL: Final[int]
MADV_WILLNEED: Final[int]
MADV_DONTNEED: Final[int]
MADV_FREE: Final[int]
MADV_REMOVE: Final[int]
MADV_DONTFORK: Final[int]
MADV_DOFORK: Final[int]
MADV_HWPOISON: Final[int]
MADV_MERGEABLE: Final[int]
MADV_UNMERGEABLE: Final[int]
MADV_HUGEPAGE: Final[int]
MADV_NOHUGEPAGE: Final[int]
MADV_DONTDUMP: Final[int]
MADV_DODUMP: Final[int]

@disjoint_base
class mmap:
    if sys.version_info >= (3, 13):
        def __new__(
            cls,
            fileno: int,
            length: int,
            flags: int = ...,
            prot: int = ...,
            access: int = 0,
            offset: int = 0,
            *,
            trackfd: bool = True,
        ) -> Self: ...
    else:
        def __new__(
            cls, fileno: int, length: int, flags: int = ..., prot: int = ..., access: int = 0, offset: int = 0
        ) -> Self: ...

    closed: bool
    def close(self) -> None: ...
    def flush(self, offset: int = 0, size: int = ..., /) -> None: ...
    def madvise(self, option: int, start: int = 0, length: int = ..., /) -> None: ...
    def move(self, dest: int, src: int, count: int, /) -> None: ...
    def find(self, view: ReadableBuffer, start: int = ..., end: int = ..., /) -> int: ...
    def rfind(self, view: ReadableBuffer, start: int = ..., end: int = ..., /) -> int: ...
    def read(self, n: int | None = None, /) -> bytes: ...
    def read_byte(self) -> int: ...
    def readline(self) -> bytes: ...
    def resize(self, newsize: int, /) -> None: ...
    def seek(self, pos: int, whence: Literal[0, 1, 2, 3, 4] = os.SEEK_SET, /) -> None: ...
    if sys.version_info >= (3, 13):
        def seekable(self) -> Literal[True]: ...

    def size(self) -> int: ...
    def tell(self) -> int: ...
    def write(self, bytes: ReadableBuffer, /) -> int: ...
    def write_byte(self, byte: int, /) -> None: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> int: ...
    @overload
    def __getitem__(self, key: slice[SupportsIndex | None], /) -> bytes: ...
    def __delitem__(self, key: SupportsIndex | slice[SupportsIndex | None], /) -> NoReturn: ...
    @overload
    def __setitem__(self, key: SupportsIndex, value: int, /) -> None: ...
    @overload
    def __setitem__(self, key: slice[SupportsIndex | None], value: ReadableBuffer, /) -> None: ...
    # Not on the type: `in` and iteration work through __getitem__ (typeshed declares them the same way).
    def __contains__(self, o: object, /) -> bool: ...
    def __iter__(self) -> Iterator[int]: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, exc_type: Unused, exc_value: Unused, traceback: Unused, /) -> None: ...
    def __buffer__(self, flags: int, /) -> memoryview: ...
    def __release_buffer__(self, buffer: memoryview, /) -> None: ...
