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
 * A signal that someone sent (kill, raise: si_code <= 0) is not a fault, but the runtime's handlers take one for a fault
 * all the same. Where the runtime started inside Python (both routes that boot it from python/mmapnet), Python's
 * handler is the one below the runtime's, and the runtime passed such a signal on only when that was a handler: to the
 * default action, it "let the instruction run again", and the process lived on where Python's dies. So the handler here
 * passes a sent signal to Python's own disposition, past the runtime (noted before the runtime starts, by
 * mmapnet_faults_note_python_handlers), for SIGSEGV and SIGBUS and for SIGFPE and SIGILL, the others the runtime
 * takes for faults and faulthandler ends the process by.
 *
 * Where a .NET program embeds CPython (MmapNet.Host), the runtime comes first, and faulthandler, enabled later, puts
 * its handler over the runtime's. When a signal ends the process, faulthandler prints its traceback and raises the
 * signal again from within its handler, on its alternate stack, so the runtime's handler ran nested in it, took the
 * raised signal for a fault, and needed more room than is left there where a signal frame is large (AVX-512 machines:
 * 3.4 KB each): it overran faulthandler's 16 KB stack, and the process ended by SIGABRT ("stack smashing detected"),
 * or, with faulthandler off, lived on. mmapnet_faults_install_before_python, called before the interpreter starts,
 * puts a handler between the two that gives a sent signal the default action, which ends the process by it, as in
 * CPython. A fault still goes to the runtime.
 *
 * Standard C and the Linux/glibc signal interface only; x86-64 and AArch64.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

/* A fault this close below (or above) the interrupted stack pointer is taken for a stack overflow. */
#define STACK_GUARD_DISTANCE (256 * 1024)

/* The signals the runtime takes for faults of its code and faulthandler ends the process by. */
static const int fault_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL };
#define FAULT_SIGNAL_COUNT (sizeof fault_signals / sizeof fault_signals[0])

/* What handled each signal before mmapnet_faults_install put its handler over it (the runtime's). */
static struct sigaction previous[FAULT_SIGNAL_COUNT];
static volatile sig_atomic_t installed;

/* Python's own dispositions, noted before the runtime started (see above), where it started inside Python. */
static struct sigaction python_handlers[FAULT_SIGNAL_COUNT];
static volatile sig_atomic_t python_noted;

/* Below the handler of mmapnet_faults_install_before_python: the runtime's, where a .NET program embeds CPython. */
static struct sigaction runtime_handlers[FAULT_SIGNAL_COUNT];
static volatile sig_atomic_t installed_before_python;

static size_t slot_of(int signal_number)
{
    size_t i = 0;
    while (i < FAULT_SIGNAL_COUNT - 1 && fault_signals[i] != signal_number)
    {
        i++;
    }

    return i;
}

/* Whether someone sent the signal (kill, raise), rather than the kernel for a fault of an instruction (si_code > 0). */
static int was_sent(const siginfo_t *info)
{
    return info->si_code <= 0;
}

/* The same access again, in native code. Not expected to return: the access faults as it did. If the page has come
 * back meanwhile, there is no way back into the interrupted code, so the process ends. */
__attribute__((noinline, noreturn, used)) void mmapnet_faults_refault(volatile unsigned char *address)
{
    unsigned char value = *address; /* SIGBUS, or SIGSEGV for a page that may not be read */
    *address = value;               /* SIGSEGV for a page that may be read but not written */
    abort();
}

