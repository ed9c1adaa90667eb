/* Preloaded (LD_PRELOAD) into a test's Python process with a shared libpython: Py_GetVersion reports the version in
 * MMAPNET_TEST_PYTHON_VERSION, so the interpreter passes for one mmapnet does not support (3.14, 3.9) while it is
 * really a supported one. mmapnet finds the C API by name in the process, where the preloaded function comes first. */
#include <stdlib.h>

const char *Py_GetVersion(void)
{
    const char *version = getenv("MMAPNET_TEST_PYTHON_VERSION");
    return version ? version : "3.14.0 (fake)";
}
