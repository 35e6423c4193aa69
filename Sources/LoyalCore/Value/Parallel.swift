import Dispatch

/// Independent pieces of number crunching spread over the cores (the value
/// step's fits and scores). Each piece writes only its own slots, so results
/// never depend on which thread ran what or how many there are.
enum Parallel {
    /// Calls `body(i)` for i in 0..<count, concurrently.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 { return body(0) }
        guard count > 1 else { return }
        // concurrentPerform wants a Sendable closure; ours touch only their own slots
        // and all return before forEach does.
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: count) { work.value($0) }
        }
    }

    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// `[body(0), …, body(count−1)]`, computed concurrently in `chunks` runs of indexes.
    static func map<T>(_ count: Int, chunks: Int = 8, _ body: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress
            let size = (count + chunks - 1) / max(chunks, 1)
            forEach(size == 0 ? 0 : (count + size - 1) / size) { chunk in
                for i in chunk * size..<min(count, (chunk + 1) * size) { (base! + i).initialize(to: body(i)) }
            }
            initialized = count
        }
    }
}
