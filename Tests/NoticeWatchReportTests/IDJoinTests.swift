import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

/// The changes section finds new records by walking this run's ids and the previous run's in order: it must
/// count what a set of the previous ids would, whatever the overlap, and fall back to a set when this run's
/// ids are not in byte order.
@Suite struct IDJoinTests {
    static let ru = Country("RU")!
    static let tr = Country("TR")!

    /// A database in `folder` whose table `ids` holds `previous` (ids without quote marks).
    static func database(_ previous: [String], in folder: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: folder + "/previous.sqlite")
        try database.execute("CREATE TABLE ids (id TEXT PRIMARY KEY)")
        for id in previous {
            try database.execute("INSERT INTO ids VALUES ('\(id)')")
        }
        return database
    }

    /// What a set of the previous ids gives.
    static func expected(_ current: [(id: String, country: Country)], previous: [String]) -> [Country: Int] {
        let known = Set(previous)
        var absent: [Country: Int] = [:]
        for record in current where !known.contains(record.id) { absent[record.country, default: 0] += 1 }
        return absent
    }

    @Test(
        "New ids are counted per country, with any overlap between the runs",
        arguments: [
            ([String](), ["a", "b", "c"]), (["a", "b", "c"], [String]()), (["a", "c", "e"], ["b", "c", "d", "f"]),
            (["b", "c", "d", "f"], ["a", "c", "e"]), (["x"], ["a", "b", "x", "y"]),
            (["N1", "N10", "N2"], ["N10", "N3"]),
            (["a"], ["a"]),
        ])
    func countsNewIDs(previous: [String], ids: [String]) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let database = try Self.database(previous, in: temporary.path)
        let current = ids.sorted().enumerated().map { (id: $1, country: $0 % 2 == 0 ? Self.ru : Self.tr) }
        let counted = try IDJoin.countAbsent(current, from: "SELECT id FROM ids ORDER BY id", in: database)
        #expect(counted == Self.expected(current, previous: previous))
    }

    @Test("Ids whose text order is not their byte order are counted with a set")
    func idsOutOfByteOrder() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        // "é" precomposed sorts before "é" + "z" decomposed as text, after it as bytes.
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}z"
        #expect(precomposed < decomposed)
        #expect(IDJoin.precedes(decomposed, precomposed))
        let database = try Self.database(["a", decomposed, "q"], in: temporary.path)
        let current = [
            (id: "a", country: Self.ru), (id: precomposed, country: Self.tr), (id: decomposed, country: Self.tr),
            (id: "z", country: Self.ru),
        ]
        let counted = try IDJoin.countAbsent(current, from: "SELECT id FROM ids ORDER BY id", in: database)
        #expect(counted == [Self.tr: 1, Self.ru: 1])
    }
}
