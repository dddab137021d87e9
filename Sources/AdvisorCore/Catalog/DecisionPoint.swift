/// One option of a decision point.
public struct DecisionOption: Sendable, Hashable, Codable {
    /// Stable id, used in rules and outputs.
    public var id: String
    /// Title.
    public var title: String
    /// One sentence on what it is.
    public var summary: String
    /// Advantages.
    public var pros: [String]
    /// Drawbacks.
    public var cons: [String]
}

/// Where a decision applies: once for the whole system, or once for each API.
public enum DecisionScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// Resolved once from the answers of every service (how many APIs there are).
    case system
    /// Resolved for each API from the answers of the services and routes on it.
    case api
}

/// A decision the advisor makes, such as the API type or the authorizer.
public struct DecisionPoint: Sendable, Equatable, Codable {
    /// Stable id.
    public var id: String
    /// Short title (also the MADR file name).
    public var title: String
    /// The question the decision answers.
    public var question: String
    /// Chosen when no rule recommends anything.
    public var defaultOption: String
    /// Extra ordering: decisions that must be resolved first.
    public var after: [String]
    /// The options, in tie-break order.
    public var options: [DecisionOption]
    /// System-wide or per API (`scope:` in decisions.yaml; system when absent).
    public var scope: DecisionScope = .system
    /// Where it was defined.
    public var location: SourceLocation
    /// Whether the default is only a convenience that yields to later answered evidence (`default-yields: true`).
    public var defaultYields: Bool = false

    /// The option ids, in order.
    public var optionIDs: [String] { options.map(\.id) }

    /// The option with this id.
    public func option(_ id: String) -> DecisionOption? { options.first { $0.id == id } }
}
