import GRDB
import LoyalConfig
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Absences, the working-day calendar and the reps' capacities, built from the settings,
/// the rep table and the absences on a temporary database.
final class WorkDaysStoreTests: StoreTestCase {
    private func d(_ iso: String) -> Day { Day(iso: iso)! }

    private func storeWithReps() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, "number,name,rep\nK1,Alpha,MK\nK2,Beta,AB\n")
        return store
    }

    private func repID(_ store: Store, _ code: String) throws -> Int64 {
        try XCTUnwrap(store.reps().first { $0.code == code }?.id)
    }

    func testAbsenceAddListRemoveWithAudit() throws {
        let store = try storeWithReps()
        let id = try store.addAbsence(repCode: "mk", from: d("2026-12-21"), to: d("2027-01-01"), reason: "Urlaub", actor: "test")
        try store.addAbsence(repCode: "AB", from: d("2026-12-07"), to: d("2026-12-07"), reason: "", actor: "test")
        let all = try store.absences()
        XCTAssertEqual(all.map(\.repCode), ["AB", "MK"])
        XCTAssertEqual(try store.absences(repCode: "MK").map { "\($0.from.iso)…\($0.to.iso) \($0.reason)" },
                       ["2026-12-21…2027-01-01 Urlaub"])
        XCTAssertEqual(try store.absences(endingFrom: d("2026-12-08")).map(\.repCode), ["MK"])
        try store.removeAbsence(id: id, actor: "test")
        XCTAssertEqual(try store.absences().map(\.repCode), ["AB"])
        let audit = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action || ' ' || detail FROM audit WHERE entity = 'absence' ORDER BY id")
        }
        XCTAssertEqual(audit, ["add MK 2026-12-21…2027-01-01 Urlaub", "add AB 2026-12-07…2026-12-07", "remove MK 2026-12-21…2027-01-01 Urlaub"])
    }

    func testAbsenceRefusesWhatCannotBe() throws {
        let store = try storeWithReps()
        XCTAssertThrowsError(try store.addAbsence(repCode: "ZZ", from: d("2026-12-01"), to: d("2026-12-02"), reason: "", actor: "t")) {
            XCTAssertEqual("\($0)", "no rep with code ZZ (known: AB, MK)")
        }
        XCTAssertThrowsError(try store.addAbsence(repCode: "MK", from: d("2026-12-02"), to: d("2026-12-01"), reason: "", actor: "t")) {
            XCTAssertEqual("\($0)", "the last day (2026-12-01) is before the first (2026-12-02)")
        }
        XCTAssertThrowsError(try store.addAbsence(repCode: "MK", from: d("2026-12-01"), to: d("2026-12-01"), reason: "a\u{1B}b", actor: "t"))
        XCTAssertThrowsError(try store.removeAbsence(id: 99, actor: "t")) { XCTAssertEqual("\($0)", "no absence with id 99") }
        XCTAssertEqual(try store.absences(), [])
    }

    func testWorkCalendarFromSettingsRepStatesAndAbsences() throws {
        let store = try storeWithReps()
        let settings = try ConfigFile.parse("""
            [calendar]
            state = "NW"
            [reps.AB]
            state = "SN"
            """, file: "config.toml")
        try store.addAbsence(repCode: "MK", from: d("2026-12-14"), to: d("2026-12-18"), reason: "Messe", actor: "test")
        let cal = try store.workCalendar(from: d("2026-11-01"), to: d("2027-01-31"), settings: settings)
        let mk = try repID(store, "MK"), ab = try repID(store, "AB")
        // Buß- und Bettag (Wed 18.11.2026) is a holiday in Saxony only.
        XCTAssertTrue(cal.isWorkingDay(d("2026-11-18"), rep: mk))
        XCTAssertFalse(cal.isWorkingDay(d("2026-11-18"), rep: ab))
        // Allerheiligen 2027 is a Monday: NW (the team's state) has it, Saxony does not.
        let next = try store.workCalendar(from: d("2027-10-01"), to: d("2027-11-30"), settings: settings)
        XCTAssertFalse(next.isWorkingDay(d("2027-11-01"), rep: mk))
        XCTAssertTrue(next.isWorkingDay(d("2027-11-01"), rep: ab))
        // The absence, and New Year in the second year of the range.
        XCTAssertFalse(cal.isWorkingDay(d("2026-12-16"), rep: mk))
        XCTAssertTrue(cal.isWorkingDay(d("2026-12-16"), rep: ab))
        XCTAssertEqual(cal.workingDay(onOrAfter: d("2026-12-14"), rep: mk).iso, "2026-12-21")
        XCTAssertFalse(cal.isWorkingDay(d("2027-01-01"), rep: ab))
        // An absence outside the range is not read.
        let later = try store.workCalendar(from: d("2027-02-01"), to: d("2027-02-28"), settings: settings)
        XCTAssertEqual(later.absences, [:])
    }

    func testBavarianEasterMondayAndCorpusChristi() throws {
        let store = try storeWithReps()
        var settings = Settings()
        settings.workDays.state = "BY"
        let cal = try store.workCalendar(from: d("2026-01-01"), to: d("2026-12-31"), settings: settings)
        let mk = try repID(store, "MK")
        XCTAssertFalse(cal.isWorkingDay(d("2026-04-06"), rep: mk))
        XCTAssertFalse(cal.isWorkingDay(d("2026-06-04"), rep: mk))
        XCTAssertTrue(cal.isWorkingDay(d("2026-06-05"), rep: mk))
    }

    func testCapacityPerRepFromSettings() throws {
        let store = try storeWithReps()
        let settings = try ConfigFile.parse("""
            [calendar]
            calls_per_day = 12
            [reps.mk]
            visits_per_day = 3
            """, file: "config.toml")
        let capacity = try store.repCapacity(settings: settings)
        let mk = capacity.capacity(for: try repID(store, "MK")), ab = capacity.capacity(for: try repID(store, "AB"))
        XCTAssertEqual(mk.visits, 3); XCTAssertEqual(mk.calls, 12)
        XCTAssertEqual(ab.visits, 4); XCTAssertEqual(ab.calls, 12)
        XCTAssertEqual(RepCapacity().capacity(for: nil).visits, 4)
        XCTAssertEqual(RepCapacity().capacity(for: nil).calls, 15)
    }
}

