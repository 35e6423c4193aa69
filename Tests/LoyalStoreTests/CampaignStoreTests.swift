import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Newsletters and mailings are campaigns: they leave the agenda and the grids and form
/// campaign lists that respect consent per channel (a temporary database, today 23.11.2026).
final class CampaignStoreTests: StoreTestCase {
    private func storeWithPlan() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,street,postal_code,city,email,rep,class,consent_newsletter,consent_date
            K1,Mit Einwilligung GmbH,Hauptstr. 1,10115,Berlin,info@k1.example,AB,C,ja,2025-05-02
            K2,Ohne Einwilligung KG,Ring 2,50667,Köln,info@k2.example,AB,C,,
            K3,Abgemeldet AG,Weg 3,80331,München,info@k3.example,AB,C,nein,2026-01-15
            K4,Post OHG,Allee 4,20095,Hamburg,,AB,B,,

            """)
        try importText(store, .contacts, "customer,first_name,last_name,primary\nK1,Anna,Schmidt,ja\n")
        var settings = Settings()
        settings.contactPlan.cadence = [.b: [.letter: 60, .phone: 90], .c: [.newsletter: 90]]
        try store.refreshAll(asOf: today, settings: settings)
        return store
    }

    func testNewsletterRecipientsNeedExpressConsent() throws {
        let store = try storeWithPlan()
        let list = try store.campaign(.newsletter, until: today.adding(days: 90))
        XCTAssertEqual(list.map(\.customerNumber), ["K1"], "no consent and a refusal both keep a customer off the newsletter")
        XCTAssertEqual(list[0].contact, "Anna Schmidt")
        XCTAssertEqual(list[0].email, "info@k1.example")
        XCTAssertEqual(list[0].consentOn?.iso, "2025-05-02")
    }

    func testMailingsGoToTheAddressWithoutConsentRecord() throws {
        let store = try storeWithPlan()
        let list = try store.campaign(.mail, until: today.adding(days: 90))
        XCTAssertEqual(list.map { "\($0.customerNumber) \($0.street), \($0.postalCode) \($0.city)" }, ["K4 Allee 4, 20095 Hamburg"])
        XCTAssertNil(list[0].consentOn)
    }

    func testCampaignsLeaveTheAgendaAndTheGrids() throws {
        let store = try storeWithPlan()
        let end = today.adding(days: 90)
        let planned = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM calendar_entry ORDER BY channel")
        }
        XCTAssertEqual(planned, ["letter", "newsletter", "phone"], "the plan still holds them, for the campaign lists")
        let agenda = try store.calendar(from: today, to: end, includeBlocked: true, overdueBefore: today, openOnly: true)
        XCTAssertEqual(Set(agenda.map(\.entry.channel)), [.phone])
        var week: [CalendarRow] = []
        var counted = 0
        for start in stride(from: 0, to: 91, by: 7) {
            let monday = today.adding(days: start)
            week += try store.calendarWeek(from: monday, to: monday.adding(days: 6))
            counted += try store.calendarCounts(from: monday, to: monday.adding(days: 6)).values.reduce(0) { $0 + $1.open + $1.blocked }
        }
        XCTAssertEqual(Set(week.map(\.entry.channel)), [.phone])
        XCTAssertEqual(counted, agenda.filter { $0.entry.due >= self.today }.count)
    }
}
