import Testing

@testable import NoticeWatchGenerator

@Suite struct SeededRandomTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        var state: UInt64 = 0
        #expect(SeededRandom.splitMix(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(SeededRandom.splitMix(&state) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedGivesTheSameSequence() {
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        #expect(a == b)
    }

    @Test(arguments: [(UInt64(42), UInt64(0), UInt64(43), UInt64(0)), (42, 0, 42, 1)])
    func differentSeedsOrStreamsDiffer(seedA: UInt64, streamA: UInt64, seedB: UInt64, streamB: UInt64) {
        var first = SeededRandom(seed: seedA, stream: streamA)
        var second = SeededRandom(seed: seedB, stream: streamB)
        let a = (0..<8).map { _ in first.next() }
        let b = (0..<8).map { _ in second.next() }
        #expect(a != b)
    }

    @Test(arguments: [1, 2, 7, 1000, 1 << 40])
    func belowStaysInRange(bound: Int) {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let value = random.below(bound)
            #expect(value >= 0 && value < bound)
        }
    }

    @Test func weightedDrawsFollowTheWeights() {
        var random = SeededRandom(seed: 20_250_630)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[random.weighted([1, 0, 2])] += 1 }
        #expect(counts[1] == 0)
        #expect(counts[0] > 9_000 && counts[0] < 11_000)
        #expect(counts[2] > 19_000 && counts[2] < 21_000)
    }
}
