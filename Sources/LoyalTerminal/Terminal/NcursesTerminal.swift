import CNcursesw
import Foundation

public enum TerminalError: Error, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, cron).
    case notATerminal
    /// Another NcursesTerminal is running; ncurses has one screen per process.
    case alreadyActive
    /// ncurses does not know the terminal type.
    case cannotInitialize(term: String)
    /// The terminal cannot move the cursor (TERM=dumb): ncurses would draw blank screens.
    case noCursorAddressing(term: String)

    public var description: String {
        switch self {
        case .notATerminal: return "not a terminal: the interface needs stdin and stdout on a terminal"
        case .alreadyActive: return "the terminal is already in use by this program"
        case .cannotInitialize(let term): return "cannot use terminal type \"\(term)\" (check TERM)"
        case .noCursorAddressing(let term):
            return "the interface needs a terminal that can move the cursor, and TERM=\(term) cannot; "
                + "run it in a terminal such as xterm-256color (or set TERM to what yours is). "
                + "The subcommands work anywhere: loyal --help"
        }
    }
}

/// The real terminal, through ncursesw.
///
/// Ctrl-L and Ctrl-Z are handled here (when `handlesRedrawAndSuspendKeys` is
/// on): Ctrl-L repaints and is still delivered, Ctrl-Z suspends and, after
/// `fg`, is reported as a `.resize` so the UI draws a fresh frame.
public final class NcursesTerminal: Terminal {
    public private(set) var width: Int = 0
    public private(set) var height: Int = 0
    /// The colour mode in use, after capability detection and NO_COLOR.
    public let colorMode: ColorMode
    /// False when no UTF-8 locale was available: non-ASCII shows as "?".
    public let isUnicode: Bool
    public var handlesRedrawAndSuspendKeys = true
    /// How long to wait after Esc for the rest of an Alt combination.
    public var escapeFollowUpMilliseconds = 25

    let theme: Theme
    var previous: ScreenBuffer?
    var needsFullRepaint = true
    var styles: [StyleRole: (attributes: attr_t, pair: Int32)] = [:]
    var pairs: ColorPairAllocator
    var defaultColorsAvailable = false
    private var screen: OpaquePointer?
    private var decoder = KeyDecoder()
    private var pending: [InputEvent] = []
    private var stopped = false

    /// Takes over the terminal. Throws instead of exiting when the terminal
    /// cannot be used (ncurses' initscr would exit the process).
    /// - Parameter colorMode: nil detects it; a given mode is capped at what
    ///   the terminal can show.
    public init(
        theme: Theme, colorMode requested: ColorMode? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try Self.checkUsable(environment: environment)
        guard !TerminalRestorer.inProgramMode.load(ordering: .sequentiallyConsistent) else {
            throw TerminalError.alreadyActive
        }
        self.theme = theme
        self.isUnicode = LocaleSetup.ensureUTF8()
        TerminalRestorer.installOnce()
        guard let screen = loyal_newterm() else {
            throw TerminalError.cannotInitialize(term: environment["TERM"] ?? "")
        }
        self.screen = screen
        TerminalRestorer.inProgramMode.store(true, ordering: .sequentiallyConsistent)

        let window = loyal_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        TerminalRestorer.cursorVisibility.store(0, ordering: .relaxed)
        curs_set(0)

        var mode = ColorMode.none
        if has_colors() {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            let capability = ColorMode.detect(terminalColors: Int(loyal_colors()), environment: [:])
            let detected = ColorMode.detect(terminalColors: Int(loyal_colors()), environment: environment)
            mode = requested.map { min($0, capability) } ?? detected
        }
        self.colorMode = mode
        self.pairs = ColorPairAllocator(capacity: Int(loyal_color_pairs()))

        mouseinterval(0)  // report presses at once instead of waiting to detect clicks
        TerminalRestorer.mouseMask.store(CursesMouseMask.wanted, ordering: .relaxed)
        mousemask(mmask_t(CursesMouseMask.wanted), nil)
        updateSize()
    }

