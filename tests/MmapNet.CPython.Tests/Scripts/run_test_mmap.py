"""Runs CPython's own test.test_mmap, from the interpreter's test package, with ``mmap`` served by MODULE.

    python run_test_mmap.py MODULE RESULTS_FILE

MODULE is ``mmap`` (the stdlib, the oracle) or ``mmapnet``. The substitution happens before test.test_mmap
is imported, so its ``mmap = import_module('mmap')`` gets MODULE; it is then checked to be real: the test
module's ``mmap`` global is MODULE, and the maps it makes are MODULE's type (and, for mmapnet, not the
stdlib's). RESULTS_FILE receives one JSON object per line, written as the run goes, so a run that dies
still says which test it died in:

    {"event": "setup", ...what serves mmap...}
    {"event": "start", "id": TEST_ID}
    {"event": "result", "id": TEST_ID, "outcome": OUTCOME, "detail": TRACEBACK_OR_REASON}
    {"event": "done", "tests_run": N}

OUTCOME is passed, failed, error, skipped, expected failure or unexpected success. A failing subtest is
reported as a result of its test (its id is the test's), so a test with failing subtests is failed.
The working directory should be an empty temporary folder: the tests create their files (TESTFN) there.
"""

import importlib
import json
import sys
import unittest

# The standard library's module, imported on both sides, so that the substitution can be checked against it.
import mmap as _stdlib_mmap

module_name, results_path = sys.argv[1], sys.argv[2]
_results = open(results_path, "w", encoding="utf-8")


def emit(**record):
    _results.write(json.dumps(record) + "\n")
    _results.flush()


module = importlib.import_module(module_name)
if module_name != "mmap":
    sys.modules["mmap"] = module

try:
    from test import test_mmap
except ImportError as error:
    emit(event="no test package", error="%s: %s" % (type(error).__name__, error))
    sys.exit(3)

probe = test_mmap.mmap.mmap(-1, 1)
emit(event="setup",
     module=module_name,
     served_by=test_mmap.mmap.__name__,
     served_file=getattr(test_mmap.mmap, "__file__", None),
     test_module_file=test_mmap.__file__,
     test_module_uses_module=test_mmap.mmap is module,
     map_type_is_module_type=type(probe) is module.mmap,
     map_type_is_stdlib_type=type(probe) is _stdlib_mmap.mmap,
     backend=getattr(module, "__backend__", None))
probe.close()


class Recorder(unittest.TestResult):
    def startTest(self, test):
        super().startTest(test)
        emit(event="start", id=test.id())

    def _record(self, test, outcome, detail=None):
        emit(event="result", id=test.id(), outcome=outcome, detail=detail)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "expected failure", self._exc_info_to_string(err, test))

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            outcome = "failed" if issubclass(err[0], test.failureException) else "error"
            emit(event="result", id=test.id(), outcome=outcome,
                 detail="%s\n%s" % (subtest.id(), self._exc_info_to_string(err, test)))


suite = unittest.defaultTestLoader.loadTestsFromModule(test_mmap)
result = Recorder()
suite.run(result)
emit(event="done", tests_run=result.testsRun)
