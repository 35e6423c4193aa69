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

    /// The glossary keeps the domain words consistent: wherever an English text uses a
    /// glossary word, its German text uses the glossary's German word (Besuchsbericht, not
    /// Besuchsprotokoll), and no German text keeps an English domain word.
    func testGermanTextsUseTheGlossary() {
        let en = Catalogue.entries(.en), de = Catalogue.entries(.de)
        let glossary = en.filter { $0.key.hasPrefix("glossary.") && !$0.key.hasPrefix("glossary.class_") }
        var checked = 0
        for (gKey, englishWord) in glossary {
            let germanWord = de[gKey] ?? ""
            // "Kunden" and "Kunde" share the stem the texts decline.
            let stem = germanWord.hasSuffix("n") && germanWord.hasPrefix("Kunde") ? "Kunde" : germanWord
            for (key, text) in en where !key.hasPrefix("glossary.") && text.localizedCaseInsensitiveContains(englishWord) {
                XCTAssertTrue(de[key]?.localizedCaseInsensitiveContains(stem) ?? false,
                              "\(key): \"\(de[key] ?? "")\" should say \"\(germanWord)\" for \"\(englishWord)\"")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10)
        for english in ["Win-back", "Early warning", "Follow-up", "Customer value", "Visit report"] {
            let offenders = de.filter { $0.value.localizedCaseInsensitiveContains(english) }.map(\.key)
            XCTAssertEqual(offenders, [], "German texts with \"\(english)\"")
        }
    }
}
