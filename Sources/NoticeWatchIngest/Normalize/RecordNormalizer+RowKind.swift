import NoticeWatchModel

/// Recognizing the rows that cannot be records: no id, or not data at all.
extension RecordNormalizer {
    /// Labels that mark a totals row in the id column, or in any column of a row with no id (compared by
    /// ``TextFolding/labelKey(_:)``, a final `:` ignored).
    static let totalsLabels: Set<String> = [
        "total", "totals", "grand total", "sum", "subtotal", "sub total", "overall", "all", "total général",
        "total general", "totaux", "somme", "gesamt", "summe", "total geral",
    ]

    /// The record's id, or the rejection of a row that cannot be a record.
    ///
    /// In this order: a row whose id is its column's name, and whose other values are each their column's name
    /// or empty, repeats the header (`repeated-header`); an id with no digit that is a totals label (`Total`,
    /// `Grand total`, `Total général`) marks a totals row (`totals-row`); a row with at least three mapped
    /// columns of which only one holds a value, text with a space and no digit, is a title or note line
    /// (`title-line`); a row with no id is a totals row when any value is a totals label, else `missing-id`.
    /// Ids with a digit (nearly all) pay one scan of their bytes, and those as long as the id column's name one
    /// comparison with it, byte by byte.
    ///
    /// - Throws: the ``Rejection`` of the row.
    @inline(__always)
    func identify(_ fields: RecordFields, _ location: SourceLocation) throws(Rejection) -> String {
        guard let bytes = value(.id, fields) else { throw rowWithoutID(fields, location) }
        if bytes.count == idHeader.count, matchesIDHeader(bytes), repeatsHeader(fields) {
            throw Rejection(
                location, nil, presentValues(fields).joined(separator: ", "), "repeated-header",
                "the row repeats the header row: not data")
        }
        if !bytes.contains(where: { (0x30...0x39).contains($0) }) {
            let id = RecordNormalizer.string(bytes)
            if RecordNormalizer.isTotalsLabel(id) {
                throw Rejection(
                    location, .id, id, "totals-row",
                    "\(TextFolding.quoted(id)) in the id column marks a totals row: not data")
            }
            if let title = titleLine(fields) {
                throw Rejection(
                    location, nil, title, "title-line",
                    "only \(TextFolding.quoted(title)) is filled: a title or note line, not data")
            }
            return id
        }
        return RecordNormalizer.string(bytes)
    }

    /// A byte as the header comparison sees it: ASCII letters in lower case, `_` and `-` as a space.
    @inline(__always)
    static func headerByte(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: byte | 0x20
        case 0x5F, 0x2D: 0x20
        default: byte
        }
    }

    /// Whether `bytes` (of the id header's length) are the id column's name, with no allocation.
    ///
    /// Invariant: `bytes` is the borrowed view of the row's id field, read only during this call.
    @inline(__always)
    func matchesIDHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for index in 0..<bytes.count where RecordNormalizer.headerByte(bytes[index]) != idHeader[index] {
            return false
        }
        return true
    }

    /// Whether `text` is a totals label.
    static func isTotalsLabel(_ text: String) -> Bool {
        var key = TextFolding.labelKey(text)
        while key.hasSuffix(":") { key.removeLast() }
        return totalsLabels.contains(TextFolding.labelKey(key))
    }

    /// The trimmed values of the fields read from the row, in field order (empty ones left out).
    func presentValues(_ fields: RecordFields) -> [String] {
        NormalizedField.fields(of: kind).filter(readsValue).compactMap { text($0, fields) }
    }

    /// Whether every value read from the row is empty or its column's name, the id being one.
    private func repeatsHeader(_ fields: RecordFields) -> Bool {
        var named = 0
        for field in NormalizedField.fields(of: kind) where readsValue(field) {
            guard let value = text(field, fields) else { continue }
            guard let from = plans[field.position]?.from, TextFolding.labelKey(from) == TextFolding.labelKey(value)
            else { return false }
            named += 1
        }
        return named > 0
    }

    /// The one value of a row that has at least three mapped columns and only one value, when that value is
    /// text with a space and no digit; else `nil`.
    private func titleLine(_ fields: RecordFields) -> String? {
        let read = NormalizedField.fields(of: kind).filter(readsValue)
        guard read.count >= 3 else { return nil }
        let present = read.compactMap { text($0, fields) }
        guard present.count == 1, let only = present.first, only.contains(" "),
            !only.utf8.contains(where: { (0x30...0x39).contains($0) })
        else { return nil }
        return only
    }

    /// The rejection of a row with no id: a totals row, a title line, or `missing-id`.
    private func rowWithoutID(_ fields: RecordFields, _ location: SourceLocation) -> Rejection {
        let present = presentValues(fields)
        if let total = present.first(where: RecordNormalizer.isTotalsLabel) {
            return Rejection(
                location, nil, present.joined(separator: ", "), "totals-row",
                "\(TextFolding.quoted(total)) in a row with no id marks a totals row: not data")
        }
        if let title = titleLine(fields) {
            return Rejection(
                location, nil, title, "title-line",
                "only \(TextFolding.quoted(title)) is filled: a title or note line, not data")
        }
        return Rejection(
            location, .id, present.joined(separator: ", "), "missing-id",
            "no value for id: a row without an id cannot be a record")
    }
}
