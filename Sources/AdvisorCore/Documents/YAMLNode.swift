/// A YAML value whose mappings keep their order, so generated files come out the same every time.
public indirect enum YAMLNode: Sendable, Hashable {
    /// A string, quoted when a YAML 1.1 reader (PyYAML in cfn-lint, Yams) would read it as anything else.
    case string(String)
    /// A number or boolean, written as is.
    case literal(String)
    /// A block sequence.
    case sequence([YAMLNode])
    /// A block mapping, in the given order.
    case mapping([YAMLEntry])

    /// An integer.
    public static func int(_ value: Int) -> YAMLNode { .literal(String(value)) }
    /// A boolean.
    public static func bool(_ value: Bool) -> YAMLNode { .literal(value ? "true" : "false") }
    /// A list of strings.
    public static func strings(_ values: [String]) -> YAMLNode { .sequence(values.map(YAMLNode.string)) }
    /// CloudFormation `Ref`, in the long form so every YAML reader sees a plain mapping.
    public static func ref(_ name: String) -> YAMLNode { .mapping([YAMLEntry("Ref", .string(name))]) }
    /// CloudFormation `Fn::Sub`.
    public static func sub(_ text: String) -> YAMLNode { .mapping([YAMLEntry("Fn::Sub", .string(text))]) }
    /// CloudFormation `Fn::GetAtt`.
    public static func getAtt(_ resource: String, _ attribute: String) -> YAMLNode {
        .mapping([YAMLEntry("Fn::GetAtt", .strings([resource, attribute]))])
    }
}

/// One key of a mapping, with an optional comment written above it.
public struct YAMLEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLNode
    /// Comment lines written above the key (why the entry is there).
    public var comment: [String]
    /// Whether a blank line separates the entry from the one before, for readability.
    public var spaced: Bool

    /// Creates an entry.
    public init(_ key: String, _ value: YAMLNode, comment: [String] = [], spaced: Bool = false) {
        self.key = key
        self.value = value
        self.comment = comment
        self.spaced = spaced
    }
}

