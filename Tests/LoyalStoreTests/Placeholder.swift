import XCTest
final class LoyalStoreTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
