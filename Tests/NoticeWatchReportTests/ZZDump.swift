import Foundation
import NoticeWatchReport
import Testing
@Test func dumpSample() throws {
    try? FileManager.default.removeItem(atPath: "/tmp/nwsample")
    try FileManager.default.createDirectory(atPath: "/tmp/nwsample", withIntermediateDirectories: false)
    _ = try ReportWriter.write(ReportFixture.input, to: "/tmp/nwsample", previous: nil)
}
