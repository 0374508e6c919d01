/// What parsing one row from the buffer gave.
enum CSVRowStatus {
    /// A whole row: where the next row starts, where this row's content ends (before its line break), how many
    /// line breaks are inside its quoted fields, and whether a line break ended it (not the end of the file).
    case row(next: Int, contentEnd: Int, breaks: Int, terminated: Bool)
    /// The buffer ends inside the row: read more and parse the row again.
    case needMore
    /// No bytes are left.
    case end
    /// The file ends inside a quoted field.
    case unterminated
}

extension CSVReader {
    /// Splits the row at the buffer's unconsumed start into ``fields``.
    ///
    /// A row that reaches the end of the buffer before the end of the file gives `.needMore` and is parsed again
    /// from its start after the next chunk: this happens once per chunk at most.
    ///
    /// - Complexity: O(n) in the row's bytes.
    @inline(__always)
    private mutating func appendField(_ field: CSVFieldSlice) {
        if fieldCount < fields.count {
            fields[fieldCount] = field
        } else {
            fields.append(field)
        }
        fieldCount += 1
    }

    mutating func parseRow() -> CSVRowStatus {
        let base = source.buffer
        let end = source.end
        let eof = source.atEOF
        var index = source.start
        if index >= end { return eof ? .end : .needMore }
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let lf: UInt8 = 0x0A
        let cr: UInt8 = 0x0D
        fieldCount = 0
        strayField = nil
        var breaks = 0
        while true {
            var strayFrom: Int?
            let quotedField = index < end && base[index] == quote
            if quotedField {
                let contentStart = index + 1
                var cursor = contentStart
                var flags = CSVFieldSlice.quoted
                while true {
                    while cursor < end {
                        let byte = base[cursor]
                        if byte == quote { break }
                        if byte == lf {
                            breaks += 1
                        } else if byte == cr {
                            if cursor + 1 < end {
                                if base[cursor + 1] != lf { breaks += 1 }
                            } else if !eof {
                                return .needMore
                            } else {
                                breaks += 1
                            }
                        }
                        cursor += 1
                    }
                    if cursor >= end { return eof ? .unterminated : .needMore }
                    if cursor + 1 < end {
                        if base[cursor + 1] == quote {
                            flags |= CSVFieldSlice.doubledQuotes
                            cursor += 2
                            continue
                        }
                    } else if !eof {
                        return .needMore
                    }
                    break
                }
                appendField(CSVFieldSlice(start: contentStart, end: cursor, flags: flags))
                index = cursor + 1
                if index < end {
                    let byte = base[index]
                    if byte != delimiter && byte != lf && byte != cr {
                        if strayField == nil { strayField = fieldCount - 1 }
                        strayFrom = index
                    }
                }
            }
            if !quotedField || strayFrom != nil {
                // An unquoted field (or the text after a stray closing quote): scan to the next separator.
                var cursor = strayFrom ?? index
                // Eight bytes at a time while none is a delimiter or a line break.
                let raw = UnsafeRawPointer(base)
                while cursor + 8 <= end {
                    let word = raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                    if CSVReader.holds(word, delimiter) || CSVReader.holds(word, lf) || CSVReader.holds(word, cr) {
                        break
                    }
                    cursor += 8
                }
                while cursor < end {
                    let byte = base[cursor]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    cursor += 1
                }
                if cursor >= end && !eof { return .needMore }
                if strayFrom == nil { appendField(CSVFieldSlice(start: index, end: cursor, flags: 0)) }
                index = cursor
            }
            // `index` is at a delimiter, a line break or the end.
            if index >= end {
                return .row(next: index, contentEnd: index, breaks: breaks, terminated: false)
            }
            let byte = base[index]
            if byte == delimiter {
                index += 1
                continue
            }
            if byte == lf {
                return .row(next: index + 1, contentEnd: index, breaks: breaks, terminated: true)
            }
            // A CR: alone, or followed by LF.
            if index + 1 < end {
                let next = base[index + 1] == lf ? index + 2 : index + 1
                return .row(next: next, contentEnd: index, breaks: breaks, terminated: true)
            }
            if !eof { return .needMore }
            return .row(next: index + 1, contentEnd: index, breaks: breaks, terminated: true)
        }
    }
}

extension CSVReader {
    /// Whether one of the eight bytes of `word` is `byte` (exact).
    @inline(__always)
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & (ones &* 0x80) != 0
    }
}

/// One field of a parsed row: a byte range in the reader's buffer.
struct CSVFieldSlice {
    var start: Int
    var end: Int
    /// Bit 0: the field contains doubled quotes to collapse; bit 1: the field was quoted. (Text after a closing
    /// quote is tracked per row by the reader.)
    var flags: UInt8

    static let doubledQuotes: UInt8 = 1
    static let quoted: UInt8 = 2
}
