import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Values of megabytes: read in time linear in their length, quoted in messages only up to a bound, kept whole in
/// the quarantine.
@Suite("Long values")
struct LongValueTests {
    /// 4 MiB of Cyrillic text (two bytes a letter).
    static let cyrillic = String(repeating: "Ж", count: 2 << 20)

    @Test("A message quotes at most 80 characters of a value, then its length")
    func quotedIsCapped() {
        let quoted = TextFolding.quoted(Self.cyrillic)
        #expect(quoted == "\"" + String(repeating: "Ж", count: 80) + "…\" (4,194,304 bytes)")
        #expect(TextFolding.quoted("Пётр \"Ильич\" \\") == "\"Пётр \\\"Ильич\\\" \\\\\"")
        let eighty = String(repeating: "é", count: 80)
        #expect(TextFolding.quoted(eighty) == "\"\(eighty)\"")
        #expect(TextFolding.shortened(eighty + "x") == eighty + "… (161 bytes)")
        #expect(TextFolding.shortened("urn:example") == "urn:example")
    }

    @Test("A message lists at most 20 names, then how many more")
    func listsAreCapped() {
        let names = (1...25).map { "Spalte \($0)" }
        #expect(
            TextFolding.quotedList(names)
                == (1...20).map { "\"Spalte \($0)\"" }.joined(separator: ", ") + " and 5 more")
        #expect(TextFolding.quotedList(["a", "b"]) == "\"a\", \"b\"")
    }

    @Test("A label longer than 256 bytes gets no guess, though it holds a known label's words")
    func longLabelsAreNotGuessed() {
        let vocabulary = Vocabulary(field: .outcome, overrides: [:])
        #expect(vocabulary.guess(for: "Deleted following CCF decision")?.category == "overturned")
        let padded = "deleted " + String(repeating: "Ж", count: (Vocabulary.longestGuessed - 8) / 2)
        #expect(padded.utf8.count == Vocabulary.longestGuessed)
        #expect(vocabulary.guess(for: padded)?.category == "overturned")
        #expect(vocabulary.guess(for: padded + " ") == nil)
        #expect(vocabulary.guess(for: "deleted " + Self.cyrillic) == nil)
    }

    @Test("A header name longer than 256 bytes fits no field, without being split into words")
    func longHeaderNamesFitNothing() {
        #expect(HeaderWords.concepts("Date of issue") == [.issue, .date])
        let padded = "Date of issue" + String(repeating: " ", count: HeaderWords.longestName - 13)
        #expect(padded.utf8.count == HeaderWords.longestName)
        #expect(HeaderWords.concepts(padded) == [.issue, .date])
        #expect(HeaderWords.concepts(padded + " ") == nil)
    }

    @Test("A 4 MiB Cyrillic requesting country read from CSV keeps its record, the value listed whole")
    func longCountryThroughCSV() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "red_notices.csv": "Notice ID,Requesting country,Date of issue,Status\n"
                + "2019/1001,Russian Federation,2019-03-04,Active\n"
                + "2019/1002,\"\(Self.cyrillic)\",2019-05-06,Active\n"
                + "2019/1003,Türkiye,2019-05-07,\"Cancelled\"\n"
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map(\.id) == ["2019/1001", "2019/1002", "2019/1003"])
        #expect(result.notices.map(\.requestingCountry.member?.alpha2) == ["RU", nil, "TR"])
        #expect(result.quarantine.isEmpty)
        let value = try #require(result.valuesNotUnderstood.first)
        #expect(value.field == "requesting_country")
        #expect(value.rawValue == Self.cyrillic)
        #expect(value.firstLocation.line == 3)
    }

    @Test("A 4 MiB header cell neither stops inference nor fills the error with its text")
    func longHeaderCell() throws {
        let folder = try IngestFixtures.temporaryFolder(text: [
            "red_notices.csv": "Notice ID,\(Self.cyrillic),Requesting country,Date of issue\n"
                + "2019/1001,x,Turkey,2019-03-04\n"
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map { $0.requestingCountry.member?.alpha2 } == ["TR"])
        let lonely = try IngestFixtures.temporaryFolder(text: ["red_notices.csv": Self.cyrillic + ",Bemerkung\nx,y\n"])
        #expect {
            try DatasetIngestor(directory: lonely).ingest()
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .mappingNotInferred && error.description.utf8.count < 600
                && error.message.contains("(4,194,304 bytes), \"Bemerkung\"")
        }
    }
}
