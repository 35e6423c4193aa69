/// Text for a terminal, sanitised as the TUI sanitises it but keeping the line structure
/// the output itself uses (LF and CR LF); a lone CR, which could overwrite a line already
/// shown, becomes ^M like every other control character. Used by the command line for
/// whatever it writes to a terminal.
public enum TerminalText {
    public static func safe(_ s: String) -> String {
        guard Sanitizer.needsCleaning(s) else { return s }
        // Pieces between line breaks are collected as UTF-8 bytes: appending scalars to a
        // String.UnicodeScalarView grows slower with its length (quadratic on a long name).
        var out = ""
        var piece: [UInt8] = []
        func flushPiece() {
            if !piece.isEmpty { out += Sanitizer.clean(String(decoding: piece, as: UTF8.self)); piece.removeAll(keepingCapacity: true) }
        }
        var pendingCR = false
        for scalar in s.unicodeScalars {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" { flushPiece(); out += "\r\n"; continue }
                piece.append(0x0D)
            }
            switch scalar {
            case "\n": flushPiece(); out += "\n"
            case "\r": pendingCR = true
            default: UTF8.encode(scalar) { piece.append($0) }
            }
        }
        if pendingCR { piece.append(0x0D) }
        flushPiece()
        return out
    }
}
