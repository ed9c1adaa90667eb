/*
 * Which of mmapnet's x86-64 builds this process runs: the one compiled for x86-64-v3 (AVX2), or the baseline one.
 *
 * Both routes come in two builds on x86-64. The NativeAOT module is _mmapnet-x86-64-v3.so and _mmapnet.so
 * (extension_entry.c picks one); the CoreCLR route's precompiled images are a set for x86-64-v3 and a set in its folder
 * "baseline" (src/ReadyToRun.targets; python/mmapnet/_loader.py picks one, calling this through ctypes from
 * libmmapnet_faults.so, which it loads before the runtime anyway). One rule for both, here in C because only an
 * instruction can ask the CPU: CPUID, and XGETBV for the operating system's support of the AVX state, through the
 * compiler's builtin. A NativeAOT build started on a CPU without its instruction set aborts the process; a ReadyToRun
 * image for one is set aside whole by the runtime, which then compiles every method at its first call.
 *
 * MMAPNET_ISA=baseline picks the baseline builds whatever the CPU (the tests use it for the route a CPU without AVX2
 * takes). On other architectures there is one build: the answer is always no.
 */

#include <stdlib.h>
#include <string.h>

__attribute__((visibility("default"))) int mmapnet_runs_x86_64_v3(void)
{
#if defined(__x86_64__)
    const char *forced = getenv("MMAPNET_ISA");
    if (forced != NULL && strcmp(forced, "baseline") == 0)
    {
        return 0;
    }

    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v3") ? 1 : 0;
#else
    return 0;
#endif
}
