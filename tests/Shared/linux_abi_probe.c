/*
 * Prints "NAME VALUE" lines: the numbers of the Linux C ABI that MmapNet writes down in C# instead of reading
 * headers, as this architecture's own glibc headers give them. The tests build it with each architecture's
 * gcc (gcc, aarch64-linux-gnu-gcc) and compare (LinuxAbiProbe.cs).
 *
 * The "module" lines are the MAP_*, MADV_* and PROT_* names CPython's mmap adds, each under #ifdef as
 * Modules/mmapmodule.c does (3.13, the newest list; the BSD and macOS names included, so that a header that
 * starts defining one shows up). What this prints is what CPython 3.13's mmap has on this architecture.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define ABI(name) printf("abi %s %ld\n", #name, (long)(name))
#define MODULE(name) printf("module %s %ld\n", #name, (long)(name))

int main(void)
{
    printf("abi stat.st_mode %zu\n", offsetof(struct stat, st_mode));
    printf("abi stat.st_size %zu\n", offsetof(struct stat, st_size));
    printf("abi stat.sizeof %zu\n", sizeof(struct stat));
    ABI(_SC_PAGESIZE);
    ABI(F_DUPFD_CLOEXEC);
    ABI(MS_SYNC);
    ABI(MREMAP_MAYMOVE);
    ABI(S_IFMT);
    ABI(S_IFREG);
    ABI(EFAULT);
    ABI(EINVAL);
    ABI(ENOMEM);
    ABI(EINTR);

#ifdef PROT_EXEC
    MODULE(PROT_EXEC);
#endif
#ifdef PROT_READ
    MODULE(PROT_READ);
#endif
#ifdef PROT_WRITE
    MODULE(PROT_WRITE);
#endif
#ifdef MAP_SHARED
    MODULE(MAP_SHARED);
#endif
#ifdef MAP_PRIVATE
    MODULE(MAP_PRIVATE);
#endif
#ifdef MAP_DENYWRITE
    MODULE(MAP_DENYWRITE);
#endif
#ifdef MAP_EXECUTABLE
    MODULE(MAP_EXECUTABLE);
#endif
#ifdef MAP_ANONYMOUS
    printf("module MAP_ANON %ld\n", (long)MAP_ANONYMOUS);
    MODULE(MAP_ANONYMOUS);
#endif
#ifdef MAP_POPULATE
    MODULE(MAP_POPULATE);
#endif
#ifdef MAP_STACK
    MODULE(MAP_STACK);
#endif
#ifdef MAP_ALIGNED_SUPER
    MODULE(MAP_ALIGNED_SUPER);
#endif
#ifdef MAP_CONCEAL
    MODULE(MAP_CONCEAL);
#endif
#ifdef MAP_NORESERVE
    MODULE(MAP_NORESERVE);
#endif
#ifdef MAP_NOEXTEND
    MODULE(MAP_NOEXTEND);
#endif
#ifdef MAP_HASSEMAPHORE
    MODULE(MAP_HASSEMAPHORE);
#endif
#ifdef MAP_NOCACHE
    MODULE(MAP_NOCACHE);
#endif
#ifdef MAP_JIT
    MODULE(MAP_JIT);
#endif
#ifdef MAP_RESILIENT_CODESIGN
    MODULE(MAP_RESILIENT_CODESIGN);
#endif
#ifdef MAP_RESILIENT_MEDIA
    MODULE(MAP_RESILIENT_MEDIA);
#endif
#ifdef MAP_32BIT
    MODULE(MAP_32BIT);
#endif
#ifdef MAP_TRANSLATED_ALLOW_EXECUTE
    MODULE(MAP_TRANSLATED_ALLOW_EXECUTE);
#endif
#ifdef MAP_UNIX03
    MODULE(MAP_UNIX03);
#endif
#ifdef MAP_TPRO
    MODULE(MAP_TPRO);
#endif
#ifdef MADV_NORMAL
    MODULE(MADV_NORMAL);
#endif
#ifdef MADV_RANDOM
    MODULE(MADV_RANDOM);
#endif
#ifdef MADV_SEQUENTIAL
    MODULE(MADV_SEQUENTIAL);
#endif
#ifdef MADV_WILLNEED
    MODULE(MADV_WILLNEED);
#endif
#ifdef MADV_DONTNEED
    MODULE(MADV_DONTNEED);
#endif
#ifdef MADV_REMOVE
    MODULE(MADV_REMOVE);
#endif
#ifdef MADV_DONTFORK
    MODULE(MADV_DONTFORK);
#endif
#ifdef MADV_DOFORK
    MODULE(MADV_DOFORK);
#endif
#ifdef MADV_HWPOISON
    MODULE(MADV_HWPOISON);
#endif
#ifdef MADV_MERGEABLE
    MODULE(MADV_MERGEABLE);
#endif
#ifdef MADV_UNMERGEABLE
    MODULE(MADV_UNMERGEABLE);
#endif
#ifdef MADV_SOFT_OFFLINE
    MODULE(MADV_SOFT_OFFLINE);
#endif
#ifdef MADV_HUGEPAGE
    MODULE(MADV_HUGEPAGE);
#endif
#ifdef MADV_NOHUGEPAGE
    MODULE(MADV_NOHUGEPAGE);
#endif
#ifdef MADV_DONTDUMP
    MODULE(MADV_DONTDUMP);
#endif
#ifdef MADV_DODUMP
    MODULE(MADV_DODUMP);
#endif
#ifdef MADV_FREE
    MODULE(MADV_FREE);
#endif
#ifdef MADV_NOSYNC
    MODULE(MADV_NOSYNC);
#endif
#ifdef MADV_AUTOSYNC
    MODULE(MADV_AUTOSYNC);
#endif
#ifdef MADV_NOCORE
    MODULE(MADV_NOCORE);
#endif
#ifdef MADV_CORE
    MODULE(MADV_CORE);
#endif
#ifdef MADV_PROTECT
    MODULE(MADV_PROTECT);
#endif
#ifdef MADV_FREE_REUSABLE
    MODULE(MADV_FREE_REUSABLE);
#endif
#ifdef MADV_FREE_REUSE
    MODULE(MADV_FREE_REUSE);
#endif
    return 0;
}
