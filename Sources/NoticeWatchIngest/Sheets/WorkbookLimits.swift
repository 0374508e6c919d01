/// The limits a workbook is read within, whatever it declares: a file over any of them is refused with a
/// ``WorkbookRefusal`` (listed as not read), so a ZIP bomb or a huge table never exhausts memory.
struct WorkbookLimits: Sendable {
    /// The largest uncompressed size of one part (a sheet, the shared strings): 256 MiB.
    var maximumPartSize = 256 << 20
    /// The highest ratio of a part's uncompressed to compressed size, checked for parts over
    /// ``ratioCheckedSize``: 200 (sheet XML compresses some 5 to 30 times; a bomb a thousand times).
    var maximumCompressionRatio = 200
    /// Parts up to 1 MiB are not ratio-checked (a small part of repeated empty cells compresses very well).
    var ratioCheckedSize = 1 << 20
    /// The most parts an archive may list: 10,000.
    var maximumParts = 10_000
    /// The most shared strings a workbook may have: 4,000,000.
    var maximumSharedStrings = 4_000_000
    /// The most bytes of text the shared strings may hold together: 128 MiB.
    var maximumSharedStringBytes = 128 << 20
    /// The most cells one sheet may hold with a value: 10,000,000 (a sheet is held in memory while it is read,
    /// some 50 bytes a cell).
    var maximumCells = 10_000_000

    static let standard = WorkbookLimits()
}

/// Why a workbook, or one of its sheets, is not read: a stable kebab-case code and the reason in words.
///
/// A refusal never stops the run: the workbook (or sheet) is listed among the inputs as not read, with this
/// reason.
struct WorkbookRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// `workbook-zip-bomb`, `workbook-encrypted`, `workbook-no-sheets`, `workbook-too-large`, `workbook-corrupt`,
    /// `workbook-not-zip`, `workbook-unsupported`, `file-unreadable`, `sheet-not-a-table`, `sheet-empty`.
    var code: String
    var message: String

    var description: String { "\(code): \(message)" }
}
