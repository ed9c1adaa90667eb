/*
 * PyInit__mmapnet, the NativeAOT extension module's entry point, which picks the build that suits the CPU.
 *
 * The module comes in two builds on x86-64: _mmapnet.so for every x86-64 CPU (SSE2), and, where it was built beside
 * it, _mmapnet-x86-64-v3.so for CPUs with AVX2 (searches about twice as fast in cache). A NativeAOT binary checks at
 * start-up that the CPU has the instruction set it was compiled for, and aborts the process if not, before any Python
 * error could be raised; so the choice is made here, in C, before any .NET code of either runs. The build not
 * chosen is loaded but never started. The CPU is asked by instruction_set.c, whose rule the CoreCLR route's choice of
 * precompiled images follows too (MMAPNET_ISA=baseline keeps _mmapnet.so whatever the CPU).
 *
 * On other architectures there is one build, and this only calls it.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <string.h>

/* The module's .NET entry point in this build (ModuleEntryPoints.InitializeExtensionModule). */
extern void *mmapnet_create_module(void);

/* instruction_set.c, linked into each build: whether this CPU runs the x86-64-v3 build. */
extern int mmapnet_runs_x86_64_v3(void);

/* memory_faults.c, linked into each build: notes Python's SIGSEGV and SIGBUS handlers, to be called before the build's
 * .NET runtime starts (at its first call) and puts its own over them. */
extern int mmapnet_faults_note_python_handlers(void);

typedef void *(*create_module)(void);

void *PyInit__mmapnet(void);

#define FASTER_BUILD "_mmapnet-x86-64-v3.so"

static create_module faster_build(void)
{
#if defined(__x86_64__)
    if (!mmapnet_runs_x86_64_v3())
    {
        return NULL;
    }

    Dl_info self;
    if (dladdr((void *)&faster_build, &self) == 0 || self.dli_fname == NULL)
    {
        return NULL;
    }

    const char *slash = strrchr(self.dli_fname, '/');
    size_t folder = slash == NULL ? 0 : (size_t)(slash - self.dli_fname) + 1;
    if (strcmp(self.dli_fname + folder, FASTER_BUILD) == 0 || folder + sizeof FASTER_BUILD > PATH_MAX)
    {
        return NULL;
    }

    char path[PATH_MAX];
    memcpy(path, self.dli_fname, folder);
    memcpy(path + folder, FASTER_BUILD, sizeof FASTER_BUILD);
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL)
    {
        return NULL; /* not built beside this one: this build serves */
    }

    /* That build's own entry point, which finds itself the faster build and makes the module: what it does first
     * (below) goes to its own copy of memory_faults.c, the one its module uses. */
    create_module entry = (create_module)dlsym(library, "PyInit__mmapnet");
    /* The same file under the other name (a link): this build serves, rather than calling itself. */
    return entry == (create_module)&PyInit__mmapnet ? NULL : entry;
#else
    return NULL;
#endif
}

__attribute__((visibility("default"))) void *PyInit__mmapnet(void)
{
    create_module create = faster_build();
    if (create != NULL)
    {
        return create();
    }

    /* Before this build's .NET runtime starts, at its first call, and puts its signal handlers over Python's. */
    mmapnet_faults_note_python_handlers();
    return mmapnet_create_module();
}
