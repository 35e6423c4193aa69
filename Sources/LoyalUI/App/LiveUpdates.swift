import Foundation
import LoyalCore
import LoyalStore

/// What the input loop knows about changes made elsewhere (another session, a CLI
/// command) and about the day, between keys.
struct LiveStatus {
    /// A change arrived while the screen could not take it (a form with typed input, a
    /// picker, a search being typed): reload once it can.
    var pending = false
    /// Tabs whose screens below the top one have not seen the last change: each is
    /// reloaded when it comes back on top.
    var staleTabs: Set<Int> = []
    /// The day's refresh runs in the background (the tab bar says so).
    var refreshing = false
    /// The background refresh finished: reload what is on screen.
    var refreshed = false
}

/// Watches the database and the clock from the input loop (issue 18 point 3, issue 17).
///
/// Polling `PRAGMA data_version` costs tens of µs, so the loop asks twice a second while
/// idle (a getch timeout) and reloads the screen on top only when something was committed:
/// on a slow SSH link nothing is sent unless the screen really changed.
final class LiveWatch {
    /// How long the input loop waits for a key before it looks again.
    static let pollMilliseconds = 500
    let changes: ChangeWatch?
    /// The day the interface is as of: fixed by LOYAL_TODAY or read from the clock.
    let clock: @Sendable () -> Day
    private var lastPoll = DispatchTime(uptimeNanoseconds: 0)

    init(changes: ChangeWatch?, clock: @escaping @Sendable () -> Day) {
        self.changes = changes; self.clock = clock
    }

    /// True when a poll is due (keys arriving quickly are not slowed by polls).
    var isDue: Bool {
        DispatchTime.now().uptimeNanoseconds >= lastPoll.uptimeNanoseconds + UInt64(Self.pollMilliseconds) * 1_000_000
    }

    func changed() -> Bool {
        lastPoll = .now()
        return changes?.changed() ?? false
    }
}

extension App {
    /// One look at the database and the clock; returns true when the screen may have
    /// changed. The run loop calls it when a poll is due, tests call it directly.
    @discardableResult
    func tick() -> Bool {
        var redraw = false
        let day = live.clock()
        if day != env.today { startDayChange(to: day); redraw = true }
        if state.live.refreshed {
            state.live.refreshed = false
            state.live.pending = true
            markOtherScreensStale()
        }
        if live.changed() {
            state.live.pending = true
            markOtherScreensStale()
        }
        if state.live.pending, canReloadNow {
            state.live.pending = false
            reloadScreen()
            arrangeScreen()
            redraw = true
        }
        return redraw
    }

    /// Never under a form's typed input, a picker, a question or a search being typed:
    /// the change waits until the user is done there.
    private var canReloadNow: Bool {
        state.overlay == nil && state.search == nil && !state.screen.capturesText && state.screen.unsavedForm == nil
    }

    private func markOtherScreensStale() {
        for t in state.tabs.indices where state.tabs[t].stack.count > 1 { state.live.staleTabs.insert(t) }
    }

    /// After a pop: the screen now on top reloads if a change came while it was covered.
    func reloadIfStale() {
        let t = state.activeTab
        guard state.live.staleTabs.contains(t) else { return }
        if state.tabs[t].stack.count <= 1 { state.live.staleTabs.remove(t) }
        reloadScreen()
    }

    /// The day changed while the interface is open: figures are as of the new day. The
    /// refresh runs on another thread with its own connection, so keys are answered
    /// meanwhile; the screen reloads when it is done. Only a manager or admin refreshes
    /// everyone's figures (as `loyal refresh`); a rep's screens move to the new day.
    func startDayChange(to day: Day) {
        env.today = day
        let dayText = Format(display: env.display).day(day)
        let store = env.store
        guard store.scope.role >= .manager, !store.isReadOnly else {
            state.live.pending = true
            markOtherScreensStale()
            state.message = StatusMessage(text: Text.tr("live.new_day", dayText), kind: .info)
            return
        }
        state.live.refreshing = true
        state.message = StatusMessage(text: Text.tr("live.refreshing", dayText), kind: .info)
        let settings = env.settings
        env.background.run({ () -> String? in
            do {
                let other = try store.reopened()
                defer { try? other.close() }
                try other.refreshAll(asOf: day, settings: settings)
                return nil
            } catch {
                return StoreError.message(for: error)
            }
        }) { state, failure in
            state.live.refreshing = false
            state.live.refreshed = true
            state.message = failure.map { StatusMessage(text: Text.tr("live.refresh_failed", $0), kind: .error) }
                ?? StatusMessage(text: Text.tr("live.refreshed", dayText), kind: .info)
        }
    }
}
