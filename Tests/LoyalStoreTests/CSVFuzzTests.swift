import Foundation
import PropertyBased
import Testing
@testable import LoyalCore
@testable import LoyalStore

/// Issue 11: random bytes, random quoting and mixed encodings into the CSV reader and
/// the importer. Whatever comes in: no crash, no hang, and either a clean error (a
/// `CSVError` or an `ImportFailure` with lines) or a faithful round trip. A hang fails
/// the suite after its time limit; the reader loops are bounded by the input size.
///
/// The generators are swift-property-based's, driven by one fixed seed (its
/// `.fixedSeed` trait always reports an issue, by design, so the seed is set here),
/// so every run checks the same cases and a failure names the input that caused it.
@Suite(.timeLimit(.minutes(1))) struct CSVFuzzTests {
    static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x4C4F_5941, 0x1111, 0xC5F0_0D, 2026)

    /// Bytes that mean something to a CSV reader or to UTF-8, and any byte at all.
    static let byte = Gen<UInt8>.oneOf(
        Gen<UInt8?>.element(of: Array(",;\t\"\n\r 'aZ9=".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0xC3, 0xA4, 0xFC, 0x80, 0xE2, 0x82, 0xAC])
            .map { $0! },
        Gen.uint8()
    )

    /// Reads everything, stopping after more calls than a reader that always advances can need.
    static func readAll(_ bytes: [UInt8]) -> (records: [CSVRecord], errors: [CSVError], reader: CSVReader, finished: Bool) {
        var reader = CSVReader(bytes: bytes)
        var records: [CSVRecord] = [], errors: [CSVError] = []
        for _ in 0...(bytes.count + 1) {
            do {
                guard let record = try reader.next() else { return (records, errors, reader, true) }
                records.append(record)
            } catch {
                errors.append(error)
            }
        }
        return (records, errors, reader, false)
    }

    @Test func randomBytesEndInRecordsOrCleanErrors() {
        var rng = Xoshiro(seed: Self.seed)
        let input = Self.byte.array(of: 0...400)
        for _ in 0..<2000 {
            let bytes = input.run(using: &rng)
            let result = Self.readAll(bytes)
            #expect(result.finished, "the reader did not advance on \(bytes)")
            guard let first = result.records.first else { continue }
            for record in result.records.dropFirst() {
                #expect(record.fields.count == first.fields.count, "field count differs from the header in \(bytes)")
            }
            for record in result.records {
                #expect(!record.fields.contains { $0.contains("\u{0}") }, "a NUL byte got through in \(bytes)")
                // The BOM at the start is dropped; anywhere else it is refused.
                #expect(!record.fields.contains { $0.unicodeScalars.contains("\u{FEFF}") },
                        "a byte order mark got through in \(bytes)")
                #expect(record.line >= 1 && record.line <= bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1)
            }
            for error in result.errors {
                #expect(error.line >= 1, "error without a line for \(bytes)")
            }
        }
    }

    /// Files made of CSV's own tokens, quotes above all, so most quoting mistakes a
    /// program or a person makes come up: what is read without any error must be
    /// written and read back to the same records.
    @Test func randomQuotingReadsBackTheSame() {
        var rng = Xoshiro(seed: Self.seed)
        let tokens = ["\"", "\"", "\"\"", ",", ",", "\n", "\r\n", "a", "ü", " ", "\"a,b\"", ";"]
        let file = Gen<String?>.element(of: tokens).map { $0! }.array(of: 0...40).map { $0.joined() }
        var clean = 0
        for _ in 0..<2000 {
            let text = file.run(using: &rng)
            let first = Self.readAll(Array(text.utf8))
            #expect(first.finished, "\(text.debugDescription)")
            guard first.errors.isEmpty, !first.records.isEmpty else { continue }
            clean += 1
            let written = first.records.map { CSVWriter.line($0.fields.map { ($0, false) }) }.joined()
            let second = Self.readAll(Array(written.utf8))
            #expect(second.errors.isEmpty && second.records.map(\.fields) == first.records.map(\.fields),
                    "\(text.debugDescription) was written as \(written.debugDescription)")
        }
        #expect(clean > 100, "too few files without errors to check the round trip: \(clean)")
    }

    /// Cells from characters that need quoting, umlauts, emoji and the odd control character.
    static let cellCharacter = Gen<Character>.oneOf(
        Gen<Character?>.element(of: Array("aZ09 ,;\"\n\r\täöüßÄ€é😀=+-@'")).map { $0! },
        Gen.letterOrNumber.compactMap { $0 }
    )
    static let cell = cellCharacter.string(of: 0...12).map { s in
        // A leading apostrophe before a formula character is the writer's own guard, so
        // `'=1` reads back as `=1`: the one text a CSV export cannot keep (documented there).
        s.hasPrefix("'") ? "x" + s : s
    }

    @Test func writtenTablesReadBackUnchanged() {
        var rng = Xoshiro(seed: Self.seed)
        let shape = zip(Gen.int(in: 1...5), Gen.int(in: 0...12))
        for _ in 0..<1000 {
            let (columns, rows) = shape.run(using: &rng)
            let table = (0...rows).map { _ in (0..<columns).map { _ in Self.cell.run(using: &rng) } }
            let text = table.map { CSVWriter.line($0.map { ($0, true) }) }.joined()
            let result = Self.readAll(Array(text.utf8))
            #expect(result.finished)
            #expect(result.errors.isEmpty, "\(result.errors) for \(table)")
            let read = result.records.map { $0.fields.map(CSVWriter.unguarded) }
            #expect(read == table, "written \(text.debugDescription)")
            #expect(!result.reader.decodedAsWindows1252)
        }
    }

    /// Characters Windows-1252 writes as one byte from 0xC0 up: never a UTF-8 continuation
    /// byte, so a row holding one cannot pass for UTF-8 by accident.
    static let latinCharacter = Gen<Character?>.element(of: Array("abc XYZ 123 äöüßÄÖÜé")).map { $0! }

    @Test func mixedEncodingsAreDecidedPerRecord() {
        var rng = Xoshiro(seed: Self.seed)
        let rowText = Self.latinCharacter.string(of: 1...10)
        for _ in 0..<300 {
            let count = Gen.int(in: 1...10).run(using: &rng)
            var bytes = Array("number;name\n".utf8)
            var expected: [[String]] = [["number", "name"]]
            var cp1252Lines: [Int] = []
            for i in 0..<count {
                let name = rowText.run(using: &rng)
                let asWindows1252 = Gen.bool.run(using: &rng)
                let encoded = asWindows1252 ? name.unicodeScalars.map { UInt8($0.value) } : Array(name.utf8)
                bytes += Array("K\(i);".utf8) + encoded + [0x0A]
                expected.append(["K\(i)", name])
                if asWindows1252 && !name.allSatisfy(\.isASCII) { cp1252Lines.append(i + 2) }
            }
            let result = Self.readAll(bytes)
            #expect(result.errors.isEmpty)
            #expect(result.records.map(\.fields) == expected)
            #expect(result.reader.windows1252Lines == cp1252Lines)
        }
    }

    @Test func theImporterRefusesCleanlyOrImports() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyal-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("fuzz.db").path)
        defer { try? store.close() }
        var options = ImportOptions(today: Day(year: 2026, month: 11, day: 23)!)
        options.dryRun = true
        var rng = Xoshiro(seed: Self.seed)
        let body = Self.byte.array(of: 0...200)
        var imported = 0, refused = 0
        for _ in 0..<150 {
            let bytes = Array("number,name,city\nK1,".utf8) + body.run(using: &rng)
            do {
                let report = try store.importCSV(.customers, bytes: bytes, fileName: "fuzz.csv", options: options)
                #expect(report.rows >= 1)
                imported += 1
            } catch let failure as ImportFailure {
                #expect(!failure.problems.isEmpty)
                #expect(failure.problems.allSatisfy { $0.line >= 1 && !$0.message.isEmpty })
                refused += 1
            }
        }
        #expect(imported + refused == 150)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") } == 0,
                "a dry run writes nothing")
    }

    /// Customers written as the project writes CSV, imported, exported and read again:
    /// the same names, cities and notes (trimmed, as the importer trims cells).
    @Test func importedCustomersExportUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyal-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("fuzz.db").path)
        defer { try? store.close() }
        let options = ImportOptions(today: Day(year: 2026, month: 11, day: 23)!)
        var rng = Xoshiro(seed: Self.seed)
        let oneLine = Self.cell.map { $0.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" } }
        var expected: [String: [String]] = [:]
        for round in 0..<20 {
            var text = CSVWriter.line([("number", true), ("name", true), ("city", true), ("notes", true)])
            for i in 0..<10 {
                let number = "K\(round)-\(i)"
                let row = ["N" + oneLine.run(using: &rng), oneLine.run(using: &rng), Self.cell.run(using: &rng)]
                text += CSVWriter.line([(number, true)] + row.map { ($0, true) })
                // What the importer keeps: cells are trimmed, except what the writer's formula
                // guard protects (`'\tX` is read back as `\tX`).
                expected[number] = row.map { cell in
                    let guarded = cell.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true ? "'" + cell : cell
                    return CSVWriter.unguarded(String(guarded.trimmingSpaces))
                }
            }
            let report = try store.importCSV(.customers, bytes: Array(text.utf8), fileName: "fuzz.csv", options: options)
            #expect(report.inserted == 10, "\(text.debugDescription)")
        }
        var exported = ""
        try store.export(.customers, format: .csv) { exported += $0 }
        var reader = CSVReader(bytes: Array(exported.utf8))
        let header = try #require(try reader.next()).fields
        let at = { (name: String) in header.firstIndex(of: name)! }
        var seen = 0
        while let record = try reader.next() {
            let f = record.fields.map(CSVWriter.unguarded)
            #expect([f[at("name")], f[at("city")], f[at("notes")]] == expected[f[at("number")]], "\(f)")
            seen += 1
        }
        #expect(seen == expected.count)
    }
}
