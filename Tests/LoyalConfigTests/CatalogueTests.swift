import Foundation
import LoyalConfig
import LoyalCore
import LoyalTOML
import XCTest

/// The catalogues: every key in both languages, every key used in Sources, valid TOML,
/// placeholders matching, and the glossary's domain words used consistently.
final class CatalogueTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testTheCompiledInFilesParse() {
        XCTAssertEqual(Catalogue.problems(), [])
        XCTAssertGreaterThan(Catalogue.entries(.en).count, 100)
    }

    func testEveryKeyIsInBothLanguages() {
        let en = Set(Catalogue.entries(.en).keys), de = Set(Catalogue.entries(.de).keys)
        XCTAssertEqual(en.subtracting(de).sorted(), [], "missing in de.toml")
        XCTAssertEqual(de.subtracting(en).sorted(), [], "missing in en.toml")
    }

    func testBothLanguagesTakeTheSameArguments() {
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{[1-9]\}/).map { String(s[$0.range]) })
        }
        for (key, en) in Catalogue.entries(.en) {
            guard let de = Catalogue.entries(.de)[key] else { continue }
            XCTAssertEqual(placeholders(en), placeholders(de), key)
        }
    }

    func testTheFilesAreValidTOML() throws {
        for name in ["en", "de"] {
            let url = Self.root.appendingPathComponent("catalogue/\(name).toml")
            XCTAssertNoThrow(try TOMLNode.parse(try String(contentsOf: url, encoding: .utf8), file: url.path), name)
        }
    }

    /// A key counts as used when `"key"` is in a Swift file under Sources, or when a source
    /// builds it from a literal prefix (`"signal.\(kind)"` uses every `signal.…` key).
    func testEveryKeyIsUsedInSources() throws {
        var literals = Set<String>(), prefixes = Set<String>()
        let files = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Sources").path)!
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/" + path), encoding: .utf8)
            for m in text.matches(of: /"([a-z_]+\.[a-z0-9_.]+)"/) { literals.insert(String(m.output.1)) }
            for m in text.matches(of: /"([a-z_]+\.[a-z0-9_.]*)\\\(/) { prefixes.insert(String(m.output.1)) }
        }
        let unused = Catalogue.entries(.en).keys.filter { key in
            !key.hasPrefix("glossary.") && !literals.contains(key) && !prefixes.contains { key.hasPrefix($0) }
        }
        XCTAssertEqual(unused.sorted(), [], "catalogue keys no source uses")
    }

    /// The glossary's German words are the ones the texts use: each appears in other texts,
    /// and no German text keeps the English domain word instead.
    func testGermanTextsUseTheGlossary() {
        let de = Catalogue.entries(.de)
        let texts = de.filter { !$0.key.hasPrefix("glossary.") }.map(\.value).joined(separator: "\n")
        for (key, word) in de where key.hasPrefix("glossary.") && !key.hasPrefix("glossary.class_") {
            XCTAssertTrue(texts.localizedCaseInsensitiveContains(word), "\(key) \"\(word)\" is used by no German text")
        }
        for english in ["Win-back", "Early warning", "Follow-up", "Customer value", "Visit report"] {
            let offenders = de.filter { $0.value.localizedCaseInsensitiveContains(english) }.map(\.key)
            XCTAssertEqual(offenders, [], "German texts with \"\(english)\"")
        }
    }
}
