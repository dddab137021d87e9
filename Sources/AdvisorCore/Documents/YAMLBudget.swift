internal import CYaml

/// Bounds the work a YAML text can cause before anything is composed.
///
/// Yams' composer shares an anchored node with every alias, which is cheap, but everything after it
/// (the conversion into `DocNode`, hashing keys for duplicates, decoding) walks the expanded tree: a
/// few hundred bytes of nested aliases expand to billions of nodes. This pass reads libyaml's events
/// once, in constant stack space, and counts what the expanded tree would hold: nodes (an alias
/// counts as every node of what it names), nesting depth (through aliases too) and aliases, so an
/// input over a limit is refused with its location before Yams composes it.
public enum YAMLBudget {
    /// Nodes in the expanded tree; hand-written answers and rule files hold a few thousand, an inventory of
    /// 5,000 services with ten resources each about 370,000 (issue 12's scale).
    public static let maxNodes = 500_000
    /// Nesting depth of collections; the bundled rules nest less than 15 deep.
    public static let maxDepth = 100
    /// Aliases in a document.
    public static let maxAliases = 10_000

    private struct Open {
        var anchor: String?
        var nodesBefore: Int
        var deepest: Int
    }

    /// Throws a located error when `text` exceeds a limit or libyaml's reader rejects a character;
    /// other syntax errors are left for the composer, which reports them the same way as before.
    static func check(_ text: String, file: String) throws(InputError) {
        var text = text
        text.makeContiguousUTF8()
        let result: InputError? = text.utf8.withContiguousStorageIfAvailable { bytes in
            scan(bytes, text: text, file: file)
        } ?? nil
        if let result { throw result }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, text: String, file: String) -> InputError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var stack: [Open] = []
        var anchors: [String: (nodes: Int, depth: Int)] = [:]
        var nodes = 0, aliases = 0
        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
        func name(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            pointer.map { String(cString: $0) }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                if parser.error == YAML_READER_ERROR {
                    return TextLocation.readerError(text, byteOffset: Int(parser.problem_offset), file: file)
                }
                return nil
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            var added = 0, depth = 0
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                added = 1
                depth = stack.count
                if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = (1, 0) }
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > maxAliases {
                    return InputError(location(mark), "more than \(maxAliases) aliases (*name); refusing to expand them")
                }
                guard let anchor = name(event.data.alias.anchor), let target = anchors[anchor] else { continue }
                added = target.nodes
                depth = stack.count + target.depth
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                stack.append(Open(anchor: anchor, nodesBefore: nodes, deepest: stack.count + 1))
                added = 1
                depth = stack.count
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { continue }
                if let anchor = open.anchor {
                    anchors[anchor] = (nodes - open.nodesBefore, open.deepest - stack.count)
                }
                if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, open.deepest) }
                continue
            default:
                continue
            }
            nodes += added
            if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, depth) }
            if depth > maxDepth {
                return InputError(location(mark), "nested more than \(maxDepth) levels deep (counting what aliases expand to)")
            }
            if nodes > maxNodes {
                return InputError(location(mark), "more than \(maxNodes) values once aliases are expanded; refusing to expand them")
            }
        }
    }
}
