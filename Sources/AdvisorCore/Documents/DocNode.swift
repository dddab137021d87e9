import Foundation
import Yams

/// A parsed YAML or JSON value with the location of every node, so errors can point at line and column.
public struct DocNode: Sendable, Equatable, Codable {
    /// The kinds of node.
    public enum Value: Sendable {
        /// A scalar: its text and what a YAML resolver made of it.
        case scalar(String, ScalarType)
        /// A mapping, in file order.
        case mapping([(key: DocNode, value: DocNode)])
        /// A sequence.
        case sequence([DocNode])
    }

    /// How a plain scalar resolved; quoted scalars are always `.string`.
    public enum ScalarType: String, Sendable, Codable { case string, bool, int, float, null }

    /// The value.
    public var value: Value
    /// Where it starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The largest input we parse: anything bigger is certainly not a hand-written answers or rules file.
    public static let maxBytes = 4 * 1024 * 1024

    /// Parses YAML (JSON is YAML too) from `text`, naming `file` in every location.
    public static func parse(_ text: String, file: String) throws(InputError) -> DocNode {
        if text.utf8.count > maxBytes {
            throw InputError(SourceLocation(file: file),
                             "the file is \(text.utf8.count) bytes; the limit is \(maxBytes) bytes")
        }
        if !hasContentLine(text) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            // `isNewline` also splits CRLF, which Swift keeps as one Character that equals neither "\r" nor "\n".
            let lines = trimmed.split(whereSeparator: \.isNewline)
            if lines.allSatisfy({ $0.drop(while: \.isWhitespace).first.map { $0 == "#" } ?? true }) {
                throw InputError(SourceLocation(file: file), "the file is empty")
            }
        }
        // Aliases, nodes and depth are counted before Yams composes anything (see YAMLBudget).
        try YAMLBudget.check(text, file: file)
        let root: Node?
        do {
            root = try compose(text)
        } catch let error as YamlError {
            throw InputError(TextLocation.clamped(errorLocation(error, file: file), in: text), syntaxMessage(error))
        } catch {
            throw InputError(SourceLocation(file: file), "cannot parse: \(error)")
        }
        guard let root else { throw InputError(SourceLocation(file: file), "the file is empty") }
        return convert(root, file: file)
    }

    /// Composes with `Resolver.basic`, whose empty rule list spares compiling Yams' seven regular
    /// expressions (and starting ICU's regex engine); types come from PlainScalarType instead. The
    /// resolver also decides which mapping keys are duplicates: with no tags in the text (no `!`),
    /// every duplicate under the default resolver is one under the basic one too, and a duplicate
    /// found is re-checked with the default resolver, so what is accepted and rejected is unchanged.
    private static func compose(_ text: String) throws -> Node? {
        guard !text.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: text, .default) }
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text, .default)
        }
    }

    /// Whether a line starts with a printable ASCII character other than `#` (or a space): then the
    /// emptiness test above cannot hold, and its Foundation trimming, which bridged the whole text to
    /// UTF-16 and cost more than parsing a small file, is skipped. A line here starts after a `\n`
    /// that is a character of its own (not the end of `\r\n`), as `split(separator: "\n")` sees it.
    static func hasContentLine(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "\n"), beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "\n") && beforePrevious != UInt8(ascii: "\r")
                && byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "#") {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    private static func convert(_ node: Node, file: String) -> DocNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            let type: ScalarType
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal || scalar.style == .folded {
                type = .string
            } else if scalar.tag.rawValue == Tag.Name.implicit.rawValue {
                // What Resolver.default.resolveTag gives an untagged plain scalar, without its regexes.
                type = PlainScalarType.of(scalar.string)
            } else {
                // An explicit tag decides by itself, whatever the resolver, and .basic compiles nothing.
                switch Resolver.basic.resolveTag(of: node) {
                case .bool: type = .bool
                case .int: type = .int
                case .float: type = .float
                case .null: type = .null
                default: type = .string
                }
            }
            return DocNode(.scalar(scalar.string, type), at: location)
        case .mapping(let mapping):
            return DocNode(.mapping(mapping.map { (key: convert($0.key, file: file), value: convert($0.value, file: file)) }), at: location)
        case .sequence(let sequence):
            return DocNode(.sequence(sequence.map { convert($0, file: file) }), at: location)
        case .alias(let alias):
            return DocNode(.scalar("*" + alias.anchor.rawValue, .string), at: location)
        }
    }

    private static func errorLocation(_ error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: file)
        }
    }

    private static func syntaxMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            let prefix = context.map { "\($0.text), " } ?? ""
            return "malformed YAML/JSON: \(prefix)\(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key(s) in a mapping: \(duplicates.joined(separator: ", "))"
        case .reader(let problem, _, _, _):
            return "cannot read the file: \(problem)"
        default:
            return "malformed YAML/JSON: \(error)"
        }
    }
}

extension DocNode {
    /// A short name for the node's kind, for error messages.
    public var kindName: String {
        switch value {
        case .scalar(_, let type):
            switch type {
            case .string: return "a string"
            case .bool: return "true/false"
            case .int, .float: return "a number"
            case .null: return "nothing (null)"
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The scalar text, or nil for mappings and sequences.
    public var scalarText: String? {
        if case .scalar(let text, let type) = value, type != .null { return text }
        return nil
    }

    /// Whether this is a null scalar (`~`, `null` or an empty value).
    public var isNull: Bool {
        if case .scalar(_, .null) = value { return true }
        return false
    }
}

extension DocNode.Value: Equatable {
    /// Same kind, text and type, and equal children in the same order.
    public static func == (lhs: DocNode.Value, rhs: DocNode.Value) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, x), .scalar(b, y)): return a == b && x == y
        case let (.sequence(a), .sequence(b)): return a == b
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension DocNode.Value: Codable {
    // Written by hand because a mapping keeps its pairs in file order as tuples, which are not Codable:
    // a list whose first element names the kind, then the scalar's text and type, the sequence's
    // items, or the mapping's keys and values in turn.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .scalar(let text, let type):
            try container.encode("scalar")
            try container.encode(text)
            try container.encode(type)
        case .mapping(let pairs):
            try container.encode("mapping")
            for pair in pairs {
                try container.encode(pair.key)
                try container.encode(pair.value)
            }
        case .sequence(let items):
            try container.encode("sequence")
            for item in items { try container.encode(item) }
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(String.self) {
        case "scalar":
            self = .scalar(try container.decode(String.self), try container.decode(DocNode.ScalarType.self))
        case "mapping":
            var pairs: [(key: DocNode, value: DocNode)] = []
            while !container.isAtEnd { pairs.append((try container.decode(DocNode.self), try container.decode(DocNode.self))) }
            self = .mapping(pairs)
        case "sequence":
            var items: [DocNode] = []
            while !container.isAtEnd { items.append(try container.decode(DocNode.self)) }
            self = .sequence(items)
        case let kind:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown node kind \(kind)")
        }
    }
}
