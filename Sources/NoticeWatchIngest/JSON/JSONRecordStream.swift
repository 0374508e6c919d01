import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts a JSON file into the byte ranges of its records, reading in chunks: the lines of an NDJSON file, or the
/// elements of the records array of a JSON document.
///
/// The stream only frames values (it follows strings and brackets); the record parser checks their syntax.
/// Bytes of a frame stay valid until the next call to `next()`.
struct JSONRecordStream {
    /// One framed record, or a problem outside any record.
    enum Frame {
        /// A record's bytes in the input buffer; `complete` is `false` when the file ended inside it.
        case record(start: Int, end: Int, line: Int, column: Int, record: Int, complete: Bool)
        case broken(BrokenRecord)
    }

    enum State {
        case start
        case firstElement
        case nextElement
        case finished
    }

    let input: JSONInput
    let layout: JSONLayout
    let displayPath: String
    private(set) var state = State.start
    /// Buffer position of the next byte to read.
    var position = 0
    /// Line of `position`, and the buffer position where that line starts (may be before the buffer).
    var line = 1
    var lineStart = 0
    private(set) var recordCount = 0
    /// How many arrays of records inside the records array are open at `position`.
    private var nestedArrays = 0
    /// Whether the input starts at the start of the file (where a byte order mark may be).
    let atFileStart: Bool

    init(input: JSONInput, layout: JSONLayout, displayPath: String, atFileStart: Bool = true) {
        self.input = input
        self.layout = layout
        self.displayPath = displayPath
        self.atFileStart = atFileStart
    }

    /// The next frame, or `nil` at the end of the records.
    ///
    /// - Throws: ``IngestError`` `file-unreadable` on an I/O error.
    mutating func next() throws(IngestError) -> Frame? {
        if state == .start {
            state = .firstElement
            if atFileStart { try skipByteOrderMark() }
            if case .array = layout, let broken = try openRecordsArray() {
                state = .finished
                return .broken(broken)
            }
        }
        switch (state, layout) {
        case (.finished, _): return nil
        case (_, .ndjson): return try nextLine()
        case (_, .array): return try nextElement()
        }
    }

    // MARK: - Buffer

    /// Reads more of the file, keeping the bytes from `keep`; moves the stream's own positions and `held`.
    mutating func refill(keeping keep: Int, also held: inout Int) throws(IngestError) -> Bool {
        let (shift, grew) = try input.refill(keeping: keep)
        position -= shift
        lineStart -= shift
        held -= shift
        return grew
    }

    /// The byte at `position`, reading more when needed; `nil` at the end of the file.
    mutating func peek() throws(IngestError) -> UInt8? {
        var unused = 0
        while position >= input.count {
            guard try refill(keeping: position, also: &unused) else { return nil }
        }
        return input.byte(at: position)
    }

    mutating func skipByteOrderMark() throws(IngestError) {
        var unused = 0
        while input.count < 3, try refill(keeping: 0, also: &unused) {}
        if input.count >= 3, input.byte(at: 0) == 0xEF, input.byte(at: 1) == 0xBB, input.byte(at: 2) == 0xBF {
            position = 3
            lineStart = 3
        }
    }

    mutating func skipWhitespace() throws(IngestError) {
        while let byte = try peek() {
            switch byte {
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            case 0x20, 0x0D, 0x09:
                position += 1
            default:
                return
            }
        }
    }

    // MARK: - NDJSON

