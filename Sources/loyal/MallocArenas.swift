import Foundation

/// glibc gives every thread that allocates its own memory arena, and what a
/// thread frees stays in its arena. The refresh's worker threads (two readers,
/// the fits, the scoring) free tens of megabytes there that the main thread's
/// later steps cannot reuse, which raised the refresh's peak by some 20 MB.
/// They allocate little while they run, so one shared arena costs no time.
enum MallocArenas {
    static func useOne() {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module; M_ARENA_MAX is −8 in <malloc.h>.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 1)
        }
        #endif
    }
}
