/*
 * Which of mmapnet's x86-64 builds this process runs: the one compiled for x86-64-v3 (AVX2), or the baseline one.
 *
 * Both routes come in two builds on x86-64. The NativeAOT module is _mmapnet-x86-64-v3.so and _mmapnet.so
 * (extension_entry.c picks one); the CoreCLR route's precompiled images are a set for x86-64-v3 and a set in its folder
 * "baseline" (src/ReadyToRun.targets; python/mmapnet/_loader.py picks one, calling this through ctypes from
 * libmmapnet_faults.so). One rule for both, here in C because only an instruction can ask the CPU. A NativeAOT build
 * started on a CPU without its instruction set aborts the process; a ReadyToRun image for one is set aside whole by the
 * runtime, which then compiles every method at its first call.
 *
 * x86-64-v3 is the x86-64 psABI's level: x86-64-v2 (CMPXCHG16B, LAHF/SAHF, POPCNT, SSE3, SSSE3, SSE4.1, SSE4.2) and AVX,
 * AVX2, BMI1, BMI2, F16C, FMA, LZCNT, MOVBE, with the operating system saving the AVX state (OSXSAVE, and XCR0's SSE and
 * AVX bits). It is asked with CPUID and XGETBV directly rather than with the compiler's __builtin_cpu_supports, whose
 * "x86-64-v3" older compilers refuse (before GCC 12 and clang 18).
 *
 * MMAPNET_ISA=baseline picks the baseline builds whatever the CPU (MMAPNET_NATIVEAOT_ISA, its older name, too). On other
 * architectures there is one build: the answer is always no.
 */

#if defined(__x86_64__)
#include <cpuid.h>
#include <stdlib.h>
#include <string.h>

static int forced_to_baseline(void)
{
    static const char *const names[] = {"MMAPNET_ISA", "MMAPNET_NATIVEAOT_ISA"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    {
        const char *value = getenv(names[i]);
        if (value != NULL && strcmp(value, "baseline") == 0)
        {
            return 1;
        }
    }

    return 0;
}

/* Whether every bit of REQUIRED is set in VALUE. */
#define HAS_ALL(value, required) (((value) & (required)) == (required))

static int cpu_runs_x86_64_v3(void)
{
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid_max(0, NULL) < 7 || !__get_cpuid(1, &eax, &ebx, &ecx, &edx))
    {
        return 0;
    }

    /* Leaf 1, ECX: SSE3 0, SSSE3 9, FMA 12, CMPXCHG16B 13, SSE4.1 19, SSE4.2 20, MOVBE 22, POPCNT 23, OSXSAVE 27,
     * AVX 28, F16C 29. */
    const unsigned int leaf1 = bit_SSE3 | bit_SSSE3 | bit_FMA | bit_CMPXCHG16B | bit_SSE4_1 | bit_SSE4_2 | bit_MOVBE
        | bit_POPCNT | bit_OSXSAVE | bit_AVX | bit_F16C;
    if (!HAS_ALL(ecx, leaf1))
    {
        return 0;
    }

    /* XCR0: the operating system saves the SSE (bit 1) and AVX (bit 2) state. XGETBV exists since OSXSAVE is set. */
    unsigned int xcr0_low, xcr0_high;
    __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if (!HAS_ALL(xcr0_low, 0x6u))
    {
        return 0;
    }

    /* Leaf 7, sub-leaf 0, EBX: BMI1 3, AVX2 5, BMI2 8. */
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    if (!HAS_ALL(ebx, bit_BMI | bit_AVX2 | bit_BMI2))
    {
        return 0;
    }

    /* Leaf 0x80000001, ECX: LAHF/SAHF 0, LZCNT 5. */
    if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx) || !HAS_ALL(ecx, bit_LAHF_LM | bit_LZCNT))
    {
        return 0;
    }

    return 1;
}
#endif

__attribute__((visibility("default"))) int mmapnet_runs_x86_64_v3(void)
{
#if defined(__x86_64__)
    return !forced_to_baseline() && cpu_runs_x86_64_v3();
#else
    return 0;
#endif
}