    private mutating func nextLine() throws(IngestError) -> Frame? {
        while true {
            var scan = position
            var lineEnd = -1
            while lineEnd < 0 {
                if scan < input.count,
                    let found = memchr(input.base + scan, 0x0A, input.count - scan)
                {
                    lineEnd = input.base.distance(to: found)
                } else {
                    scan = input.count
                    if try !refill(keeping: position, also: &scan) {
                        if position >= input.count {
                            state = .finished
                            return nil
                        }
                        lineEnd = input.count
                    }
                }
            }
            let start = position
            var end = lineEnd
            if end > start, input.byte(at: end - 1) == 0x0D { end -= 1 }
            let lineNumber = line
            position = min(lineEnd + 1, input.count)
            line += 1
            lineStart = position
            var blank = true
            for index in start..<end where !Self.isWhitespace(input.byte(at: index)) {
                blank = false
                break
            }
            if blank { continue }
            recordCount += 1
            return .record(start: start, end: end, line: lineNumber, column: 1, record: recordCount, complete: true)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: - Array documents

    /// The next element of the records array. An element that is itself an array (a scraper's array of query
    /// results, each an array of records) is read through: its elements are records of the same stream.
    private mutating func nextElement() throws(IngestError) -> Frame? {
        while true {
            try skipWhitespace()
            guard let byte = try peek() else {
                state = .finished
                return .broken(problem("unexpected end of file inside the records array", code: "malformed-json"))
            }
            if byte == UInt8(ascii: "]") {
                guard nestedArrays > 0 else {
                    state = .finished
                    return nil
                }
                position += 1
                nestedArrays -= 1
                state = .nextElement
                continue
            }
            if state == .nextElement {
                guard byte == UInt8(ascii: ",") else {
                    state = .finished
                    return .broken(
                        problem(
                            "expected ',' or ']' after record \(recordCount), found \(describeJSONByte(byte))",
                            code: "malformed-json"
                        ))
                }
                position += 1
                try skipWhitespace()
                guard try peek() != nil else {
                    state = .finished
                    return .broken(problem("unexpected end of file inside the records array", code: "malformed-json"))
                }
            }
            if try peek() == UInt8(ascii: "[") {
                position += 1
                nestedArrays += 1
                state = .firstElement
                continue
            }
            break
        }
        state = .nextElement
        recordCount += 1
        let startLine = line
        let startColumn = position - lineStart + 1
        let (start, end, complete) = try frameValue(discarding: false)
        if !complete { state = .finished }
        return .record(
            start: start, end: end, line: startLine, column: startColumn, record: recordCount, complete: complete
        )
    }

    /// A problem outside any record, at the current position, with the rest of its line as raw text.
    func problem(_ message: String, code: String) -> BrokenRecord {
        let column = position - lineStart + 1
        var end = position
        while end < input.count, end - position < 200, input.byte(at: end) != 0x0A { end += 1 }
        return BrokenRecord(
            line: line,
            record: nil,
            rawText: rawText(of: input.bytes(from: position, to: end)),
            field: nil,
            reason: QuarantineReason(code: code, message: "\(message) at line \(line), column \(column)")
        )
    }

    /// Moves past one value, following strings and brackets, reading more of the file as needed.
    ///
    /// - Parameter discarding: `true` to let the bytes already passed go (for values that are skipped).
    /// - Returns: the value's buffer range, and whether it was complete before the end of the file.
    mutating func frameValue(discarding: Bool) throws(IngestError) -> (start: Int, end: Int, complete: Bool) {
        var start = position
        var scan = position
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            while scan < input.count {
                let byte = input.byte(at: scan)
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 {
                            position = scan + 1
                            return (start, position, true)
                        }
                    } else if byte == 0x0A {
                        line += 1
                        lineStart = scan + 1
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""):
                        inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if depth == 0 {
                            position = scan
                            return (start, scan, true)
                        }
                        depth -= 1
                        if depth == 0 {
                            position = scan + 1
                            return (start, position, true)
                        }
                    case 0x0A:
                        if depth == 0 {
                            position = scan
                            return (start, scan, true)
                        }
                        line += 1
                        lineStart = scan + 1
                    case UInt8(ascii: ","), 0x20, 0x0D, 0x09:
                        if depth == 0 {
                            position = scan
                            return (start, scan, true)
                        }
                    default:
                        break
                    }
                }
                scan += 1
            }
            if discarding {
                start = scan
            }
            let positionBefore = position
            let grew = try refill(keeping: start, also: &scan)
            start -= positionBefore - position
            if !grew {
                position = input.count
                return (start, input.count, depth == 0 && !inString && scan > start)
            }
        }
    }
}

extension JSONRecordStream {
    /// Ends the stream: nothing more is read from the file.
    mutating func finish() {
        state = .finished
    }
}
