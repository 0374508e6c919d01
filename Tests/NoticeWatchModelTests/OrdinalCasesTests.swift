import NoticeWatchModel
import Testing

@Suite("Vocabulary positions")
struct OrdinalCasesTests {
    /// Every case sits at its position in `allCases`, and comes back from it; no case sits past the last.
    func expectPositions<Value: OrdinalCases>(_: Value.Type) {
        let cases = Array(Value.allCases)
        for (position, value) in cases.enumerated() {
            #expect(value.ordinal == position)
            #expect(Value(ordinal: position) == value)
        }
        #expect(Value(ordinal: cases.count) == nil)
        #expect(Value(ordinal: -1) == nil)
    }

    @Test("Kinds, statuses, reasons and outcomes each have one position per case, in declaration order")
    func positions() {
        expectPositions(NoticeKind.self)
        expectPositions(NoticeStatus.self)
        expectPositions(CancellationReason.self)
        expectPositions(Outcome.self)
    }
}
