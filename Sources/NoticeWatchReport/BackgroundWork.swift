internal import Dispatch
internal import Synchronization

/// Work running on another thread, started at once, whose result is waited for.
///
/// The report's outputs are independent files: `records.sqlite` (most of the report's time) is written on a
/// second core while the text outputs are built and written on the caller's, and its rows are encoded a
/// chunk ahead of SQLite. The outputs' bytes do not depend on which finishes first.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, ReportError>?>(nil)
    private let group = DispatchGroup()

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws(ReportError) -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let outcome = Result { () throws(ReportError) -> Value in try work() }
            result.withLock { $0 = outcome }
            group.leave()
        }
    }

    /// Waits until the work has finished; may be called any number of times.
    ///
    /// - Returns: what the work returned.
    /// - Throws: what the work threw.
    func value() throws(ReportError) -> Value {
        group.wait()
        guard let outcome = result.withLock({ $0 }) else {
            preconditionFailure("the group was left before the result was stored")
        }
        return try outcome.get()
    }

    /// Waits until the work has finished, ignoring its result (before giving up on the folder it writes to).
    func finish() {
        group.wait()
    }
}
