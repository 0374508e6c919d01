/// A problem that stops writing a bundle: the folder cannot be created or a file cannot be written.
///
/// `description` reads as one line in a terminal: `Datasets/sample/sources.yml: error[file-not-writable]: …`.
public struct GeneratorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable kebab-case code: `directory-not-creatable`, `file-not-writable`, `invalid-size`, `invalid-profile`.
    public var code: String
    /// What went wrong, in words.
    public var message: String
    /// The path at fault, when there is one.
    public var path: String?

    /// Creates an error with a stable `code`, a `message` and the `path` at fault.
    public init(code: String, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// `path: error[code]: message`, or `error[code]: message` without a path.
    public var description: String {
        let place = path.map { "\($0): " } ?? ""
        return "\(place)error[\(code)]: \(message)"
    }
}
