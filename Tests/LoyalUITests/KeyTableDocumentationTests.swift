import Foundation
import LoyalUI
import XCTest

/// The README's key table is printed from the screens' action tables; this keeps them equal.
final class KeyTableDocumentationTests: XCTestCase {
    func testReadmeKeyTableIsTheOneTheActionTablesPrint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = KeyBindings.markdown()
        XCTAssertTrue(table.contains("| `?` `F1` | Show every key of this screen |"))
        XCTAssertTrue(table.contains("| `a` | Show only class A accounts |"))
        XCTAssertTrue(readme.contains(table), "README's key table differs from `loyal keys`; run scripts/update-readme")
    }
}
