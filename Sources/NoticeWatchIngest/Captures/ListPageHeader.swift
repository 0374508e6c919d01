/// The service's own count on a list page: its top-level `total`, and the `query` it answers.
///
/// The public notices service writes both before the entries (`{"total": 6862, "query": {"page": 1,
/// "resultPerPage": 20}, "_embedded": …}`), so they are read from the start of the file that the scan already holds;
/// a file that is no JSON object, or gives no whole-number `total` there, has no header. The pages of one query
/// (the same `query` but for its paging keys) share one total; a crawl sliced by nationality or other filters asks
/// several queries, and the capture's total is the sum of theirs.
struct ListPageHeader: Hashable, Sendable {
    /// The query's total number of results, as the service counts them.
    var total: Int
    /// The query's members other than paging (`page`, `resultPerPage`, `offset`, `limit`), sorted, as
    /// `key=value` joined by `&`; `""` for a page with no query or only paging.
    var query: String

    /// Members of `query` that only page through one query's results.
    static let pagingKeys: Set<String> = ["page", "resultPerPage", "offset", "limit", "start", "size"]

    /// The service's total for a capture read from these pages: per distinct query the largest total its pages
    /// give (the list can move while it is crawled), summed over queries; `nil` with no page header.
    static func serviceTotal(of headers: [ListPageHeader]) -> Int? {
        guard !headers.isEmpty else { return nil }
        var byQuery: [String: Int] = [:]
        for header in headers { byQuery[header.query] = max(byQuery[header.query] ?? 0, header.total) }
        return byQuery.keys.sorted().reduce(0) { $0 + byQuery[$1]! }
    }

    /// The header of a JSON text starting with `bytes` (which may stop anywhere), or `nil`.
    init?(prefix bytes: [UInt8]) {
        var scanner = TopLevelScanner(bytes: bytes)
        var total: Int?
        var query = ""
        guard scanner.open() else { return nil }
        scan: while let key = scanner.nextKey() {
            switch key {
            case "total":
                guard let number = scanner.wholeNumber() else { return nil }
                total = number
            case "query":
                guard let members = scanner.flatObject() else { return nil }
                query = members.filter { !Self.pagingKeys.contains($0.key) }.map { "\($0.key)=\($0.value)" }.sorted()
                    .joined(separator: "&")
            default:
                // The prefix can end inside the entries: what was read before them stands.
                guard scanner.skipValue() else { break scan }
            }
            if total != nil && scanner.sawQuery { break }
        }
        guard let total else { return nil }
        self.init(total: total, query: query)
    }

    init(total: Int, query: String) {
        self.total = total
        self.query = query
    }
}

/// Reads the members of a JSON object one level deep, skipping the values it is not asked for.
private struct TopLevelScanner {
    let bytes: [UInt8]
    var position = 0
    private(set) var sawQuery = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func open() -> Bool { take(UInt8(ascii: "{")) }

    /// The next member's key (after a comma when not the first), positioned on its value; `nil` at the end.
    mutating func nextKey() -> String? {
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1 }
        guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
        if key == "query" { sawQuery = true }
        return key
    }

    /// A string's text (escapes kept as written, which keys and codes do not use), positioned after it.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return String(decoding: bytes[start..<position], as: UTF8.self)
            default: position += 1
            }
        }
        return nil
    }

    mutating func wholeNumber() -> Int? {
        skipSpace()
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
        guard position > start, position - start <= 12 else { return nil }
        return Int(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// An object's members as key and the value's text (a string unquoted, anything else as written).
    mutating func flatObject() -> [(key: String, value: String)]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [(key: String, value: String)] = []
        while true {
            skipSpace()
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return members
            }
            guard let key = nextKey() else { return nil }
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                guard let text = string() else { return nil }
                members.append((key, text))
            } else {
                let start = position
                guard skipValue() else { return nil }
                var end = position
                while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
                members.append((key, String(decoding: bytes[start..<end], as: UTF8.self)))
            }
        }
    }

    /// Moves past one value of any kind; `false` when the bytes end first.
    mutating func skipValue() -> Bool {
        skipSpace()
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return true
                    }
                default: break
                }
                position += 1
            }
            return false
        default:
            while position < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[position])
            {
                position += 1
            }
            return position < bytes.count
        }
    }
}
