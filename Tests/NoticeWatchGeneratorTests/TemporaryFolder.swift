import Foundation

/// A fresh folder under the system's temporary directory, named after the test that uses it.
struct TemporaryFolder {
    let path: String

    /// Creates an empty folder `noticewatch-generator-<name>-<uuid>`: two test runs at once (two checkouts on
    /// one machine) never share one.
    init(_ name: String) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("noticewatch-generator-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The bytes of the file at `relative` inside the folder.
    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)))
    }

    /// The UTF-8 text of the file at `relative`.
    func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }

    /// Every regular file under the folder, relative paths sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                names.append(name)
            }
        }
        return names.sorted()
    }
}
