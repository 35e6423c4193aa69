import XCTest
@testable import LoyalCore

/// The offer must fit the reason for leaving (win-back article, step 5).
final class RetentionOfferFitTests: XCTestCase {
    func testFittingOffers() {
        XCTAssertEqual(OfferFit.check(.financial, reason: .price), .fits)
        XCTAssertEqual(OfferFit.check(.emotional, reason: .service), .fits)
        XCTAssertEqual(OfferFit.check(.material, reason: .product), .fits)
        XCTAssertEqual(OfferFit.check(.financial, reason: .competitor), .fits)
        XCTAssertEqual(OfferFit.check(.material, reason: .competitor), .fits)
        XCTAssertNil(OfferFit.check(.financial, reason: .price).warning)
    }

    func testMismatchesSayWhatFits() {
        XCTAssertEqual(OfferFit.check(.financial, reason: .service).warning,
                       "a financial offer does not fit the reason \"service\": he left over our service, "
                       + "which a discount does not fix; offer an emotional one")
        XCTAssertEqual(OfferFit.check(.emotional, reason: .price).warning,
                       "an emotional offer does not fit the reason \"price\": he left over price (check first whether "
                       + "a better price-performance ratio would do); offer a financial one")
        XCTAssertEqual(OfferFit.check(.emotional, reason: .product).warning,
                       "an emotional offer does not fit the reason \"product\": he left over the product "
                       + "(exchange, replacement or repair); offer a material one")
        XCTAssertEqual(OfferFit.check(.emotional, reason: .competitor).warning,
                       "an emotional offer does not fit the reason \"competitor\": he left for a competitor "
                       + "(better conditions or a better product); offer a financial or material one")
        guard case .mismatch = OfferFit.check(.material, reason: .price) else { return XCTFail("expected a mismatch") }
    }

    func testCustomerRelatedReasonsAreNotWorthAnOffer() {
        for offer in WinbackOfferType.allCases {
            XCTAssertEqual(OfferFit.check(offer, reason: .moved),
                           .notWorthAnOffer("customer-related reason (moved): win-back is usually not worth an offer"))
            XCTAssertEqual(OfferFit.check(offer, reason: .jobChange).warning,
                           "customer-related reason (job change): win-back is usually not worth an offer; "
                           + "find the new contact person instead")
            XCTAssertEqual(OfferFit.check(offer, reason: .insolvency).warning,
                           "customer-related reason (insolvency): win-back is not worth an offer; "
                           + "check the payment risk before delivering again")
        }
    }

    func testUnknownReasonAsksFirst() {
        XCTAssertEqual(OfferFit.check(.financial, reason: .other),
                       .unknownReason("reason for leaving unknown: ask the customer why he left before making an offer"))
    }

    func testFittingListMatchesTheCompanyRelatedReasons() {
        for reason in LostReason.allCases {
            XCTAssertEqual(!OfferFit.fitting(reason).isEmpty, reason.isCompanyRelated, reason.rawValue)
        }
        XCTAssertEqual(OfferFit.fitting(.competitor), [.financial, .material])
    }
}
