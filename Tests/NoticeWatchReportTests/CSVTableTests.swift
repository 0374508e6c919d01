import Testing

@testable import NoticeWatchReport

@Suite struct CSVTableTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=1+1", "\"'=1+1\""),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1", "\"'+1\""),
        ("+41 22 000", "\"'+41 22 000\""),
        ("-", "\"'-\""),
        ("-compliant", "\"'-compliant\""),
        ("-2+3", "\"'-2+3\""),
        ("@SUM(A1:A9)", "\"'@SUM(A1:A9)\""),
        ("\tcmd", "\"'\tcmd\""),
        ("\rcmd", "\"'\rcmd\""),
        ("-12", "-12"),
        ("-0.25", "-0.25"),
        ("0.5000", "0.5000"),
        ("-.5", "\"'-.5\""),
        ("a=b", "a=b"),
        ("'quoted", "'quoted"),
    ])
    func escapesAndNeutralizes(cell: String, expected: String) {
        #expect(CSVTable.escape(cell) == expected)
    }

    @Test func rendersCRLFRecordsWithAHeader() {
        var table = CSVTable(header: ["id", "value"])
        table.append(["1", "=cmd"])
        table.append(["2", "x,y"])
        #expect(table.render() == "id,value\r\n1,\"'=cmd\"\r\n2,\"x,y\"\r\n")
    }

    @Test func parsesWhatItWritesAndRemovesTheNeutralizingQuote() throws {
        var table = CSVTable(header: ["a", "b", "c"])
        let rows = [["=1+1", "say \"hi\", twice", "two\r\nlines"], ["-12", "", "'kept"], ["@x", "-", "plain"]]
        for row in rows { table.append(row) }
        let parsed = try #require(CSVTable.parse(table.render()))
        #expect(parsed.header == ["a", "b", "c"])
        #expect(parsed.rows == rows)
    }

    @Test func anUnclosedQuoteDoesNotParse() {
        #expect(CSVTable.parse("a,b\r\n\"open,1\r\n") == nil)
    }
}
