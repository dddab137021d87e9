/// A fact as cited in a report: the fact with its source resolved.
public struct FactCitation: Sendable, Hashable, Codable {
    /// Fact id.
    public var id: String
    /// The fact.
    public var text: String
    /// Source key.
    public var source: String
    /// Source title.
    public var sourceTitle: String
    /// Source address.
    public var url: String
    /// Date from which the fact holds as stated.
    public var asOf: String
}

/// A rule that fired, with what it did, why, and the answers it read.
public struct RuleFiring: Sendable, Hashable, Codable {
    /// Rule id.
    public var rule: String
    /// `recommend`, `exclude`, `require` or `finding`.
    public var effect: String
    /// The options it acts on.
    public var options: [String]
    /// Strength of a recommendation.
    public var strength: Strength?
    /// Why.
    public var reason: String
    /// What it costs.
    public var tradeoff: String?
    /// Facts behind it.
    public var facts: [FactCitation]
    /// The tests that made it fire.
    public var evidence: [Evidence]
    /// Where the rule is defined.
    public var location: SourceLocation
}

/// How a decision was reached.
public enum OutcomeStatus: String, Sendable, Hashable, Codable {
    /// The highest-scoring option won.
    case decided
    /// Options with recommendations tied; the option order broke the tie.
    case tie
    /// No rule recommended anything; the default was used.
    case defaulted
    /// Hard exclusions left no option.
    case conflict
    /// A per-API decision whose APIs chose different options (each API's outcome is in `Advice.apis`).
    case varies
    /// No rule recommended anything and exclusions left exactly one option.
    case onlyOption = "only-option"
    /// The team pinned the option in the answers (`pins`), and no rule excludes it.
    case pinned
    /// No rule recommended anything here, and the default would have overridden answered evidence of a later
    /// decision, so this decision took the option that lets that evidence count (rules/README.md).
    case yielded
}

/// An answer change that would flip a decision: set `question` to `value` and the decision chooses `option`.
public struct Flip: Sendable, Hashable, Codable {
    /// Question id.
    public var question: String
    /// The alternative value, rendered as in an answers file.
    public var value: String
    /// The option the decision would choose then, or nil when it would be a conflict.
    public var option: String?
}

/// The score of one option and which rules pushed for or against it.
public struct OptionScore: Sendable, Hashable, Codable {
    /// Option id.
    public var option: String
    /// Sum of recommendation weights.
    public var score: Int
    /// Rules that recommended it.
    public var recommendedBy: [String]
    /// Rules that excluded it (directly or by requiring another option).
    public var excludedBy: [String]
    /// The option's title, summary, pros and cons from decisions.yaml, so every export carries them.
    public var title: String = ""
    /// One sentence on what the option is.
    public var summary: String = ""
    /// Good things about it.
    public var pros: [String] = []
    /// Bad things about it.
    public var cons: [String] = []
}

/// The outcome of one decision point, with its full explanation.
public struct DecisionOutcome: Sendable, Hashable, Codable {
    /// Decision id.
    public var decision: String
    /// Chosen option, or nil in a conflict.
    public var chosen: String?
    /// How it was reached.
    public var status: OutcomeStatus
    /// Every option with its score and exclusions, in option order.
    public var scores: [OptionScore]
    /// Every rule that fired for this decision.
    public var fired: [RuleFiring]
    /// One sentence on how the choice was made (tie, default, conflict).
    public var note: String
    /// What actually decided: the rule ids (a require, the exclusions that left only this option, the strongest
    /// recommendation), `pins` for a pin, or the later decision's rules for a yielded default.
    public var decidedBy: [String] = []
    /// The one-line reason that names what decided, for summaries.
    public var reason: String = ""
    /// The pinned option, when the answers pin this decision.
    public var pin: String? = nil
    /// Questions whose answers the decision's rules read (its drivers), in catalog order.
    public var drivers: [String] = []
    /// Answer changes that would flip this decision (what would change it), in catalog order.
    public var changes: [Flip] = []
    /// The API this outcome is for (per-API outcomes in `Advice.apis`); nil for the system-wide view.
    public var api: String? = nil
}

