/// One file of a rules folder already parsed (lint parses first, so a file that is not YAML is bad input).
public struct RuleDocument: Sendable {
    /// File name, as a `RuleFile` would carry it.
    public var name: String
    /// The parsed document, with the locations of every node.
    public var node: DocNode

    /// Creates a document.
    public init(name: String, node: DocNode) {
        self.name = name
        self.node = node
    }
}
