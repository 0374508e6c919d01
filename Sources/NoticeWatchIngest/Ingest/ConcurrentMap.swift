import Dispatch

/// Runs a throwing transform over items on all cores and returns every result in the items' order.
///
/// Each iteration writes only its own slot, so the output is the same whatever the scheduling.
enum ConcurrentMap {
    /// `body` applied to each item, concurrently; results (or errors) in item order.
    ///
    /// - Complexity: O(n) calls of `body`, spread over the machine's cores.
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ body: @Sendable (Item) throws(IngestError) -> Output
    ) -> [Result<Output, IngestError>] {
        let slots = Slots<Result<Output, IngestError>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result: Result<Output, IngestError>
            do throws(IngestError) {
                result = .success(try body(items[index]))
            } catch {
                result = .failure(error)
            }
            slots.store(result, at: index)
        }
        return slots.collect()
    }
}

extension ConcurrentMap {
    /// Runs `first` and `second` at once and returns both results, or the first one's error, else the second's.
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws(IngestError) -> First, _ second: @Sendable () throws(IngestError) -> Second
    ) throws(IngestError) -> (First, Second) {
        let firsts = Slots<Result<First, IngestError>>(count: 1)
        let seconds = Slots<Result<Second, IngestError>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                firsts.store(Result { () throws(IngestError) in try first() }, at: 0)
            } else {
                seconds.store(Result { () throws(IngestError) in try second() }, at: 0)
            }
        }
        return (try firsts.collect()[0].get(), try seconds.collect()[0].get())
    }
}

/// Storage for concurrent results, one slot per iteration.
///
/// `@unchecked Sendable`: every slot is written by exactly one iteration of `concurrentPerform` and read only
/// after it returns, so no two threads ever touch the same slot at once.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) { storage[index] = value }

    func collect() -> [Value] { storage.map { $0! } }
}
