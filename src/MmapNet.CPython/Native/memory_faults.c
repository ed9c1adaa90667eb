/*
 * Faults in a map's memory end the process the way they end CPython's.
 *
 * Touching a map's memory can fault: SIGBUS where the file behind the map was truncated (or a shared anonymous map
 * grown past its backing), SIGSEGV where the map allows no access (prot=0). CPython dies of the signal, after
 * faulthandler's Python traceback when faulthandler is on. The .NET runtime's own handler, which the runtime installs
 * for its null references and stack overflows, treats a fault of an instruction in managed code as an
 * AccessViolationException, which it does not let anyone catch: it prints a .NET stack and aborts (SIGABRT). A fault in
 * native code it passes on to the handler it found when it started (faulthandler's, or the default action), as if it
 * had never been there.
 *
 * So this handler, installed over the runtime's, moves a thread that faulted on such an access to
 * mmapnet_faults_refault, which makes the same access again, now in native code: the runtime passes that fault on,
 * and the process ends as CPython's does. It does so for SIGBUS on an address with no backing (BUS_ADRERR), which
 * .NET code meets in no other way, and for SIGSEGV on a mapped page the access may not touch (SEGV_ACCERR) away from
 * the thread's stack (a stack overflow's guard page, which the runtime reports itself). Every other signal, and the
 * refault itself, goes to the runtime's handler unchanged. Nothing here runs unless the process faults.
 *
 * Standard C and the Linux/glibc signal interface only; x86-64 and AArch64.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

/* A fault this close below (or above) the interrupted stack pointer is taken for a stack overflow. */
#define STACK_GUARD_DISTANCE (256 * 1024)

static struct sigaction previous_segv;
static struct sigaction previous_bus;
static volatile sig_atomic_t installed;

/* The same access again, in native code. Not expected to return: the access faults as it did. If the page has come
 * back meanwhile, there is no way back into the interrupted code, so the process ends. */
__attribute__((noinline, noreturn, used)) void mmapnet_faults_refault(volatile unsigned char *address)
{
    unsigned char value = *address; /* SIGBUS, or SIGSEGV for a page that may not be read */
    *address = value;               /* SIGSEGV for a page that may be read but not written */
    abort();
}

static void pass_on(const struct sigaction *previous, int signal_number, siginfo_t *info, void *context)
{
    if (previous->sa_flags & SA_SIGINFO)
    {
        previous->sa_sigaction(signal_number, info, context);
    }
    else if (previous->sa_handler == SIG_DFL || previous->sa_handler == SIG_IGN)
    {
        /* Nobody else handles it: restore the default and let the faulting instruction run again. */
        signal(signal_number, SIG_DFL);
    }
    else
    {
        previous->sa_handler(signal_number);
    }
}

static int is_map_fault(int signal_number, const siginfo_t *info, uintptr_t stack_pointer)
{
    if (signal_number == SIGBUS)
    {
        return info->si_code == BUS_ADRERR;
    }

    if (info->si_code != SEGV_ACCERR)
    {
        return 0;
    }

    uintptr_t address = (uintptr_t)info->si_addr;
    uintptr_t distance = address > stack_pointer ? address - stack_pointer : stack_pointer - address;
    return distance > STACK_GUARD_DISTANCE;
}

static void handle_fault(int signal_number, siginfo_t *info, void *context)
{
    ucontext_t *interrupted = context;
#if defined(__x86_64__)
    uintptr_t pc = (uintptr_t)interrupted->uc_mcontext.gregs[REG_RIP];
    uintptr_t sp = (uintptr_t)interrupted->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
    uintptr_t pc = (uintptr_t)interrupted->uc_mcontext.pc;
    uintptr_t sp = (uintptr_t)interrupted->uc_mcontext.sp;
#else
#error "memory_faults.c supports x86-64 and AArch64"
#endif
    uintptr_t refault = (uintptr_t)&mmapnet_faults_refault;
    /* The refault's own fault comes from within its few instructions: pass it on. */
    if (info->si_code > 0 && !(pc >= refault && pc < refault + 64) && is_map_fault(signal_number, info, sp))
    {
        /* Enter the refault as if called: below the interrupted code's red zone, with the ABI's stack alignment. */
#if defined(__x86_64__)
        interrupted->uc_mcontext.gregs[REG_RSP] = (greg_t)(((sp - 128) & ~(uintptr_t)15) - 8);
        interrupted->uc_mcontext.gregs[REG_RDI] = (greg_t)info->si_addr;
        interrupted->uc_mcontext.gregs[REG_RIP] = (greg_t)refault;
#else
        interrupted->uc_mcontext.sp = sp & ~(uintptr_t)15;
        interrupted->uc_mcontext.regs[0] = (uintptr_t)info->si_addr;
        interrupted->uc_mcontext.regs[30] = 0;
        interrupted->uc_mcontext.pc = refault;
#endif
        return;
    }

    pass_on(signal_number == SIGBUS ? &previous_bus : &previous_segv, signal_number, info, context);
}

static int install_one(int signal_number, struct sigaction *previous)
{
    struct sigaction action;
    if (sigaction(signal_number, NULL, previous) != 0)
    {
        return errno;
    }

    memset(&action, 0, sizeof action);
    action.sa_sigaction = handle_fault;
    /* On the alternate stack where the runtime has one (a stack overflow must still reach it), never deferred. */
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, NULL) == 0 ? 0 : errno;
}

/* Installs the handler over whatever handles SIGSEGV and SIGBUS now (the runtime's); once per process. 0 or an errno. */
int mmapnet_faults_install(void)
{
    if (installed)
    {
        return 0;
    }

    int error = install_one(SIGSEGV, &previous_segv);
    if (error == 0)
    {
        error = install_one(SIGBUS, &previous_bus);
    }

    if (error == 0)
    {
        installed = 1;
    }

    return error;
}