/// Writes YAML in block style with two-space indentation.
public enum YAMLWriter {
    /// The document, preceded by `header` as comment lines.
    public static func document(_ root: YAMLNode, header: [String] = []) -> String {
        var lines = header.map { comment($0, indent: "") }
        if !header.isEmpty { lines.append("") }
        switch root {
        case .mapping(let entries) where !entries.isEmpty:
            lines += mappingLines(entries, indent: "")
        case .sequence(let items) where !items.isEmpty:
            lines += sequenceLines(items, indent: "")
        default:
            lines.append(inline(root) ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mappingLines(_ entries: [YAMLEntry], indent: String) -> [String] {
        var lines: [String] = []
        for (index, entry) in entries.enumerated() {
            if entry.spaced && index > 0 { lines.append("") }
            lines += entry.comment.map { comment($0, indent: indent) }
            let key = indent + scalar(entry.key) + ":"
            if let text = inline(entry.value) {
                lines.append(key + " " + text)
            } else if case .string(let text) = entry.value {
                lines.append(key + " " + blockHeader(text))
                lines += blockBody(text, indent: indent + "  ")
            } else if case .mapping(let children) = entry.value {
                lines.append(key)
                lines += mappingLines(children, indent: indent + "  ")
            } else if case .sequence(let items) = entry.value {
                lines.append(key)
                lines += sequenceLines(items, indent: indent + "  ")
            }
        }
        return lines
    }

    private static func sequenceLines(_ items: [YAMLNode], indent: String) -> [String] {
        var lines: [String] = []
        for item in items {
            if let text = inline(item) {
                lines.append(indent + "- " + text)
            } else if case .string(let text) = item {
                lines.append(indent + "- " + blockHeader(text))
                lines += blockBody(text, indent: indent + "  ")
            } else {
                // The first line of the nested block goes after the dash; the rest keep its indentation.
                let nested: [String]
                if case .mapping(let children) = item {
                    nested = mappingLines(children, indent: indent + "  ")
                } else if case .sequence(let children) = item {
                    nested = sequenceLines(children, indent: indent + "  ")
                } else {
                    nested = []
                }
                guard let first = nested.firstIndex(where: { !isCommentOrBlank($0) }) else { continue }
                lines += nested[..<first]
                lines.append(indent + "- " + nested[first].dropFirst(indent.count + 2))
                lines += nested[(first + 1)...]
            }
        }
        return lines
    }

    /// Whether a written line is blank or a comment (spaces, then `#` or nothing).
    private static func isCommentOrBlank(_ line: String) -> Bool {
        for byte in line.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return byte == UInt8(ascii: "#") }
        return true
    }

    /// The one-line form of a value, or nil when it needs a block.
    private static func inline(_ node: YAMLNode) -> String? {
        switch node {
        case .literal(let text): return text
        case .string(let text): return usesBlock(text) ? nil : scalar(text)
        case .sequence(let items): return items.isEmpty ? "[]" : nil
        case .mapping(let entries): return entries.isEmpty ? "{}" : nil
        }
    }

    /// Multi-line text reads best as a literal block; text a literal block cannot carry exactly is quoted
    /// instead: a line break other than `\n` (`\r`, U+0085, U+2028, U+2029 are line breaks to a YAML
    /// 1.1 reader), a character that must be escaped, a line ending in a space, extra line breaks at
    /// the end, or a first non-empty line that starts with a space (it would set the indentation).
    private static func usesBlock(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "\n")), !text.hasSuffix("\n\n") else { return false }
        var previous: Unicode.Scalar = "\n"
        var seenContent = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous == " " { return false }
            } else {
                if needsEscape(scalar) { return false }
                if !seenContent && previous == "\n" && scalar == " " { return false }
                seenContent = true
            }
            previous = scalar
        }
        return seenContent && previous != " "
    }

    private static func blockHeader(_ text: String) -> String { text.hasSuffix("\n") ? "|" : "|-" }

    private static func blockBody(_ text: String, indent: String) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        // Split on the byte: splitting by Character would keep a "\r\n" together (usesBlock excludes "\r").
        return body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            $0.isEmpty ? "" : indent + String(decoding: $0, as: UTF8.self)
        }
    }

    /// A comment line. Anything that would end the comment early (every line break a YAML 1.1 reader
    /// knows, including U+0085, U+2028 and U+2029) or act on a terminal is shown escaped, as `\u{2028}`,
    /// so the rest of the text can never be read as YAML.
    static func comment(_ text: String, indent: String) -> String {
        var clean = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" {
                clean += " "
            } else if needsEscape(scalar) || Inert.isUnsafe(scalar) {
                clean += Inert.escape(scalar)
            } else {
                clean.unicodeScalars.append(scalar)
            }
        }
        return indent + (clean.isEmpty ? "#" : "# " + clean)
    }

    /// Whether a YAML 1.1 reader would not take `scalar` as it is inside a double-quoted scalar: the
    /// C0 controls, DEL, the C1 controls (U+0085 is a line break), U+2028 and U+2029 (line breaks),
    /// the byte-order mark and the non-characters U+FFFE and U+FFFF. PyYAML refuses the unprintable ones.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF
    }

    /// `[A-Za-z/$_]`: how a plain scalar may start.
    private static func isPlainStart(_ byte: UInt8) -> Bool {
        FastPattern.isLetter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "_")
    }

    /// `[A-Za-z0-9 _./+:${}()*,=@'-]`: what a plain scalar may hold after its first character.
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        if FastPattern.isLetter(byte) || FastPattern.isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: ":"),
             UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
             UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "'"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    /// Whether `text` can be written as a plain scalar and read back as the same string: it starts with
    /// a letter, `/`, `$` or `_` (not a digit: numbers, dates, YAML 1.1 octals and sexagesimals; not an
    /// indicator or a quote), holds only the bytes above (ASCII, so no line break of any kind), does not
    /// end in a space or `:`, holds no `: ` or ` #`, and is not a YAML 1.1 boolean or null. One pass
    /// over the bytes, no regular expression.
    static func isPlain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var first = true
        for byte in text.utf8 {
            guard first ? isPlainStart(byte) : isPlainByte(byte) else { return false }
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return false }
            previous = byte
            first = false
        }
        guard !first, previous != UInt8(ascii: " "), previous != UInt8(ascii: ":") else { return false }
        // Keywords are at most five bytes; longer text needs no lower-casing.
        return text.utf8.count > 5 || !keywords.contains(text.lowercased())
    }

    /// A scalar, plain when unambiguous and double-quoted otherwise. In quotes every character a
    /// YAML 1.1 reader would not take as it is (see `needsEscape`) is an escape: `\N`, `\L`, `\P` for
    /// the line breaks, `\xXX` or `\uXXXX` for the rest.
    public static func scalar(_ text: String) -> String {
        if isPlain(text) { return text }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case "\u{85}": escaped += "\\N"
            case "\u{2028}": escaped += "\\L"
            case "\u{2029}": escaped += "\\P"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    escaped += scalar.value <= 0xFF
                        ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
