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
    static func occurrences(of needle: [UInt8], in block: [UInt8], from: Int) -> Int {
        var n = 0
        block.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return }
                var offset = from
                while offset + pin.count <= hay.count,
                      let hit = find(base + offset, hay.count - offset, pinBase, pin.count) {
                    n += 1
                    offset = base.distance(to: UnsafeRawPointer(hit)) + 1
                }
            }
        }
        return n
    }

    typealias Search = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

    /// glibc's memmem (fast on gigabytes); Swift's Glibc module does not import it, so it is
    /// looked up by name, with a plain search where it is missing.
    static let find: Search = {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem") {
            return unsafeBitCast(symbol, to: Search.self)
        }
        return { hay, count, pin, length in
            guard let hay, let pin, length > 0, count >= length else { return nil }
            for i in 0...(count - length) where memcmp(hay + i, pin, length) == 0 {
                return UnsafeMutableRawPointer(mutating: hay + i)
            }
            return nil
        }
    }()
}
