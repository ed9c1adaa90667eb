"""Compares the names mmapnet's stub declares for this interpreter's version with what the stdlib mmap has at runtime.

argv[1] is the stub (__init__.pyi). The stub is parsed with this interpreter (so it must be valid syntax here), and its
`if sys.version_info ...` blocks are resolved for this interpreter's version. Prints JSON with the differences.
"""
import ast
import json
import mmap
import sys

# Declared by the stub although the runtime type does not have them, exactly as typeshed does: `in` and iteration work
# through __getitem__, and typeshed declares the buffer methods on every version.
TYPESHED_ONLY_MEMBERS = {"__iter__", "__contains__", "__buffer__", "__release_buffer__"}
# On the runtime type but never declared by typeshed (they come from object or describe the type itself).
RUNTIME_ONLY_MEMBERS = {"__doc__", "__getattribute__", "__module__", "__repr__"}
# In the stub, not in the stdlib: mmapnet's own.
MMAPNET_ONLY_NAMES = {"__backend__"}


def holds(test):
    """Evaluates `sys.version_info >= (3, 13)` and the like for this interpreter."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and ast.unparse(test.left) == "sys.version_info"):
        raise ValueError("unexpected condition in the stub: " + ast.unparse(test))
    bound = ast.literal_eval(test.comparators[0])
    operator = type(test.ops[0])
    version = sys.version_info[:len(bound)]
    return {ast.GtE: version >= bound, ast.Lt: version < bound}[operator]


def declared(body):
    names = set()
    for node in body:
        if isinstance(node, ast.If):
            names |= declared(node.body if holds(node.test) else node.orelse)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


tree = ast.parse(open(sys.argv[1], encoding="utf-8").read(), filename=sys.argv[1])
module_names = declared(tree.body)
mmap_class = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "mmap")
member_names = declared(mmap_class.body)

runtime_names = {name for name in dir(mmap) if not name.startswith("_")} | MMAPNET_ONLY_NAMES
runtime_members = set(vars(mmap.mmap)) - RUNTIME_ONLY_MEMBERS
print(json.dumps({
    "python": "%d.%d.%d" % sys.version_info[:3],
    "module_names_missing_from_stub": sorted(runtime_names - module_names),
    "module_names_not_at_runtime": sorted(module_names - runtime_names),
    "members_missing_from_stub": sorted(runtime_members - member_names),
    "members_not_at_runtime": sorted(member_names - runtime_members - TYPESHED_ONLY_MEMBERS),
}))
