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
        let lines = zip(ids, report.scores).map { id, s in
            ValueFields.Line(number: rows[id]?.number ?? String(id), customerClass: rows[id]?.cls ?? "C", score: s)
        }
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
            var writer = try OutputWriter(ValueFields.output, format: .json, sink: sink, display: display,
                                          jsonOpen: "\"customers\":[", jsonClose: "\n]}\n")
            try writer.write(all: lines.indices.lazy.map { lines[$0] })
            try writer.finish()
        case .csv:
            var writer = try OutputWriter(ValueFields.output, format: .csv, sink: sink, display: display)
            try writer.write(all: lines.indices.lazy.map { lines[$0] })
            try writer.finish()
        case .table:
            try sink.write(String(format: "BG/NBD (%@): r %.3f, alpha %.3f, a %.3f, b %.3f, log-likelihood %.1f, %d customers\n",
                              unit.rawValue, p.r, p.alpha, p.a, p.b, report.bgnbd.logLikelihood, report.bgnbd.customerCount))
            if let g {
                try sink.write(String(format: "Gamma-Gamma: p %.2f, q %.2f, gamma %.2f, %d customers with repeat purchases\n",
                                  g.parameters.p, g.parameters.q, g.parameters.gamma, g.customerCount))
            }
            let order = report.scores.indices.sorted { report.scores[$0].valueCents > report.scores[$1].valueCents }
            let shown = limit > 0 ? Array(order.prefix(limit)) : order
            var writer = try OutputWriter(ValueFields.output, format: .table, sink: sink, display: display)
            try writer.write(all: shown.map { lines[$0] })
            try writer.finish(footer: "\(shown.count) of \(ids.count) customers with purchases, by value; expected purchases in the next "
                       + "\(num(report.settings.predictionHorizon, 0)) \(unit.rawValue)s\n")
        }
    }
}
