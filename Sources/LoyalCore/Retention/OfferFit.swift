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
            return .notWorthAnOffer(Text.tr("offer_fit.moved"))
        case .jobChange:
            return .notWorthAnOffer(Text.tr("offer_fit.job_change"))
        case .insolvency:
            return .notWorthAnOffer(Text.tr("offer_fit.insolvency"))
        case .other:
            return .unknownReason(Text.tr("offer_fit.unknown"))
        case .price, .service, .product, .competitor:
            let fitting = fitting(reason)
            if fitting.contains(offer) { return .fits }
            // Article and adjective per language: "an emotional" / "ein emotionales".
            let names = fitting.map { Text.tr("offer_fit.adjective_\($0.rawValue)") }.joined(separator: Text.tr("offer_fit.or"))
            return .mismatch(Text.tr("offer_fit.mismatch", article(offer) + " " + Text.tr("offer_fit.adjective_\(offer.rawValue)"),
                                     Words.lostReason(reason), advice(reason), article(fitting[0]) + " " + names))
        }
    }

    static func article(_ offer: WinbackOfferType) -> String { Text.tr("offer_fit.article_\(offer.rawValue)") }

    static func advice(_ reason: LostReason) -> String {
        switch reason {
        case .price, .service, .product, .competitor: return Text.tr("offer_fit.advice_\(reason.rawValue)")
        case .moved, .jobChange, .insolvency, .other: return ""
        }
    }
}
