/// What the UI needs from a terminal, and nothing more: a size, a way to show
/// a frame, and events. `NcursesTerminal` is the real one, `MemoryTerminal`
/// the one tests drive.
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }

    /// Shows `buffer`. Only cells that differ from the previous frame are
    /// written. `buffer.cursor`, when set, places a visible cursor there.
    func present(_ buffer: ScreenBuffer)

    /// The next event, waiting at most `timeoutMilliseconds` (negative: wait
    /// for ever, 0: do not wait). Nil when nothing arrived in time.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?

    /// Redraws the whole last frame from scratch, for when something outside
    /// the program scribbled on the screen (Ctrl-L).
    func repaintAll()

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z);
    /// returns once the user resumes it, with the screen restored.
    func suspend()
}
