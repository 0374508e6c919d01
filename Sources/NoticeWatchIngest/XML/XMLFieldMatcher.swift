/// Which field paths the elements open inside a record are on: a stack of candidate field indexes per depth
/// below the record, in one flat buffer, so that walking elements allocates nothing.
///
/// A field is a candidate at a depth when its first element steps match the open elements down to it; its path
/// ends at an element when that element matches its last step. Local names are compared by pointer (libxml2
/// interns element names in its dictionary, where the steps' names were interned too), namespace URIs byte for
/// byte, and only when the local name matches.
///
/// A value type over memory it does not free itself: its owner (``XMLRecordWalk``) calls ``deallocate()``.
struct XMLFieldMatcher {
    /// The most element steps a path has: no element deeper below the record can match one.
    private let maxSteps: Int
    /// Per field, how many element steps its path has.
    private let stepCounts: UnsafeMutablePointer<Int>
    /// Per field, where its element steps start in `stepLocalNames` and `stepNamespaces`.
    private let stepOffsets: UnsafeMutablePointer<Int>
    /// The interned local name of every element step.
    private let stepLocalNames: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    /// The namespace URI of every element step (NUL-terminated), `nil` for a step in no namespace.
    private let stepNamespaces: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    private let stepTotal: Int
    /// One field with at least one element step, as its first step is matched against the record's children.
    private struct FirstStep {
        var localName: UnsafePointer<UInt8>?
        var namespaceURI: UnsafeMutablePointer<UInt8>?
        var field: Int
        var steps: Int
    }

    /// The fields with at least one element step, in field order, laid out together for the record's children.
    private let firstSteps: UnsafeMutablePointer<FirstStep>
    private let firstStepCount: Int
    /// The candidates of every open level, level after level.
    private let candidates: UnsafeMutablePointer<Int>
    private var candidateCount = 0
    /// Where each level's candidates start in `candidates` (level 1: the record's children).
    private let levelStarts: UnsafeMutablePointer<Int>
    private var levelCount = 0

    /// A matcher for `fields`, their local names interned with `intern`.
    init(fields: [XMLFieldPath], intern: ([UInt8]) -> UnsafePointer<UInt8>?) {
        let count = fields.count
        maxSteps = fields.map(\.elements.count).max() ?? 0
        stepTotal = fields.reduce(0) { $0 + $1.elements.count }
        stepCounts = .allocate(capacity: max(count, 1))
        stepOffsets = .allocate(capacity: max(count, 1))
        stepLocalNames = .allocate(capacity: max(stepTotal, 1))
        stepNamespaces = .allocate(capacity: max(stepTotal, 1))
        let withElements = fields.indices.filter { !fields[$0].elements.isEmpty }
        firstStepCount = withElements.count
        firstSteps = .allocate(capacity: max(withElements.count, 1))
        var step = 0
        for (index, field) in fields.enumerated() {
            stepCounts[index] = field.elements.count
            stepOffsets[index] = step
            for element in field.elements {
                stepLocalNames[step] = intern(element.localName)
                stepNamespaces[step] = element.namespaceURI.map { uri in
                    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: uri.count)
                    copy.initialize(from: uri, count: uri.count)
                    return copy
                }
                step += 1
            }
        }
        for (index, field) in withElements.enumerated() {
            (firstSteps + index).initialize(
                to: FirstStep(
                    localName: stepLocalNames[stepOffsets[field]], namespaceURI: stepNamespaces[stepOffsets[field]],
                    field: field, steps: stepCounts[field]))
        }
        candidates = .allocate(capacity: count * maxSteps + 1)
        levelStarts = .allocate(capacity: maxSteps + 1)
    }

    /// Frees the tables; the matcher is not used after.
    func deallocate() {
        for step in 0..<stepTotal { stepNamespaces[step]?.deallocate() }
        stepCounts.deallocate()
        stepOffsets.deallocate()
        stepLocalNames.deallocate()
        stepNamespaces.deallocate()
        firstSteps.deallocate()
        candidates.deallocate()
        levelStarts.deallocate()
    }

    /// Forgets every open level (a record starts).
    @inline(__always)
    mutating func reset() {
        candidateCount = 0
        levelCount = 0
    }

    /// An element starts `depth` levels below the record (1 for a child): `matched` is called with each field
    /// whose path ends at it, in field order among the record's children, else in the order they became
    /// candidates.
    ///
    /// - Complexity: O(candidates of the parent level).
    @inline(__always)
    mutating func enter(
        depth: Int, localName: UnsafePointer<UInt8>?, namespaceURI: UnsafePointer<UInt8>?, matched: (Int) -> Void
    ) {
        truncate(toLevels: depth - 1)
        guard depth <= maxSteps else { return }
        levelStarts[levelCount] = candidateCount
        levelCount += 1
        if depth == 1 {
            for index in 0..<firstStepCount {
                let first = firstSteps[index]
                guard first.localName == localName, Self.sameNamespace(first.namespaceURI, namespaceURI) else {
                    continue
                }
                candidates[candidateCount] = first.field
                candidateCount += 1
                if first.steps == 1 { matched(first.field) }
            }
            return
        }
        let parentStart: Int
        let parentCount: Int
        if levelCount == depth {
            parentStart = levelStarts[depth - 2]
            parentCount = candidateCount - parentStart
        } else {
            parentStart = 0
            parentCount = 0
        }
        for offset in 0..<parentCount {
            let field = candidates[parentStart + offset]
            let steps = stepCounts[field]
            let step = stepOffsets[field] + depth - 1
            guard steps >= depth, stepLocalNames[step] == localName,
                Self.sameNamespace(stepNamespaces[step], namespaceURI)
            else { continue }
            candidates[candidateCount] = field
            candidateCount += 1
            if steps == depth { matched(field) }
        }
    }

    /// An element ends `depth` levels below the record: its level and any deeper are dropped.
    @inline(__always)
    mutating func leave(depth: Int) {
        truncate(toLevels: depth - 1)
    }

    @inline(__always)
    private mutating func truncate(toLevels levels: Int) {
        guard levelCount > levels, levels >= 0 else { return }
        candidateCount = levelStarts[levels]
        levelCount = levels
    }

    /// Whether a step's namespace URI (NUL-terminated, `nil` for none) is libxml2's (`nil` for none).
    @inline(__always)
    private static func sameNamespace(_ expected: UnsafeMutablePointer<UInt8>?, _ found: UnsafePointer<UInt8>?) -> Bool
    {
        guard let expected, let found else { return expected == nil && found == nil }
        var index = 0
        while true {
            let byte = found[index]
            if byte != expected[index] { return false }
            if byte == 0 { return true }
            index += 1
        }
    }
}
