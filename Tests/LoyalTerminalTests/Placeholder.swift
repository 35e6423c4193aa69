import XCTest
final class LoyalTerminalTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
