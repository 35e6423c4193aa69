import Foundation

/// Looks through the raw bytes of the database file and its WAL for what was erased, as
/// someone with the file and `grep` would: the proof an erasure leaves nothing behind.
enum FileResidue {
    /// How often any of `forms` (as UTF-8) occurs in the files; a missing file counts 0.
    /// Read in blocks that overlap by the longest form, so a match across blocks is found.
    static func count(_ forms: [String], in paths: [String]) -> Int {
        let needles = forms.map { Array($0.utf8) }.filter { !$0.isEmpty }
        guard let longest = needles.map(\.count).max() else { return 0 }
        var total = 0
        for path in paths {
            guard let file = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? file.close() }
            var carry: [UInt8] = []
            while let data = try? file.read(upToCount: 1 << 22), !data.isEmpty {
                let block = carry + data
                for needle in needles { total += occurrences(of: needle, in: block, from: max(0, carry.count - needle.count + 1)) }
                carry = Array(block.suffix(longest - 1))
            }
        }
        return total
    }

    /// Matches that end after `from` (earlier ones were counted in the previous block).
    /// memchr finds the first byte, memcmp the rest (memmem is not in Swift's Glibc module).
    static func occurrences(of needle: [UInt8], in block: [UInt8], from: Int) -> Int {
        var n = 0
        block.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let base = hay.baseAddress, let first = pin.first else { return }
                var offset = from
                while offset + pin.count <= hay.count,
                      let hit = memchr(base + offset, Int32(first), hay.count - offset - pin.count + 1) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { n += 1 }
                    offset = at + 1
                }
            }
        }
        return n
    }
}
