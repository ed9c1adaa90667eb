/*
 * A python executable made of nothing but a libpython: loads the one named first (dlopen), then hands the remaining
 * arguments to its Py_BytesMain, as Debian's python3.11 does with the libpython linked into it.
 *
 *   libpython_main LIBPYTHON [PYTHON-ARGUMENTS...]
 *
 * The bundled CPython has no executable of its own (a .NET program is its sys.executable), and Debian's arm64
 * python3.11 carries a static copy of libpython: this is how the tests run the bundled libpython itself under
 * qemu-aarch64. Cross-compiled with aarch64-linux-gnu-gcc.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s LIBPYTHON [PYTHON-ARGUMENTS...]\n", argv[0]);
        return 125;
    }

    void *library = dlopen(argv[1], RTLD_NOW | RTLD_GLOBAL);
    if (library == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 125;
    }

    int (*bytes_main)(int, char **) = (int (*)(int, char **))dlsym(library, "Py_BytesMain");
    if (bytes_main == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 125;
    }

    /* The program's name stays argv[0]; the library's path is dropped. */
    argv[1] = argv[0];
    return bytes_main(argc - 1, argv + 1);
}
