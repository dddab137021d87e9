/// A test on the answers and on earlier decisions; the `when` of a rule and the `ask-if` of a question.
public indirect enum Condition: Sendable, Hashable, Codable {
    /// A test on one answer.
    case answer(String, AnswerTest)
    /// A numeric test on a count (of a list, a multi-choice or the inventory).
    case count(String, Comparison, Double)
    /// The decision chose one of these options.
    case decision(String, [String])
    /// Every condition holds (an empty list holds).
    case all([Condition])
    /// At least one holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)
    /// A named condition from conditions.yaml.
    case ref(String)
    /// The condition holds on the answers of at least one service (its own answers over the top-level ones).
    case someService(Condition)
    /// The recommended layout of the API has this property (`LayoutFacts.names`); findings only, since the layout
    /// exists only once every decision is made.
    case layout(String)

    /// Question ids this condition reads directly (not through refs).
    public var questionsRead: [String] {
        switch self {
        case .answer(let id, _): return [id]
        case .count(let id, _, _): return [id.split(separator: ".").first.map(String.init) ?? id]
        case .decision, .ref, .layout: return []
        case .all(let list), .any(let list): return list.flatMap(\.questionsRead)
        case .not(let inner), .someService(let inner): return inner.questionsRead
        }
    }

    /// Decision ids this condition reads directly (not through refs).
    public var decisionsRead: [String] {
        switch self {
        case .decision(let id, _): return [id]
        case .answer, .count, .ref, .layout: return []
        case .all(let list), .any(let list): return list.flatMap(\.decisionsRead)
        case .not(let inner), .someService(let inner): return inner.decisionsRead
        }
    }

    /// Named conditions this condition refers to directly.
    public var refsRead: [String] {
        switch self {
        case .ref(let name): return [name]
        case .answer, .count, .decision, .layout: return []
        case .all(let list), .any(let list): return list.flatMap(\.refsRead)
        case .not(let inner), .someService(let inner): return inner.refsRead
        }
    }

    /// Layout properties this condition reads directly (not through refs).
    public var layoutRead: [String] {
        switch self {
        case .layout(let name): return [name]
        case .answer, .count, .decision, .ref: return []
        case .all(let list), .any(let list): return list.flatMap(\.layoutRead)
        case .not(let inner), .someService(let inner): return inner.layoutRead
        }
    }
}

/// A test on one answer's value.
public enum AnswerTest: Sendable, Hashable, Codable {
    case equals(String)
    case oneOf([String])
    case contains(String)
    case containsAny([String])
    case containsAll([String])
    case compare(Comparison, Double)

    /// The test as written in rules, e.g. `contains browser`.
    public var display: String {
        switch self {
        case .equals(let v): return "equals \(v)"
        case .oneOf(let vs): return "in [\(vs.joined(separator: ", "))]"
        case .contains(let v): return "contains \(v)"
        case .containsAny(let vs): return "contains any of [\(vs.joined(separator: ", "))]"
        case .containsAll(let vs): return "contains all of [\(vs.joined(separator: ", "))]"
        case .compare(let op, let n): return "\(op.symbol) \(formatNumber(n))"
        }
    }
}

/// A numeric comparison.
public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    case gt, gte, lt, lte, equals

    /// `>`, `>=`, ...
    public var symbol: String {
        switch self {
        case .gt: return ">"
        case .gte: return ">="
        case .lt: return "<"
        case .lte: return "<="
        case .equals: return "="
        }
    }

    /// Applies the comparison.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .gt: return lhs > rhs
        case .gte: return lhs >= rhs
        case .lt: return lhs < rhs
        case .lte: return lhs <= rhs
        case .equals: return lhs == rhs
        }
    }
}

/// One leaf test as evaluated: what it read, the value seen, and whether it held.
public struct Evidence: Sendable, Hashable, Codable {
    /// `answer`, `count`, `decision` or `layout`.
    public var kind: String
    /// The question, count or decision id.
    public var subject: String
    /// The test, e.g. `contains browser`.
    public var test: String
    /// The value seen, rendered for people.
    public var value: String
    /// Whether the test held (before any enclosing `not`).
    public var held: Bool
    /// Whether the value came from a default rather than the user's answer.
    public var fromDefault: Bool
    /// The services whose own answers make the test hold, when services answered this question for themselves.
    public var services: [String]? = nil

    /// `consumers contains browser (value: [browser, partners])`.
    public var display: String {
        let prefix = kind == "decision" ? "decision \(subject)" : kind == "count" ? "count(\(subject))" : kind == "layout" ? "layout \(subject)" : subject
        let source = fromDefault ? ", default" : ""
        let who = services.map { $0.isEmpty ? "; no service" : "; service\($0.count == 1 ? "" : "s") " + $0.joined(separator: ", ") } ?? ""
        return "\(prefix) \(test): \(held ? "yes" : "no") (value: \(value)\(source)\(who))"
    }
}
