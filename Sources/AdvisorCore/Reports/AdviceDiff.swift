/// What changed between two pieces of advice (two answers files, two JSON advice files, or the same
/// answers under two rule sets): the decisions, layout items and findings that changed, and for each
/// changed decision the rules and answers that caused it.
public struct AdviceDiff: Sendable, Equatable {
    /// An answer that differs between the two runs.
    public struct AnswerChange: Sendable, Equatable {
        /// The question id.
        public var question: String
        /// The value before, with `(default)` when it was not answered; nil when the question did not exist.
        public var before: String?
        /// The value after.
        public var after: String?
    }

    /// A rule that fired differently.
    public struct RuleChange: Sendable, Equatable {
        /// The rule id.
        public var rule: String
        /// `now fires`, `no longer fires`, or `changed: ...` (its effect, options or strength differ).
        public var change: String
    }

    /// A decision whose outcome changed.
    public struct DecisionChange: Sendable, Equatable {
        /// The decision id.
        public var decision: String
        /// Its outcome before: the chosen option and the resolution (`http (decided)`, `none (conflict)`).
        public var before: String
        /// Its outcome after.
        public var after: String
        /// The rules that fired differently for it.
        public var rules: [RuleChange]
        /// The changed answers those rules (or the decision's rules on either side) read.
        public var answers: [AnswerChange]
    }

    /// A finding or layout item that appeared or went away.
    public struct ItemChange: Sendable, Equatable {
        /// True when it is new in NEW, false when it went away.
        public var added: Bool
        /// What it is (`warning: Title (rule)`, or a line of the layout tree).
        public var text: String
    }

    /// The rule sets, when they differ (`name version`).
    public var rules: (before: String, after: String)?
    /// Every answer that changed.
    public var answers: [AnswerChange]
    /// Every decision whose outcome changed, in catalog order.
    public var decisions: [DecisionChange]
    /// Conflicts and findings that appeared or went away.
    public var findings: [ItemChange]
    /// Layout items (APIs, routes, integrations, functions, authorizers) that appeared or went away.
    public var layout: [ItemChange]

    /// True when nothing changed.
    public var isEmpty: Bool { decisions.isEmpty && findings.isEmpty && layout.isEmpty && answers.isEmpty && rules == nil }

    public static func == (lhs: AdviceDiff, rhs: AdviceDiff) -> Bool {
        lhs.rules?.before == rhs.rules?.before && lhs.rules?.after == rhs.rules?.after && lhs.answers == rhs.answers
            && lhs.decisions == rhs.decisions && lhs.findings == rhs.findings && lhs.layout == rhs.layout
    }

    /// Compares `old` with `new`.
    public static func compare(_ old: Advice, _ new: Advice) -> AdviceDiff {
        let oldRules = old.rulesName + " " + old.rulesVersion, newRules = new.rulesName + " " + new.rulesVersion
        let answers = answerChanges(old, new)
        let changedQuestions = Set(answers.map(\.question))
        var decisions: [DecisionChange] = []
        for outcome in new.decisions {
            let before = old.outcome(outcome.decision)
            let was = before.map(outcomeText) ?? "not a decision"
            let now = outcomeText(outcome)
            guard was != now else { continue }
            let rules = ruleChanges(before?.fired ?? [], outcome.fired)
            // The answers the decision's rules read on either side, among those that changed.
            let read = ((before?.fired ?? []) + outcome.fired).flatMap(\.evidence).filter { $0.kind != "decision" }
                .map { $0.subject.split(separator: ".").first.map(String.init) ?? $0.subject }
            var seen: Set<String> = []
            let causes = read.filter { changedQuestions.contains($0) && seen.insert($0).inserted }
            decisions.append(DecisionChange(decision: outcome.decision, before: was, after: now, rules: rules,
                                            answers: answers.filter { causes.contains($0.question) }))
        }
        for outcome in old.decisions where new.outcome(outcome.decision) == nil {
            decisions.append(DecisionChange(decision: outcome.decision, before: outcomeText(outcome), after: "not a decision",
                                            rules: ruleChanges(outcome.fired, []), answers: []))
        }
        return AdviceDiff(rules: oldRules == newRules ? nil : (oldRules, newRules), answers: answers, decisions: decisions,
                          findings: itemChanges(problems(old), problems(new)),
                          layout: itemChanges(layoutItems(old), layoutItems(new)))
    }

    /// `option (resolution)`, e.g. `http (decided)`.
    static func outcomeText(_ outcome: DecisionOutcome) -> String {
        "\(outcome.chosen ?? "none") (\(outcome.status.rawValue))"
    }

