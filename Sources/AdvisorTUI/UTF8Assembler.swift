/// Assembles UTF-8 input that arrives one byte at a time into Unicode scalars.
///
/// ncurses' `get_wch` keeps buffering after an invalid byte (a Latin-1
/// terminal, a C locale) and swallows up to ~145 following keystrokes before
/// failing. Reading bytes and decoding them here turns each invalid sequence
/// into one U+FFFD and carries on with the next key.
struct UTF8Assembler {
    private var bytes: [UInt8] = []
    private var expectedLength = 0

    /// True while a multi-byte sequence is incomplete.
    var isPending: Bool { !bytes.isEmpty }

    /// Adds a byte and returns the scalars it completes (none while a sequence is unfinished).
    mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        guard isPending else { return start(byte) }
        guard (0x80...0xBF).contains(byte) else {
            // The sequence was cut short: report it and treat the byte as new input.
            reset()
            return [Self.replacement] + start(byte)
        }
        bytes.append(byte)
        guard bytes.count == expectedLength else { return [] }
        let decoded = String(decoding: bytes, as: UTF8.self).unicodeScalars
        reset()
        // Overlong forms and surrogates decode to several U+FFFD: report one.
        if decoded.count == 1, let scalar = decoded.first { return [scalar] }
        return [Self.replacement]
    }

    /// Drops an unfinished sequence, e.g. when a function key or end of input interrupts it.
    mutating func reset() {
        bytes = []
        expectedLength = 0
    }

    private static let replacement: Unicode.Scalar = "\u{FFFD}"

    private mutating func start(_ byte: UInt8) -> [Unicode.Scalar] {
        switch byte {
        case 0x00...0x7F:
            return [Unicode.Scalar(byte)]
        case 0xC2...0xDF:
            expectedLength = 2
        case 0xE0...0xEF:
            expectedLength = 3
        case 0xF0...0xF4:
            expectedLength = 4
        default:
            return [Self.replacement] // stray continuation byte or a byte UTF-8 never uses
        }
        bytes = [byte]
        return []
    }
}
