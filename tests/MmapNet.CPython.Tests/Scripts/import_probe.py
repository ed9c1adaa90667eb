"""Imports mmapnet (twice: a failed import must fail again, not leave half a module behind) and prints, as JSON,
what happened: the backend and where the assemblies came from, or the exception's type and message."""

import json
import sys


def attempt():
    try:
        import mmapnet
    except BaseException as error:  # noqa: B902 - what is raised is what is reported
        sys.modules.pop("mmapnet", None)
        return {"imported": False, "type": type(error).__name__, "message": str(error)}
    facts = {"imported": True, "backend": mmapnet.__backend__, "file": mmapnet.__file__, "map": repr(mmapnet.mmap(-1, 16))}
    if mmapnet.__backend__ == "coreclr":
        from mmapnet import _loader
        facts["assemblies"] = _loader.assembly_directory()
    return facts


first = attempt()
second = attempt()
print(json.dumps({"first": first, "second": second}))
