import Foundation
import LoyalCore
import XCTest

/// The README's tables are printed from the code; these tests keep them from drifting.
final class DocumentationTests: XCTestCase {
    var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    func testReadmeListsEveryImportColumnAsTheCodeAcceptsThem() {
        let text = readme
        for entity in ImportEntity.allCases {
            XCTAssertTrue(text.contains(entity.columnsMarkdown),
                          "README's column table for \(entity.rawValue) differs from `loyal import \(entity.rawValue) --columns`")
        }
    }
}
