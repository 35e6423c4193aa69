/// Whether a win-back offer fits the reason the customer left. The win-back article:
/// the offer must fit the reason for leaving — a one-off discount does not fix a long
/// waiting queue — and for reasons in the customer's own life there is little chance.
public enum OfferFit: Hashable, Sendable {
    case fits
    /// The offer type does not fit a company-related reason.
    case mismatch(String)
    /// A reason in the customer's life (moved, job change, insolvency): usually not worth an offer.
    case notWorthAnOffer(String)
    /// The reason is not known: find it out before offering anything.
    case unknownReason(String)

    /// The warning to show, nil when the offer fits.
    public var warning: String? {
        switch self {
        case .fits: return nil
        case let .mismatch(s), let .notWorthAnOffer(s), let .unknownReason(s): return s
        }
    }

    /// Offer types that fit a reason: price → financial, service → emotional,
    /// product → material, competitor → financial or material; none for the rest.
    public static func fitting(_ reason: LostReason) -> [WinbackOfferType] {
        switch reason {
        case .price: return [.financial]
        case .service: return [.emotional]
        case .product: return [.material]
        case .competitor: return [.financial, .material]
        case .moved, .jobChange, .insolvency, .other: return []
        }
    }

    public static func check(_ offer: WinbackOfferType, reason: LostReason) -> OfferFit {
        switch reason {
        case .moved:
            return .notWorthAnOffer("customer-related reason (moved): win-back is usually not worth an offer")
        case .jobChange:
            return .notWorthAnOffer("customer-related reason (job change): win-back is usually not worth an offer; "
                                    + "find the new contact person instead")
        case .insolvency:
            return .notWorthAnOffer("customer-related reason (insolvency): win-back is not worth an offer; "
                                    + "check the payment risk before delivering again")
        case .other:
            return .unknownReason("reason for leaving unknown: ask the customer why he left before making an offer")
        case .price, .service, .product, .competitor:
            let fitting = fitting(reason)
            if fitting.contains(offer) { return .fits }
            let names = fitting.map(\.rawValue).joined(separator: " or ")
            return .mismatch("\(article(offer)) \(offer.rawValue) offer does not fit the reason \"\(reason.label)\": "
                             + "\(advice(reason)); offer \(article(fitting[0])) \(names) one")
        }
    }

    static func article(_ offer: WinbackOfferType) -> String { offer == .emotional ? "an" : "a" }

    static func advice(_ reason: LostReason) -> String {
        switch reason {
        case .price: return "he left over price (check first whether a better price-performance ratio would do)"
        case .service: return "he left over our service, which a discount does not fix"
        case .product: return "he left over the product (exchange, replacement or repair)"
        case .competitor: return "he left for a competitor (better conditions or a better product)"
        case .moved, .jobChange, .insolvency, .other: return ""
        }
    }
}
