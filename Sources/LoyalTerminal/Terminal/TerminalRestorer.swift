import CNcursesw
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Makes sure the user never gets a broken terminal back: whatever ends the
/// program (a normal stop, exit(), SIGTERM from `kill`, SIGHUP from a dropped
/// SSH link, a crash) first leaves curses mode, so the shell gets its cursor,
/// echo and line editing back.
///
/// Signal handlers cannot capture context, so the state they need lives here
/// as process-wide atomics. Like htop, a fatal signal restores the terminal,
/// then re-raises itself with the action that was there before (the default,
/// or the Swift runtime's crash reporter), so the exit status and any crash
/// report stay the same.
enum TerminalRestorer {
    /// True while ncurses owns the screen (between newterm/refresh and endwin).
    static let inProgramMode = Atomic<Bool>(false)
    /// Set when the process comes back from a stop; the terminal repaints.
    static let resumed = Atomic<Bool>(false)
    /// What to re-apply on resume: the mouse mask and the cursor visibility.
    static let mouseMask = Atomic<UInt>(0)
    static let cursorVisibility = Atomic<Int32>(0)
    private static let installed = Atomic<Bool>(false)

    static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals of a crash: chained to the runtime's crash report when they are our own
    /// fault; sent from outside with kill, they end the program the default way.
    static let crashSignals: [Int32] = [SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The actions in place before ours, by signal number; written once in
    /// `installOnce` before any handler can run, then only read.
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()

    /// Installs the handlers and the atexit hook, once per process. Must run
    /// before newterm: ncurses then sees our SIGINT/SIGTERM/SIGTSTP handlers
    /// and does not install its own. Its SIGWINCH handler (KEY_RESIZE) stays.
    static func installOnce() {
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        atexit { TerminalRestorer.leaveProgramMode() }
        for signal in fatalSignals {
            install(signal, handler: restoreAndReraise)
        }
        for signal in crashSignals {
            let previous = previousActions + Int(signal)
            guard loyal_install_siginfo_handler(signal, restoreAfterCrash, previous) == 0 else { continue }
            if loyal_action_is_ignore(previous) != 0 { sigaction(signal, previous, nil) }
        }
        install(SIGTSTP, handler: suspendOnSignal)
    }

    private static func install(_ signal: Int32, handler: @convention(c) (Int32) -> Void) {
        let previous = previousActions + Int(signal)
        guard loyal_install_signal_handler(signal, handler, previous) == 0 else { return }
        if loyal_action_is_ignore(previous) != 0 {
            // Ignored by whoever started us (nohup, a non-job-control shell): keep it so.
            sigaction(signal, previous, nil)
        }
    }

    /// Leaves curses mode if it is active: mouse reporting off, cursor
    /// visible, terminal modes restored (endwin). Safe to call any number of
    /// times, from anywhere. Returns whether there was something to undo.
    @discardableResult
    static func leaveProgramMode() -> Bool {
        guard inProgramMode.exchange(false, ordering: .sequentiallyConsistent) else { return false }
        mousemask(0, nil)
        curs_set(1)
        endwin()
        return true
    }

    /// Back into curses mode after a stop: the first refresh after endwin
    /// restores raw mode; then the mouse and cursor settings.
    static func enterProgramMode() {
        guard !inProgramMode.exchange(true, ordering: .sequentiallyConsistent) else { return }
        clearok(loyal_curscr(), true)
        wrefresh(loyal_stdscr())
        curs_set(cursorVisibility.load(ordering: .relaxed))
        mousemask(mmask_t(mouseMask.load(ordering: .relaxed)), nil)
        resumed.store(true, ordering: .sequentiallyConsistent)
    }

    /// Stops the process the way Ctrl-Z does in a shell, with the terminal
    /// restored while it is stopped; returns after `fg`.
    static func suspendProcess() {
        let wasActive = leaveProgramMode()
        var ours = sigaction()
        loyal_set_default_signal_action(SIGTSTP, &ours)
        loyal_unblock_signal(SIGTSTP)
        raise(SIGTSTP)  // the process stops here until SIGCONT
        sigaction(SIGTSTP, &ours, nil)
        if wasActive { enterProgramMode() }
    }
}

private func restoreAndReraise(_ signal: Int32) {
    TerminalRestorer.leaveProgramMode()
    sigaction(signal, TerminalRestorer.previousActions + Int(signal), nil)
    // Blocked while this handler runs; delivered with the old action on return.
    // A synchronous fault (SIGSEGV, SIGILL) simply happens again.
    raise(signal)
}

private func restoreAfterCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    TerminalRestorer.leaveProgramMode()
    if loyal_sent_by_another_process(info) != 0 {
        // `kill -SEGV` from outside: the crash reporter would print and return, and the
        // program would run on behind a restored terminal. The default action ends it.
        loyal_set_default_signal_action(signal, nil)
    } else {
        sigaction(signal, TerminalRestorer.previousActions + Int(signal), nil)
    }
    // Blocked while this handler runs; delivered with the new action on return.
    raise(signal)
}

private func suspendOnSignal(_ signal: Int32) {
    TerminalRestorer.suspendProcess()
}
