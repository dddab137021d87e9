/// Everything loaded from a rules folder: questions, decisions, facts, named conditions, rules and cases.
public struct RuleSet: Sendable, Equatable, Codable {
    /// Name from the manifest.
    public var name: String
    /// Version from the manifest; printed in every report.
    public var version: String
    /// Question groups, in order.
    public var groups: [QuestionGroup]
    /// Questions, in catalog order.
    public var questions: [Question]
    /// Decision points, in file order.
    public var decisions: [DecisionPoint]
    /// Decision ids in resolution order (dependencies first).
    public var decisionOrder: [String]
    /// Sources by id.
    public var sources: [String: FactSource]
    /// Facts by id.
    public var facts: [String: Fact]
    /// Named conditions.
    public var conditions: [String: Condition]
    /// Rules, in file order.
    public var rules: [Rule]
    /// Rule cases.
    public var cases: [RuleCase]
    /// Area names that have a rules file.
    public var areas: [String]

    /// The question with this id.
    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }

    /// The decision with this id.
    public func decision(_ id: String) -> DecisionPoint? { decisions.first { $0.id == id } }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    var questionIndex: [String: Int] = [:]
    /// Rule indices per decision id ("" for findings without a decision).
    var rulesByDecision: [String: [Int]] = [:]

    init(name: String, version: String, groups: [QuestionGroup], questions: [Question], decisions: [DecisionPoint],
         decisionOrder: [String], sources: [String: FactSource], facts: [String: Fact],
         conditions: [String: Condition], rules: [Rule], cases: [RuleCase], areas: [String]) {
        self.name = name
        self.version = version
        self.groups = groups
        self.questions = questions
        self.decisions = decisions
        self.decisionOrder = decisionOrder
        self.sources = sources
        self.facts = facts
        self.conditions = conditions
        self.rules = rules
        self.cases = cases
        self.areas = areas
        for (index, question) in questions.enumerated() { questionIndex[question.id] = index }
        for (index, rule) in rules.enumerated() {
            if case .finding = rule.effect {
                rulesByDecision["", default: []].append(index)
            } else {
                rulesByDecision[rule.decision ?? "", default: []].append(index)
            }
        }
    }
}
