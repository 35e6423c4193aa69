import Foundation
import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Issue 11: a 400,000-character `ü` name took 11 s in `import --dry-run`, and a
/// one-megabyte name froze the list while searching. Doubling the input may at
/// most roughly double the time (2.5x allows for noise); a quadratic step would
/// take 4x. Each size is timed best of three, in up to three rounds.
final class LinearTimeTests: UITestCase {
    static let sizes = (200_000, 400_000)

    /// Seconds for the fastest of three runs of `body`.
    private func bestOfThree(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    private func assertLinear(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                              _ run: (Int) throws -> () throws -> Void) throws {
        let small = try run(Self.sizes.0), large = try run(Self.sizes.1)
        // A busy machine (parallel builds) can stretch one round; a quadratic step never
        // gets below 4x, so the best of three rounds still tells the two apart.
        var rounds: [String] = []
        for _ in 0..<3 {
            let t1 = try bestOfThree(small), t2 = try bestOfThree(large)
            // Below a millisecond the ratio is noise; such a step is not what this guards against.
            let ratio = t2 / max(t1, 0.001)
            if ratio <= 2.5 { return }
            rounds.append("\(Self.sizes.0) chars \(t1) s, \(Self.sizes.1) chars \(t2) s")
        }
        XCTFail("\(what) grows faster than linear: " + rounds.joined(separator: "; "), file: file, line: line)
    }

    private static func longName(_ n: Int) -> String { "Bäckerei " + String(repeating: "ü", count: n) }

    func testImportDryRunOfALongNameIsLinear() throws {
        store = try Store(path: directory.appendingPathComponent("import.db").path)
        defer { try? store.close() }
        var options = ImportOptions(today: Self.today)
        options.dryRun = true
        try assertLinear("import --dry-run") { n in
            let bytes = Array("number,name,city\nK1,\(Self.longName(n)),Köln\n".utf8)
            return { _ = try self.store.importCSV(.customers, bytes: bytes, fileName: "long.csv", options: options) }
        }
    }

    func testSearchFoldingOfALongNameIsLinear() throws {
        try assertLinear("search key") { n in
            let name = Self.longName(n)
            return { _ = SearchKey.forCustomer(number: "K1", name: name, city: "Köln") }
        }
    }

    func testDrawingALongNameIsLinear() throws {
        // Escape characters and bidi overrides take the sanitiser's slow path. Drawing
        // 80 columns must not depend on the length at all; linear is the bound tested.
        try assertLinear("drawing") { n in
            let name = Self.longName(n / 2) + String(repeating: "\u{1B}\u{202E}", count: n / 4)
            let layout = TableLayout([.init(title: "Name", width: 20, flex: 1)], width: 80)
            var field = TextField(name)
            _ = field.handle(.home)
            return {
                var buffer = ScreenBuffer(width: 80, height: 3)
                layout.drawCell(name, column: 0, into: &buffer, row: 0, col: 0, width: 80, role: .normal)
                buffer.put(row: 1, col: 0, name)
                XCTAssertEqual(buffer.line(0).prefix(9), "Bäckerei ")
                _ = field.draw(into: &buffer, row: 2, col: 0, width: 80, role: .normal)
                XCTAssertEqual(TextWidth.truncate(name, to: 80).count, 80)
            }
        }
    }

    func testSearchingTheListWithALongNameIsLinear() throws {
        try assertLinear("accounts search") { n in
            try self.openImported([(.customers, "number,name,city\nK1,\(Self.longName(n)),Köln\nK2,Zeta,Bonn\n")])
            try self.launch()
            return {
                self.type("/zeta")
                XCTAssertTrue(self.selectedRowText?.contains("Zeta") == true)
                self.press(.escape)
            }
        }
    }

    func testTerminalOutputOfALongNameIsLinear() throws {
        // What `loyal export customers` writes to a terminal: one CSV line holding the name.
        try assertLinear("terminal output") { n in
            let line = "K1," + Self.longName(n) + "\u{1B}]0;x\u{07}\r\n"
            return { XCTAssertTrue(TerminalText.safe(line).hasSuffix("^[]0;x^G\r\n")) }
        }
    }
}