/// Hard requirements that cannot all be met: no option of a decision is left.
public struct Conflict: Sendable, Hashable, Codable {
    /// The decision with no option left.
    public var decision: String
    /// The excluding rules and the answers they read.
    public var rules: [RuleFiring]
    /// A sentence naming both sides.
    public var summary: String
    /// The pinned option the rules exclude, when the conflict is with a pin.
    public var pin: String? = nil
    /// The API it happened on (nil for a system-wide decision).
    public var api: String? = nil
    /// The services on that API.
    public var services: [String] = []
}

/// Something the team must know: a limit, a pitfall, a requirement.
public struct Finding: Sendable, Hashable, Codable {
    /// info, warning or error.
    public var severity: Severity
    /// Short title.
    public var title: String
    /// Explanation.
    public var text: String
    /// The rule (or `layout.*` check) that produced it.
    public var rule: String
    /// The decision it is attached to, if any.
    public var decision: String?
    /// Facts behind it.
    public var facts: [FactCitation]
    /// The tests that made it fire.
    public var evidence: [Evidence]
    /// The APIs it holds on, when it holds on some APIs but not all (nil: all of them).
    public var apis: [String]? = nil
}

/// The per-API decisions of one API: its own outcomes, evidence, scores and conflicts.
public struct APIAdvice: Sendable, Hashable, Codable {
    /// API name, as in the layout.
    public var api: String
    /// The services on it.
    public var services: [String]
    /// Its per-API decisions, in resolution order.
    public var decisions: [DecisionOutcome]
    /// Its conflicts (also in `Advice.conflicts`).
    public var conflicts: [Conflict]

    /// The outcome of a decision on this API.
    public func outcome(_ id: String) -> DecisionOutcome? { decisions.first { $0.decision == id } }
}

/// A question and how it got its value, for the context section of reports.
public struct ContextEntry: Sendable, Hashable, Codable {
    /// Question id.
    public var question: String
    /// The value (nil when missing).
    public var value: AnswerValue?
    /// How it got it.
    public var status: AnswerStatus
}

/// Everything the advisor concluded from one set of answers.
public struct Advice: Sendable, Hashable, Codable {
    /// Rule set name.
    public var rulesName: String
    /// Rule set version.
    public var rulesVersion: String
    /// Every question with its value and status, in catalog order.
    public var context: [ContextEntry]
    /// Answers given to questions that were not asked (ignored).
    public var ignoredAnswers: [String]
    /// Decisions in resolution order.
    public var decisions: [DecisionOutcome]
    /// Conflicts (also visible in their decisions).
    public var conflicts: [Conflict]
    /// Findings, errors first.
    public var findings: [Finding]
    /// The recommended layout.
    public var layout: Layout
    /// Each API with its per-API decisions (system-wide decisions are only in `decisions`).
    public var apis: [APIAdvice] = [] { didSet { apiIndex = APIIndex(apis) } }

    /// Scale and monthly cost figures with their arithmetic (nil when the rules have no traffic questions).
    public var estimate: Estimate? = nil
    /// The cited fact with the oldest as-of date (the least recently checked one the advice relies on); nil when none is cited.
    public var oldestFact: FactCitation? = nil

    /// Where each API is in `apis` (and each per-API decision in it): the layout asks for an API's outcome of each
    /// decision for every API, and searching thousands of APIs each time made it quadratic. Not encoded, and never
    /// part of equality: a decoded advice has none, and a lookup that misses falls back to the search.
    private var apiIndex = APIIndex([])

    private enum CodingKeys: String, CodingKey {
        case rulesName, rulesVersion, context, ignoredAnswers, decisions, conflicts, findings, layout, apis, estimate, oldestFact
    }

