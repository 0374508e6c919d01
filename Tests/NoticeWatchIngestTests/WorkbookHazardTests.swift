import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Workbooks that must not be read, or not whole: each is listed as not read with its reason, the run goes on
/// with the other inputs, and nothing crashes or exhausts memory.
@Suite("Workbooks refused cleanly")
struct WorkbookHazardTests {
    static let notices = Array("notice_id,requesting_country\n2019/1001,France\n".utf8)

    /// Ingests a folder with `name` (bytes `bytes`) beside a one-row notices CSV; returns the workbook's input
    /// entries.
    static func refusal(_ name: String, bytes: [UInt8]) throws -> (result: IngestResult, entries: [InputFile]) {
        let folder = try IngestFixtures.temporaryFolder([name: bytes, "notices.csv": notices])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.notices.map(\.id) == ["2019/1001"])
        #expect(IngestFixtures.balances(result))
        return (result, result.inputFiles.filter { $0.path.hasPrefix(name) })
    }

    static func fixture(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: IngestFixtures.folder("workbooks/" + relative))))
    }

    @Test("A ZIP bomb (a sheet part inflating some 1000 times) is refused before it is inflated")
    func zipBomb() throws {
        let (_, entries) = try Self.refusal("bomb.xlsx", bytes: try Self.fixture("hostile/bomb.xlsx"))
        #expect(entries.map(\.path) == ["bomb.xlsx!Sheet1"])
        #expect(entries.first?.rowsRead == 0)
        #expect(
            entries.first?.readerChoices.contains {
                $0.hasPrefix("not read: workbook-zip-bomb: the part xl/worksheets/sheet1.xml inflates")
                    && $0.hasSuffix("times (limit 200 for parts over 1048576 bytes)")
            } == true)
    }

    @Test("A part that inflates to more than it declares is refused")
    func lyingSize() throws {
        let (_, entries) = try Self.refusal("lying-size.xlsx", bytes: try Self.fixture("hostile/lying-size.xlsx"))
        #expect(
            entries.first?.readerChoices.contains(
                "not read: workbook-zip-bomb: the part xl/worksheets/sheet1.xml inflates to more than the 100 "
                    + "bytes it declares") == true)
    }

    @Test("A workbook encrypted by msoffcrypto-tool (an OLE2 container) is refused with what to do")
    func encrypted() throws {
        let bytes = try Self.fixture("hostile/encrypted.xlsx")
        #expect(Array(bytes.prefix(4)) == [0xD0, 0xCF, 0x11, 0xE0])
        let (result, entries) = try Self.refusal("encrypted.xlsx", bytes: bytes)
        #expect(entries.map(\.path) == ["encrypted.xlsx"])
        #expect(
            entries.first?.readerChoices.first?.hasPrefix("not read: workbook-encrypted: an OLE2 compound file") == true
        )
        #expect(
            result.sources.first { $0.source == "encrypted.xlsx" }?.mapping.first?.hasPrefix(
                "none: not read: workbook-encrypted") == true)
    }

    @Test("A ZIP workbook with an EncryptionInfo part is refused")
    func encryptionInfoPart() throws {
        let bytes = try ZipFixture.archive([
            "[Content_Types].xml": "<Types/>", "EncryptionInfo": "x", "xl/workbook.xml": "<workbook/>",
        ])
        let (_, entries) = try Self.refusal("sealed.xlsx", bytes: bytes)
        #expect(
            entries.first?.readerChoices
                == ["not read: workbook-encrypted: the workbook is encrypted (it has an EncryptionInfo part)"])
    }

    @Test("A macro-only workbook (no sheet) is refused")
    func macroOnly() throws {
        let (_, entries) = try Self.refusal("macro-only.xlsm", bytes: try Self.fixture("hostile/macro-only.xlsm"))
        #expect(entries.first?.readerChoices == ["not read: workbook-no-sheets: the workbook has macros and no sheet"])
    }

    @Test("A CSV file named .xlsx, and a workbook cut short, are refused, not crashed on")
    func notAWorkbook() throws {
        let (_, renamed) = try Self.refusal("export.xlsx", bytes: Array("id,country\n1,FR\n".utf8))
        #expect(renamed.first?.readerChoices.first?.hasPrefix("not read: workbook-not-zip") == true)
        let whole = try Self.fixture("openpyxl/leak.xlsx")
        for cut in [whole.count / 3, whole.count - 30] {
            let (_, entries) = try Self.refusal("cut.xlsx", bytes: Array(whole.prefix(cut)))
            #expect(entries.allSatisfy { $0.rowsRead == 0 })
            #expect(entries.allSatisfy { $0.readerChoices.contains { $0.hasPrefix("not read: workbook-") } })
        }
    }

    @Test("A shared-strings table over the limit refuses every sheet; a part over the size limit is a bomb")
    func limits() throws {
        let path = IngestFixtures.folder("workbooks/libreoffice/leak-recalculated.xlsx")
        var limits = WorkbookLimits()
        limits.maximumSharedStrings = 5
        let workbook = try Workbook(path: path, format: .xlsx, limits: limits)
        #expect(workbook.sheets.map(\.name) == ["Cover", "Complaints 2021", "Notices"])
        #expect(throws: WorkbookRefusal.self) { try workbook.grid(for: "Notices") }
        do {
            _ = try workbook.grid(for: "Notices")
        } catch {
            #expect(error.code == "workbook-too-large")
            #expect(error.message == "the shared-strings table is over the limit of 5 strings or 134217728 bytes")
        }
        var small = WorkbookLimits()
        small.maximumPartSize = 512
        do {
            _ = try Workbook(path: path, format: .xlsx, limits: small).grid(for: "Complaints 2021")
            Issue.record("a part over the size limit was read")
        } catch {
            #expect(error.code == "workbook-zip-bomb")
            #expect(error.message.contains("uncompressed (limit 512)"))
        }
        var few = WorkbookLimits()
        few.maximumCells = 10
        do {
            _ = try Workbook(path: path, format: .xlsx, limits: few).grid(for: "Complaints 2021")
            Issue.record("a sheet over the cell limit was read")
        } catch {
            #expect(error.code == "workbook-too-large")
        }
    }
}

/// Small ZIP archives written in the test (stored parts), for containers no spreadsheet program writes.
enum ZipFixture {
    static func archive(_ parts: [String: String]) throws -> [UInt8] {
        var data: [UInt8] = []
        var directory: [UInt8] = []
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let body = Array(text.utf8)
            let offset = data.count
            let crc = crc32(body)
            let header: [UInt8] =
                le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(body.count)
                + le32(body.count) + le16(name.utf8.count) + le16(0)
            data += header + Array(name.utf8) + body
            directory +=
                le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(body.count) + le32(body.count) + le16(name.utf8.count) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(0) + le32(offset) + Array(name.utf8)
        }
        let end =
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(parts.count) + le16(parts.count) + le32(directory.count)
            + le32(data.count) + le16(0)
        return data + directory + end
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    static func le32(_ value: UInt32) -> [UInt8] { le32(Int(value)) }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
