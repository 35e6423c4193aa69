/// What one `wget_wch` call produced.
public enum RawInput: Hashable, Sendable {
    /// `wget_wch` returned OK: a character (possibly a control character).
    case character(UInt32)
    /// `wget_wch` returned KEY_CODE_YES: an ncurses key code (KEY_UP, KEY_F(1), …).
    case keyCode(Int32)
}

/// Turns raw `wget_wch` results into keys. Pure and stateful only for Esc:
/// terminals send Alt-x as ESC followed by x, so after an ESC the decoder
/// waits for the next input. The terminal reads again with a short timeout
/// and either feeds what came or calls `escapeTimedOut()`, which yields a
/// plain Esc.
public struct KeyDecoder: Sendable {
    public enum Output: Hashable, Sendable {
        case key(Key)
        /// KEY_RESIZE: the terminal should query its new size.
        case resize
        /// KEY_MOUSE: the terminal should call `getmouse`.
        case mouse
    }

    public private(set) var isAwaitingEscapeFollowUp = false

    public init() {}

    public mutating func feed(_ input: RawInput) -> [Output] {
        if isAwaitingEscapeFollowUp {
            isAwaitingEscapeFollowUp = false
            if case .character(let v) = input, let c = KeyDecoder.printable(v) {
                return [.key(.alt(c))]
            }
            // ESC ESC: one Esc now, and the second may itself start an Alt key.
            if case .character(27) = input {
                isAwaitingEscapeFollowUp = true
                return [.key(.escape)]
            }
            return [.key(.escape)] + feed(input)
        }
        switch input {
        case .character(let v):
            return decodeCharacter(v)
        case .keyCode(let code):
            return KeyDecoder.decodeKeyCode(code).map { [$0] } ?? []
        }
    }

    /// No input followed an ESC in time: it was the Esc key itself.
    public mutating func escapeTimedOut() -> [Output] {
        guard isAwaitingEscapeFollowUp else { return [] }
        isAwaitingEscapeFollowUp = false
        return [.key(.escape)]
    }

    private mutating func decodeCharacter(_ v: UInt32) -> [Output] {
        switch v {
        case 27:
            isAwaitingEscapeFollowUp = true
            return []
        case 0: return [.key(.ctrl(" "))]
        case 8, 127: return [.key(.backspace)]
        case 9: return [.key(.tab)]
        case 10, 13: return [.key(.enter)]
        case 1...26:
            guard let scalar = Unicode.Scalar(v + 96) else { return [] }
            return [.key(.ctrl(Character(scalar)))]
        case 28: return [.key(.ctrl("\\"))]
        case 29: return [.key(.ctrl("]"))]
        case 30: return [.key(.ctrl("^"))]
        case 31: return [.key(.ctrl("_"))]
        default:
            return KeyDecoder.printable(v).map { [.key(.char($0))] } ?? []
        }
    }

    /// The character for `v` if it is something a user can type and see:
    /// not a control character, not a surrogate, not out of range.
    static func printable(_ v: UInt32) -> Character? {
        guard v >= 0x20, v != 0x7F, !(0x80...0x9F).contains(v),
              let scalar = Unicode.Scalar(v) else { return nil }
        return Character(scalar)
    }

    static func decodeKeyCode(_ code: Int32) -> Output? {
        typealias K = CursesKeyCode
        switch code {
        case K.up: return .key(.up)
        case K.down: return .key(.down)
        case K.left: return .key(.left)
        case K.right: return .key(.right)
        case K.home, K.keypadUpperLeft: return .key(.home)
        case K.end, K.keypadLowerLeft: return .key(.end)
        case K.pageUp, K.keypadUpperRight: return .key(.pageUp)
        case K.pageDown, K.keypadLowerRight: return .key(.pageDown)
        case K.insert: return .key(.insert)
        case K.delete: return .key(.delete)
        case K.backspace: return .key(.backspace)
        case K.enter: return .key(.enter)
        case K.backTab: return .key(.backTab)
        case K.resize: return .resize
        case K.mouse: return .mouse
        default:
            let n = Int(code - K.function(0))
            if (1...63).contains(n) { return .key(.function(n)) }
            return nil
        }
    }

    /// Maps an ncurses mouse report to an event, or nil for reports Loyal
    /// does not use (releases, motion).
    public static func mouseEvent(row: Int, col: Int, buttonState: UInt) -> MouseEvent? {
        typealias M = CursesMouseMask
        let kind: MouseEvent.Kind
        if buttonState & M.button4Pressed != 0 {
            kind = .wheelUp
        } else if buttonState & M.button5Pressed != 0 {
            kind = .wheelDown
        } else if buttonState & (M.button1Pressed | M.button1Clicked) != 0 {
            kind = .leftClick
        } else if buttonState & (M.button2Pressed | M.button2Clicked) != 0 {
            kind = .middleClick
        } else if buttonState & (M.button3Pressed | M.button3Clicked) != 0 {
            kind = .rightClick
        } else {
            return nil
        }
        return MouseEvent(row: row, col: col, kind: kind)
    }
}
