/// A rules-folder file already parsed into a document tree.
public struct RuleDocument: Sendable {
    /// File name, as a `RuleFile` would carry it (e.g. `<bundled>/cors.rules.yaml`).
    public var name: String
    /// The parsed document, with the locations of every node.
    public var node: DocNode

    /// Creates a document.
    public init(name: String, node: DocNode) {
        self.name = name
        self.node = node
    }
}

/// Reads and writes the pre-parsed form of rule files that scripts/embed-rules.py embeds.
///
/// Parsing the bundled YAML with Yams was most of the start-up time of every command (about 90% of
/// the instructions of `advise`), so the script also emits the parsed trees in this form, which
/// decodes in a single pass with no YAML resolver, regular expressions or Foundation.
///
/// The form is UTF-8 text, one token per line: the header `apigw-doc 1`; for each file
/// `@<n>:<name>,<bytes>` followed by its root node, which takes that many bytes; then `end`. A node is `<kind><line>,<column>,<n>:` where kind is
/// `S` `B` `I` `F` `N` for a string, bool, int, float or null scalar followed by its n bytes of
/// text, `s` for a sequence followed by n nodes, or `m` for a mapping followed by n key/value node
/// pairs. Lengths are in bytes, so scalar text needs no escaping.
public enum PreparsedDocuments {
    /// First line of the form; the number changes whenever the format does.
    public static let header = "apigw-doc 1"

    /// Decodes the form, leaving out files whose name `skip` accepts; nil when it is malformed, so the
    /// caller can fall back to the YAML.
    public static func decode(_ text: String, skip: (String) -> Bool = { _ in false }) -> [RuleDocument]? {
        var text = text
        // Native strings are contiguous UTF-8; `makeContiguousUTF8` only copies bridged or foreign ones.
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var reader = Reader(bytes: bytes)
            return reader.documents(skip: skip)
        } ?? nil
    }

    /// Encodes documents in the form `decode` reads (the script writes the same form from Python).
    public static func encode(_ documents: [RuleDocument]) -> String {
        var out = header + "\n"
        for document in documents {
            var body = ""
            encode(document.node, into: &body)
            out += "@\(document.name.utf8.count):\(document.name),\(body.utf8.count)\n" + body
        }
        return out + "end\n"
    }

    private static func encode(_ node: DocNode, into out: inout String) {
        let position = "\(node.location.line),\(node.location.column),"
        switch node.value {
        case .scalar(let text, let type):
            let kind: String
            switch type {
            case .string: kind = "S"
            case .bool: kind = "B"
            case .int: kind = "I"
            case .float: kind = "F"
            case .null: kind = "N"
            }
            out += "\(kind)\(position)\(text.utf8.count):\(text)\n"
        case .sequence(let items):
            out += "s\(position)\(items.count):\n"
            for item in items { encode(item, into: &out) }
        case .mapping(let pairs):
            out += "m\(position)\(pairs.count):\n"
            for pair in pairs {
                encode(pair.key, into: &out)
                encode(pair.value, into: &out)
            }
        }
    }

    /// A cursor over the bytes; every read checks bounds and returns nil on anything unexpected.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// Deep enough for any rule file; stops runaway recursion on a corrupt form.
        static let maxDepth = 200

        mutating func documents(skip: (String) -> Bool) -> [RuleDocument]? {
            guard line() == PreparsedDocuments.header else { return nil }
            var out: [RuleDocument] = []
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "e") {
                    return line() == "end" && index == bytes.count ? out : nil
                }
                guard take(UInt8(ascii: "@")), let count = number(until: UInt8(ascii: ":")),
                      let name = text(count: count), take(UInt8(ascii: ",")),
                      let length = number(until: UInt8(ascii: "\n")), length <= bytes.count - index else { return nil }
                let end = index + length
                if skip(name) {
                    index = end
                    continue
                }
                guard let node = node(file: name, depth: 0), index == end else { return nil }
                out.append(RuleDocument(name: name, node: node))
            }
            // The closing `end` is missing: the form was cut short.
            return nil
        }

        mutating func node(file: String, depth: Int) -> DocNode? {
            guard depth < Self.maxDepth, index < bytes.count else { return nil }
            let kind = bytes[index]
            index += 1
            guard let line = number(until: UInt8(ascii: ",")), let column = number(until: UInt8(ascii: ",")),
                  let count = number(until: UInt8(ascii: ":")) else { return nil }
            let location = SourceLocation(file: file, line: line, column: column)
            switch kind {
            case UInt8(ascii: "m"):
                guard take(UInt8(ascii: "\n")) else { return nil }
                var pairs: [(key: DocNode, value: DocNode)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(file: file, depth: depth + 1), let value = node(file: file, depth: depth + 1) else { return nil }
                    pairs.append((key: key, value: value))
                }
                return DocNode(.mapping(pairs), at: location)
            case UInt8(ascii: "s"):
                guard take(UInt8(ascii: "\n")) else { return nil }
                var items: [DocNode] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node(file: file, depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return DocNode(.sequence(items), at: location)
            default:
                let type: DocNode.ScalarType
                switch kind {
                case UInt8(ascii: "S"): type = .string
                case UInt8(ascii: "B"): type = .bool
                case UInt8(ascii: "I"): type = .int
                case UInt8(ascii: "F"): type = .float
                case UInt8(ascii: "N"): type = .null
                default: return nil
                }
                guard let value = text(count: count), take(UInt8(ascii: "\n")) else { return nil }
                return DocNode(.scalar(value, type), at: location)
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A decimal number of at most 9 digits (no overflow), then `terminator`.
        mutating func number(until terminator: UInt8) -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] != terminator {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard digit >= 0, digit <= 9, digits < 9 else { return nil }
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0, take(terminator) else { return nil }
            return value
        }

        mutating func text(count: Int) -> String? {
            guard count >= 0, count <= bytes.count - index else { return nil }
            let slice = UnsafeBufferPointer(rebasing: bytes[index..<(index + count)])
            index += count
            // The form is the text of a Swift string literal, so it is valid UTF-8; a length that cut a
            // character would be repaired here but then misplace every later token, which fails the
            // read. `String(validating:)` took its generic path and was two thirds of the decoding.
            return String(decoding: slice, as: UTF8.self)
        }

        /// The rest of the line; the last line may lack its newline (a Swift literal drops the final one).
        mutating func line() -> String? {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if index < bytes.count { index += 1 }
            return value
        }
    }
}
