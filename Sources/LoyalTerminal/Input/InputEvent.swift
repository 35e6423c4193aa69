/// Everything a terminal can tell the application.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size; the next frame should be built for it.
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case leftClick, middleClick, rightClick, wheelUp, wheelDown
    }

    public var row: Int
    public var col: Int
    public var kind: Kind

    public init(row: Int, col: Int, kind: Kind) {
        self.row = row
        self.col = col
        self.kind = kind
    }
}
