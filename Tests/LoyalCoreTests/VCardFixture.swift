import Foundation
import LoyalCore

/// The real vCard files in Tests/Fixtures/vcf (see SOURCES.md there), read with Loyal's parser.
enum VCardFixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/vcf")

    /// `ez-vcard/gmail-list.vcf` and so on, sorted.
    static var files: [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".vcf") }.sorted()
    }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
    }

    static func contacts(_ name: String) -> (contacts: [VCardContact], warnings: [VCardWarning]) {
        let file = VCardReader.read(bytes(name))
        var warnings = file.warnings
        var contacts: [VCardContact] = []
        for card in file.cards {
            let (c, w) = VCardContact.from(card)
            contacts.append(c)
            warnings += w
        }
        return (contacts, warnings)
    }
}
