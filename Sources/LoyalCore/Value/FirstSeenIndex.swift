/// Numbers keys 0, 1, 2, … in the order they are first seen.
///
/// The value models group 200,000 customers by (x, t_x, T) and by (x, T) on every
/// refresh; a Dictionary's seeded SipHash made that grouping cost as much as the
/// fit itself. This open-addressing table with a multiplicative hash is several
/// times faster and, unlike a seeded hash, deterministic.
struct FirstSeenIndex<Key: Equatable> {
    private(set) var keys: [Key] = []
    private var slots: [Int32]
    private let mask: Int
    private let hash: (Key) -> UInt64

    /// `capacity`: at most this many distinct keys will be added.
    init(capacity: Int, hash: @escaping (Key) -> UInt64) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        self.hash = hash
        keys.reserveCapacity(capacity)
    }

    /// The key's number, and whether this call added it.
    mutating func insert(_ key: Key) -> (index: Int, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: hash(key) >> 1) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 {
                precondition(keys.count < slots.count / 2, "more keys than the capacity given")
                slots[slot] = Int32(keys.count)
                keys.append(key)
                return (keys.count - 1, true)
            }
            if keys[index] == key { return (index, false) }
            slot = (slot + 1) & mask
        }
    }

    /// A 64-bit mix (the finaliser of MurmurHash3) of up to three words.
    static func mix(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xC2B2_AE3D_27D4_EB4F ^ c &* 0x1656_67B1_9E37_79F9
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
