import Foundation
import LoyalCore
import LoyalStore

/// What screens may use besides their own state: the store, settings, the day
/// and a way to run slow queries off the keystroke path.
public final class Environment: @unchecked Sendable {
    public let store: Store
    public let settings: Settings
    /// The day figures are as of; moves on when the clock passes midnight (LiveUpdates).
    public internal(set) var today: Day
    /// Where the day comes from: the clock, or fixed (LOYAL_TODAY, tests) unless a test moves it.
    public let clock: @Sendable () -> Day
    /// Who is using Loyal, for the audit log.
    public let actor: String
    let background: BackgroundWork

    public init(store: Store, settings: Settings, today: Day, actor: String, synchronous: Bool = false,
                clock: (@Sendable () -> Day)? = nil) {
        self.store = store; self.settings = settings; self.today = today; self.actor = actor
        self.clock = clock ?? { today }
        background = BackgroundWork(synchronous: synchronous)
    }

    var display: DisplaySettings { settings.display }
}

/// Runs work on another thread and hands the result back to the event loop.
/// Results carry a closure that updates the app state; the loop applies them
/// between keystrokes, so state is only ever changed on one thread.
final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private var finished: [(inout AppState) -> Void] = []
    private var running = 0
    let synchronous: Bool

    init(synchronous: Bool) { self.synchronous = synchronous }

    var isBusy: Bool { lock.withLock { running > 0 || !finished.isEmpty } }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T, then apply: @escaping (inout AppState, T) -> Void) {
        if synchronous {
            let value = work()
            lock.withLock { finished.append { apply(&$0, value) } }
            return
        }
        lock.withLock { running += 1 }
        let box = UncheckedBox(apply)
        DispatchQueue.global(qos: .userInitiated).async {
            let value = work()
            self.lock.withLock {
                self.running -= 1
                self.finished.append { box.value(&$0, value) }
            }
        }
    }

    /// Takes the finished results, oldest first.
    func takeFinished() -> [(inout AppState) -> Void] {
        lock.withLock {
            let out = finished
            finished.removeAll()
            return out
        }
    }
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
