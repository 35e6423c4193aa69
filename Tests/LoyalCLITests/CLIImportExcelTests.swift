import Foundation
import XCTest

/// A German Excel customer list as Excel saves it, in its three encodings, through `loyal
/// import`, with `--skip-bad` and from standard input. The header is the real one from
/// ../shared/interop/crm-headers/kunden_de_utf8bom.csv; the rows are made up.
final class CLIImportExcelTests: CLITestCase {
    static let header = "Kundennummer;Anrede;Vorname;Nachname;Firma;Straße;PLZ;Ort;Land;E-Mail;Telefon;Geburtstag;"
        + "Umsatz 2024 (€);Offene Posten;Letzter Kontakt;Nächster Termin;Notiz"
    /// Decimal commas, dd.mm.yyyy, leading-zero PLZ, a date-time cell, a private person without a company (line 5,
    /// a private customer), and a row with neither a company nor a person (line 6, nothing to name a customer by).
    static let rows = [
        "10001;Herr;Jens;Böhme;Böhme Bäckerei GmbH;Hauptstraße 1;01067;Dresden;Deutschland;jb@example.de;0351 1234;03.04.1970;12.345,67 €;0,00;15.01.2024 10:22;;Stammkunde",
        "10002;Frau;Eva;Groß;Groß & Söhne KG;Marktplatz 3;80331;München;Deutschland;eva@example.de;089 5555;;1.000,00 €;;;;",
        "10003;;;;Wiener Werkstätten GmbH;Ring 5;1010;Wien;Österreich;;;;;;;;",
        "10004;Herr;Paul;Privat;;Gartenweg 2;04109;Leipzig;Deutschland;paul@example.de;;;;;;;",
        "10005;;;;;Ohneweg 1;04109;Leipzig;Deutschland;;;;;;;;",
    ]
    var csv: String { ([Self.header] + Self.rows).joined(separator: "\r\n") + "\r\n" }

    func stored(_ db: String) throws -> [String] {
        let out = try loyal(["export", "customers", "--db", db]).stdout
        var lines = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst().components(separatedBy: ",")
        let (n, name, plz, city, country) = (header.firstIndex(of: "number")!, header.firstIndex(of: "name")!,
                                             header.firstIndex(of: "postal_code")!, header.firstIndex(of: "city")!,
                                             header.firstIndex(of: "country")!)
        return lines.map { line in
            let f = line.components(separatedBy: ",")
            return [f[n], f[name], f[plz], f[city], f[country]].joined(separator: "|")
        }
    }

    func testTheThreeWaysExcelSavesTheListImportTheSame() throws {
        // "Unicode text": UTF-16 LE with BOM, tab-separated.
        let tabbed = csv.replacingOccurrences(of: ";", with: "\t")
        let utf16: [UInt8] = [0xFF, 0xFE] + tabbed.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // "CSV (Trennzeichen-getrennt)": Windows-1252 (€ is 0x80), here with the sep= line Excel reads.
        let cp1252 = Array("sep=;\r\n".utf8) + Array(try XCTUnwrap(csv.data(using: .windowsCP1252)))
        let files: [(String, [UInt8])] = [("utf8bom.csv", [0xEF, 0xBB, 0xBF] + Array(csv.utf8)), ("unicode.txt", utf16),
                                          ("ansi.csv", cp1252)]
        for (name, bytes) in files {
            let path = home.appendingPathComponent(name)
            try Data(bytes).write(to: path)
            let db = home.appendingPathComponent("\(name).db").path
            let rejects = home.appendingPathComponent("\(name).rejects.csv").path
            let result = try loyal(["import", "customers", path.path, "--skip-bad", rejects, "--db", db])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("5 rows, 4 new, 0 updated, 1 rejected (in \(rejects))"), "\(name): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("1 row rejected, written to \(rejects)"), result.stderr)
            XCTAssertEqual(try stored(db), ["10001|Böhme Bäckerei GmbH|01067|Dresden|DE", "10002|Groß & Söhne KG|80331|München|DE",
                                            "10003|Wiener Werkstätten GmbH|1010|Wien|AT", "10004|Paul Privat|04109|Leipzig|DE"], name)
            let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
            let lineOfNobody = name == "ansi.csv" ? 7 : 6  // the sep= line counts
            XCTAssertTrue(rejected.hasPrefix("line,reason,Kundennummer,Anrede,Vorname,Nachname,Firma,"), rejected)
            XCTAssertTrue(rejected.contains("\r\n\(lineOfNobody),\"column \"\"Firma\"\": is empty\",10005,,,,,Ohneweg 1,"), rejected)
            XCTAssertEqual(try mode(rejects), 0o600)
        }
    }

    func testStandardInputIsADash() throws {
        let path = try write("number,name,country,since\nP1,Pipe GmbH,Schweiz,2023-04-12T08:15:31.000Z\n", to: "in.csv")
        let db = home.appendingPathComponent("pipe.db").path
        let binary = try XCTUnwrap(Self.binary).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cat \"$1\" | \"$2\" import customers - --db \"$3\"", "sh", path.path, binary, db]
        process.environment = environment()
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.hasPrefix("-: imported customers: 1 rows, 1 new"), text)
        XCTAssertEqual(try stored(db), ["P1|Pipe GmbH|||CH"])
    }
}
