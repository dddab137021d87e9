/// A group of questions shown together (in the interview and in reports).
public struct QuestionGroup: Sendable, Hashable, Codable {
    /// Stable id.
    public var id: String
    /// Title shown to the user.
    public var title: String
}

/// One choice of a single- or multiple-choice question.
public struct Choice: Sendable, Hashable, Codable {
    /// The value written in answers files.
    public var id: String
    /// Short label.
    public var label: String
    /// What the choice means and implies.
    public var help: String
    /// Date (YYYY-MM-DD) from which the choice is deprecated by AWS, planned or past (runtimes); nil when none is published.
    public var deprecation: String?

    /// Creates a choice.
    public init(id: String, label: String, help: String, deprecation: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
        self.deprecation = deprecation
    }
}

/// The kinds of question the catalog supports.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case single, multi, yesno, number, text, list, inventory
}

/// One question of the catalog.
public struct Question: Sendable, Equatable, Codable {
    /// The key used in answers files.
    public var id: String
    /// Group id.
    public var group: String
    /// Kind of answer.
    public var kind: QuestionKind
    /// The question as asked.
    public var prompt: String
    /// Help text.
    public var help: String
    /// Choices (single and multi).
    public var choices: [Choice]
    /// Default answer; nil makes the question required.
    public var defaultValue: AnswerValue?
    /// Asked only when this holds.
    public var askIf: Condition?
    /// Unit of a number.
    public var unit: String?
    /// Inclusive range of a number.
    public var min: Double?
    /// Inclusive range of a number.
    public var max: Double?
    /// Regular expression each text value must match.
    public var pattern: String?
    /// What to do when a value does not match `pattern`, appended to the error (`pattern-help`).
    public var patternHelp: String? = nil
    /// Whether a service may answer it for itself (`per-service: true`); the top-level answer is every service's default.
    public var perService: Bool = false
    /// Where it was defined.
    public var location: SourceLocation

    /// The choice ids, in order.
    public var choiceIDs: [String] { choices.map(\.id) }

    /// The choice with this id.
    public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }
}