    deinit { stop() }

    /// Whether the interface can run on this process's terminal, checked before anything
    /// is opened so a refusal leaves no trace (no database created, no screen cleared).
    public static func checkUsable(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = Sanitizer.clean(environment["TERM"] ?? "")
        switch loyal_term_addresses_cursor(STDOUT_FILENO) {
        case 1: return
        case 0: throw TerminalError.noCursorAddressing(term: term)
        default: throw TerminalError.cannotInitialize(term: term)
        }
    }

    /// Runs `body` with the terminal and restores the terminal afterwards,
    /// also when `body` throws.
    public static func withTerminal<T>(
        theme: Theme, colorMode: ColorMode? = nil, _ body: (NcursesTerminal) throws -> T
    ) throws -> T {
        let terminal = try NcursesTerminal(theme: theme, colorMode: colorMode)
        defer { terminal.stop() }
        return try body(terminal)
    }

    /// Gives the terminal back to the shell. Idempotent.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalRestorer.leaveProgramMode()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
    }

    var isLive: Bool { !stopped && TerminalRestorer.inProgramMode.load(ordering: .sequentiallyConsistent) }

    // MARK: Events

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        guard !stopped else { return nil }
        let window = loyal_stdscr()
        let timeout = Int32(clamping: timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds)
        wtimeout(window, timeout)
        while true {
            if let resume = takeResume() { return resume }
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            let outputs: [KeyDecoder.Output]
            if status == ERR {
                guard decoder.isAwaitingEscapeFollowUp else { return takeResume() }
                outputs = decoder.escapeTimedOut()
            } else if status == loyal_key_code_yes() {
                outputs = decoder.feed(.keyCode(Int32(bitPattern: value)))
            } else {
                outputs = decoder.feed(.character(UInt32(value)))
            }
            for output in outputs {
                if let event = translate(output) { pending.append(event) }
            }
            if decoder.isAwaitingEscapeFollowUp {
                wtimeout(window, Int32(escapeFollowUpMilliseconds))
                continue
            }
            wtimeout(window, timeout)
            if !pending.isEmpty { return pending.removeFirst() }
            if timeout >= 0 { return takeResume() }
        }
    }

    private func translate(_ output: KeyDecoder.Output) -> InputEvent? {
        switch output {
        case .key(let key):
            if handlesRedrawAndSuspendKeys {
                if key == .ctrl("z") {
                    suspend()
                    return nil  // the resume is reported as a resize
                }
                if key == .ctrl("l") { repaintAll() }
            }
            return .key(key)
        case .resize:
            updateSize()
            needsFullRepaint = true
            return .resize(width: width, height: height)
        case .mouse:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return KeyDecoder.mouseEvent(row: Int(event.y), col: Int(event.x), buttonState: UInt(event.bstate))
                .map { .mouse($0) }
        }
    }

    /// After a stop and `fg`: repaint everything and tell the UI the size.
    private func takeResume() -> InputEvent? {
        guard TerminalRestorer.resumed.exchange(false, ordering: .sequentiallyConsistent), !stopped else { return nil }
        updateSize()
        repaintAll()
        return .resize(width: width, height: height)
    }

    private func updateSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        loyal_getmaxyx(loyal_stdscr(), &rows, &cols)
        height = Int(rows)
        width = Int(cols)
    }

    // MARK: Suspend

    public func suspend() {
        guard isLive else { return }
        TerminalRestorer.suspendProcess()
        needsFullRepaint = true
    }
}

extension ColorMode: Comparable {
    private var rank: Int {
        switch self {
        case .none: return 0
        case .c8: return 1
        case .c256: return 2
        case .trueColor: return 3
        }
    }

    public static func < (lhs: ColorMode, rhs: ColorMode) -> Bool { lhs.rank < rhs.rank }
}
