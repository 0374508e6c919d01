/// A seeded pseudo-random generator: xoshiro256** with its state filled by SplitMix64.
///
/// Every draw is integer arithmetic on `UInt64` with wrapping operators, so a seed gives the same sequence on
/// every platform and every Swift version. It deliberately does not conform to `RandomNumberGenerator`: the
/// standard library's `random(in:using:)` algorithms are not promised to stay the same, so all draws go
/// through the methods here.
///
/// Independent streams come from one seed with ``init(seed:stream:)``: changing how many numbers one part of
/// the generator draws never shifts the numbers of another part.
struct SeededRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`, on the numbered `stream` (0 by default).
    init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        s0 = SeededRandom.splitMix(&mixer)
        s1 = SeededRandom.splitMix(&mixer)
        s2 = SeededRandom.splitMix(&mixer)
        s3 = SeededRandom.splitMix(&mixer)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// SplitMix64: advances `state` and returns the next well-mixed value.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = SeededRandom.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededRandom.rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, no modulo bias); `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// An index into `weights`, drawn with probability proportional to each weight (all non-negative,
    /// at least one positive).
    ///
    /// - Complexity: O(n) in the number of weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must not all be zero")
        var ticket = below(total)
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// One element of `items`, uniformly; `items` must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
