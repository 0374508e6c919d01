public import NoticeWatchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `noticewatch init`: writes the folder's `sources.yml` from what a run without one infers
/// (``SourcesFileWriter``), reading whole files.
///
/// The file is written beside its final name under a hidden temporary name (which no run reads), then put in
/// place in one step: without `force` by a hard link that fails when a `sources.yml` exists (so one that appears
/// meanwhile is never replaced either), with `force` by `rename(2)`, which replaces the entry itself (a link
/// named `sources.yml` is replaced, never the file it points to). No other file is touched.
public enum SourcesFileInit {
    /// What `init` wrote.
    public struct Written: Sendable {
        /// The path of the sources file written.
        public var path: String
        /// Its text.
        public var text: String
        /// The inspection it was made from.
        public var inspection: DatasetInspection
    }

    /// Infers every file of `directory` and writes `directory/sources.yml`.
    ///
    /// - Throws: `init-would-overwrite` when the folder has a `sources.yml` and `force` is `false` (before any
    ///   file is read); `output-not-writable` when it cannot be written; the inspection's errors.
    public static func run(directory: String, force: Bool) throws(IngestError) -> Written {
        let target = directory + "/" + DatasetIngestor.sourcesFileName
        if !force && exists(target) { throw overwrite(target) }
        let inspection = try DatasetInspector(directory: directory).inspect(full: true, inferring: true)
        let text = SourcesFileWriter.text(for: inspection)
        let temporary = directory + "/.sources.yml.\(getpid()).tmp"
        try writeNew(temporary, text)
        if force {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw IngestError(
                    code: .outputNotWritable, message: "cannot put the sources file in place: \(reason)", file: target)
            }
        } else {
            let linked = link(temporary, target) == 0
            let failure = errno
            unlink(temporary)
            guard linked else {
                if failure == EEXIST { throw overwrite(target) }
                throw IngestError(
                    code: .outputNotWritable,
                    message: "cannot put the sources file in place: \(String(cString: strerror(failure)))",
                    file: target)
            }
        }
        return Written(path: target, text: text, inspection: inspection)
    }

    private static func overwrite(_ target: String) -> IngestError {
        IngestError(
            code: .initWouldOverwrite,
            message: "the dataset folder has a sources.yml already; nothing was written (--force replaces it)",
            file: target)
    }

    /// Whether an entry (a file, a link, even a dangling one) has this name.
    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Writes `text` to a new file at `path` (which must not exist), flushed to disk.
    private static func writeNew(_ path: String, _ text: String) throws(IngestError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw IngestError(
                code: .outputNotWritable, message: "cannot create \(path): \(String(cString: strerror(errno)))",
                file: path)
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(path)
                throw IngestError(code: .outputNotWritable, message: "cannot write \(path): \(reason)", file: path)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced else {
            unlink(path)
            throw IngestError(code: .outputNotWritable, message: "cannot write \(path) to disk", file: path)
        }
    }
}
