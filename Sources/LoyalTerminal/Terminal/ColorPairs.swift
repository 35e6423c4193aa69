/// Hands out ncurses colour pair numbers, once per (fg, bg) combination and
/// only when a role first needs one (as tig and neomutt do), so a theme with
/// thirty roles and six colours uses a handful of pairs.
struct ColorPairAllocator {
    struct Colors: Hashable {
        let fg: Int32
        let bg: Int32
    }

    /// ncurses' COLOR_PAIRS: pair numbers run from 1 to capacity - 1.
    let capacity: Int
    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The pair for (fg, bg), and whether it is new and so must still be
    /// initialised with `init_extended_pair`. Pair 0 is the terminal's
    /// default colours; it is also the answer when the pairs run out.
    mutating func pair(fg: Int32, bg: Int32) -> (number: Int32, isNew: Bool) {
        if fg == -1, bg == -1 { return (0, false) }
        let key = Colors(fg: fg, bg: bg)
        if let existing = pairs[key] { return (existing, false) }
        guard Int(next) < capacity else { return (0, false) }
        let number = next
        next += 1
        pairs[key] = number
        return (number, true)
    }

    var allocatedCount: Int { pairs.count }
}

/// ncurses colour numbers for a resolved colour.
enum CursesColor {
    /// -1 is "the terminal's default" (with `use_default_colors`). Without
    /// default-colour support white on black stands in for it.
    static func number(
        _ color: TerminalColor?, mode: ColorMode, foreground: Bool, defaultColorsAvailable: Bool
    ) -> Int32 {
        switch color {
        case nil, .terminalDefault?:
            return defaultColorsAvailable ? -1 : (foreground ? 7 : 0)
        case .indexed(let n)?:
            // Direct-colour terminfo treats values below 8 as the basic colours
            // and everything else as packed RGB.
            if mode == .trueColor, n >= 8 {
                let (r, g, b) = XtermPalette.rgb(n)
                return packed(r, g, b)
            }
            return Int32(n)
        case .rgb(let r, let g, let b)?:
            return packed(r, g, b)
        }
    }

    /// 0xRRGGBB, kept out of 0…7 which direct-colour terminals read as basic
    /// colours (near-black becomes #000008, which no eye can tell apart).
    static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }
}
