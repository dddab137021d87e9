/// What every exported document states besides the advice: where the answers came from, the date, the rules.
public struct ReportContext: Sendable {
    /// The answers file as the user named it (or `interview` when the answers were never saved).
    public var answersFile: String
    /// The report date, YYYY-MM-DD; injected so outputs are reproducible.
    public var date: String
    /// The rule set that produced the advice (for titles, help texts, option pros and cons).
    public var rules: RuleSet

    /// Creates a context.
    public init(answersFile: String, date: String, rules: RuleSet) {
        self.answersFile = answersFile
        self.date = date
        self.rules = rules
    }
}
