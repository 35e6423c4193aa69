#ifndef LOYAL_CNCURSESW_SHIM_H
#define LOYAL_CNCURSESW_SHIM_H
/* The wide-character API of ncursesw is only declared with these two set. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/*
 * Swift cannot import function-like macros, and in Swift 6 mode every use of
 * a mutable C global (stdscr, LINES, COLS, ESCDELAY, stdin, stdout) is a
 * concurrency error. These tiny getters are the only way LoyalTerminal
 * reaches them.
 */

/* Attributes */
static inline attr_t loyal_a_normal(void) { return A_NORMAL; }
static inline attr_t loyal_a_bold(void) { return A_BOLD; }
static inline attr_t loyal_a_dim(void) { return A_DIM; }
static inline attr_t loyal_a_reverse(void) { return A_REVERSE; }
static inline attr_t loyal_a_underline(void) { return A_UNDERLINE; }
static inline attr_t loyal_a_italic(void) { return A_ITALIC; }
static inline attr_t loyal_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

/* Globals */
static inline WINDOW *loyal_stdscr(void) { return stdscr; }
static inline WINDOW *loyal_curscr(void) { return curscr; }
static inline int loyal_lines(void) { return LINES; }
static inline int loyal_cols(void) { return COLS; }
static inline int loyal_colors(void) { return COLORS; }
static inline int loyal_color_pairs(void) { return COLOR_PAIRS; }
static inline int loyal_escdelay(void) { return ESCDELAY; }
static inline void loyal_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

/* newterm instead of initscr: initscr exits the process when TERM is unusable. */
static inline SCREEN *loyal_newterm(void) { return newterm(NULL, stdout, stdin); }

/* Keys */
static inline int loyal_key_f(int n) { return KEY_F(n); }
static inline int loyal_key_code_yes(void) { return KEY_CODE_YES; }

/* Mouse masks (NCURSES_MOUSE_MASK is a function-like macro) */
static inline mmask_t loyal_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t loyal_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t loyal_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t loyal_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t loyal_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t loyal_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t loyal_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t loyal_button5_pressed(void) { return BUTTON5_PRESSED; }

/*
 * Signal plumbing. Building a struct sigaction from Swift means poking at a
 * glibc-internal union; doing it here keeps the Swift side readable and lets
 * us save the previous action (possibly an SA_SIGINFO handler such as the
 * Swift runtime's crash backtracer) so it can be chained to after restoring.
 */
static inline int loyal_install_signal_handler(int sig, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(sig, &action, previous);
}

/* The same for a handler that needs to know where the signal came from. */
static inline int loyal_install_siginfo_handler(int sig, void (*handler)(int, siginfo_t *, void *),
                                                struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    return sigaction(sig, &action, previous);
}

/* True when another process sent the signal with kill(): not a fault of ours, so a
   crash reporter that returns would let the program run on after it. */
static inline int loyal_sent_by_another_process(const siginfo_t *info) {
    return info != NULL && (info->si_code == SI_USER || info->si_code == SI_TKILL || info->si_code == SI_QUEUE)
        && info->si_pid != getpid();
}

static inline int loyal_set_default_signal_action(int sig, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, previous);
}

/* True for SIG_IGN: a signal ignored by the parent (nohup) stays ignored. */
static inline int loyal_action_is_ignore(const struct sigaction *action) {
    return !(action->sa_flags & SA_SIGINFO) && action->sa_handler == SIG_IGN;
}

static inline void loyal_unblock_signal(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* glibc declares wcwidth only under _XOPEN_SOURCE; ncurses measures cells
   with it, so the terminal checks our own width tables against it. */
extern int wcwidth(wchar_t c);
static inline int loyal_wcwidth(wchar_t c) { return wcwidth(c); }

static inline const char *loyal_codeset(void) { return nl_langinfo(CODESET); }

/* Last: term.h defines a macro per capability name (lines, columns, tab, bell, ...),
   which would break any C code after it. */
#include <ncursesw/term.h>

/* Whether $TERM can place the cursor anywhere, which every screen needs: 1 yes;
   0 no (TERM=dumb, a printing terminal: ncurses would draw blank screens); -1 the
   type is unknown. Reads terminfo only: nothing is sent to the terminal. */
static inline int loyal_term_addresses_cursor(int fd) {
    int status = 0;
    if (setupterm(NULL, fd, &status) != OK) return -1;
    const char *cup = tigetstr("cup");
    int can = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return can;
}

#endif
