import NoticeWatchModel
import Testing

/// A record for these tests: a number, whose facts are its square.
struct Numbered: RecordWithFacts, Equatable, ExpressibleByIntegerLiteral {
    let value: Int
    var facts: Int { value * value }
    /// Zero-padded, so that ids sort as the numbers do.
    var id: String {
        let digits = String(value)
        return "n" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    init(integerLiteral value: Int) { self.value = value }
}

@Suite("Record lists")
struct RecordListTests {
    /// A stored list of the numbers 1…count, made anew by each walk.
    static func stored(_ count: Int) -> RecordList<Numbered> {
        RecordList(count: count) {
            AnyIterator((1...max(count, 1)).prefix(count).lazy.map { Numbered(integerLiteral: $0) }.makeIterator())
        }
    }

    /// The facts of `list`, by ``RecordList/forEachFacts(_:)``.
    static func facts(_ list: RecordList<Numbered>) -> [Int] {
        var facts: [Int] = []
        list.forEachFacts { facts.append($0) }
        return facts
    }

    @Test("A stored list walks the same records every time, like the array it equals")
    func storedWalks() {
        let list = Self.stored(5)
        #expect(Array(list) == [1, 2, 3, 4, 5])
        #expect(Array(list) == [1, 2, 3, 4, 5])
        #expect(list.array == [1, 2, 3, 4, 5])
        #expect(list.inMemory == nil)
        #expect(list == RecordList([1, 2, 3, 4, 5]))
        #expect(list != RecordList([1, 2, 3, 4]))
        #expect(list != RecordList([1, 2, 3, 4, 6]))
        #expect(list.count == 5)
        #expect(!list.isEmpty)
        #expect(Self.facts(list) == [1, 4, 9, 16, 25])
    }

    @Test("A list in memory hands out its array; the empty list is empty")
    func inMemory() {
        let list: RecordList<Numbered> = [3, 1, 2]
        #expect(list.inMemory == [3, 1, 2])
        #expect(list.map { $0.value * 2 } == [6, 2, 4])
        #expect(Self.facts(list) == [9, 1, 4])
        #expect(RecordList<Numbered>().isEmpty)
        #expect(Self.stored(0).isEmpty)
        #expect(Array(Self.stored(0)).isEmpty)
    }

    @Test("A list stored in parts walks them one after the other and hands them out")
    func parts() {
        let list = RecordList<Numbered>(parts: [
            .init(count: 2) { AnyIterator([1, 2].makeIterator()) },
            .init(count: 0) { AnyIterator([Numbered]().makeIterator()) },
            .init(count: 3) { AnyIterator([3, 4, 5].makeIterator()) },
        ])
        #expect(list.count == 5)
        #expect(Array(list) == [1, 2, 3, 4, 5])
        #expect(list.parts.map(\.count) == [2, 0, 3])
        #expect(list.parts.map { Array($0) } == [[1, 2], [], [3, 4, 5]])
        #expect(RecordList<Numbered>([7, 8]).parts.map { Array($0) } == [[7, 8]])
        #expect(Self.facts(list) == [1, 4, 9, 16, 25])
        #expect(Array(RecordList<Numbered>(parts: [])).isEmpty)
    }

    @Test("A part with a walk of its own for facts hands those out, and its records to a record walk")
    func factsWalk() {
        let part = RecordList<Numbered>.Part(
            count: 2, walk: { AnyIterator([1, 2].makeIterator()) }, walkFacts: { body in [-1, -2].forEach(body) })
        let list = RecordList(parts: [part, .init(count: 1) { AnyIterator([3].makeIterator()) }])
        #expect(Array(list) == [1, 2, 3])
        #expect(Self.facts(list) == [-1, -2, 9])
    }

    @Test("Facts are found by id in stored parts, across parts, and in memory in any order")
    func factsByID() {
        let list = RecordList<Numbered>(parts: [
            .init(count: 3) { AnyIterator([1, 3, 5].makeIterator()) },
            .init(count: 0) { AnyIterator([Numbered]().makeIterator()) },
            .init(count: 3) { AnyIterator([8, 13, 21].makeIterator()) },
        ])
        let wanted = ["n000021", "n000003", "n000004", "n000001", "n000021", "n000100", "m", "n000013"]
        let expected = ["n000001": 1, "n000003": 9, "n000013": 169, "n000021": 441]
        #expect(list.facts(ofIDs: wanted) == expected)
        #expect(list.facts(ofIDs: []).isEmpty)
        let inMemory: RecordList<Numbered> = [21, 3, 13, 1, 5]
        #expect(inMemory.facts(ofIDs: wanted) == expected)
        // A part with a lookup of its own is asked with the ids sorted and the position reached so far.
        let custom = RecordList<Numbered>.Part(
            count: 2, walk: { AnyIterator([2, 4].makeIterator()) }, walkFacts: { body in [4, 16].forEach(body) },
            lookUpFacts: { ids, position, body in
                while position < ids.count {
                    if ids[position].text == "n000004" { body(position, -16) }
                    position += 1
                }
            })
        let mixed = RecordList(parts: [.init(count: 1) { AnyIterator([1].makeIterator()) }, custom])
        #expect(mixed.facts(ofIDs: ["n000004", "n000001"]) == ["n000001": 1, "n000004": -16])
    }
}
