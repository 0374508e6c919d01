/// Detects one column's date format from all its values, among ``DateFormat/candidates``.
///
/// The format chosen is the one that parses the most values; values no candidate parses are left to be
/// quarantined as `invalid-date`. When the best formats include a day-first pattern and its month-first twin
/// (every value has both numbers ≤ 12), the column is ambiguous: the caller stops the run and asks for `format:`.
struct DateFormatDetector: Sendable {
    /// How many values each candidate parses, aligned with ``DateFormat/candidates``.
    private var counts = [Int](repeating: 0, count: DateFormat.candidates.count)
    /// The first distinct non-empty values, for messages.
    private(set) var examples: [String] = []
    private(set) var observed = 0

    /// What the values say.
    enum Decision: Equatable {
        /// No non-empty value, or none that any candidate parses.
        case none
        case format(DateFormat)
        /// Both formats fit every value they could; `examples` are values seen.
        case ambiguous(DateFormat, DateFormat, examples: [String])
    }

    /// Counts `value` (trimmed; empty values are ignored).
    mutating func observe(_ value: String) {
        guard !value.isEmpty else { return }
        observed += 1
        if examples.count < 3 && !examples.contains(value) { examples.append(value) }
        var copy = value
        copy.withUTF8 { bytes in
            for (index, candidate) in DateFormat.candidates.enumerated() where candidate.parse(bytes: bytes) != nil {
                counts[index] += 1
            }
        }
    }

    /// The decision over every value observed.
    func decide() -> Decision {
        guard let best = counts.max(), best > 0 else { return .none }
        let top = DateFormat.candidates.indices.filter { counts[$0] == best }.map { DateFormat.candidates[$0] }
        for format in top {
            if let twin = format.swapped, top.contains(twin) { return .ambiguous(format, twin, examples: examples) }
        }
        return .format(top[0])
    }
}
