import NoticeWatchModel
import Testing

@testable import NoticeWatchGenerator

@Suite struct FormattingTests {
    @Test(arguments: [(1, 3, "33.3%"), (2, 3, "66.7%"), (0, 5, "0.0%"), (5, 5, "100.0%"), (0, 0, "n/a")])
    func percentRoundsToOneDecimal(part: Int, whole: Int, expected: String) {
        #expect(PlantedFigures.percent(part, of: whole) == expected)
    }

    @Test(arguments: [
        (DateLayout.iso, "2019-03-07"), (.slashYearFirst, "2019/03/07"), (.slashDayFirst, "07/03/2019"),
        (.dotDayFirst, "07.03.2019"),
    ])
    func datesAreWrittenInEachLayout(layout: DateLayout, expected: String) {
        #expect(SampleBundle.format(CivilDate(year: 2019, month: 3, day: 7)!, layout) == expected)
    }

    @Test func numbersArePaddedAndLinesCounted() {
        var buffer = ByteBuffer()
        buffer.append(number: 42, width: 4)
        buffer.append("\n")
        buffer.append(number: 1_234_567)
        buffer.append(jsonString: "a\"b\\c\nd")
        buffer.append(xmlText: "<&>")
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "0042\n1234567\"a\\\"b\\\\c\\nd\"&lt;&amp;&gt;")
        #expect(buffer.currentLine == 2)
    }

    @Test(arguments: [
        ("Fraud", "Fraud"), ("Fraud, large scale", "\"Fraud, large scale\""), ("a \"b\"", "\"a \"\"b\"\"\""),
        ("two\nlines", "\"two\nlines\""),
    ])
    func csvFieldsAreQuotedOnlyWhenNeeded(text: String, expected: String) {
        #expect(SampleBundle.csvField(text, delimiter: ",") == expected)
    }

    @Test func windows1252RoundTripsTheLabels() {
        let text = "Fédération de Russie; États-Unis; En cours d’examen; € – œ"
        let bytes = Windows1252.encode(text)
        #expect(bytes.count == text.unicodeScalars.count)
        #expect(Windows1252.decode(bytes) == text)
        #expect(Windows1252.encode("d’é") == [0x64, 0x92, 0xE9])
    }

    @Test func errorsReadAsOneLine() {
        let error = GeneratorError(code: "file-not-writable", message: "cannot create the file", path: "out/a.csv")
        #expect(error.description == "out/a.csv: error[file-not-writable]: cannot create the file")
    }

    @Test func writingIntoAFileFailsWithTheFolderNamed() throws {
        let folder = try TemporaryFolder("not-a-folder")
        let blocker = folder.path + "/blocker"
        try FileSink.write(Array("x".utf8), to: blocker)
        let error = #expect(throws: GeneratorError.self) {
            try SampleBundle.write(to: blocker, seed: 1)
        }
        #expect(error?.code == "directory-not-creatable")
        #expect(error?.path == blocker + "/api_pages")
    }
}
