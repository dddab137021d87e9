/// Line and column arithmetic on input text, so byte-level problems (invalid UTF-8, characters
/// YAML refuses) and errors at the end of a file get the same `file:line:column` as the rest.
public enum TextLocation {
    /// The 1-based line and column (in Unicode scalars) of the byte at `offset` of `bytes`.
    static func location(of offset: Int, in bytes: some Collection<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1, index = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                // A CRLF pair was already counted at its CR.
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Decodes UTF-8, or names the line and column of the first byte that is not UTF-8.
    public static func decodeUTF8(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8(bytes)
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw InputError(location(of: offset, in: bytes, file: file),
                         "the file is not UTF-8 text: byte 0x\(hex.count < 2 ? "0" + hex : hex) cannot start or continue a character here")
    }

    /// The offset of the first byte of the first invalid UTF-8 sequence (`bytes.count` if there is none).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            guard bytes[index + 1] >= low, bytes[index + 1] <= high else { return index }
            for next in bytes[(index + 2)..<(index + length)] where next & 0xC0 != 0x80 { return index }
            index += length
        }
        return bytes.count
    }

    /// The error for a character libyaml's reader refuses (control characters, a BOM inside the text).
    static func readerError(_ text: String, byteOffset: Int, file: String) -> InputError {
        let utf8 = text.utf8
        let where_ = location(of: byteOffset, in: utf8, file: file)
        var described = "a character YAML does not allow"
        var escape = "\\x01"
        if byteOffset < utf8.count {
            let start = utf8.index(utf8.startIndex, offsetBy: byteOffset)
            if let scalar = String(utf8[start...])?.unicodeScalars.first ?? text[start...].unicodeScalars.first {
                described = "the control character \(Inert.codePoint(scalar))"
                let hex = String(scalar.value, radix: 16)
                escape = scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" + hex : hex)
                    : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return InputError(where_, "\(described) is not allowed in YAML; write it as \"\(escape)\" inside double quotes")
    }

    /// A location the parser gave at or past the end of `text`: a file without a final line break
    /// has no line after its last one, so that moves to just after the last character.
    static func clamped(_ location: SourceLocation, in text: String) -> SourceLocation {
        guard location.line > 1, !text.isEmpty else { return location }
        var lines = 1
        var lastLineLength = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !(byte == UInt8(ascii: "\n") && previous == UInt8(ascii: "\r")) { lines += 1 }
                lastLineLength = 0
            } else if byte & 0xC0 != 0x80 {
                lastLineLength += 1
            }
            previous = byte
        }
        let endsWithBreak = previous == UInt8(ascii: "\n") || previous == UInt8(ascii: "\r")
        let lastLine = endsWithBreak ? lines - 1 : lines
        guard location.line > lastLine else { return location }
        if endsWithBreak { return location }
        return SourceLocation(file: location.file, line: lastLine, column: lastLineLength + 1)
    }
}
