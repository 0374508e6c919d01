/// A key met before at one member position of a requested object, with the child it leads to.
///
/// Records of one file nearly always share their key order, so the key at a given position is usually the one
/// the previous record had there: it is then recognised by comparing at most three words, without scanning it
/// or looking it up again. The key is kept with its closing quote (`entity_id"`), so that a match also shows
/// where the string ends, and with the colon when one came right after the quote (`entity_id":`). Only keys
/// without escapes, of at most 22 bytes, are kept: such a key has no quote, backslash or control character, so
/// the bytes matched are the very string a scan would find there.
struct JSONKeyMemo {
    /// Length of the bytes compared (the key, its closing quote, and the colon when ``hasColon``); 0 for no key.
    private(set) var length = 0
    /// Whether the colon after the key is among the bytes compared.
    private(set) var hasColon = false
    /// The child the key leads to, `nil` when nothing under it is requested.
    private(set) var child: Int?
    /// The first eight bytes compared (zero past the end), the next eight when there are more than 16, and the
    /// last eight when there are more than 8.
    private var head: UInt64 = 0
    private var middle: UInt64 = 0
    private var tail: UInt64 = 0

    /// Room for a key not met yet.
    init() {}

    /// The memo of the key whose content is `base[start..<end]`, closed by a quote at `end`; `nil` when the key
    /// is too long, or too close to the end of the `count` bytes to be compared in words.
    init?(_ base: UnsafeRawPointer, start: Int, end: Int, count: Int, child: Int?) {
        let hasColon = end &+ 1 < count && base.load(fromByteOffset: end &+ 1, as: UInt8.self) == UInt8(ascii: ":")
        let length = end &- start &+ (hasColon ? 2 : 1)
        guard length <= 24, start &+ Swift.max(length, 8) <= count else { return nil }
        self.length = length
        self.hasColon = hasColon
        self.child = child
        head = JSONWord.load(base, start) & JSONWord.lowBytes(length)
        if length > 8 { tail = JSONWord.load(base, start &+ length &- 8) }
        if length > 16 { middle = JSONWord.load(base, start &+ 8) }
    }

    /// Whether the key, with its closing quote (and colon), is what the `count` bytes of `base` hold at `offset`.
    @inline(__always)
    func matches(_ base: UnsafeRawPointer, at offset: Int, count: Int) -> Bool {
        guard length > 0, offset &+ Swift.max(length, 8) <= count else { return false }
        let first = JSONWord.load(base, offset)
        if length <= 8 { return first & JSONWord.lowBytes(length) == head }
        guard first == head, JSONWord.load(base, offset &+ length &- 8) == tail else { return false }
        return length <= 16 || JSONWord.load(base, offset &+ 8) == middle
    }
}