    static func answerChanges(_ old: Advice, _ new: Advice) -> [AnswerChange] {
        func text(_ entry: ContextEntry?) -> String? {
            guard let entry else { return nil }
            let value = entry.value?.display ?? "no answer"
            return entry.status == .answered ? value : "\(value) (\(entry.status.rawValue))"
        }
        let oldEntries = Dictionary(old.context.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
        let newEntries = Dictionary(new.context.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
        var order = new.context.map(\.question)
        order += old.context.map(\.question).filter { newEntries[$0] == nil }
        return order.compactMap { id in
            let before = text(oldEntries[id]), after = text(newEntries[id])
            return before == after ? nil : AnswerChange(question: id, before: before, after: after)
        }
    }

    static func ruleChanges(_ old: [RuleFiring], _ new: [RuleFiring]) -> [RuleChange] {
        func shape(_ firing: RuleFiring) -> String {
            "\(firing.effect) \(firing.options.joined(separator: ", "))" + (firing.strength.map { " (\($0.rawValue))" } ?? "")
        }
        let oldByID = Dictionary(old.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [RuleChange] = []
        for firing in new {
            if let before = oldByID[firing.rule] {
                if shape(before) != shape(firing) {
                    changes.append(RuleChange(rule: firing.rule, change: "changed: \(shape(before)) -> \(shape(firing))"))
                }
            } else {
                changes.append(RuleChange(rule: firing.rule, change: "now fires: \(shape(firing))"))
            }
        }
        for firing in old where newByID[firing.rule] == nil {
            changes.append(RuleChange(rule: firing.rule, change: "no longer fires: \(shape(firing))"))
        }
        return changes
    }

    static func problems(_ advice: Advice) -> [String] {
        advice.conflicts.map { "conflict: \($0.decision) (\($0.rules.map(\.rule).joined(separator: ", ")))" }
            + advice.findings.map { "\($0.severity.rawValue): \($0.title) (\($0.rule))" }
    }

    /// The layout tree's lines, without the drawing characters, each with the API it belongs to, so the
    /// same route under another API counts as a change.
    static func layoutItems(_ advice: Advice) -> [String] {
        var api = ""
        return LayoutTree.lines(advice.layout, ascii: true).compactMap { line in
            let item = String(line.drop { " |`-+\\".contains($0) })
            guard !item.isEmpty else { return nil }
            // A top-level line (an API, the functions) heads the items under it; they are keyed by its name
            // alone, so a route under an API whose type changed is not reported as changed itself.
            if !line.hasPrefix(" ") && !line.hasPrefix("|") && !line.hasPrefix("`") {
                api = item.range(of: " [").map { String(item[..<$0.lowerBound]) } ?? item.range(of: " (").map { String(item[..<$0.lowerBound]) } ?? item
                return item
            }
            return "\(api): \(item)"
        }
    }

    static func itemChanges(_ old: [String], _ new: [String]) -> [ItemChange] {
        let oldSet = Set(old), newSet = Set(new)
        var seen: Set<String> = []
        return old.filter { !newSet.contains($0) && seen.insert("-" + $0).inserted }.map { ItemChange(added: false, text: $0) }
            + new.filter { !oldSet.contains($0) && seen.insert("+" + $0).inserted }.map { ItemChange(added: true, text: $0) }
    }
}

extension AdviceDiff {
    /// The diff as plain text for the terminal: sections for rules, decisions (each with the rules and
    /// answers that caused it), findings, layout and answers; `-` went away, `+` is new.
    public func render(old: String, new: String, titles: [String: String] = [:]) -> String {
        var out = ["apigw-advisor diff", "old: \(old)", "new: \(new)", ""]
        if isEmpty {
            return (out + ["No differences: the same decisions, findings and layout."]).joined(separator: "\n") + "\n"
        }
        if let rules { out += ["RULES", "  - \(rules.before)", "  + \(rules.after)", ""] }
        out.append("DECISIONS (\(decisions.count) changed)")
        if decisions.isEmpty { out.append("  none changed") }
        for change in decisions {
            out.append("  \(titles[change.decision] ?? change.decision): \(change.before) -> \(change.after)")
            for rule in change.rules { out.append("      rule \(rule.rule) \(rule.change)") }
            for answer in change.answers {
                out.append("      answer \(answer.question): \(answer.before ?? "not asked") -> \(answer.after ?? "not asked")")
            }
            if change.rules.isEmpty && change.answers.isEmpty {
                out.append("      (the same rules fired; their scores or the rule set's resolution changed)")
            }
        }
        out += ["", "FINDINGS AND CONFLICTS (\(findings.count) changed)"]
        if findings.isEmpty { out.append("  none changed") }
        out += findings.map { "  \($0.added ? "+" : "-") \($0.text)" }
        out += ["", "LAYOUT (\(layout.count) item(s) changed)"]
        if layout.isEmpty { out.append("  none changed") }
        out += layout.map { "  \($0.added ? "+" : "-") \($0.text)" }
        out += ["", "ANSWERS (\(answers.count) changed)"]
        if answers.isEmpty { out.append("  none changed") }
        out += answers.map { "  \($0.question): \($0.before ?? "not asked") -> \($0.after ?? "not asked")" }
        return out.joined(separator: "\n") + "\n"
    }
}
