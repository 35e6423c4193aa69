import Foundation
import XCTest

/// The binary copied out of the build folder, with an empty HOME, still draws in colour:
/// its themes are compiled in.
final class TmuxCopiedBinaryTests: TmuxTestCase {
    func testACopiedBinaryWithAnEmptyHomeShowsColours() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let folder = home.appendingPathComponent("elsewhere"), empty = home.appendingPathComponent("empty-home")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("loyal")
        try FileManager.default.copyItem(at: binary, to: copy)
        let db = try smallDemo()

        let command = "env -i TERM=xterm-256color LANG=C.UTF-8 LC_TIME=de_DE.UTF-8 LC_MONETARY=de_DE.UTF-8 LOYAL_TODAY=2026-11-23 HOME=\(shellQuote(empty.path)) "
            + "\(shellQuote(copy.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])
        let lines = try waitFor("the first frame") { lines in lines.contains { $0.contains("Accounts · all classes") } }
        XCTAssertFalse(lines.contains { $0.contains("Theme problem") }, lines.joined(separator: "\n"))

        // With -e capture-pane writes the cells' colours as SGR sequences: 38;5;N / 48;5;N on 256 colours.
        let coloured = try tmuxRun(["capture-pane", "-p", "-e", "-t", "loyal"])
        let colours = Set(coloured.matches(of: #/\e\[[0-9;]*[34]8;5;(\d+)/#).map { String($0.1) })
        XCTAssertGreaterThanOrEqual(colours.count, 3, "the default theme's colours, got \(colours):\n\(coloured)")

        try tmuxRun(["send-keys", "-t", "loyal", "q"])
        try waitFor("Loyal to exit") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
    }
}
