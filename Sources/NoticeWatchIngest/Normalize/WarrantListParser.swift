/// Reads a list of arrest warrants as sources write it: the compact JSON of the service's `arrest_warrants`
/// array (`[{"issuing_country_id":"RU","charge":"…","charge_translation":null}]`), or the Python list of dicts
/// that pandas writes into a CSV cell (`[{'issuing_country_id': 'RU', 'charge': '…'}]`).
///
/// Each object becomes its string-valued keys: `null`/`None` and numbers or nested values are left out, and
/// keys are matched by their letters (`issuing_country_id`, `issuingCountryId`). JSON escapes (`\"`, `\n`,
/// `\u0439` and surrogate pairs) and Python's (`\'`, `\\`, `\xe9`) are decoded.
enum WarrantListParser {
    /// One warrant's values by folded key (`issuingcountryid`, `charge`, `chargetranslation`).
    typealias Object = [String: String]

    /// The objects of `bytes`, or `nil` when the bytes are no list of objects.
    ///
    /// - Complexity: O(bytes).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [Object]? {
        var scanner = Scanner(bytes: bytes)
        return scanner.list()
    }

    /// Texts that scrapers write where they got no warrants (`N/A`, `None`, `nan`): no value, not a value not
    /// understood.
    static func isPlaceholder(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= 4 else { return false }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return ["n/a", "na", "none", "null", "nan", "-"].contains(text)
    }

    /// Invariant: `bytes` is a borrowed view of the record's field buffer (owned by the reader's field store),
    /// valid for the one `parse` call that makes the scanner; the scanner never outlives it or frees it.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard current == byte else { return false }
            position += 1
            return true
        }

        mutating func list() -> [Object]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var objects: [Object] = []
            if take(UInt8(ascii: "]")) { return finished(objects) }
            repeat {
                guard let object = object() else { return nil }
                objects.append(object)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
            return finished(objects)
        }

        /// `objects` when nothing but space follows.
        mutating func finished(_ objects: [Object]) -> [Object]? {
            skipSpace()
            return current == nil ? objects : nil
        }

        mutating func object() -> Object? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var object: Object = [:]
            if take(UInt8(ascii: "}")) { return object }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                switch current {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard let value = string() else { return nil }
                    object[TextFolding.headerKey(key)] = value
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard skipNested() else { return nil }
                default:
                    guard skipWord() else { return nil }
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? object : nil
        }

        /// A word value (`null`, `None`, a number, `true`): skipped.
        mutating func skipWord() -> Bool {
            let start = position
            while let byte = current, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != 0x20 {
                position += 1
            }
            return position > start
        }

        /// A nested object or array, skipped with its strings.
        mutating func skipNested() -> Bool {
            var depth = 0
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                position += 1
                if depth == 0 { return true }
            }
            return false
        }

        /// A string quoted with `"` or `'` at the position, decoded.
        mutating func string() -> String? {
            guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            position += 1
            var utf8: [UInt8] = []
            var pendingHigh: UInt32?
            while let byte = current {
                position += 1
                if byte == quote { return String(decoding: utf8, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else {
                    utf8.append(byte)
                    continue
                }
                guard let escaped = current else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "b"), UInt8(ascii: "f"): utf8.append(0x20)
                case UInt8(ascii: "u"), UInt8(ascii: "x"):
                    guard let value = hex(digits: escaped == UInt8(ascii: "u") ? 4 : 2) else { return nil }
                    if (0xD800...0xDBFF).contains(value) {
                        pendingHigh = value
                        continue
                    }
                    var scalarValue = value
                    if let high = pendingHigh, (0xDC00...0xDFFF).contains(value) {
                        scalarValue = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                    }
                    pendingHigh = nil
                    utf8.append(contentsOf: String(Unicode.Scalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8)
                default: utf8.append(escaped)
                }
            }
            return nil
        }

        mutating func hex(digits: Int) -> UInt32? {
            guard position + digits <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<digits {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
    }
}
