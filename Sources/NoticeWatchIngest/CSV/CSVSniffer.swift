/// Decides a CSV file's dialect from the sources file's settings and the file's first bytes.
///
/// - Encoding: a BOM decides; else the whole file being valid UTF-8 means UTF-8; else Windows-1252, and the
///   choice says where UTF-8 failed.
/// - Delimiter: among `,` `;` tab `|`, the one that splits the most of the first lines into the same number
///   (more than one) of fields; ties go to more fields, then to that order.
/// - Header: present unless a field of the first row looks like data (only digits and `. / - :` or spaces).
enum CSVSniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    static let sampleLines = 30

    /// The dialect for a file whose scan is `scan`, honouring every option that is set.
    static func dialect(for options: CSVOptions, scan: FileScan) -> CSVDialect {
        var choices: [String] = []
        let prefix = scan.prefix
        let bom = detectBOM(prefix)
        var encoding: TextEncoding
        var bomLength = 0
        if let set = options.encoding, !options.utf16ByteOrderFromBOM {
            encoding = set
            if let bom, bom.encoding == set { bomLength = bom.length }
            choices.append("encoding=\(set.rawValue) (set)")
        } else if let bom, !options.utf16ByteOrderFromBOM || !bom.encoding.isASCIICompatible {
            encoding = bom.encoding
            bomLength = bom.length
            choices.append("encoding=\(encoding.rawValue) (detected: byte-order mark)")
        } else if options.utf16ByteOrderFromBOM {
            encoding = .utf16LE
            choices.append("encoding=utf-16le (set: utf-16 without a byte-order mark, little-endian assumed)")
        } else if let invalid = scan.firstInvalidUTF8 {
            encoding = .windows1252
            choices.append("encoding=windows-1252 (detected: not valid UTF-8 at byte offset \(invalid))")
        } else {
            encoding = .utf8
            choices.append("encoding=utf-8 (detected)")
        }
        let quote = options.quote ?? 0x22
        choices.append("quote=\(CSVDialect.show(quote)) (\(options.quote == nil ? "default" : "set"))")
        let text = sampleBytes(prefix, encoding: encoding, bomLength: bomLength)
        let wholeFile = scan.size == prefix.count
        let delimiter: UInt8
        if let set = options.delimiter {
            delimiter = set
            choices.append("delimiter=\(CSVDialect.show(set)) (set)")
        } else {
            delimiter = detectDelimiter(text, quote: quote, wholeFile: wholeFile)
            choices.append("delimiter=\(CSVDialect.show(delimiter)) (detected)")
        }
        let header: Bool
        if let set = options.header {
            header = set
            choices.append("header=\(set) (set)")
        } else {
            let first = rows(text, delimiter: delimiter, quote: quote, wholeFile: true, limit: 1).first ?? []
            header = !first.contains(where: looksLikeData)
            choices.append("header=\(header) (detected)")
        }
        return CSVDialect(
            encoding: encoding, bomLength: bomLength, delimiter: delimiter, quote: quote, hasHeader: header,
            choices: choices.sorted())
    }

    static func detectBOM(_ bytes: [UInt8]) -> (encoding: TextEncoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// The prefix as ASCII-compatible bytes: UTF-16 reduced to one byte per unit (enough to see separators).
    static func sampleBytes(_ prefix: [UInt8], encoding: TextEncoding, bomLength: Int) -> [UInt8] {
        let body = Array(prefix.dropFirst(bomLength))
        switch encoding {
        case .utf16LE, .utf16BE:
            var result: [UInt8] = []
            result.reserveCapacity(body.count / 2)
            var index = 0
            while index + 1 < body.count {
                let (low, high) = encoding == .utf16LE ? (body[index], body[index + 1]) : (body[index + 1], body[index])
                result.append(high == 0 && low < 0x80 ? low : 0x3F)
                index += 2
            }
            return result
        default:
            return body
        }
    }

    static func detectDelimiter(_ text: [UInt8], quote: UInt8, wholeFile: Bool) -> UInt8 {
        var best: (delimiter: UInt8, agreeing: Int, fields: Int) = (0x2C, 0, 0)
        for candidate in candidates {
            let counts = rows(text, delimiter: candidate, quote: quote, wholeFile: wholeFile, limit: sampleLines)
                .map(\.count)
            var frequency: [Int: Int] = [:]
            for count in counts where count > 1 { frequency[count, default: 0] += 1 }
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if mode.value > best.agreeing || (mode.value == best.agreeing && mode.key > best.fields) {
                best = (candidate, mode.value, mode.key)
            }
        }
        return best.delimiter
    }

    /// The first `limit` non-blank rows of `text`, split with quotes honoured; a last row cut by the end of the
    /// sample is left out unless the sample is the whole file.
    static func rows(_ text: [UInt8], delimiter: UInt8, quote: UInt8, wholeFile: Bool, limit: Int) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while index < text.count && rows.count < limit {
            let byte = text[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < text.count && text[index] == quote {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == quote && field.isEmpty {
                inQuotes = true
            } else if byte == delimiter {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index < text.count && text[index] == 0x0A { index += 1 }
                endRow()
            } else {
                field.append(byte)
            }
        }
        if wholeFile && rows.count < limit && (!row.isEmpty || !field.isEmpty) { endRow() }
        return rows
    }

    /// Whether a header cell looks like a value rather than a name: digits with date or number punctuation.
    static func looksLikeData(_ cell: String) -> Bool {
        let trimmed = TextFolding.trim(cell)
        guard !trimmed.isEmpty, trimmed.contains(where: \.isNumber) else { return false }
        return trimmed.allSatisfy { $0.isNumber || "./-: ".contains($0) }
    }
}
