import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

/// Writes the value report: the fitted parameters, then one line per customer.
/// JSON: {"as_of", "time_unit", "bgnbd": {r, alpha, a, b, log_likelihood, customers},
/// "gamma_gamma": {p, q, gamma, customers} | null, "customers": [{number, frequency, recency, T,
/// expected_purchases, p_alive, expected_spend, value, class}]}.
enum ValueReportOutput {
    static func write(_ report: CustomerValueReport, ids: [Int64], rows: [Int64: (number: String, cls: String)],
                      format: ListFormat, limit: Int, unit: TimeUnitArgument, asOf: Day, display: DisplaySettings) throws {
        let sink = try OutputSink(path: nil)
        let p = report.bgnbd.parameters
        let g = report.gammaGamma
        func num(_ x: Double, _ digits: Int = 6) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "null" }
        switch format {
        case .json:
            try sink.write("{\"as_of\":\"\(asOf.iso)\",\"time_unit\":\"\(unit.rawValue)\",\n")
            try sink.write("\"bgnbd\":{\"r\":\(num(p.r)),\"alpha\":\(num(p.alpha)),\"a\":\(num(p.a)),\"b\":\(num(p.b)),"
                       + "\"log_likelihood\":\(num(report.bgnbd.logLikelihood, 4)),\"customers\":\(report.bgnbd.customerCount)},\n")
            if let g {
                try sink.write("\"gamma_gamma\":{\"p\":\(num(g.parameters.p)),\"q\":\(num(g.parameters.q)),"
                           + "\"gamma\":\(num(g.parameters.gamma)),\"customers\":\(g.customerCount)},\n")
            } else {
                try sink.write("\"gamma_gamma\":null,\n")
            }
            try sink.write("\"customers\":[")
            for (i, (id, s)) in zip(ids, report.scores).enumerated() {
                let row = rows[id]
                try sink.write((i == 0 ? "\n" : ",\n") + "{\"number\":\(JSONText.string(row?.number ?? String(id))),"
                           + "\"frequency\":\(s.frequency),\"recency\":\(num(s.recency, 4)),\"T\":\(num(s.age, 4)),"
                           + "\"expected_purchases\":\(num(s.expectedPurchases)),\"p_alive\":\(num(s.probabilityAlive)),"
                           + "\"expected_spend\":\(num(s.expectedSpend, 2)),\"value\":\(Money(cents: s.valueCents).plain),"
                           + "\"class\":\(JSONText.string(row?.cls ?? "C"))}")
            }
            try sink.write("\n]}\n")
        case .csv:
            try sink.write("number,frequency,recency,T,expected_purchases,p_alive,expected_spend,value,class\r\n")
            for (id, s) in zip(ids, report.scores) {
                let row = rows[id]
                try sink.write(CSVWriter.line([(row?.number ?? String(id), true), (String(s.frequency), false),
                                           (num(s.recency, 4), false), (num(s.age, 4), false),
                                           (num(s.expectedPurchases), false), (num(s.probabilityAlive), false),
                                           (num(s.expectedSpend, 2), false), (Money(cents: s.valueCents).plain, false),
                                           (row?.cls ?? "C", true)]))
            }
        case .table:
            try sink.write(String(format: "BG/NBD (%@): r %.3f, alpha %.3f, a %.3f, b %.3f, log-likelihood %.1f, %d customers\n",
                              unit.rawValue, p.r, p.alpha, p.a, p.b, report.bgnbd.logLikelihood, report.bgnbd.customerCount))
            if let g {
                try sink.write(String(format: "Gamma-Gamma: p %.2f, q %.2f, gamma %.2f, %d customers with repeat purchases\n",
                                  g.parameters.p, g.parameters.q, g.parameters.gamma, g.customerCount))
            }
            let order = report.scores.indices.sorted { report.scores[$0].valueCents > report.scores[$1].valueCents }
            let shown = limit > 0 ? Array(order.prefix(limit)) : order
            let table = shown.map { i -> [String] in
                let s = report.scores[i], row = rows[ids[i]]
                return [row?.number ?? String(ids[i]), row?.cls ?? "C", String(s.frequency), num(s.recency, 1), num(s.age, 1),
                        num(s.expectedPurchases, 2), num(s.probabilityAlive, 3),
                        display.money.format(Money(cents: Int64((s.expectedSpend * 100).rounded())), withCents: true),
                        display.money.format(Money(cents: s.valueCents), withCents: false)]
            }
            try sink.write(TextTable.render(header: ["NUMBER", "CL", "X", "RECENCY", "T", "EXPECTED", "P(ALIVE)", "SPEND", "VALUE"],
                                        rows: table, rightAligned: [2, 3, 4, 5, 6, 7, 8]))
            try sink.write("\(shown.count) of \(ids.count) customers with purchases, by value; expected purchases in the next "
                       + "\(num(report.settings.predictionHorizon, 0)) \(unit.rawValue)s\n")
        }
        try sink.finish()
    }
}
