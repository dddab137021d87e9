/// A test case for rules: answers, the rules that must and must not fire, expected outcomes.
public struct RuleCase: Sendable, Equatable, Codable {
    /// Name shown on failure.
    public var name: String
    /// Raw answers node, decoded against the catalog when the case runs.
    public var answers: DocNode
    /// Rules that must fire.
    public var fires: [String]
    /// Rules that must not fire.
    public var notFires: [String]
    /// Decision id -> expected option id, or `conflict`.
    public var expect: [ExpectedOutcome]
    /// Where it is defined.
    public var location: SourceLocation
    /// Area of the cases file.
    public var area: String
}

/// One expected outcome of a rule case: the decision and the option it must choose (or `conflict`).
public struct ExpectedOutcome: Sendable, Hashable, Codable {
    /// Decision id.
    public var decision: String
    /// Option id, or `conflict`.
    public var option: String

    /// Creates an expected outcome.
    public init(decision: String, option: String) {
        self.decision = decision
        self.option = option
    }
}
