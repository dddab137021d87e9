/// A test case for rules: answers, the rules that must and must not fire, expected outcomes.
public struct RuleCase: Sendable {
    /// Name shown on failure.
    public var name: String
    /// Raw answers node, decoded against the catalog when the case runs.
    public var answers: DocNode
    /// Rules that must fire.
    public var fires: [String]
    /// Rules that must not fire.
    public var notFires: [String]
    /// Decision id -> expected option id, or `conflict`.
    public var expect: [(decision: String, option: String)]
    /// Where it is defined.
    public var location: SourceLocation
    /// Area of the cases file.
    public var area: String
}
