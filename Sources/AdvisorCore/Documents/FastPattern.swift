/// Byte-level checks for the fixed patterns on every command's path, so ordinary valid input never
/// starts ICU's regular-expression engine: its first use costs about 10 million instructions (close
/// to a millisecond) before any matching. Each check is exact when it says yes; a no is not a
/// verdict, callers then ask the regular expression, so results are the same as before.
public enum FastPattern {
    /// Whether every byte of non-empty ASCII `text` passes: `first` for the first byte, `rest` for the others.
    public static func all(_ text: some StringProtocol, first: (UInt8) -> Bool, rest: (UInt8) -> Bool) -> Bool {
        var isFirst = true
        for byte in text.utf8 {
            guard byte < 0x80, isFirst ? first(byte) : rest(byte) else { return false }
            isFirst = false
        }
        return !isFirst
    }

    /// `^\d{4}-\d{2}-\d{2}$` with ASCII digits, such as 2026-01-31 (no calendar check).
    public static func isDateShape(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }
    }

    /// `[0-9]`.
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    /// `[a-z]`.
    public static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    /// `[A-Za-z]` (setting bit 5 maps exactly A-Z onto a-z).
    public static func isLetter(_ byte: UInt8) -> Bool { isLower(byte | 0x20) }

    /// `^[a-z][a-z0-9-]*$`: service names and other identifiers.
    public static func isName(_ text: some StringProtocol) -> Bool {
        all(text, first: isLower, rest: { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") })
    }

    /// `^(\*|https?://[^/\s*]+)$` (the bundled browser-origins pattern) for `*` or an ASCII origin
    /// whose host part is printable and has no slash and no `*` (a wildcard inside an origin matches no browser).
    public static func isOrigin(_ text: String) -> Bool {
        if text == "*" { return true }
        let host: Substring
        if text.hasPrefix("https://") {
            host = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            host = text.dropFirst(7)
        } else {
            return false
        }
        return all(host, first: isHostByte, rest: isHostByte)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "*")
    }

    /// A byte-level check that is exact when it says yes, for the patterns the bundled questions use; nil for others.
    public static func shortcut(for pattern: String) -> ((String) -> Bool)? {
        switch pattern {
        case "^[a-z][a-z0-9-]*$": return { isName($0) }
        case #"^(\*|https?://[^/\s*]+)$"#: return isOrigin
        default: return nil
        }
    }
}
