import Foundation
import XCTest

/// `loyal feedback add` and `loyal import feedback`: the visit form's rules and effects from scripts and files.
final class FeedbackCLITests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let files = [
            ("customers", "Kundennummer;Firma;Ort;Betreuer;Einwilligung Telefon\nK1;Holzwurm GmbH;Berlin;AB;ja\nK2;Zweite AG;Hamm;AB;ja\n"),
            ("purchases", "customer,date,amount\nK1,2026-10-01,4000\nK2,2026-10-01,800\n"),
        ]
        for (entity, text) in files {
            let result = try loyal(["import", entity, try write(text, to: "\(entity).csv").path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
    }

    /// What the visits wrote: feedback, interactions, complaints and follow-up entries.
    private func snapshot() throws -> [String] {
        try ["feedback", "interactions", "complaints", "calendar"].map { try loyal(["export", $0]).stdout }
    }

    private func csvLines(_ entity: String) throws -> [String] {
        try loyal(["export", entity]).stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// "customer signal" of the open churn signals the rules raised, as `loyal report risk --all` lists
    /// them (the model's own churn_risk depends on the purchase history, not on the form).
    private func signals() throws -> [String] {
        let json = try loyal(["report", "risk", "--all", "--format", "json"]).stdout
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], json)
        return rows.flatMap { row in
            ((row["signals"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String != "churn_risk" }
                .map { "\(row["number"] ?? "?") \($0["kind"] ?? "?")" }
        }.sorted()
    }

    func testAddWithEveryOptionRecordsItAllAsTheFormWould() throws {
        let result = try loyal([
            "feedback", "add", "--customer", "K1", "--date", "20.11.", "--channel", "call", "--nps", "4", "--csat", "2",
            "--ces", "6", "--product-satisfaction", "3", "--advice-satisfaction", "4", "--sentiment", "2",
            "--topics", "Preise", "--price-pressure", "--competitor", "Grosso", "--complaint", "Rechnung doppelt",
            "--complaint-category", "invoice", "--cross-sell", "Werkzeug", "--cancellation", "--notes", "Zeile 1",
            "--next-step", "Rückruf Chef", "--follow-up", "30.11.",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertNotNil(result.stdout.wholeMatch(of: #/recorded call with Holzwurm GmbH \(K1\) on 2026-11-20, complaint #1, follow-up on 2026-11-30 \(entry #\d+\)\n/#),
                        result.stdout)

        let json = try loyal(["export", "feedback", "--format", "json"]).stdout
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], json)
        XCTAssertEqual(rows.count, 1)
        let expected: [String: Any] = [
            "interaction": 1, "customer": "K1", "date": "2026-11-20", "channel": "call", "nps": 4, "csat": 2, "ces": 6,
            "product_satisfaction": 3, "advice_satisfaction": 4, "rep_sentiment": 2, "topics": "Preise",
            "price_pressure": 1, "competitor": "Grosso", "cross_sell": "Werkzeug", "complaint": 1,
            "next_step": "Rückruf Chef", "follow_up": "2026-11-30", "cancellation": 1,
        ]
        XCTAssertEqual(rows.first.map { NSDictionary(dictionary: $0) }, NSDictionary(dictionary: expected))

        XCTAssertEqual(try csvLines("interactions"), ["id,customer,rep,kind,date,subject,notes", "1,K1,AB,call,2026-11-20,Preise,Zeile 1"])
        XCTAssertEqual(try csvLines("complaints"), ["id,customer,opened_on,category,text,resolved_on,goodwill",
                                                    "1,K1,2026-11-20,invoice,Rechnung doppelt,,"])
        let followUps = try csvLines("calendar").filter { $0.contains(",follow_up,") }
        XCTAssertEqual(followUps, ["followup-1@loyal,K1,AB,2026-11-30,,phone,Rückruf Chef,follow_up,open,,,,"])
        let ics = try loyal(["export", "calendar", "--format", "ics"]).stdout
        XCTAssertTrue(ics.contains("UID:followup-1@loyal\r\n"), ics)

        // The same effects as the form: K1's signals were evaluated at once.
        XCTAssertEqual(try signals(), ["K1 cancellation", "K1 competitor_named", "K1 high_effort", "K1 low_csat", "K1 low_nps"])
    }

    func testDayShortcutsTodayByDefaultAndAFollowUpLaterThisYear() throws {
        let result = try loyal(["feedback", "add", "--customer", "K2", "--nps", "9", "--next-step", "Muster", "--follow-up", "4.12."])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("recorded visit with Zweite AG (K2) on 2026-11-23, follow-up on 2026-12-04 (entry #"),
                      result.stdout)
        XCTAssertEqual(try csvLines("feedback").last,
                       "1,K2,2026-11-23,visit,9,,,,,,,0,,,,Muster,2026-12-04,0")
        XCTAssertEqual(try csvLines("calendar").filter { $0.contains(",follow_up,") },
                       ["followup-1@loyal,K2,AB,2026-12-04,,phone,Muster,follow_up,open,,,,"])
    }

    func testYesterdayAsMinusOneIsADayNotAnOption() throws {
        let result = try loyal(["feedback", "add", "--customer", "K2", "--date", "-1", "--next-step", "Angebot", "--follow-up", "+7"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("recorded visit with Zweite AG (K2) on 2026-11-22, follow-up on 2026-11-30 (entry #"),
                      result.stdout)
    }

    func testBadValuesExitOneWithTheReasonAndWriteNothing() throws {
        let before = try snapshot()
        let cases: [([String], String)] = [
            (["--nps", "11"], "--nps: 11 is not between 0 and 10\n"),
            (["--csat", "0", "--ces", "8"], "--csat: 0 is not between 1 and 5\n--ces: 8 is not between 1 and 7\n"),
            (["--sentiment", "6"], "--sentiment: 6 is not between 1 and 5\n"),
            (["--date", "+1"], "--date: 24.11.2026 is in the future; record a visit after it happened\n"),
            (["--date", "20.11.2026", "--follow-up", "2026-11-19"], "--follow-up: 19.11.2026 is before the visit (20.11.2026)\n"),
            (["--next-step", "Angebot"], "--follow-up: a next step needs a follow-up date\n"),
        ]
        for (options, message) in cases {
            let result = try loyal(["feedback", "add", "--customer", "K1"] + options)
            XCTAssertEqual(result.status, 1, "\(options)")
            XCTAssertEqual(result.stderr, message, "\(options)")
            XCTAssertEqual(result.stdout, "")
        }
        let unknown = try loyal(["feedback", "add", "--customer", "K9", "--nps", "5"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "Error: no customer has the number \"K9\"\n")
        XCTAssertEqual(try snapshot(), before, "nothing was written")
    }

    /// Customers numbered 1 to 200: "1" is in 119 numbers and has the least revenue.
    func testAShortCustomerNumberFindsExactlyThatCustomer() throws {
        let customers = "number,name,city\n" + (1...200).map { "\($0),Firma \($0),Ort" }.joined(separator: "\n") + "\n"
        let purchases = "customer,date,amount\n" + (2...200).map { "\($0),2026-10-01,\($0 * 10)" }.joined(separator: "\n") + "\n"
        XCTAssertEqual(try loyal(["import", "customers", try write(customers, to: "many.csv").path]).status, 0)
        XCTAssertEqual(try loyal(["import", "purchases", try write(purchases, to: "many-p.csv").path]).status, 0)
        let result = try loyal(["feedback", "add", "--customer", "1", "--nps", "7"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "recorded visit with Firma 1 (1) on 2026-11-23\n")
        XCTAssertEqual(try csvLines("feedback").last, "1,1,2026-11-23,visit,7,,,,,,,0,,,,,,0")
    }

    // MARK: loyal import feedback

    static let germanFile = """
        Kundennummer;Datum;Kanal;NPS;Reklamation;Wiedervorlage
        K1;18.11.2026;Besuch;9;;01.12.2026
        K2;19.11.2026;Anruf;3;Lieferung fehlt;

        """

    func testImportWithGermanHeadersRecordsVisitsComplaintsAndFollowUps() throws {
        let file = try write(Self.germanFile, to: "besuche.csv")
        let result = try loyal(["import", "feedback", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").first.map(String.init),
                       "\(file.path): imported feedback: 2 rows, 2 new, 0 updated")
        XCTAssertEqual(try csvLines("feedback").dropFirst(), ["1,K1,2026-11-18,visit,9,,,,,,,0,,,,,2026-12-01,0",
                                                             "2,K2,2026-11-19,call,3,,,,,,,0,,,1,,,0"])
        XCTAssertEqual(try csvLines("interactions").dropFirst(), ["1,K1,AB,visit,2026-11-18,Visit,", "2,K2,AB,call,2026-11-19,Call,"])
        XCTAssertEqual(try csvLines("complaints").dropFirst(), ["1,K2,2026-11-19,other,Lieferung fehlt,,"])
        XCTAssertEqual(try csvLines("calendar").filter { $0.contains(",follow_up,") },
                       ["followup-1@loyal,K1,AB,2026-12-01,,phone,Follow up on the visit of 18.11.2026,follow_up,open,,,,"])
        XCTAssertEqual(try signals(), ["K2 low_nps"], "the import's refresh evaluated the signals")
    }

    func testImportAppliesTheFormsRulesAndABadRowImportsNothing() throws {
        let file = try write("""
            Kundennummer;Datum;Kanal;NPS;Reklamation;Wiedervorlage
            K1;18.11.2026;Besuch;9;;01.12.2026
            K2;19.11.2026;Anruf;11;Lieferung fehlt;
            K2;24.11.2026;Telefonat;5;;
            K9;19.11.2026;Besuch;5;;
            K1;19.11.2026;Besuch;5;;18.11.2026
            K1;19.11.2026;Fax;5;;
            K1;;Besuch;5;;

            """, to: "schlecht.csv")
        let before = try snapshot()
        let result = try loyal(["import", "feedback", file.path])
        XCTAssertEqual(result.status, 1)
        let p = file.path
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "\(p):3: column \"NPS\": 11 is not between 0 and 10",
            "\(p):4: column \"Datum\": 24.11.2026 is in the future; record a visit after it happened",
            "\(p):5: column \"Kundennummer\": no customer has the number \"K9\"",
            "\(p):6: column \"Wiedervorlage\": 18.11.2026 is before the visit (19.11.2026)",
            "\(p):7: column \"Kanal\": \"Fax\" is not a kind of contact (expected one of visit, call, email, letter, event, gift)",
            "\(p):8: column \"Datum\": is empty",
            "\(p): nothing was imported: 6 problems",
        ])
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try snapshot(), before, "one transaction: the good first row is not imported either")
    }

    func testTheSameFeedbackFileIsNotImportedTwice() throws {
        let file = try write(Self.germanFile, to: "besuche.csv")
        XCTAssertEqual(try loyal(["import", "feedback", file.path]).status, 0)
        let before = try snapshot()
        let again = try loyal(["import", "feedback", file.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("this file was already imported on "), again.stderr)
        XCTAssertEqual(try snapshot(), before, "no visit, complaint or follow-up twice")
        XCTAssertEqual(try loyal(["import", "feedback", "--again", file.path]).status, 0, "unless asked")
        XCTAssertEqual(try csvLines("feedback").count, 5)
    }

    /// Issue 11: the same text rule as forms and imports; nothing is recorded.
    func testControlCharactersInOptionsAreRefused() throws {
        let before = try snapshot()
        let result = try loyal(["feedback", "add", "--customer", "K1", "--notes", "gut \u{1B}]0;pwned\u{07}",
                                "--competitor", "Mei\u{202E}er"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n"), [
            "--competitor: contains U+202E (a text-direction override); expected one line of text without control characters or text-direction overrides",
            "--notes: contains U+001B (a control character); expected text without control characters or text-direction overrides",
        ])
        XCTAssertEqual(try snapshot(), before)
    }
}
