/// A colour as a theme file names it.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background (keeps a user's
    /// transparent or custom background).
    case terminalDefault
    /// An xterm palette index, 0–255 (0–7 are the basic eight).
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads "#rrggbb", "#rgb", "0"…"255", a basic name ("red"), a bright
    /// one ("bright_red", "gray"/"grey" = bright black) or "default".
    public init?(parsing text: String) {
        let s = text.trimmingSpaces.lowercased()
        if s == "default" || s == "none" {
            self = .terminalDefault
        } else if s.hasPrefix("#") {
            guard let rgb = TerminalColor.parseHex(String(s.dropFirst())) else { return nil }
            self = rgb
        } else if let n = Int(s) {
            guard (0...255).contains(n) else { return nil }
            self = .indexed(n)
        } else if let i = TerminalColor.basicNames.firstIndex(of: s) {
            self = .indexed(i)
        } else if s == "gray" || s == "grey" {
            self = .indexed(8)
        } else if s.hasPrefix("bright_"), let i = TerminalColor.basicNames.firstIndex(of: String(s.dropFirst(7))) {
            self = .indexed(8 + i)
        } else {
            return nil
        }
    }

    private static func parseHex(_ hex: String) -> TerminalColor? {
        guard hex.allSatisfy(\.isHexDigit) else { return nil }
        let digits = Array(hex)
        func byte(_ chars: [Character]) -> UInt8? { UInt8(String(chars), radix: 16) }
        switch digits.count {
        case 6:
            guard let r = byte(Array(digits[0...1])), let g = byte(Array(digits[2...3])),
                  let b = byte(Array(digits[4...5])) else { return nil }
            return .rgb(r, g, b)
        case 3:
            guard let r = byte([digits[0], digits[0]]), let g = byte([digits[1], digits[1]]),
                  let b = byte([digits[2], digits[2]]) else { return nil }
            return .rgb(r, g, b)
        default:
            return nil
        }
    }

    /// The colour in the form `mode` can show, or nil when it shows none.
    /// Hex colours go to the nearest entry of the fixed xterm-256 palette
    /// (16–255; 0–15 are left out because users redefine them), and on eight
    /// colours to the nearest basic colour (directly from the hex value, which
    /// is never further off than going through the 256 palette first). Bright
    /// colours 8–15 become their normal counterpart, as eight-colour
    /// terminals show them.
    public func adapted(to mode: ColorMode) -> TerminalColor? {
        switch (mode, self) {
        case (.none, _):
            return nil
        case (.trueColor, _), (_, .terminalDefault):
            return self
        case (.c256, .indexed):
            return self
        case (.c256, .rgb(let r, let g, let b)):
            return .indexed(XtermPalette.nearest(r, g, b, in: 16...255))
        case (.c8, .indexed(let n)):
            if n < 8 { return self }
            if n < 16 { return .indexed(n - 8) }
            let (r, g, b) = XtermPalette.rgb(n)
            return .indexed(XtermPalette.nearestBasic(r, g, b))
        case (.c8, .rgb(let r, let g, let b)):
            return .indexed(XtermPalette.nearestBasic(r, g, b))
        }
    }
}

/// The standard xterm 256-colour palette.
enum XtermPalette {
    /// xterm's defaults for the sixteen system colours.
    static let system: [(UInt8, UInt8, UInt8)] = [
        (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
        (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
        (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
        (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
    ]
    static let cubeLevels: [UInt8] = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

    static func rgb(_ index: Int) -> (UInt8, UInt8, UInt8) {
        switch index {
        case ..<0: return system[0]
        case 0..<16: return system[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        case 232..<256:
            let level = UInt8(8 + 10 * (index - 232))
            return (level, level, level)
        default: return system[15]
        }
    }

    /// The nearest of the basic eight. A grey (channels within 24 of each
    /// other) only chooses between black and white: by plain distance a
    /// mid grey is closer to yellow (205,205,0) than to white, which would
    /// turn muted text into a warning colour.
    static func nearestBasic(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let spread = Int(max(r, g, b)) - Int(min(r, g, b))
        if spread <= 24 {
            return distance((r, g, b), rgb(0)) <= distance((r, g, b), rgb(7)) ? 0 : 7
        }
        return nearest(r, g, b, in: 0...7)
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    /// The index in `range` closest to (r, g, b) by squared RGB distance;
    /// the lower index wins a tie.
    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, in range: ClosedRange<Int>) -> Int {
        var best = range.lowerBound
        var bestDistance = Int.max
        for index in range {
            let d = distance((r, g, b), rgb(index))
            if d < bestDistance {
                bestDistance = d
                best = index
            }
        }
        return best
    }
}
