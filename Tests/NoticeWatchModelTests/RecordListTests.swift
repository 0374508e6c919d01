import NoticeWatchModel
import Testing

@Suite("Record lists")
struct RecordListTests {
    /// A stored list of the numbers 1…count, made anew by each walk.
    static func stored(_ count: Int) -> RecordList<Int> {
        RecordList(count: count) { AnyIterator((1...max(count, 1)).prefix(count).makeIterator()) }
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
    }

    @Test("A list in memory hands out its array; the empty list is empty")
    func inMemory() {
        let list: RecordList = [3, 1, 2]
        #expect(list.inMemory == [3, 1, 2])
        #expect(list.map { $0 * 2 } == [6, 2, 4])
        #expect(RecordList<Int>().isEmpty)
        #expect(Self.stored(0).isEmpty)
        #expect(Array(Self.stored(0)).isEmpty)
    }

    @Test("A list stored in parts walks them one after the other and hands them out")
    func parts() {
        let list = RecordList<Int>(parts: [
            .init(count: 2) { AnyIterator([1, 2].makeIterator()) },
            .init(count: 0) { AnyIterator([Int]().makeIterator()) },
            .init(count: 3) { AnyIterator([3, 4, 5].makeIterator()) },
        ])
        #expect(list.count == 5)
        #expect(Array(list) == [1, 2, 3, 4, 5])
        #expect(list.parts.map(\.count) == [2, 0, 3])
        #expect(list.parts.map { Array($0) } == [[1, 2], [], [3, 4, 5]])
        #expect(RecordList([7, 8]).parts.map { Array($0) } == [[7, 8]])
        #expect(Array(RecordList<Int>(parts: [])).isEmpty)
    }
}
