/// A terminal that lives in memory, for tests: queue keys, let the UI run,
/// read the screen back as text.
///
///     let term = MemoryTerminal(width: 80, height: 24)
///     term.type("Müller")
///     term.send(.enter)
///     app.run(on: term)
///     XCTAssertEqual(term.row(0), "…")
public final class MemoryTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int

    /// The last frame shown, if any.
    public private(set) var lastBuffer: ScreenBuffer?
    /// How often `present` was called.
    public private(set) var presentCount = 0
    /// How many cells the last `present` changed (all of them after a resize
    /// or `repaintAll`).
    public private(set) var lastChangedCellCount = 0
    public private(set) var repaintAllCount = 0
    public private(set) var suspendCount = 0

    private var queue: [InputEvent] = []
    private var queueStart = 0
    private var forceFullRepaint = false

    public init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
    }

    // MARK: Terminal

    public func present(_ buffer: ScreenBuffer) {
        presentCount += 1
        lastChangedCellCount = ScreenDiff.changedCellCount(
            from: forceFullRepaint ? nil : lastBuffer, to: buffer)
        forceFullRepaint = false
        lastBuffer = buffer
    }

    /// The timeout is ignored: a test never waits, an empty queue means "no
    /// input", which is how an event loop under test knows to stop.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard queueStart < queue.count else { return nil }
        let event = queue[queueStart]
        queueStart += 1
        if queueStart == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueStart = 0
        }
        return event
    }

    public func repaintAll() {
        repaintAllCount += 1
        forceFullRepaint = true
    }

    public func suspend() {
        suspendCount += 1
        forceFullRepaint = true
    }

    // MARK: Input

    public var pendingEventCount: Int { queue.count - queueStart }

    public func send(_ event: InputEvent) { queue.append(event) }

    public func send(_ keys: Key...) {
        for key in keys { queue.append(.key(key)) }
    }

    /// Queues each character of `text` as a key press; "\n" becomes Enter and
    /// "\t" Tab, as a terminal would deliver them.
    public func type(_ text: String) {
        for c in text {
            switch c {
            case "\n", "\r", "\r\n": queue.append(.key(.enter))
            case "\t": queue.append(.key(.tab))
            default: queue.append(.key(.char(c)))
            }
        }
    }

    /// Changes the size, as a window resize would, and queues the event.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        queue.append(.resize(width: width, height: height))
    }

    public func click(row: Int, col: Int, kind: MouseEvent.Kind = .leftClick) {
        queue.append(.mouse(MouseEvent(row: row, col: col, kind: kind)))
    }

    public func wheel(up: Bool, row: Int = 0, col: Int = 0) {
        queue.append(.mouse(MouseEvent(row: row, col: col, kind: up ? .wheelUp : .wheelDown)))
    }

    // MARK: Reading the screen

    /// Rows of the last frame (empty before the first `present`).
    public var lines: [String] { lastBuffer?.lines ?? [] }

    /// All rows joined with "\n".
    public var text: String { lines.joined(separator: "\n") }

    public func row(_ index: Int) -> String { lastBuffer?.line(index) ?? "" }

    public func role(atRow row: Int, col: Int) -> StyleRole? {
        lastBuffer?.role(atRow: row, col: col)
    }

    public var cursor: CursorPosition? { lastBuffer?.cursor }
}
