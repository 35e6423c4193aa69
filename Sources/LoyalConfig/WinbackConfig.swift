import LoyalCore
import LoyalTOML

/// `[winback]`: the scoring matrix. `classes = [ { name, from, effort }, … ]` best first,
/// and one table per criterion (`[winback.revenue]` …) whose keys each replace the default.
enum WinbackConfig {
    static func parse(_ node: TOMLNode) throws(ConfigError) -> WinbackMatrix {
        try schema.read(node, from: .defaults)
    }

    static let schema = TableSchema<WinbackMatrix>(
        [.nested("classes") { (node, m) throws(TOMLError) in m.classes = try classes(node) }]
        + WinbackCriterion.allCases.map { criterion in
            .nested(criterion.rawValue) { (node, m) throws(TOMLError) in
                let i = m.criteria.firstIndex { $0.criterion == criterion }!
                m.criteria[i] = try WinbackConfig.criterion(node, m.criteria[i])
            }
        },
        known: "known in [winback]: " + (["classes"] + WinbackCriterion.allCases.map(\.rawValue)).joined(separator: ", "),
        shape: "a table [winback]")

    static let classShape = "{ name = …, from = …, effort = … }"
    static let classSchema = TableSchema<Record>([
        .recorded("name", .name, required: "needs name, from, effort"),
        .recorded("from", .integer(-10_000...10_000), required: "needs name, from, effort"),
        .recorded("effort", .name, required: "needs name, from, effort"),
    ], shape: classShape)

    static func classes(_ node: TOMLNode) throws(TOMLError) -> [WinbackClass] {
        let elements = try node.elements("a non-empty array of \(classShape)")
        guard !elements.isEmpty else { throw node.expected("a non-empty array of \(classShape)") }
        var result: [WinbackClass] = []
        for element in elements {
            let r = try classSchema.read(element, from: [:])
            let c = WinbackClass(name: r["name"]!.text, from: r["from"]!.integer, effort: Text.key(for: r["effort"]!.text, section: "winback_effort") ?? r["effort"]!.text)
            if let previous = result.last, c.from >= previous.from {
                throw element.error(at: "from", "must be below the class before it (\(previous.name) from \(previous.from)): best class first")
            }
            if result.contains(where: { $0.name == c.name }) {
                throw element.error(at: "name", "\(ConfigSchema.quote(c.name)) is used twice")
            }
            result.append(c)
        }
        return result
    }

    /// A criterion's table: its weight and the keys of its kind of scale.
    static func criterion(_ node: TOMLNode, _ rule: WinbackCriterionRule) throws(TOMLError) -> WinbackCriterionRule {
        let weight = Field<WinbackCriterionRule>.value("weight", .integer(0...100)) { $0.weight = $1.integer }
        let scaleFields: [Field<WinbackCriterionRule>]
        switch rule.scale {
        case .money:
            scaleFields = [
                .nested("bands") { (node, r) throws(TOMLError) in
                    guard case .money(_, let otherwise) = r.scale else { return }
                    r.scale = .money(bands: try moneyBands(node), otherwise: otherwise)
                },
                .value("otherwise", .integer(0...100)) { r, v in
                    guard case .money(let bands, _) = r.scale else { return }
                    r.scale = .money(bands: bands, otherwise: v.integer)
                },
            ]
        case .judgement:
            scaleFields = [.nested("points") { (node, r) throws(TOMLError) in
                r.scale = .judgement(try pointList(node, count: 5, "5 whole numbers 0–100 (for 1, 2, 3, 4, 5)"))
            }]
        case .accountClass:
            scaleFields = [.nested("points") { (node, r) throws(TOMLError) in
                let l = try pointList(node, count: 3, "3 whole numbers 0–100 (for A, B, C)")
                r.scale = .accountClass(a: l[0], b: l[1], c: l[2])
            }]
        }
        let fields = [weight] + scaleFields
        return try TableSchema(fields, shape: "a table [winback.\(rule.criterion.rawValue)]").read(node, from: rule)
    }

    static let bandShape = "{ from = …, points = … }"
    static let bandSchema = TableSchema<Record>([
        .recorded("from", .amount, required: "needs from, points"),
        .recorded("points", .integer(0...100), required: "needs from, points"),
    ], shape: bandShape)

    static func moneyBands(_ node: TOMLNode) throws(TOMLError) -> [MoneyBand] {
        var bands: [MoneyBand] = []
        for element in try node.elements("an array of \(bandShape)") {
            let r = try bandSchema.read(element, from: [:])
            let band = MoneyBand(from: r["from"]!.money, points: r["points"]!.integer)
            if let previous = bands.last, band.from >= previous.from {
                throw element.error(at: "from",
                                    "must be below the band before it (\(ConfigWriter.money(previous.from))): highest band first")
            }
            bands.append(band)
        }
        return bands
    }

    static func pointList(_ node: TOMLNode, count: Int, _ what: String) throws(TOMLError) -> [Int] {
        guard case .array(let array) = node.value, array.count == count else { throw node.expected(what) }
        var points: [Int] = []
        for element in array {
            guard case .integer(let p) = element.value, (0...100).contains(p) else { throw node.expected(what) }
            points.append(p)
        }
        return points
    }
}
