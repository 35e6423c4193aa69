import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// An import holds every checked row until it writes them (issue 17): a purchase row must
/// take a purchase's room, not a customer record's, or 1 M purchases need gigabytes.
final class ImportPendingRowSizeTests: XCTestCase {
    func testAPendingPurchaseTakesNoMoreRoomThanThePurchaseRecord() {
        let purchase = MemoryLayout<PurchaseImportRecord>.stride
        // The enum adds at most a word for its case tag to the purchase it carries inline.
        XCTAssertLessThanOrEqual(MemoryLayout<PendingRow>.stride, purchase + 8)
        // The boxed cases are the large ones: inline, every row would be this large.
        XCTAssertGreaterThan(MemoryLayout<CustomerImportRecord>.stride, purchase)
    }
}
