import Foundation

/// A parsed JSON value that keeps what Foundation's parser blurs: integers apart from decimals, booleans apart
/// from numbers, and the members' order.
indirect enum ParsedJSON: Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([ParsedJSON])
    case object([(String, ParsedJSON)])

    static func == (lhs: ParsedJSON, rhs: ParsedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Double(a) == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    subscript(key: String) -> ParsedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var array: [ParsedJSON]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// Parses RFC 8259 JSON; throws on anything else, trailing text included.
    static func parse(_ text: String) throws -> ParsedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("trailing text") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        struct Failure: Error, CustomStringConvertible {
            let description: String
        }

        func failure(_ what: String) -> Failure { Failure(description: "\(what) at byte \(position)") }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        }

        mutating func literal(_ word: String, _ value: ParsedJSON) throws -> ParsedJSON {
            let expected = Array(word.utf8)
            guard bytes.count - position >= expected.count,
                Array(bytes[position..<position + expected.count]) == expected
            else { throw failure("expected \(word)") }
            position += expected.count
            return value
        }

        mutating func value() throws -> ParsedJSON {
            skipSpace()
            guard position < bytes.count else { throw failure("unexpected end") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(String, ParsedJSON)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object([])
                }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw failure("expected a key") }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                        throw failure("expected :")
                    }
                    position += 1
                    members.append((key, try value()))
                    skipSpace()
                    guard position < bytes.count else { throw failure("unexpected end") }
                    position += 1
                    if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
                    guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected , or }") }
                }
            case UInt8(ascii: "["):
                position += 1
                var values: [ParsedJSON] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array([])
                }
                while true {
                    values.append(try value())
                    skipSpace()
                    guard position < bytes.count else { throw failure("unexpected end") }
                    position += 1
                    if bytes[position - 1] == UInt8(ascii: "]") { return .array(values) }
                    guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected , or ]") }
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func string() throws -> String {
            position += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush()
                    guard position < bytes.count else { throw failure("unexpected end") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "b"): scalars.append("\u{8}")
                    case UInt8(ascii: "f"): scalars.append("\u{C}")
                    case UInt8(ascii: "u"):
                        guard bytes.count - position >= 4,
                            let code = UInt32(
                                String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
                            let scalar = Unicode.Scalar(code)
                        else { throw failure("bad \\u escape") }
                        position += 4
                        scalars.append(scalar)
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                        scalars.append(Unicode.Scalar(escape))
                    default: throw failure("bad escape")
                    }
                default:
                    guard byte >= 0x20 else { throw failure("control character in a string") }
                    run.append(byte)
                }
            }
            throw failure("unterminated string")
        }

        mutating func number() throws -> ParsedJSON {
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            let grammar = #/-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/#
            guard text.wholeMatch(of: grammar) != nil else { throw failure("bad number \(text)") }
            if !text.contains(where: { ".eE".contains($0) }), let integer = Int(text) { return .integer(integer) }
            guard let double = Double(text) else { throw failure("bad number \(text)") }
            return .number(double)
        }
    }
}

/// Checks a JSON value against the subset of JSON Schema 2020-12 that `figures.schema.json` uses: `type`
/// (one or several), `const`, `enum`, `properties`, `required`, `additionalProperties` (false or a schema),
/// `items`, `minimum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `pattern` and `$ref` to `#/$defs/…`.
/// Any other keyword in the schema is reported as unsupported, so the check never passes by ignoring a rule.
struct JSONSchemaCheck {
    let root: ParsedJSON

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let supported: Set<String> = [
        "type", "const", "enum", "properties", "required", "additionalProperties", "items", "minimum",
        "exclusiveMinimum", "exclusiveMaximum", "minLength", "pattern", "$ref",
    ]

    /// Every violation of `value` against the root schema, as `path: problem`; empty when it conforms.
    func violations(of value: ParsedJSON) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    private func check(_ value: ParsedJSON, against schema: ParsedJSON, at path: String, into found: inout [String]) {
        guard case .object(let rules) = schema else { return found.append("\(path): schema is not an object") }
        for (keyword, _) in rules where !Self.supported.contains(keyword) && !Self.annotations.contains(keyword) {
            found.append("\(path): unsupported keyword \(keyword)")
        }
        if let reference = schema["$ref"]?.string {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?[name] else { return found.append("\(path): unknown $ref \(reference)") }
            check(value, against: target, at: path, into: &found)
        }
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
            guard allowed.contains(where: { Self.has(value, type: $0) }) else {
                return found.append("\(path): \(value) is not of type \(allowed.joined(separator: " or "))")
            }
        }
        if let constant = schema["const"], constant != value { found.append("\(path): \(value) is not \(constant)") }
        if let choices = schema["enum"]?.array, !choices.contains(value) {
            found.append("\(path): \(value) is not one of the allowed values")
        }
        if let number = value.double {
            if let minimum = schema["minimum"]?.double, number < minimum { found.append("\(path): below \(minimum)") }
            if let bound = schema["exclusiveMinimum"]?.double, number <= bound {
                found.append("\(path): not > \(bound)")
            }
            if let bound = schema["exclusiveMaximum"]?.double, number >= bound {
                found.append("\(path): not < \(bound)")
            }
        }
        if case .string(let text) = value {
            if case .integer(let length)? = schema["minLength"], text.count < length {
                found.append("\(path): shorter than \(length)")
            }
            if let pattern = schema["pattern"]?.string {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil {
                    found.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            }
        }
        if case .array(let values) = value, let items = schema["items"] {
            for (index, item) in values.enumerated() {
                check(item, against: items, at: "\(path)[\(index)]", into: &found)
            }
        }
        guard case .object(let members) = value else { return }
        for key in schema["required"]?.array?.compactMap(\.string) ?? [] where value[key] == nil {
            found.append("\(path): missing \(key)")
        }
        for (key, member) in members {
            if let property = schema["properties"]?[key] {
                check(member, against: property, at: "\(path).\(key)", into: &found)
            } else if let additional = schema["additionalProperties"] {
                if case .bool(false) = additional {
                    found.append("\(path): unexpected key \(key)")
                } else {
                    check(member, against: additional, at: "\(path).\(key)", into: &found)
                }
            }
        }
    }

    private static func has(_ value: ParsedJSON, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("null", .null), ("array", .array), ("object", .object),
            ("integer", .integer), ("number", .integer), ("number", .number):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
