import Foundation
import XCTest

/// `loyal campaign list|export` on the demo company (150 customers, seed 11, today 23.11.2026),
/// and no newsletter among the rep tasks of `loyal agenda`.
final class CampaignCLITests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let demo = try loyal(["demo", "--customers", "150", "--seed", "11"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
    }

    func testNewslettersAreCampaignsNotAgendaRows() throws {
        let agenda = try loyal(["agenda", "--days", "91", "--include-blocked", "--format", "json"])
        XCTAssertEqual(agenda.status, 0, agenda.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(rows.count, 0)
        XCTAssertFalse(rows.contains { $0["channel"] as? String == "newsletter" })

        let json = try loyal(["campaign", "list", "--channel", "newsletter", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(list.count, 0)
        for r in list {
            XCTAssertEqual(Set(r.keys), ["number", "name", "contact", "email", "street", "postal_code", "city", "consent_date"])
            XCTAssertTrue(r["consent_date"] is String, "every newsletter recipient consented: \(r)")
        }
        let table = try loyal(["campaign", "list"]).stdout
        XCTAssertTrue(table.hasSuffix("\(list.count) recipient\(list.count == 1 ? "" : "s") of the newsletter\n"), table)
    }

    func testExportWritesTheMailMergeCSV() throws {
        let out = home.appendingPathComponent("newsletter.csv").path
        let r = try loyal(["campaign", "export", "--channel", "newsletter", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let lines = text.split(separator: "\r\n")
        XCTAssertEqual(lines.first, "number,name,contact,email,street,postal_code,city,consent_date")
        let listed = try loyal(["campaign", "list", "--format", "csv"]).stdout
        XCTAssertEqual(text, listed, "export and list --format csv are the same rows")
        XCTAssertEqual(r.stderr, "\(out): \(lines.count - 1) recipients of the newsletter\n")
        let bad = try loyal(["campaign", "list", "--channel", "fax"])
        XCTAssertNotEqual(bad.status, 0)
    }
}
