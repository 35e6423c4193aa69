import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

/// Writes the reports as a table for people or CSV/JSON with stable field names.
enum ReportOutput {
    static func risk(_ rows: [PanelRow], signals: [[ChurnSignal]], assessments: [RiskAssessment?], format: ListFormat,
                     display: DisplaySettings) throws {
        let sink = try OutputSink(path: nil)
        func probability(_ x: Double) -> String { String(format: "%.4f", x) }
        func factorsText(_ a: RiskAssessment?) -> String {
            (a?.factors ?? []).map { f in
                let name = f.judgement.map { "\(f.name) \($0)/5" } ?? SignalWords.name(f.name)
                return "\(name) \(f.points < 0 ? "−" : "+")\(abs(f.points))"
            }.joined(separator: "; ")
        }
        switch format {
        case .json:
            try sink.write("[")
            for (i, ((r, s), a)) in zip(zip(rows, signals), assessments).enumerated() {
                let list = s.map { "{\"kind\":\(JSONText.string($0.kind)),\"name\":\(JSONText.string(SignalWords.name($0.kind))),"
                    + "\"evidence\":\(JSONText.string($0.evidence)),\"since\":\(JSONText.string($0.openedOn.iso))}" }
                let factors = (a?.factors ?? []).map {
                    "{\"name\":\(JSONText.string($0.name)),\"judgement\":\($0.judgement.map(String.init) ?? "null"),\"points\":\($0.points)}"
                }
                try sink.write((i == 0 ? "\n" : ",\n") + "{" + [
                    "\"number\":\(JSONText.string(r.number))", "\"name\":\(JSONText.string(r.name))",
                    "\"class\":\(JSONText.string(r.customerClass.rawValue))", "\"value\":\(r.value?.plain ?? "null")",
                    "\"risk\":\(probability(r.probability))", "\"band\":\(JSONText.string(r.band.rawValue))",
                    "\"base\":\(a.map { probability($0.base) } ?? "null")", "\"factors\":[\(factors.joined(separator: ","))]",
                    "\"stage\":\(r.stage.map { JSONText.string($0.rawValue) } ?? "null")",
                    "\"rep\":\(r.repCode.map(JSONText.string) ?? "null")",
                    "\"assigned\":\(r.assignedRepCode.map(JSONText.string) ?? "null")",
                    "\"signals\":[\(list.joined(separator: ","))]",
                ].joined(separator: ",") + "}")
            }
            try sink.write("\n]\n")
        case .csv:
            try sink.write("number,name,class,value,risk,band,base,factors,stage,rep,assigned,kind,evidence,since\r\n")
            for ((r, s), a) in zip(zip(rows, signals), assessments) {
                for signal in s {
                    try sink.write(CSVWriter.line([(r.number, true), (r.name, true), (r.customerClass.rawValue, true),
                                               (r.value?.plain ?? "", false), (probability(r.probability), false),
                                               (r.band.rawValue, true), (a.map { probability($0.base) } ?? "", false),
                                               (factorsText(a), true), (r.stage?.rawValue ?? "", true), (r.repCode ?? "", true),
                                               (r.assignedRepCode ?? "", true), (signal.kind, true),
                                               (signal.evidence, true), (signal.openedOn.iso, true)]))
                }
            }
        case .table:
            let f = display.money
            var table: [[String]] = []
            for ((r, s), a) in zip(zip(rows, signals), assessments) {
                let why = a.map { "typical \(Int(($0.base * 100).rounded())) %; " + factorsText($0) } ?? ""
                table.append([r.number, r.name, r.customerClass.rawValue, r.value.map { f.format($0, withCents: false) } ?? "–",
                              "\(r.risk) % \(r.band.rawValue)", r.stage?.label ?? "", r.repCode ?? "", "why", why])
                for signal in s {
                    table.append(["", "", "", "", "", "", "", SignalWords.name(signal.kind), signal.evidence])
                }
            }
            try sink.write(TextTable.render(header: ["NUMBER", "NAME", "CL", "VALUE", "RISK", "STAGE", "REP", "SIGNAL", "EVIDENCE"],
                                        rows: table, rightAligned: [3]))
            try sink.write("\(rows.count) customers\n")
        }
        try sink.finish()
    }

    static func lost(_ rows: [LostRow], format: ListFormat, display: DisplaySettings, matrix: WinbackMatrix) throws {
        let sink = try OutputSink(path: nil)
        func side(_ r: LostRow) -> String {
            guard let reason = r.reason else { return "" }
            return reason.isCompanyRelated ? "company" : "customer"
        }
        switch format {
        case .json:
            try sink.write("[")
            for (i, r) in rows.enumerated() {
                try sink.write((i == 0 ? "\n" : ",\n") + "{" + [
                    "\"number\":\(JSONText.string(r.number))", "\"name\":\(JSONText.string(r.name))",
                    "\"class\":\(JSONText.string(r.customerClass.rawValue))",
                    "\"lost_on\":\(r.lostOn.map { JSONText.string($0.iso) } ?? "null")",
                    "\"reason\":\(r.reason.map { JSONText.string($0.rawValue) } ?? "null")",
                    "\"reason_side\":\(r.reason == nil ? "null" : JSONText.string(side(r)))",
                    "\"returned_on\":\(r.returnedOn.map { JSONText.string($0.iso) } ?? "null")",
                    "\"revenue_brought\":\(r.revenueBrought.plain)",
                    "\"winback_class\":\(r.winback.map { JSONText.string($0.scoreClass) } ?? "null")",
                    "\"winback_score\":\(r.winback.map { String($0.score) } ?? "null")",
                    "\"winback_outcome\":\(r.winback.map { JSONText.string($0.outcome.rawValue) } ?? "null")",
                    "\"rep\":\(r.repCode.map(JSONText.string) ?? "null")",
                ].joined(separator: ",") + "}")
            }
            try sink.write("\n]\n")
        case .csv:
            try sink.write("number,name,class,lost_on,reason,reason_side,returned_on,revenue_brought,winback_class,winback_score,winback_outcome,rep\r\n")
            for r in rows {
                try sink.write(CSVWriter.line([(r.number, true), (r.name, true), (r.customerClass.rawValue, true),
                                           (r.lostOn?.iso ?? "", true), (r.reason?.rawValue ?? "", true), (side(r), true),
                                           (r.returnedOn?.iso ?? "", true), (r.revenueBrought.plain, false),
                                           (r.winback?.scoreClass ?? "", true), (r.winback.map { String($0.score) } ?? "", false),
                                           (r.winback?.outcome.rawValue ?? "", true), (r.repCode ?? "", true)]))
            }
        case .table:
            let f = display.money
            let table = rows.map { r in
                [r.number, r.name, r.customerClass.rawValue, display.dateStyle.format(r.lostOn ?? Day(number: 0)),
                 (r.reason?.label ?? "") + (r.reason == nil ? "" : " (\(side(r)))"),
                 f.format(r.revenueBrought, withCents: false),
                 r.returnedOn.map { "returned \(display.dateStyle.format($0))" } ?? (r.winback.map { "win-back \($0.scoreClass) · \($0.outcome.rawValue)" } ?? "")]
            }
            try sink.write(TextTable.render(header: ["NUMBER", "NAME", "CL", "LOST ON", "REASON", "REVENUE BROUGHT", "STATUS"],
                                        rows: table, rightAligned: [5]))
            try sink.write("\(rows.count) lost customers and returnees\n")
        }
        try sink.finish()
    }
}
