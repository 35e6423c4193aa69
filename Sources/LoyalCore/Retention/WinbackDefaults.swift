extension WinbackMatrix {
    /// Default matrix for a B2B wholesaler; most points a criterion gives are 10, the
    /// weights make a total of at most 120. Revenue counts most (a wholesaler lives on
    /// volume); margin and payment behaviour next (thin margins, goods delivered on credit).
    public static let defaults = WinbackMatrix(
        criteria: [
            WinbackCriterionRule(.revenue, weight: 3, .money(bands: [
                MoneyBand(from: Money(cents: 5_000_000), points: 10),
                MoneyBand(from: Money(cents: 1_000_000), points: 6),
            ], otherwise: 2)),
            WinbackCriterionRule(.margin, weight: 2, .money(bands: [
                MoneyBand(from: Money(cents: 1_000_000), points: 10),
                MoneyBand(from: Money(cents: 200_000), points: 6),
            ], otherwise: 2)),
            WinbackCriterionRule(.effort, weight: 1, .judgement([10, 8, 5, 2, 0])),
            WinbackCriterionRule(.referral, weight: 1, .judgement([0, 2, 5, 8, 10])),
            WinbackCriterionRule(.payment, weight: 2, .judgement([0, 2, 5, 8, 10])),
            WinbackCriterionRule(.growthMarket, weight: 1, .judgement([0, 2, 5, 8, 10])),
            WinbackCriterionRule(.accountClass, weight: 2, .accountClass(a: 10, b: 6, c: 2)),
        ],
        classes: [
            WinbackClass(name: "A", from: 80,
                         effort: "winback_effort.a"),
            WinbackClass(name: "B", from: 55,
                         effort: "winback_effort.b"),
            WinbackClass(name: "C", from: 30,
                         effort: "winback_effort.c"),
            WinbackClass(name: "D", from: 0, effort: "winback_effort.d"),
        ])
}
