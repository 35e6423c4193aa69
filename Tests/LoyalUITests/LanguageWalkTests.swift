import Foundation
import XCTest
import LoyalCore
import GRDB
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Issue 15's done-when walk: with `LANG=de_DE.UTF-8` every screen (each tab, help, the
/// visit form, the triage dialogs, the win-back case, the calendar views, account detail,
/// contacts, pickers) at 80×24 and 120×40 shows no English catalogue text that differs
/// from its German one, and no label cut; with `LANG=C` the same walk shows no German.
/// The language and formats are read from the variables as `loyal` reads them.
final class LanguageWalkTests: UITestCase {
    /// A screen as the walk saw it.
    struct Frame {
        var name: String
        var text: String
    }

    override func tearDownWithError() throws {
        Text.use(LanguageChoice(.en, explicit: false))
        Text.useFormats(nil)
        try super.tearDownWithError()
    }

    func testEveryScreenIsGermanUnderAGermanLocale() throws {
        try walkEverySize(environment: ["LANG": "de_DE.UTF-8"], expected: .de)
        // German formats came with the language: the tab bar's day.
        XCTAssertTrue(term.row(0).contains("Stand 23.11.2026"), term.row(0))
    }

    func testTheSameWalkIsEnglishUnderLANGC() throws {
        try walkEverySize(environment: ["LANG": "C"], expected: .en)
        // LANG=C is English, formats too: ISO days.
        XCTAssertTrue(term.row(0).contains("as of 2026-11-23"), term.row(0))
    }

    func testAGermanConfirmBoxTakesJAndAnEnglishOneOnlyY() throws {
        try openWalkData(environment: ["LANG": "de_DE.UTF-8"])
        try launch(width: 80, height: 24)
        openChangedVisitForm()
        assertScreenContains("j ja   n nein")
        press(.char("y"))
        XCTAssertNotNil(app.state.overlay, "y is no answer in German")
        press(.char("j"))
        XCTAssertNil(app.state.overlay)
        XCTAssertFalse(app.state.screen is VisitForm, "j discarded the report")

        Text.use(LanguageChoice.resolve(flag: nil, setting: nil, environment: ["LANG": "C"]))
        try launch(width: 80, height: 24)
        openChangedVisitForm()
        assertScreenContains("y yes   n no")
        press(.char("j"))
        XCTAssertNotNil(app.state.overlay, "a German j must not say yes to an English question")
        press(.char("y"))
        XCTAssertNil(app.state.overlay)
        XCTAssertFalse(app.state.screen is VisitForm)
    }

    /// The contact planner's reasons and notes are stored as keys: the agenda under a German
    /// locale reads "Anruf (alle 90 Tage; letzter Anruf …)", not the English it was stored as.
    func testTheCalendarShowsThePlannersReasonsInGerman() throws {
        try openWalkData(environment: ["LANG": "de_DE.UTF-8"])
        try launch(width: 120, height: 40)
        press(.char("2"))
        XCTAssertTrue(screen.contains(" Tage"), screen)
        for english in ["(every ", "last call", "last visit", "Birthday of", "after purchase of", "overdue since", "blocked:"] {
            XCTAssertFalse(screen.contains(english), "\(english):\n\(screen)")
        }
    }


    // MARK: The walk

    func openWalkData(environment: [String: String]) throws {
        let choice = LanguageChoice.resolve(flag: nil, setting: nil, environment: environment)
        Text.use(choice)
        Text.useFormats(FormatChoice.resolve(setting: nil, environment: environment, language: choice.language))
        try openDemo(customers: 150, seed: 7)
        try store.refreshAll(asOf: Self.today, settings: Settings())
        // An audit entry people made, so the Audit view shows an action word and a time.
        var edited = try XCTUnwrap(store.customer(id: try XCTUnwrap(accounts().first).id))
        edited.preferences = "Kaffee"
        try store.saveSoftFacts(edited, actor: "anna")
    }

    func walkEverySize(environment: [String: String], expected: Language) throws {
        try openWalkData(environment: environment)
        var frames: [Frame] = []
        for (width, height) in [(80, 24), (120, 40)] {
            try launch(width: width, height: height)
            frames += walk("\(width)x\(height)")
        }
        XCTAssertGreaterThan(frames.count, 80)
        let foreign = foreignPhrases(shown: expected)
        XCTAssertGreaterThan(foreign.count, 300, "the walk checks against the catalogue")
        for frame in frames {
            // Only a frame with a suspect is cleaned of its data (that takes a while).
            guard foreign.contains(where: { Self.containsWord($0, in: frame.text) }) else { continue }
            let text = withoutUnkeyedData(frame.text)
            for phrase in foreign where Self.containsWord(phrase, in: text) {
                XCTFail("\(frame.name): \"\(phrase)\" is \(expected == .de ? "English" : "German"):\n\(frame.text)")
            }
        }
    }

