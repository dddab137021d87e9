/// The scalars decoded from the bytes `wgetch` returns, waiting to be read one by one: UTF-8 is assembled
/// here; a byte of a single-byte locale charset is decoded by the terminal (it needs the C library's locale).
struct InputDecoder {
    private var assembler = UTF8Assembler()
    private var pending: [Unicode.Scalar] = []

    /// The next decoded scalar, if one is waiting.
    mutating func next() -> Unicode.Scalar? { pending.isEmpty ? nil : pending.removeFirst() }

    /// Feeds one byte of UTF-8.
    mutating func feed(_ byte: UInt8) { pending += assembler.feed(byte) }

    /// Adds a scalar decoded elsewhere.
    mutating func append(_ scalar: Unicode.Scalar) { pending.append(scalar) }

    /// Drops a half-read character (a function key or an error cut it short).
    mutating func interrupt() { assembler.reset() }

    /// Forgets everything, for a new session.
    mutating func reset() {
        assembler.reset()
        pending = []
    }
}
