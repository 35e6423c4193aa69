import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The live-update watch (issue 18 point 3): every commit, by another process's connection
/// or this one's, is noticed once; reads are not; a poll costs microseconds.
final class ChangeWatchTests: StoreTestCase {
    func testEveryCommitIsNoticedOnceAndReadsAreNot() throws {
        let store = try makeStore()
        let watch = try store.watchChanges()
        defer { watch.close() }
        XCTAssertFalse(watch.changed(), "nothing written since the watch began")

        try store.setMeta("note", "one")
        XCTAssertTrue(watch.changed(), "this process's own write")
        XCTAssertFalse(watch.changed(), "noticed once")

        let other = try makeStore()
        try other.setMeta("note", "two")
        try other.setMeta("note", "three")
        XCTAssertTrue(watch.changed(), "another session's two commits")
        XCTAssertFalse(watch.changed())

        _ = try other.meta("note")
        _ = try store.isEmpty()
        XCTAssertFalse(watch.changed(), "reads change nothing")
    }

    /// The loop polls twice a second: a poll must cost next to nothing. Measured on the
    /// project's 2-core machine, debug build, under the load of other builds: 45 µs a poll;
    /// the bound leaves room for a slower one.
    func testAPollCostsMicroseconds() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 50, asOf: today))
        let watch = try store.watchChanges()
        defer { watch.close() }
        let polls = 2000
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<polls { _ = watch.changed() }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(polls) / 1000
        print(String(format: "ChangeWatch: %.1f µs a poll", micros))
        XCTAssertLessThan(micros, 500)
    }

    func testReopenedIsTheSameFileAndUser() throws {
        let store = try makeStore()
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        let max = try Store(path: dbPath, user: UserIdentity(login: "boss", requested: "max"))
        defer { try? max.close() }
        let again = try max.reopened()
        defer { try? again.close() }
        XCTAssertEqual(again.path, max.path)
        XCTAssertEqual(again.scope, max.scope)
        XCTAssertEqual(again.scope.user, "max")
    }
}