    /// Every screen, each as a named frame; a failing label check names the frame too.
    func walk(_ size: String) -> [Frame] {
        var frames: [Frame] = []
        func shot(_ name: String) {
            frames.append(Frame(name: "\(size) \(name)", text: screen))
            assertNoLabelCut("\(size) \(name)")
        }
        func help(_ name: String) {
            press(.char("?"))
            shot("\(name) help")
            press(.pageDown)
            shot("\(name) help page 2")
            press(.escape)
        }
        // Accounts, their detail section by section, contacts, the soft-facts form.
        press(.char("1"))
        shot("accounts")
        help("accounts")
        press(.char("s")); shot("sort picker"); press(.escape)
        press(.char("r")); shot("rep picker"); press(.escape)
        press(.char("b")); shot("class B"); press(.char("*"))
        press(.char("+")); shot("new customer form"); press(.escape)
        press(.enter); shot("account detail")
        help("account detail")
        for i in 1...7 { press(.char("]")); shot("account detail section \(i)") }
        press(.char("e")); shot("soft facts form"); press(.escape)
        press(.char("E")); shot("master data form"); press(.escape)
        press(.char("p")); shot("contacts")
        help("contacts")
        press(.char("+")); shot("contact form"); press(.escape)
        press(.escape, .escape)
        // The visit form and its confirm box.
        openChangedVisitForm()
        shot("visit form confirm")
        press(.char("n")); shot("visit form")
        help("visit form")
        press(.escape); press(.char(Text.tr("app.yes_key").first!))
        // Calendar: agenda, week, month, entry dialogs, absence form.
        press(.char("2")); shot("calendar agenda")
        help("calendar")
        press(.char("d")); shot("calendar skip form"); press(.escape)
        press(.char("M")); shot("calendar move form"); press(.escape)
        press(.char("U")); shot("absence form"); press(.escape)
        press(.char("r")); shot("calendar rep picker"); press(.escape)
        press(.tab); shot("calendar week")
        press(.tab); shot("calendar month")
        press(.char("B")); shot("calendar month with blocked"); press(.char("B"))
        press(.tab)
        // Early warning, its pickers, the triage dialogs, the risk case.
        press(.char("3")); shot("early warning")
        help("early warning")
        press(.char("w")); shot("early warning, every signal"); press(.char("w"))
        press(.char("f")); shot("kind picker"); press(.escape)
        press(.char("A")); shot("assign picker"); press(.escape)
        press(.char("P")); shot("playbook picker"); press(.escape)
        press(.char("S")); shot("schedule form"); press(.escape)
        press(.char("z")); shot("snooze form"); press(.escape)
        press(.char("d")); shot("dismiss form"); press(.escape)
        press(.char("L")); shot("lost form"); press(.escape)
        press(.enter); shot("risk case")
        help("risk case")
        press(.escape)
        // Win-back: the lost customers and a case.
        press(.char("4")); shot("win-back")
        help("win-back")
        press(.enter); shot("win-back case")
        press(.tab, .char(" ")); shot("win-back case, an offer type")
        press(.escape)
        if app.state.overlay != nil { press(.char(Text.tr("app.yes_key").first!)) }
        // Team.
        press(.char("5")); shot("team")
        help("team")
        press(.char("A")); shot("audit view")
        help("audit view")
        press(.enter); shot("audit entry")
        XCTAssertTrue(screen.contains(Text.tr("audit_action.edit_soft_facts")), "the walk's audit entry is shown:\n\(screen)")
        press(.escape, .escape)
        press(.char("/")); type("zzzz-nothing"); press(.enter); shot("search not found")
        press(.char("q")); shot("after q")
        return frames
    }

    func openChangedVisitForm() {
        press(.char("1"), .char("v"))
        press(.tab, .tab, .tab)
        type("9")
        press(.escape)
    }

    // MARK: What the walk checks

