import Foundation

/// A result computed on another thread while the calling one does its own part.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// Waits for the work; call once.
    func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}