    /// Creates advice.
    init(rulesName: String, rulesVersion: String, context: [ContextEntry], ignoredAnswers: [String], decisions: [DecisionOutcome],
         conflicts: [Conflict], findings: [Finding], layout: Layout, apis: [APIAdvice] = [], estimate: Estimate? = nil,
         oldestFact: FactCitation? = nil) {
        self.rulesName = rulesName
        self.rulesVersion = rulesVersion
        self.context = context
        self.ignoredAnswers = ignoredAnswers
        self.decisions = decisions
        self.conflicts = conflicts
        self.findings = findings
        self.layout = layout
        self.apis = apis
        self.estimate = estimate
        self.oldestFact = oldestFact
        apiIndex = APIIndex(apis)
    }

    /// Every fact cited by a fired rule, a conflict or a finding, once each, by id.
    public var citedFacts: [FactCitation] {
        var seen: Set<String> = []
        let outcomes: [DecisionOutcome] = decisions + apis.flatMap(\.decisions)
        var all: [FactCitation] = outcomes.flatMap { $0.fired.flatMap(\.facts) }
        all += conflicts.flatMap { $0.rules.flatMap(\.facts) }
        all += findings.flatMap(\.facts)
        return all.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// The cited fact checked least recently (ties: the smallest id).
    public var oldestCitedFact: FactCitation? {
        citedFacts.min { $0.asOf != $1.asOf ? $0.asOf < $1.asOf : $0.id < $1.id }
    }

    /// The outcome of a decision (for a per-API decision: the APIs' common outcome, or `varies`).
    public func outcome(_ id: String) -> DecisionOutcome? { decisions.first { $0.decision == id } }

    /// The outcome of a decision on one API: its per-API outcome, or the system-wide one.
    public func outcome(_ id: String, api: String) -> DecisionOutcome? {
        if let offsets = apiIndex.offsets[api], offsets.api < apis.count, apis[offsets.api].api == api {
            let decisions = apis[offsets.api].decisions
            if let decision = offsets.decisions[id], decision < decisions.count, decisions[decision].decision == id {
                return decisions[decision]
            }
            return apis[offsets.api].outcome(id) ?? outcome(id)
        }
        return apis.first { $0.api == api }?.outcome(id) ?? outcome(id)
    }

    /// The chosen option of a decision.
    public func chosen(_ id: String) -> String? { outcome(id)?.chosen }

    /// The chosen option of a decision on one API.
    public func chosen(_ id: String, api: String) -> String? { outcome(id, api: api)?.chosen }

    /// Whether the APIs' outcomes of a per-API decision differ (in choice or in reasons): reports then show each API.
    public func differs(_ id: String) -> Bool {
        // Whether any differs from the first: the same as counting distinct outcomes, without hashing every one
        // (the APIs of one kind share their outcomes' storage, so most comparisons end at once).
        var first: DecisionOutcome?
        for api in apis {
            guard var outcome = api.outcome(id) else { continue }
            outcome.api = nil
            guard let known = first else {
                first = outcome
                continue
            }
            if outcome != known { return true }
        }
        return false
    }

    /// Ids of every rule that fired (decisions on every API and findings).
    public var firedRules: Set<String> {
        Set(decisions.flatMap { $0.fired.map(\.rule) } + apis.flatMap { $0.decisions.flatMap { $0.fired.map(\.rule) } }
            + findings.map(\.rule))
    }

    /// Questions with no answer and no default.
    public var missingQuestions: [String] { context.filter { $0.status == .missing }.map(\.question) }

    /// Whether strict mode fails: a conflict or an error finding.
    public var hasErrors: Bool { !conflicts.isEmpty || findings.contains { $0.severity == .error } }
}

/// The offset of each API in `Advice.apis` (the first of a name) and of each decision in it (the first of an id).
struct APIIndex: Sendable, Hashable {
    var offsets: [String: (api: Int, decisions: [String: Int])]

    init(_ apis: [APIAdvice]) {
        offsets = [:]
        for (offset, api) in apis.enumerated() where offsets[api.api] == nil {
            var decisions: [String: Int] = [:]
            for (index, outcome) in api.decisions.enumerated() where decisions[outcome.decision] == nil { decisions[outcome.decision] = index }
            offsets[api.api] = (offset, decisions)
        }
    }

    /// Always equal: the index is derived from the APIs, which equality compares.
    static func == (lhs: APIIndex, rhs: APIIndex) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
