/* Preloaded (LD_PRELOAD) into a test's Python process: the machine reports a 256 MiB L3 cache through sysconf, as
 * glibc does on some CPUs here. The .NET GC sizes its gen0 budget from the largest cache the system reports, so this
 * shows what a guest runtime does on such a machine, on any machine. Everything else is the C library's own. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>

long sysconf(int name)
{
    static long (*real_sysconf)(int);
    if (name == _SC_LEVEL3_CACHE_SIZE)
        return 256L << 20;
    if (!real_sysconf)
        real_sysconf = (long (*)(int))dlsym(RTLD_NEXT, "sysconf");
    return real_sysconf(name);
}
