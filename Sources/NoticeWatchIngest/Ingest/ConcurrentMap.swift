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
