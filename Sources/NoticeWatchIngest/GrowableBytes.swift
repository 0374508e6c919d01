/// A growable run of bytes in memory it allocates itself: a field's text gathered from XML events, a queue of
/// records' values, one record's values. Emptied by setting ``count`` to 0 and reused, so that reading
/// allocates nothing once the memory has grown.
///
/// A value type over memory it does not free itself: its owner calls ``deallocate()`` once.
struct GrowableBytes {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    /// How many bytes are used; setting it lower forgets the bytes after.
    var count = 0
    private var capacity: Int

    /// Room for `capacity` bytes to start with.
    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        pointer = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the bytes are not used after.
    func deallocate() { pointer.deallocate() }

    /// Appends `length` bytes from `bytes`.
    ///
    /// - Complexity: O(`length`), amortized.
    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        (room(for: length)).update(from: bytes, count: length)
        count += length
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        room(for: 1).pointee = byte
        count += 1
    }

    /// Makes room for `length` more bytes after the used ones and returns where they go; the caller writes them
    /// and adds `length` to ``count``. Earlier pointers are invalid after it.
    ///
    /// - Complexity: O(``count``) when the memory grows (at least doubling), else O(1).
    @inline(__always)
    mutating func room(for length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > capacity { grow(to: count + length) }
        return pointer + count
    }

    private mutating func grow(to needed: Int) {
        let grown = max(capacity * 2, needed)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: pointer, count: count)
        pointer.deallocate()
        pointer = bigger
        capacity = grown
    }
}
