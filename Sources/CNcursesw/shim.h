#ifndef APIGW_ADVISOR_CNCURSESW_SHIM_H
#define APIGW_ADVISOR_CNCURSESW_SHIM_H

/*
 * Bridge from Swift to ncursesw.
 *
 * - NCURSES_WIDECHAR must be defined before curses.h, otherwise cchar_t,
 *   get_wch, setcchar and the other wide-character functions are invisible.
 * - Swift 6 refuses to read C mutable globals (stdscr, LINES, COLS, COLORS,
 *   stdin, stdout) and cannot import macros with casts (A_BOLD, KEY_F(n)),
 *   so they are wrapped in static inline accessors here.
 * - Signal handling lives here because handlers must be plain C and
 *   async-signal-safe. A system-library target cannot hold .c files, so the
 *   state is `static` in this header; only NcursesTerminal.swift imports the
 *   module, hence exactly one copy of that state is emitted.
 */

#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ---- accessors for globals and macros Swift cannot use directly ---- */

static inline WINDOW *advisor_stdscr(void) { return stdscr; }
static inline int advisor_lines(void) { return LINES; }
static inline int advisor_cols(void) { return COLS; }
static inline int advisor_colors(void) { return COLORS; }
static inline int advisor_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *advisor_stdin(void) { return stdin; }
static inline FILE *advisor_stdout(void) { return stdout; }

static inline attr_t advisor_a_normal(void) { return A_NORMAL; }
static inline attr_t advisor_a_bold(void) { return A_BOLD; }
static inline attr_t advisor_a_reverse(void) { return A_REVERSE; }
static inline attr_t advisor_a_underline(void) { return A_UNDERLINE; }
static inline attr_t advisor_a_dim(void) { return A_DIM; }

static inline int advisor_key_f(int n) { return KEY_F(n); }

/* True when the current LC_CTYPE encodes characters as UTF-8. */
static inline int advisor_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/* ---- terminal restore that is safe inside a signal handler ---- */

/* Set while a curses screen owned by NcursesTerminal is active. */
static volatile sig_atomic_t advisor_tui_curses_active = 0;
/* Set while the emergency restore below has something to restore. */
static volatile sig_atomic_t advisor_tui_restore_armed = 0;
static inline struct termios *advisor_tui_saved_termios(void) {
    static struct termios value;
    return &value;
}
static int advisor_tui_saved_termios_valid = 0;
static int advisor_tui_tty_fd = -1;
static int advisor_tui_out_fd = -1;
#define ADVISOR_TUI_RESET_CAPACITY 512
static inline char *advisor_tui_reset_sequence(void) {
    static char value[ADVISOR_TUI_RESET_CAPACITY];
    return value;
}
static size_t advisor_tui_reset_length = 0;

/* Remembers the shell's tty modes; call before newterm changes them. */
static inline void advisor_tui_save_tty_modes(int tty_fd, int out_fd) {
    advisor_tui_tty_fd = tty_fd;
    advisor_tui_out_fd = out_fd;
    advisor_tui_saved_termios_valid = tcgetattr(tty_fd, advisor_tui_saved_termios()) == 0;
}

static inline void advisor_tui_append_capability(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return;
    size_t length = strlen(value);
    if (advisor_tui_reset_length + length >= ADVISOR_TUI_RESET_CAPACITY) return;
    memcpy(advisor_tui_reset_sequence() + advisor_tui_reset_length, value, length);
    advisor_tui_reset_length += length;
}

/*
 * Precomputes the bytes that undo full-screen mode (attributes off, cursor
 * visible, keypad off, leave the alternate screen) so a crash handler can
 * write them without calling into ncurses. Call after newterm.
 */
static inline void advisor_tui_arm_emergency_restore(void) {
    advisor_tui_reset_length = 0;
    advisor_tui_append_capability("sgr0");
    advisor_tui_append_capability("cnorm");
    advisor_tui_append_capability("rmkx");
    advisor_tui_append_capability("rmcup");
    advisor_tui_restore_armed = 1;
}

static inline void advisor_tui_disarm_emergency_restore(void) {
    advisor_tui_restore_armed = 0;
}

/* Only write(2) and tcsetattr(3): both are async-signal-safe. */
static inline void advisor_tui_emergency_restore(void) {
    if (!advisor_tui_restore_armed) return;
    advisor_tui_restore_armed = 0;
    advisor_tui_curses_active = 0;
    if (advisor_tui_reset_length > 0 && advisor_tui_out_fd >= 0) {
        ssize_t ignored = write(advisor_tui_out_fd, advisor_tui_reset_sequence(), advisor_tui_reset_length);
        (void)ignored;
    }
    if (advisor_tui_saved_termios_valid && advisor_tui_tty_fd >= 0) {
        tcsetattr(advisor_tui_tty_fd, TCSANOW, advisor_tui_saved_termios());
    }
}

/* exit() without stop() (or a Swift exit call) must not leave raw mode. */
static inline void advisor_tui_atexit_handler(void) {
    if (advisor_tui_curses_active) {
        advisor_tui_curses_active = 0;
        advisor_tui_restore_armed = 0;
        endwin();
    }
}

static inline void advisor_tui_register_atexit(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(advisor_tui_atexit_handler);
    }
}

static inline int advisor_tui_is_curses_active(void) { return advisor_tui_curses_active; }
static inline void advisor_tui_set_curses_active(int active) { advisor_tui_curses_active = active; }

/* ---- SIGINT / SIGTERM / SIGHUP / SIGQUIT and crash signals ---- */

