/// Makes text safe to print on a terminal: the one place where anything the user or a rules folder
/// wrote is turned inert before it reaches standard output or standard error in plain-text form.
///
/// Control characters (C0 but line feed and tab, DEL, the C1 range U+0080-U+009F including CSI
/// U+009B and NEL U+0085), the line and paragraph separators and the bidirectional overrides are
/// shown as `\u{1B}`, so an OSC or CSI sequence in a team name prints as text instead of acting.
public enum Inert {
    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 && value != 0x0A && value != 0x09
            || (0x7F...0x9F).contains(value)
            || value == 0x2028 || value == 0x2029
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// `text` with every unsafe character shown as `\u{XX}`; line feeds and tabs stay.
    public static func terminal(_ text: String) -> String {
        // Most text holds nothing unsafe; the byte test avoids rebuilding it.
        guard mayHoldUnsafe(text) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// False only when no character of `text` is unsafe, by the UTF-8 forms: C0 and DEL are single
    /// bytes, C1 is 0xC2 0x80-0x9F, the separators and overrides are 0xE2 0x80 0xA8-0xAE and 0xE2 0x81 0xA6-0xA9.
    static func mayHoldUnsafe(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 && (previous == 0x80 && (0xA8...0xAE).contains(byte) || previous == 0x81 && (0xA6...0xA9).contains(byte)) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// JSON text with the characters a terminal or a JavaScript reader would act on (DEL, C1, the
    /// separators, the overrides) written as `\uXXXX` escapes; outside strings JSON holds none of them,
    /// so the document means the same. (The encoder already escapes C0.)
    public static func json(_ text: String) -> String {
        guard mayHoldUnsafe(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A value quoted inside a one-line message: unsafe characters and line breaks escaped, and cut
    /// to `limit` characters so a 4 MB key does not fill the screen.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                let rest = text.unicodeScalars.count - limit
                out += "... (\(rest) more character\(rest == 1 ? "" : "s"))"
                break
            }
            if scalar == "\n" {
                out += "\\n"
            } else if scalar == "\t" {
                out += "\\t"
            } else if isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// `\u{1B}`: the escape shown for an unsafe character.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// `U+0001`, the usual name of a code point in messages.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