    /// Texts of the other language that this one does not share: whole values and the
    /// parts between their `{1}` placeholders, at least five characters, and not found in
    /// any value of the language shown (loan words like "Agenda" or "Service" are both).
    func foreignPhrases(shown: Language) -> [String] {
        let other: Language = shown == .de ? .en : .de
        let mine = Catalogue.entries(shown), theirs = Catalogue.entries(other)
        let allMine = mine.values.joined(separator: "\n")
        var phrases = Set<String>()
        for (key, value) in theirs where mine[key] != value {
            for part in value.split(separator: /\{[1-9]\}/) {
                let p = part.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ":·,;()")))
                if p.count >= 5, !allMine.contains(p), !Self.machineWords.contains(p) { phrases.insert(p) }
            }
        }
        return phrases.sorted()
    }

    /// Words that are the same in both languages' screens though a catalogue text differs.
    static let machineWords: Set<String> = ["loyal import customers", "loyal refresh", "loyal demo"]

    /// The frame without the data it shows: the demo company's German names, subjects and
    /// notes are data, not interface, and so are texts a person wrote into the store (the planner's
    /// calendar reasons and notes are keys, `["…`, and so checked like any screen text)
    /// and the win-back classes' effort texts, the team's own configuration. Stored raw
    /// values (`visit`, `job_change`) stay: showing one of those would be a missing word.
    lazy var dataTexts: [String] = {
        var texts = Set(Settings().retention.winback.classes.map(\.effort))
        try? store.pool.read { db in
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%'") {
                for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map({ $0["name"] as String })
                // The audit's action and record kind are shown through the catalogue: not data.
                where !(table == "audit" && ["action", "entity"].contains(column)) {
                    let values = try String.fetchAll(db, sql: "SELECT DISTINCT \"\(column)\" FROM \"\(table)\" WHERE typeof(\"\(column)\") = 'text' AND length(\"\(column)\") BETWEEN 3 AND 300")
                    for v in values where !v.hasPrefix("[\"") && v.contains(where: { $0 == " " || $0.isUppercase }) { texts.insert(v) }
                }
            }
        }
        return texts.sorted { $0.count > $1.count }
    }()

    func withoutUnkeyedData(_ text: String) -> String {
        var out = text
        for known in dataTexts {
            // Cut to the screen's width a text may show only in part: drop its first 12 characters too.
            out = out.replacing(known, with: " ")
            if known.count > 12 { out = out.replacing(String(known.prefix(12)), with: " ") }
        }
        return out
    }

    static func containsWord(_ phrase: String, in text: String) -> Bool {
        var rest = text[...]
        while let r = rest.range(of: phrase) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            rest = text[r.upperBound...]
        }
        return false
    }

    /// Tab names whole in the tab bar; column titles whole in their header; every form
    /// label whole; help sentences wrapped within the box.
    func assertNoLabelCut(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        for tab in app.state.tabs {
            XCTAssertTrue(term.row(0).contains(" \(tab.title) "), "\(name): tab \(tab.title) cut: \(term.row(0))", file: file, line: line)
        }
        // Column titles whole in their header row (TableLayout sizes columns from their titles).
        if app.state.overlay == nil, app.state.screen is AccountsScreen {
            for c in AccountsView.layout(width: term.width).columns {
                XCTAssertTrue(term.row(2).contains(c.title), "\(name): \(c.title) cut: \(term.row(2))", file: file, line: line)
            }
        }
        if app.state.overlay == nil, app.state.screen is EarlyWarningScreen {
            for c in EarlyWarningView.layout(width: term.width).columns {
                XCTAssertTrue(term.row(2).contains(c.title), "\(name): \(c.title) cut: \(term.row(2))", file: file, line: line)
            }
        }
        if app.state.overlay == nil, let form = app.state.screen as? FormScreen {
            for field in form.fields.prefix(term.height - 8) {
                XCTAssertTrue(screen.contains(field.label), "\(name): form label \"\(field.label)\" cut:\n\(screen)", file: file, line: line)
            }
        }
        if case .help(let help) = app.state.overlay {
            let area = App.layout(width: term.width, height: term.height).area
            let room = help.geometry(area).helpWidth
            for l in help.lines(helpWidth: room) {
                XCTAssertLessThanOrEqual(TextWidth.columns(of: l.help), room, "\(name): help \"\(l.help)\" is cut", file: file, line: line)
            }
            for l in help.lines(helpWidth: room).dropFirst(help.top).prefix(help.geometry(area).box.height - 2) where !l.help.isEmpty {
                XCTAssertTrue(screen.contains(l.help), "\(name): help line \"\(l.help)\" (top \(help.top)) not shown whole:\n\(screen)", file: file, line: line)
            }
        }
    }
}
