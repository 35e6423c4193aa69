import XCTest
final class LoyalCLITestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
