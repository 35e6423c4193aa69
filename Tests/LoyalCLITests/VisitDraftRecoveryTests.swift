import Foundation
import XCTest

/// Never lose typing: `loyal` under tmux (private socket), a visit report half typed,
/// the process killed with SIGKILL, Loyal started again in the same pane, the draft resumed and saved.
final class VisitDraftRecoveryTests: TmuxTestCase {
    private func keys(_ keys: String...) throws { try tmuxRun(["send-keys", "-t", "loyal"] + keys) }
    /// Types text literally.
    private func text(_ text: String) throws { try tmuxRun(["send-keys", "-t", "loyal", "-l", "--", text]) }

    private func shows(_ text: String) -> ([String]) -> Bool { { lines in lines.contains { $0.contains(text) } } }

    /// The row of a form field in a capture.
    private func field(_ label: String, in lines: [String]) -> String {
        lines.first { $0.dropFirst(2).hasPrefix(label + " ") } ?? ""
    }

    func testAVisitReportSurvivesKillMinus9AndIsSavedAfterResuming() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("visit.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "100", "--seed", "7", "--as-of", "2026-11-23"])
        XCTAssertEqual(demo.status, 0, demo.stderr)

        // A shell loop in the pane: Loyal, then (after it ends) a sane terminal and Enter starts it again.
        // (Enter is pressed only once the terminal is sane again: in raw mode it would not end the line.)
        let loop = "while :; do \"$0\" --db \"$1\"; echo \"LOYAL-EXITED $?\"; stty sane; echo ENTER-STARTS-LOYAL; read x || exit; done"
        let command = "env TERM=xterm-256color LOYAL_TODAY=2026-11-23 LANG=C.UTF-8 LC_TIME=de_DE.UTF-8 LC_MONETARY=de_DE.UTF-8 HOME=\(shellQuote(home.path)) "
            + "sh -c \(shellQuote(loop)) \(shellQuote(binary.path)) \(shellQuote(db))"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "120", "-y", "34", command])
        try waitFor("the accounts list", shows("Accounts · all classes"))

        try keys("v")
        var lines = try waitFor("the visit form", shows(" Visit feedback: "))
        let title = try XCTUnwrap(lines.first { $0.hasPrefix(" Visit feedback: ") }).trimmingCharacters(in: .whitespaces)
        try text("-1")
        try keys("Tab", "Tab", "Tab")
        try text("74")  // NPS 7, CSAT 4; each moves on by itself
        try keys("Tab", "Tab", "Tab", "Tab")
        try text("Messe Hannover")
        lines = try waitFor("the typed topics", shows("Messe Hannover"))
        XCTAssertTrue(lines.contains { $0.contains("draft kept while typing") }, lines.joined(separator: "\n"))

        let pid = try loyalPID()
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        try waitFor("loyal to be killed", shows("LOYAL-EXITED 137"))
        try waitFor("the shell loop", shows("ENTER-STARTS-LOYAL"))

        try keys("Enter")  // Loyal again, in the same pane
        lines = try waitFor("the offer to resume", shows("Resume the unsaved visit report"))
        // The question as wrapped in its box, put together again.
        let offer = lines.drop { !$0.contains("Resume the unsaved visit report") }.prefix(3)
            .map { $0.split(separator: "│", omittingEmptySubsequences: false) }.filter { $0.count >= 3 }
            .map { $0[1].trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let name = title.dropFirst("Visit feedback: ".count)
        XCTAssertTrue(offer.hasPrefix("Resume the unsaved visit report for \(name) (last typed 2026-"), offer)
        XCTAssertTrue(offer.hasSuffix(" UTC)? n keeps it for later"), offer)
        try keys("y")
        lines = try waitFor("the resumed form", shows(title))
        XCTAssertTrue(field("Date", in: lines).contains("-1            → Sun 22.11.2026"), field("Date", in: lines))
        XCTAssertTrue(field("NPS (0–10)", in: lines).contains("NPS (0–10)             7 "), field("NPS (0–10)", in: lines))
        XCTAssertTrue(field("Satisfaction (1–5)", in: lines).contains("Satisfaction (1–5)     4 "),
                      field("Satisfaction (1–5)", in: lines))
        XCTAssertTrue(field("Topics", in: lines).contains("Messe Hannover"), field("Topics", in: lines))
        XCTAssertTrue(lines.contains { $0.hasPrefix(" ›Topics ") }, "the cursor is back in the topics")

        try keys("C-s")
        lines = try waitFor("the saved message", shows("Saved: visit with \(name)"))
        try keys("q")
        try waitFor("loyal to quit", shows("ENTER-STARTS-LOYAL"))
        XCTAssertTrue(try capture().contains { $0.contains("LOYAL-EXITED 0") })

        let feedback = try loyal(["export", "feedback", "--db", db]).stdout.components(separatedBy: "\r\n")
        let saved = feedback.filter { $0.contains(",2026-11-22,visit,7,4,") }
        XCTAssertEqual(saved.count, 1, feedback.suffix(3).joined(separator: "\n"))
        XCTAssertTrue(saved.first?.contains(",Messe Hannover,") == true, saved.first ?? "")
        XCTAssertTrue(try loyal(["export", "interactions", "--db", db]).stdout.contains(",visit,2026-11-22,Messe Hannover,"))

        try keys("Enter")  // the draft was deleted with the save: nothing is offered any more
        try waitFor("the accounts list again", shows("Accounts · all classes"))
        usleep(300_000)
        XCTAssertFalse(try capture().contains { $0.contains("Resume the unsaved") })
        try keys("q")
        try waitFor("loyal to quit again") { $0.filter { $0.contains("LOYAL-EXITED 0") }.count == 2 }
    }
}