/* The default action, now: it ends the process by the signal (the handlers here never defer it: SA_NODEFER). */
static void take_default_action(int signal_number)
{
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void pass_on(const struct sigaction *handler, int signal_number, siginfo_t *info, void *context)
{
    /* SIG_DFL and SIG_IGN first, whatever the flags say: sa_handler and sa_sigaction are the same field. */
    if (handler->sa_handler == SIG_IGN && was_sent(info))
    {
        /* Ignored, as it would have been. */
    }
    else if (handler->sa_handler == SIG_DFL || handler->sa_handler == SIG_IGN)
    {
        if (was_sent(info))
        {
            take_default_action(signal_number);
        }
        else
        {
            /* Nobody else handles the fault: restore the default and let the faulting instruction run again. */
            signal(signal_number, SIG_DFL);
        }
    }
    else if (handler->sa_flags & SA_SIGINFO)
    {
        handler->sa_sigaction(signal_number, info, context);
    }
    else
    {
        handler->sa_handler(signal_number);
    }
}

static int is_map_fault(int signal_number, const siginfo_t *info, uintptr_t stack_pointer)
{
    if (signal_number == SIGBUS)
    {
        return info->si_code == BUS_ADRERR;
    }

    if (signal_number != SIGSEGV || info->si_code != SEGV_ACCERR)
    {
        return 0;
    }

    uintptr_t address = (uintptr_t)info->si_addr;
    uintptr_t distance = address > stack_pointer ? address - stack_pointer : stack_pointer - address;
    return distance > STACK_GUARD_DISTANCE;
}

static void handle_fault(int signal_number, siginfo_t *info, void *context)
{
    size_t slot = slot_of(signal_number);
    if (was_sent(info))
    {
        /* Past the runtime, to what Python had, where it started inside Python; else to what is below. */
        pass_on(python_noted ? &python_handlers[slot] : &previous[slot], signal_number, info, context);
        return;
    }

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
    if (!(pc >= refault && pc < refault + 64) && is_map_fault(signal_number, info, sp))
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

    pass_on(&previous[slot], signal_number, info, context);
}

static void handle_before_python(int signal_number, siginfo_t *info, void *context)
{
    if (was_sent(info))
    {
        take_default_action(signal_number);
        return;
    }

    pass_on(&runtime_handlers[slot_of(signal_number)], signal_number, info, context);
}

/* Puts handler over each signal, keeping what was there in below. 0 or an errno. */
static int install_over(void (*handler)(int, siginfo_t *, void *), struct sigaction *below)
{
    for (size_t i = 0; i < FAULT_SIGNAL_COUNT; i++)
    {
        struct sigaction action;
        if (sigaction(fault_signals[i], NULL, &below[i]) != 0)
        {
            return errno;
        }

        memset(&action, 0, sizeof action);
        action.sa_sigaction = handler;
        /* On the stack, and with the mask, the handler below would have had, since it runs within this one: the
         * runtime handles a fault of its code in the handler, on the alternate stack only for SIGSEGV (which it
         * leaves for the thread's own), and blocks its own signals meanwhile. SIGSEGV always on the alternate stack,
         * where there is one: a stack overflow must still reach the handler. Never deferred. */
        action.sa_flags = SA_SIGINFO | SA_NODEFER | (below[i].sa_flags & SA_ONSTACK);
        if (fault_signals[i] == SIGSEGV)
        {
            action.sa_flags |= SA_ONSTACK;
        }

        action.sa_mask = below[i].sa_mask;
        if (sigaction(fault_signals[i], &action, NULL) != 0)
        {
            return errno;
        }
    }

    return 0;
}

/* Installs the handler over whatever handles the signals now (the runtime's, or faulthandler's over it); once per
 * process. 0 or an errno. */
int mmapnet_faults_install(void)
{
    if (installed)
    {
        return 0;
    }

    int error = install_over(handle_fault, previous);
    if (error == 0)
    {
        installed = 1;
    }

    return error;
}

/* In a Python process, before a .NET runtime starts there (python/mmapnet's CoreCLR boot, the NativeAOT module's
 * entry point): notes Python's dispositions (see above); once per process. 0 or an errno. */
int mmapnet_faults_note_python_handlers(void)
{
    if (python_noted || installed)
    {
        /* Noted once; and never after the handler here went in, which would note it as Python's. */
        return 0;
    }

    for (size_t i = 0; i < FAULT_SIGNAL_COUNT; i++)
    {
        if (sigaction(fault_signals[i], NULL, &python_handlers[i]) != 0)
        {
            return errno;
        }
    }

    python_noted = 1;
    return 0;
}

/* For a .NET program that embeds CPython: installs handle_before_python over the runtime's handlers, before the
 * interpreter starts (faulthandler's then goes over it); once per process. 0 or an errno. */
int mmapnet_faults_install_before_python(void)
{
    if (installed_before_python)
    {
        return 0;
    }

    int error = install_over(handle_before_python, runtime_handlers);
    if (error == 0)
    {
        installed_before_python = 1;
    }

    return error;
}
