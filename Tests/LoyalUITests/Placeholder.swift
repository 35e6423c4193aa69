import XCTest
final class LoyalUITestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
