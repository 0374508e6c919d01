import NoticeWatchModel

/// The values one file (or chunk of a file) gave that were not understood: one entry per field and spelling,
/// with how many records hold it and where it was first read.
///
/// The normalizer makes an entry the first time it meets a spelling and keeps the entry's position in its
/// per-spelling cache, so a value repeated a million times costs one `String` and a million increments.
struct ValueTally: Sendable {
    struct Entry: Sendable {
        var field: NormalizedField
        /// The trimmed value as written; shared by every record that holds it (an unrecognized country's text).
        var rawValue: String
        var count: Int
        var firstLocation: SourceLocation
    }

    private(set) var entries: [Entry] = []
    /// Entry position by field position and spelling, for spellings the caches do not hold.
    private var positions: [Int: [String: Int]] = [:]

    /// The position of the entry for `rawValue` of `field`, made (with no count yet) when new.
    ///
    /// - Complexity: O(length of the value) expected.
    mutating func entry(_ field: NormalizedField, _ rawValue: String, at location: SourceLocation) -> Int {
        if let found = positions[field.position]?[rawValue] { return found }
        entries.append(Entry(field: field, rawValue: rawValue, count: 0, firstLocation: location))
        positions[field.position, default: [:]][rawValue] = entries.count - 1
        return entries.count - 1
    }

    /// Counts one more record holding the value of entry `position`.
    @inline(__always)
    mutating func count(_ position: Int) { entries[position].count += 1 }

    /// The rawValue of entry `position`.
    @inline(__always)
    func rawValue(_ position: Int) -> String { entries[position].rawValue }

    /// The entries with a count, for `source` mapped by `fields`, each with its `sources.yml` line, in no
    /// particular order.
    func values(source: String, kind: RecordKind, fields: [FieldSpec]) -> [ValueNotUnderstood] {
        entries.filter { $0.count > 0 }.map { entry in
            ValueNotUnderstood(
                source: source, recordKind: kind, field: entry.field.rawValue, rawValue: entry.rawValue,
                count: entry.count, firstLocation: entry.firstLocation,
                suggestion: MappingSuggester.line(
                    entry.field, rawValue: entry.rawValue, spec: fields.first { $0.field == entry.field }))
        }
    }

    /// `values` of several files or chunks as one list: counts of the same source, field and value added, the
    /// earliest first location kept; sorted.
    ///
    /// - Complexity: O(n log n) in the entries.
    static func combined(_ values: [ValueNotUnderstood]) -> [ValueNotUnderstood] {
        let sorted = values.sorted { ($0 < $1) || (!($1 < $0) && $0.firstLocation < $1.firstLocation) }
        var result: [ValueNotUnderstood] = []
        for value in sorted {
            if let last = result.last, !(last < value) && !(value < last) {
                result[result.count - 1].count += value.count
            } else {
                result.append(value)
            }
        }
        return result
    }
}
