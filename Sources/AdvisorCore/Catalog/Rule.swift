/// How strongly a rule recommends an option.
public enum Strength: String, Sendable, Hashable, Codable, CaseIterable {
    case weak, normal, strong

    /// Score added to the option: weak 1, normal 3, strong 9.
    public var weight: Int {
        switch self {
        case .weak: return 1
        case .normal: return 3
        case .strong: return 9
        }
    }
}

/// Severity of a finding.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    /// Orders info < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule does when it fires.
public enum Effect: Sendable, Hashable, Codable {
    /// Adds weight to an option.
    case recommend(String, Strength)
    /// Makes options impossible.
    case exclude([String])
    /// Makes every other option impossible.
    case require(String)
    /// Reports something the team must know.
    case finding(Severity, title: String)

    /// A word for the effect kind.
    public var kind: String {
        switch self {
        case .recommend: return "recommend"
        case .exclude: return "exclude"
        case .require: return "require"
        case .finding: return "finding"
        }
    }
}

/// A rule: when its condition holds, its effect applies to a decision or adds a finding.
public struct Rule: Sendable, Equatable, Codable {
    /// Unique id, `area.name`.
    public var id: String
    /// The decision it acts on (optional for findings).
    public var decision: String?
    /// When it fires.
    public var when: Condition
    /// What it does.
    public var effect: Effect
    /// Why, in plain words.
    public var reason: String
    /// What the recommended path costs, if anything.
    public var tradeoff: String?
    /// Facts that back it.
    public var facts: [String]
    /// Where it is defined.
    public var location: SourceLocation
    /// The rule file's area (file name without `.rules.yaml`).
    public var area: String
}
