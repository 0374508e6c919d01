import NoticeWatchModel
import Testing

/// Swift Testing has a `SourceLocation` of its own.
typealias Location = NoticeWatchModel.SourceLocation

@Suite("Source locations and quarantined rows")
struct SourceLocationTests {
    @Test(
        "A location prints file:line, else file#record, else the file",
        arguments: [
            (Location(source: "ccf", file: "ccf/2019.csv", line: 12, record: 11), "ccf/2019.csv:12"),
            (Location(source: "ccf", file: "ccf/2019.csv", line: 12), "ccf/2019.csv:12"),
            (Location(source: "red", file: "red/page-1.json", record: 3), "red/page-1.json#3"),
            (Location(source: "red", file: "red/page-1.json"), "red/page-1.json"),
        ])
    func description(location: Location, text: String) {
        #expect(location.description == text)
    }

    @Test("Locations order by file, then line, then record, then source")
    func ordering() {
        let locations = [
            Location(source: "b", file: "b.csv", line: 2),
            Location(source: "a", file: "a.csv", line: 10),
            Location(source: "z", file: "a.csv", line: 2),
            Location(source: "y", file: "a.csv", line: 2),
            Location(source: "a", file: "a.csv"),
            Location(source: "a", file: "a.json", record: 2),
            Location(source: "a", file: "a.json", record: 1),
        ]
        #expect(
            locations.sorted().map { "\($0.source) \($0)" } == [
                "a a.csv", "y a.csv:2", "z a.csv:2", "a a.csv:10", "a a.json#1", "a a.json#2", "b b.csv:2",
            ])
    }

    @Test("Locations sharing one origin equal and hash as those made from the names")
    func sharedOrigin() {
        let origin = Location.Origin(source: "ccf", file: "ccf/2019.csv")
        let shared = Location(in: origin, line: 12, record: 11)
        let named = Location(source: "ccf", file: "ccf/2019.csv", line: 12, record: 11)
        #expect(shared == named)
        #expect(shared.hashValue == named.hashValue)
        #expect(Set([shared, named, Location(in: origin, line: 13, record: 12)]).count == 2)
        var moved = shared
        moved.line = 40
        moved.file = "ccf/2020.csv"
        #expect(moved.description == "ccf/2020.csv:40")
        #expect(shared.description == "ccf/2019.csv:12")
    }

    @Test("A line or record number below 1 is unknown", arguments: [0, -3])
    func numbersBelowOneAreUnknown(number: Int) {
        let location = Location(source: "s", file: "f.csv", line: number, record: number)
        #expect(location.line == nil)
        #expect(location.record == nil)
        #expect(location.description == "f.csv")
    }

    @Test("Lines compare as numbers, not as text")
    func numericLines() {
        let nine = Location(source: "s", file: "f.csv", line: 9)
        let ten = Location(source: "s", file: "f.csv", line: 10)
        #expect(nine < ten)
        #expect(!(ten < nine))
        #expect(!(nine < nine))
    }

    @Test("On the same line, the record number breaks the tie; a missing line sorts before line 1")
    func tieBreaks() {
        let noLine = Location(source: "s", file: "f.xml", record: 5)
        let lineOneRecordTwo = Location(source: "s", file: "f.xml", line: 1, record: 2)
        let lineOneRecordOne = Location(source: "s", file: "f.xml", line: 1, record: 1)
        #expect([lineOneRecordTwo, noLine, lineOneRecordOne].sorted() == [noLine, lineOneRecordOne, lineOneRecordTwo])
    }

    @Test("Equal locations are one location")
    func hashing() {
        let one = Location(source: "s", file: "f.csv", line: 3)
        let same = Location(source: "s", file: "f.csv", line: 3)
        let otherSource = Location(source: "t", file: "f.csv", line: 3)
        #expect(Set([one, same, otherSource]).count == 2)
        #expect(one < otherSource)
    }

    @Test("Quarantined rows order by location, then field (whole-row problems first), then reason")
    func quarantineOrdering() {
        let first = Location(source: "ccf", file: "ccf.csv", line: 2)
        let second = Location(source: "ccf", file: "ccf.csv", line: 3)
        let unknownCountry = QuarantineReason(code: "unknown-country", message: "no member country is named Atlantis")
        let badDate = QuarantineReason(code: "bad-date", message: "expected yyyy-MM-dd, found 2019-02-30")
        let fieldCount = QuarantineReason(code: "field-count", message: "expected 7 fields, found 9")
        let rows = [
            QuarantinedRow(location: second, field: nil, rawValue: "a,b,c", reason: fieldCount),
            QuarantinedRow(location: first, field: "requesting_country", rawValue: "Atlantis", reason: unknownCountry),
            QuarantinedRow(location: first, field: "filed", rawValue: "2019-02-30", reason: badDate),
            QuarantinedRow(location: first, field: "requesting_country", rawValue: "Atlantis", reason: badDate),
            QuarantinedRow(location: first, field: nil, rawValue: "x", reason: fieldCount),
        ]
        #expect(
            rows.sorted().map { "\($0.location) \($0.field ?? "-") \($0.reason.code)" } == [
                "ccf.csv:2 - field-count",
                "ccf.csv:2 filed bad-date",
                "ccf.csv:2 requesting_country bad-date",
                "ccf.csv:2 requesting_country unknown-country",
                "ccf.csv:3 - field-count",
            ])
    }

    @Test("Rows that differ only in their raw value are ordered by it, so sorting is total")
    func rawValueIgnoredByOrder() {
        let location = Location(source: "ccf", file: "ccf.csv", line: 2)
        let reason = QuarantineReason(code: "unknown-country", message: "no member country is named Atlantis")
        let one = QuarantinedRow(location: location, field: "country", rawValue: "Atlantis", reason: reason)
        let other = QuarantinedRow(location: location, field: "country", rawValue: "ATLANTIS", reason: reason)
        #expect(other < one)
        #expect(one != other)
    }

    @Test("A quarantine reason prints its code and message")
    func reasonDescription() {
        let reason = QuarantineReason(code: "unknown-country", message: "no member country is named Atlantis")
        #expect(reason.description == "unknown-country: no member country is named Atlantis")
    }
}
