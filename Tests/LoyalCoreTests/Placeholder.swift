import XCTest
final class LoyalCoreTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
