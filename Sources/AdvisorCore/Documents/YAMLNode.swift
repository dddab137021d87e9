import Foundation

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
                guard let first = nested.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !$0.isEmpty }) else { continue }
                lines += nested[..<first]
                lines.append(indent + "- " + nested[first].dropFirst(indent.count + 2))
                lines += nested[(first + 1)...]
            }
        }
        return lines
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

    /// Multi-line text reads best as a literal block; text a literal block cannot carry exactly is quoted instead.
    private static func usesBlock(_ text: String) -> Bool {
        guard text.contains("\n"), !text.hasPrefix(" "), !text.hasSuffix("\n\n") else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "\n" || ($0.value >= 0x20 && $0.value != 0x7F) }
            && !text.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.hasSuffix(" ") }
    }

    private static func blockHeader(_ text: String) -> String { text.hasSuffix("\n") ? "|" : "|-" }

    private static func blockBody(_ text: String, indent: String) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }
    }

    private static func comment(_ text: String, indent: String) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        return indent + (clean.isEmpty ? "#" : "# " + clean)
    }

    /// A scalar, plain when unambiguous and double-quoted otherwise.
    ///
    /// Plain scalars must not start with a digit (numbers, dates, YAML 1.1 octals and sexagesimals),
    /// an indicator or a quote, must not contain `: ` or ` #`, and must not be a YAML 1.1 boolean or null.
    /// The pattern ends in `\z` because `$` also matches before a final line break.
    public static func scalar(_ text: String) -> String {
        let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let plain = text.range(of: #"^[A-Za-z/$_][A-Za-z0-9 _./+:${}()*,=@'-]*\z"#, options: .regularExpression) != nil
            && !text.hasSuffix(" ") && !text.hasSuffix(":") && !text.contains(": ") && !text.contains(" #")
            && !keywords.contains(text.lowercased())
        if plain { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }
}