/// `loyal import absences`: German headers, rep codes without regard to case, problems per line.
final class AbsenceImportStoreTests: StoreTestCase {
    func testImportWithGermanHeadersAndReimportUpdates() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,rep\nK1,Alpha,MK\nK2,Beta,AB\n")
        let report = try importText(store, .absences, "Mitarbeiter;von;bis;Grund\nmk;21.12.2026;01.01.2027;Urlaub\nAB;2026-12-07;;Messe\n")
        XCTAssertEqual(report.inserted, 2)
        XCTAssertEqual(try store.absences().map { "\($0.repCode) \($0.from.iso) \($0.to.iso) \($0.reason)" },
                       ["AB 2026-12-07 2026-12-07 Messe", "MK 2026-12-21 2027-01-01 Urlaub"])
        let again = try importText(store, .absences, "Vertreter,von,bis,Grund\nMK,21.12.2026,01.01.2027,Betriebsurlaub\n")
        XCTAssertEqual(again.updated, 1)
        XCTAssertEqual(try store.absences(repCode: "MK").map(\.reason), ["Betriebsurlaub"])
    }

    func testUnknownRepAndReversedDaysFailTheFileWithLines() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,rep\nK1,Alpha,MK\n")
        let failure = try XCTUnwrap(importFailure(store, .absences, "rep,from,to\nXY,2026-12-01,2026-12-02\nMK,2026-12-05,2026-12-01\nMK,,\n"))
        XCTAssertEqual(failure.problems.map { "\($0.line) \($0.column ?? "") \($0.message)" }, [
            "2 rep no rep has the code \"XY\"",
            "3 to the last day (2026-12-01) is before the first (2026-12-05)",
            "4 from is empty",
        ])
        XCTAssertEqual(try store.absences(), [], "nothing of a failing file is written")
    }
}
