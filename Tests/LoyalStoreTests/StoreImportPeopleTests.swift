import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// People files as other CRMs export them: the customer by the export's company id, else by
/// company name, else a private customer; every e-mail and phone with its kind.
final class StoreImportPeopleTests: StoreTestCase {
    func companies() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,city
            9001,Bäckerei Groß GmbH,Dresden
            9002,Holzbau Berg,Berlin

            """)
        return store
    }

    func customers(_ store: Store) throws -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: try exportRows(store, .customers).map { ($0["number"]!, $0) })
    }

    func person(_ store: Store, _ last: String) throws -> [String: String] {
        try XCTUnwrap(try exportRows(store, .contacts).first { $0["last_name"] == last }, "no person \(last)")
    }

    /// The person's own e-mail and phone fields.
    func own(_ store: Store, _ last: String) throws -> [String] {
        try store.pool.read { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT email, phone FROM contact_person WHERE last_name = ?", arguments: [last]))
            return [row["email"] as String, row["phone"] as String]
        }
    }

    func channels(_ store: Store, _ last: String) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT ch.medium || ' ' || ch.kind || ' ' || ch.value FROM contact_channel ch
                JOIN contact_person p ON p.id = ch.contact_person_id WHERE p.last_name = ? ORDER BY ch.id
                """, arguments: [last])
        }
    }

    func testAPersonFindsItsCustomerByIdElseByFoldedNameWithTheLegalFormOptional() throws {
        let store = try companies()
        let report = try importText(store, .contacts, """
            customer,company,first_name,last_name
            9002,Irgendwas,Eva,Berg
            ,BAECKEREI  GROSS,Jens,Groß
            ,holzbau berg gmbh,Tom,Zimmer
            77,Bäckerei Groß GmbH,Uwe,Alt

            """)
        XCTAssertEqual(report.inserted, 4)
        XCTAssertEqual(report.createdCustomers, 0)
        XCTAssertEqual(try person(store, "Berg")["customer"], "9002", "the id wins")
        XCTAssertEqual(try person(store, "Groß")["customer"], "9001")
        XCTAssertEqual(try person(store, "Zimmer")["customer"], "9002", "a legal form the customer has not")
        XCTAssertEqual(try person(store, "Alt")["customer"], "9001", "an unknown id, a known name")
    }

    func testAnUnknownCompanyIsALocatedErrorUnlessCreateCustomers() throws {
        let store = try companies()
        let text = "Firma;Vorname;Nachname\nNeue Firma AG;Bernd;Schulz\n"
        let failure = importFailure(store, .contacts, text)
        XCTAssertEqual(failure?.problems.map(\.description), [
            "2: column \"Firma\": no customer is named \"Neue Firma AG\" (import the companies first, or use --create-customers to create it)",
        ])
        let byID = importFailure(store, .contacts, "customer;last_name\nX9;Meier\n")
        XCTAssertEqual(byID?.problems.map(\.description), [
            "2: column \"customer\": no customer has the number \"X9\" (import the companies first, or use --create-customers)",
        ])
        XCTAssertEqual(try count(store, "contact_person"), 0)
        let dry = try importText(store, .contacts, text + "Neue Firma AG;Petra;Lang\n") { $0.createCustomers = true; $0.dryRun = true }
        XCTAssertEqual(dry.createdCustomers, 1, "two people of one new company: one customer")
        XCTAssertEqual(try count(store, "customer"), 2, "a dry run writes nothing")
        let created = try importText(store, .contacts, text + "Neue Firma AG;Petra;Lang\n") { $0.createCustomers = true }
        XCTAssertEqual(created.createdCustomers, 1)
        let c = try customers(store)
        XCTAssertEqual(c["F000001"]?["name"], "Neue Firma AG")
        XCTAssertEqual(c["F000001"]?["kind"], "business")
        XCTAssertEqual(try person(store, "Lang")["customer"], "F000001")
        let withID = try importText(store, .contacts, "customer;company;last_name\nX9;Firma Neun;Meier\n") { $0.createCustomers = true }
        XCTAssertEqual(withID.createdCustomers, 1)
        XCTAssertEqual(try customers(store)["X9"]?["name"], "Firma Neun", "created under the export's id")
    }

    func testAPersonWithoutCompanyIsAPrivateCustomerFoundAgainOnTheNextImport() throws {
        let store = try companies()
        let report = try importText(store, .contacts, "Name;E-Mail;Geburtstag\nCarla Privat;carla@example.de;05-17\n")
        XCTAssertEqual(report.createdCustomers, 1)
        let number = CustomerLink.privateNumber("Carla Privat")
        XCTAssertTrue(number.hasPrefix("P-") && number.count == 12, number)
        let c = try XCTUnwrap(try customers(store)[number])
        XCTAssertEqual(c["name"], "Carla Privat")
        XCTAssertEqual(c["kind"], "consumer")
        let carla = try person(store, "Privat")
        XCTAssertEqual([carla["customer"], carla["first_name"], carla["email"], carla["birthday"]],
                       [number, "Carla", "carla@example.de", "'--05-17"])
        // The same person again is the same customer and person.
        let again = try importText(store, .contacts, "Name;E-Mail\nCarla Privat;carla@neu.example\n")
        XCTAssertEqual([again.createdCustomers, again.updated, again.inserted], [0, 1, 0])
        XCTAssertEqual(try person(store, "Privat")["email"], "carla@neu.example")
        // Her name in capitals is her customer (names fold), but another person there: a likely duplicate.
        let capitals = try importText(store, .contacts, "Name;E-Mail\nCARLA PRIVAT;carla@neu.example\n")
        XCTAssertEqual([capitals.createdCustomers, capitals.inserted], [0, 1])
        XCTAssertEqual(try count(store, "customer"), 3)
        XCTAssertEqual(capitals.duplicates.examples.map(\.pair.reasons), [["same name", "same e-mail"]])
    }

    func testEveryEMailAndPhoneIsKeptWithItsKindAndExportsAndImportsBack() throws {
        let store = try companies()
        try importText(store, .contacts, """
            customer;first_name;last_name;email;email_home;phone;mobile;phone_home;fax
            9001;Jens;Groß;"jens@gross.example, verkauf@gross.example";jens@privat.example;0351 1;0170 1;;0351 9
            9002;Eva;Berg;;eva@privat.example;;0171 2 (mobil);"030 1
            030 2";

            """)
        let jens = try person(store, "Groß")
        XCTAssertEqual([jens["email"], jens["phone"]], ["jens@gross.example; verkauf@gross.example", "0351 1"])
        XCTAssertEqual([jens["email_home"], jens["mobile"], jens["fax"]], ["jens@privat.example", "0170 1", "0351 9"])
        XCTAssertEqual(try channels(store, "Groß"), ["email work jens@gross.example", "email work verkauf@gross.example",
                                                     "email home jens@privat.example", "phone work 0351 1",
                                                     "phone mobile 0170 1", "phone fax 0351 9"])
        XCTAssertEqual(try own(store, "Groß"), ["jens@gross.example", "0351 1"], "the first work ones")
        let eva = try person(store, "Berg")
        XCTAssertEqual(try own(store, "Berg"), ["eva@privat.example", "0171 2"], "no work one: the private e-mail, the mobile")
        XCTAssertEqual([eva["email"], eva["email_home"], eva["phone"], eva["mobile"], eva["phone_home"]],
                       ["", "eva@privat.example", "", "0171 2", "030 1; 030 2"], "each in the column of its kind")
        XCTAssertEqual(try channels(store, "Berg"), ["email home eva@privat.example", "phone mobile 0171 2", "phone home 030 1",
                                                     "phone home 030 2"])

        // The export imports back to the same people, channels and all.
        let export = try exportText(store, .contacts)
        let copy = try makeStore(path: directory.appendingPathComponent("copy.db").path)
        try importText(copy, .customers, "number,name\n9001,Bäckerei Groß GmbH\n9002,Holzbau Berg\n")
        try importText(copy, .contacts, export)
        XCTAssertEqual(try exportText(copy, .contacts), export)
        XCTAssertEqual(try channels(copy, "Groß"), try channels(store, "Groß"))
    }

    func testAFileReplacesTheKindsItHasColumnsForAndKeepsTheOthers() throws {
        let store = try companies()
        try importText(store, .contacts, "customer,last_name,email,email_home,mobile\n9001,Groß,a@gross.example,a@privat.example,0170 1\n")
        // A later file with work e-mails only: the home e-mail and the mobile stay; the work ones are the file's.
        let update = try importText(store, .contacts, "customer,last_name,email\n9001,Groß,\"b@gross.example, c@gross.example\"\n")
        XCTAssertEqual(update.updated, 1)
        XCTAssertEqual(try own(store, "Groß"), ["b@gross.example", "0170 1"])
        XCTAssertEqual(try channels(store, "Groß"), ["email home a@privat.example", "phone mobile 0170 1", "email work b@gross.example",
                                                     "email work c@gross.example"])
        XCTAssertEqual(try person(store, "Groß")["email"], "b@gross.example; c@gross.example")
        // A work phone becomes the person's own; the mobile stays, and a later mobile does not take its place.
        try importText(store, .contacts, "customer,last_name,phone\n9001,Groß,0351 1\n")
        try importText(store, .contacts, "customer,last_name,mobile\n9001,Groß,0170 2\n")
        XCTAssertEqual(try own(store, "Groß"), ["b@gross.example", "0351 1"])
        XCTAssertEqual(try channels(store, "Groß"), ["email home a@privat.example", "email work b@gross.example",
                                                     "email work c@gross.example", "phone work 0351 1", "phone mobile 0170 2"])
    }

    func testAnAddressEditedByHandFollowsItsChannelAndOneTypedOnlyThereIsKept() throws {
        let store = try companies()
        try importText(store, .contacts, "customer,last_name,email,email_home\n9001,Groß,a@gross.example,a@privat.example\n")
        var p = try store.pool.read { db in
            try CustomerRecords.contact(XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE last_name = 'Groß'")))
        }
        p.email = "neu@gross.example"
        _ = try store.saveContact(p, actor: "anna")
        XCTAssertEqual(try channels(store, "Groß"), ["email work neu@gross.example", "email home a@privat.example"])
        // A person whose e-mail was only ever in its own field keeps it as a work one when a file brings a private one.
        try store.pool.write { db in try db.execute(sql: "DELETE FROM contact_channel") }
        try importText(store, .contacts, "customer,last_name,email_home\n9001,Groß,b@privat.example\n")
        XCTAssertEqual(try own(store, "Groß"), ["neu@gross.example", ""])
        XCTAssertEqual(try channels(store, "Groß"), ["email work neu@gross.example", "email home b@privat.example"])
    }

    func testACustomerListThatNamesAPersonStoresThePersonAndAPrivateCustomer() throws {
        let store = try makeStore()
        let report = try importText(store, .customers, """
            Kundennummer;Anrede;Vorname;Nachname;Firma;Ort;E-Mail;Geburtstag
            10001;Herr;Jens;Böhme;Bäckerei Böhme GmbH;Dresden;jb@boehme.example;03.04.1970
            10002;Frau;Gisela;Lange;;Leipzig;gisela@example.de;17.05.1955 00:00

            """, bom: true)
        XCTAssertEqual(report.inserted, 2)
        let c = try customers(store)
        XCTAssertEqual([c["10001"]?["name"], c["10001"]?["kind"], c["10001"]?["email"]],
                       ["Bäckerei Böhme GmbH", "business", "jb@boehme.example"])
        XCTAssertEqual([c["10002"]?["name"], c["10002"]?["kind"], c["10002"]?["city"]], ["Gisela Lange", "consumer", "Leipzig"])
        let jens = try person(store, "Böhme"), gisela = try person(store, "Lange")
        XCTAssertEqual([jens["customer"], jens["first_name"], jens["birthday"], jens["email"]], ["10001", "Jens", "1970-04-03", ""],
                       "a company's e-mail stays the company's")
        XCTAssertEqual([gisela["customer"], gisela["first_name"], gisela["birthday"], gisela["email"]],
                       ["10002", "Gisela", "1955-05-17", "gisela@example.de"], "a private customer's e-mail is the person's")
        // Importing the list again changes nothing and doubles no one.
        let before = try snapshot(store)
        try importText(store, .customers, "Kundennummer;Vorname;Nachname;Firma\n10002;Gisela;Lange;\n")
        XCTAssertEqual(try snapshot(store), before)
    }

    func testTheImportReportsTheLikelyDuplicatesItCreatesAndOnlyThose() throws {
        let store = try makeStore()
        // Two stored twins the import does not touch are not its business.
        try importText(store, .customers, "number,name,postal_code\nA1,Metzgerei Klein,01067\nA2,METZGEREI KLEIN,01067\nK1,Bäckerei Groß GmbH,01067\n")
        let text = "number,name,postal_code\nK2,BAECKEREI GROSS gmbh,01067\nK3,Blumen Rose,20095\n"
        let dry = try importText(store, .customers, text) { $0.dryRun = true }
        let expected = ["K2 BAECKEREI GROSS gmbh ~ K1 Bäckerei Groß GmbH: same name"]
        func describe(_ found: ImportDuplicates) -> [String] {
            XCTAssertEqual(found.count, found.examples.count)
            return found.examples.map { "\($0.contacts ? "contact " : "")\($0.pair.a.label) \($0.pair.a.name) ~ \($0.pair.b.label) \($0.pair.b.name): "
                + $0.pair.reasons.joined(separator: ", ") }
        }
        XCTAssertEqual(describe(dry.duplicates), expected, "a dry run warns too")
        XCTAssertEqual(describe(try importText(store, .customers, text).duplicates), expected)
        let people = try importText(store, .contacts, "customer,first_name,last_name,email\nK1,Eva,Groß,eva@gross.example\nK2,EVA,GROSS,\n")
        XCTAssertEqual(describe(people.duplicates), ["contact K1 Eva Groß ~ K2 EVA GROSS: same name"])
    }
}
