/// A growable run of bytes in memory it allocates itself: text gathered for one field of an XML record.
///
/// A value type over memory it does not free itself: its owner (``XMLRecordWalk``) calls ``deallocate()``.
struct XMLByteBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    /// How many bytes are used; setting it lower forgets the bytes after.
    var count = 0
    private var capacity = 64
    /// The first entity reference met while decoding an attribute value into the buffer, if any.
    var entity: String?

    init() {
        pointer = .allocate(capacity: capacity)
    }

    /// Frees the memory; the buffer is not used after.
    func deallocate() { pointer.deallocate() }

    /// Appends `length` bytes from `bytes`.
    ///
    /// - Complexity: O(`length`), amortized.
    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (pointer + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count + 1 > capacity { grow(to: count + 1) }
        pointer[count] = byte
        count += 1
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
