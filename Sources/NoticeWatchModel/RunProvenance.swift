/// What identifies a run, for the report's provenance section and the manifest.
public struct RunProvenance: Hashable, Sendable {
    /// NoticeWatch's version (`0.1.0`).
    public var toolVersion: String
    /// The dataset folder as given on the command line.
    public var datasetPath: String
    /// Every option that can change an output, as `name=value`, sorted by name.
    public var options: [String]

    public init(toolVersion: String, datasetPath: String, options: [String]) {
        self.toolVersion = toolVersion
        self.datasetPath = datasetPath
        self.options = options
    }
}
