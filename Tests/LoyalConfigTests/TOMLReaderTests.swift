import LoyalTOML
import XCTest

/// The one TOML reader under config and themes: values with their line and key path,
/// typed reads with `FILE:LINE: key "…": …` errors.
final class TOMLReaderTests: XCTestCase {
    func node(_ text: String) throws -> TOMLNode { try TOMLNode.parse(text, file: "t.toml") }

    func line(_ root: TOMLNode, _ path: String...) -> Int? {
        var n: TOMLNode? = root
        for step in path {
            if let i = Int(step) {
                guard case .array(let a)? = n?.value, i >= 1, i <= a.count else { return nil }
                n = a[i - 1]
            } else {
                n = n?[step]
            }
        }
        return n?.line
    }

    func testLinesOfHeadersInlineTablesAndDottedKeys() throws {
        let root = try node("""
            name = "x" # comment with = sign
            [palette]
            "quoted key" = "#fff"

            [roles]
            selected = { fg = "a", bg = "b", mono = ["reverse", "bold"] }
            title.fg = "c"
            [roles.header]
            bold = true
            """)
        XCTAssertEqual(line(root, "name"), 1)
        XCTAssertEqual(line(root, "palette", "quoted key"), 3)
        XCTAssertEqual(line(root, "roles"), 5)
        XCTAssertEqual(line(root, "roles", "selected"), 6)
        XCTAssertEqual(line(root, "roles", "selected", "mono", "2"), 6)
        XCTAssertEqual(line(root, "roles", "title", "fg"), 7)
        XCTAssertEqual(line(root, "roles", "header"), 8)
        XCTAssertEqual(line(root, "roles", "header", "bold"), 9)
        XCTAssertEqual(root.keys, ["name", "palette", "roles"], "file order")
        XCTAssertEqual(root["roles"]?.keys, ["selected", "title", "header"])
    }

    func testLinesOfArraysOfTablesAndElementsAcrossLines() throws {
        let root = try node("""
            [[signals]]
            kind = "a"

            [[signals]]
            kind = "b"
            [signals.extra]
            x = 1

            [playbooks.overdue]
            steps = [
              # a comment with ] and {
              { channel = "call", text = "say \\"hi\\" ]" },
              { channel = "visit", text = '''
            two { lines ]
            ''' },
            ]
            when = 1979-05-27 07:32:00
            after = 3
            "a.b" = { "c d" = 1 }
            """)
        XCTAssertEqual(line(root, "signals"), 1)
        XCTAssertEqual(line(root, "signals", "1"), 1)
        XCTAssertEqual(line(root, "signals", "2", "kind"), 5)
        XCTAssertEqual(line(root, "signals", "2", "extra", "x"), 7)
        XCTAssertEqual(line(root, "playbooks", "overdue", "steps"), 10)
        XCTAssertEqual(line(root, "playbooks", "overdue", "steps", "1"), 12)
        XCTAssertEqual(line(root, "playbooks", "overdue", "steps", "2", "channel"), 13)
        XCTAssertEqual(line(root, "playbooks", "overdue", "steps", "2", "text"), 13)
        XCTAssertEqual(line(root, "playbooks", "overdue", "when"), 17)
        XCTAssertEqual(line(root, "playbooks", "overdue", "after"), 18)
        XCTAssertEqual(line(root, "playbooks", "overdue", "a.b", "c d"), 19)
        XCTAssertEqual(root["signals"].map { "\($0.path)" }, "signals")
        guard case .array(let blocks)? = root["signals"]?.value else { return XCTFail("no array") }
        XCTAssertEqual(blocks[1]["extra"]?["x"]?.path.description, "signals[2].extra.x")
    }

    func testTypedReadsFailWithFileLineAndKey() throws {
        let root = try node("[a]\nn = \"often\"\nf = 1.5\nlist = [10, 8, \"x\"]\nt = { x = 1 }\nok = 7\n")
        let a = try XCTUnwrap(root["a"])
        func message(_ read: () throws -> Void) -> String {
            do { try read(); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message { _ = try a["n"]!.integer(1...3650) },
                       "t.toml:2: key \"a.n\": expected a whole number from 1 to 3650, found \"often\"")
        XCTAssertEqual(message { _ = try a["f"]!.integer(1...10) },
                       "t.toml:3: key \"a.f\": expected a whole number from 1 to 10, found 1.5")
        XCTAssertEqual(message { _ = try a["f"]!.number(0.01...1) },
                       "t.toml:3: key \"a.f\": expected a number from 0.01 to 1, found 1.5")
        XCTAssertEqual(message { _ = try a["list"]!.bool() }, "t.toml:4: key \"a.list\": expected true or false, found [10, 8, \"x\"]")
        XCTAssertEqual(message { _ = try a["t"]!.choice(["x", "y"]) }, "t.toml:5: key \"a.t\": expected one of \"x\", \"y\", found a table")
        XCTAssertEqual(message { _ = try a.required("missing", "needs it") }, "t.toml:1: key \"a.missing\": is missing (needs it)")
        XCTAssertEqual(message { try a.rejectUnknown(allowed: ["n", "f", "list", "t"], known: "known: n, f, list, t") },
                       "t.toml:6: key \"a.ok\": is not a known key (known: n, f, list, t)")
        XCTAssertEqual(try a["ok"]!.integer(1...10), 7)
        XCTAssertEqual(try a["f"]!.number(0...2), 1.5)
    }

    func testSyntaxErrorsHaveTheirLine() {
        XCTAssertThrowsError(try node("a = 1\n[b\nc = 2\n")) { error in
            let e = error as? TOMLError
            XCTAssertEqual(e?.file, "t.toml")
            XCTAssertEqual(e?.line, 2)
            XCTAssertNil(e?.key)
        }
    }

    func testErrorDescriptionWithAndWithoutLineAndKey() {
        XCTAssertEqual(TOMLError(file: "x.toml", line: 7, key: "roles.a", message: "oops").description, "x.toml:7: key \"roles.a\": oops")
        XCTAssertEqual(TOMLError(file: "x.toml", line: nil, message: "gone").description, "x.toml: gone")
        XCTAssertEqual(TOMLPath([.key("a"), .index(2), .key("b")]).description, "a[2].b")
    }
}