#define ADVISOR_TUI_MAX_SIGNAL 65
/* Only called with the fixed signal numbers listed below, all < ADVISOR_TUI_MAX_SIGNAL. */
static inline struct sigaction *advisor_tui_previous_action(int sig) {
    static struct sigaction actions[ADVISOR_TUI_MAX_SIGNAL];
    return &actions[sig];
}
static volatile sig_atomic_t advisor_tui_pending_signal = 0;
static int advisor_tui_handlers_installed = 0;

static const int advisor_tui_exit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int advisor_tui_crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
#define ADVISOR_TUI_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Terminates the process by `sig` with its default action (exit status 128+sig). */
__attribute__((noreturn)) static inline void advisor_tui_die_by_signal(int sig) {
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(sig, &default_action, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    raise(sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    _exit(128 + sig);
}

/*
 * First signal: only record it. The blocked read in wgetch returns EINTR
 * (the handler is installed without SA_RESTART) and readKey then restores the
 * terminal and runs the app's hook in normal context, where that is safe.
 * A second signal before that happened means the app is not reading keys
 * (busy or stuck): restore what can be restored safely and die at once.
 */
static inline void advisor_tui_exit_signal_handler(int sig) {
    if (advisor_tui_pending_signal != 0) {
        advisor_tui_emergency_restore();
        advisor_tui_die_by_signal(sig);
        return;
    }
    advisor_tui_pending_signal = sig;
}

/*
 * Crash: put the terminal back, then hand the signal to whoever had it
 * before (Swift's backtracer prints the crash report) by reinstalling the
 * previous action. A fault re-executes the instruction on return and reaches
 * it; a sent or trap-style signal is re-raised instead.
 */
static inline void advisor_tui_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    advisor_tui_emergency_restore();
    if (sig > 0 && sig < ADVISOR_TUI_MAX_SIGNAL) {
        sigaction(sig, advisor_tui_previous_action(sig), NULL);
    }
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT) {
        raise(sig);
    }
}

/*
 * The signal recorded by the handler, 0 if none. It is never cleared: once a
 * termination signal arrived the process is on its way out, and a repeat
 * must take the emergency path.
 */
static inline int advisor_tui_pending(void) { return advisor_tui_pending_signal; }

/* Blocks further SIGINT/SIGTERM/SIGHUP/SIGQUIT while the app's save hook runs. */
static inline void advisor_tui_block_exit_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_exit_signals); i++) {
        sigaddset(&set, advisor_tui_exit_signals[i]);
    }
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/*
 * A process spawned from a test or worker thread can inherit these signals
 * blocked; then Ctrl-C and window resizes would never arrive.
 */
static inline void advisor_tui_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_exit_signals); i++) {
        sigaddset(&set, advisor_tui_exit_signals[i]);
    }
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/*
 * Remembers the dispositions of SIGINT/SIGTERM/SIGHUP/SIGQUIT as the shell left
 * them. Call before newterm: newterm installs its own SIGINT/SIGTERM
 * handlers (exit status 1), and delscreen leaves them in place, so stop must
 * put back these rather than whatever is installed when ours go in.
 */
static inline void advisor_tui_save_signal_actions(void) {
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_exit_signals); i++) {
        int sig = advisor_tui_exit_signals[i];
        sigaction(sig, NULL, advisor_tui_previous_action(sig));
    }
}

/*
 * Installs the handlers; call after newterm so they replace the ones ncurses
 * sets for SIGINT/SIGTERM, and after advisor_tui_save_signal_actions.
 * A signal the parent set to SIG_IGN (nohup, background jobs) stays ignored.
 */
static inline void advisor_tui_install_signal_handlers(void) {
    if (advisor_tui_handlers_installed) return;
    advisor_tui_pending_signal = 0;

    struct sigaction exit_action;
    memset(&exit_action, 0, sizeof exit_action);
    sigemptyset(&exit_action.sa_mask);
    exit_action.sa_handler = advisor_tui_exit_signal_handler;
    exit_action.sa_flags = 0; /* no SA_RESTART: a blocked read must return on a signal */
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_exit_signals); i++) {
        int sig = advisor_tui_exit_signals[i];
        struct sigaction *previous = advisor_tui_previous_action(sig);
        if (previous->sa_handler == SIG_IGN && !(previous->sa_flags & SA_SIGINFO)) continue;
        sigaction(sig, &exit_action, NULL);
    }

    struct sigaction crash_action;
    memset(&crash_action, 0, sizeof crash_action);
    sigemptyset(&crash_action.sa_mask);
    crash_action.sa_sigaction = advisor_tui_crash_handler;
    crash_action.sa_flags = SA_SIGINFO | SA_ONSTACK; /* ONSTACK: still runs on stack overflow */
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_crash_signals); i++) {
        int sig = advisor_tui_crash_signals[i];
        sigaction(sig, &crash_action, advisor_tui_previous_action(sig));
    }
    advisor_tui_handlers_installed = 1;
    advisor_tui_unblock_signals();
}

/* Puts back the shell's SIGINT/SIGTERM/SIGHUP/SIGQUIT actions and the previous crash handlers. */
static inline void advisor_tui_restore_signal_handlers(void) {
    if (!advisor_tui_handlers_installed) return;
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_exit_signals); i++) {
        int sig = advisor_tui_exit_signals[i];
        sigaction(sig, advisor_tui_previous_action(sig), NULL);
    }
    for (size_t i = 0; i < ADVISOR_TUI_COUNT(advisor_tui_crash_signals); i++) {
        int sig = advisor_tui_crash_signals[i];
        sigaction(sig, advisor_tui_previous_action(sig), NULL);
    }
    advisor_tui_handlers_installed = 0;
}

#endif
