/// Turns answers into advice: resolves every decision in dependency order, then findings and the layout.
public struct Engine: Sendable {
    /// The rules used.
    public let rules: RuleSet

    /// Creates an engine for a rule set.
    public init(rules: RuleSet) { self.rules = rules }

    /// Runs the rules on `answers`. Pure: same input, same advice.
    public func advise(_ answers: Answers) -> Advice {
        let sheet = AnswerSheet(answers: answers, rules: rules)
        var evaluator = ConditionEvaluator(rules: rules, values: sheet.values, status: sheet.status, decisions: [:])
        var outcomes: [DecisionOutcome] = []
        var conflicts: [Conflict] = []
        for id in rules.decisionOrder {
            guard let decision = rules.decision(id) else { continue }
            let outcome = resolve(decision, evaluator: evaluator)
            if let chosen = outcome.chosen { evaluator.decisions[id] = chosen }
            if outcome.status == .conflict {
                let excluders = outcome.fired.filter { $0.effect == "exclude" || $0.effect == "require" }
                conflicts.append(Conflict(decision: id, rules: excluders, summary: outcome.note))
            }
            outcomes.append(outcome)
        }
        var findings: [Finding] = []
        for index in rules.rulesByDecision[""] ?? [] {
            let rule = rules.rules[index]
            guard case .finding(let severity, let title) = rule.effect else { continue }
            let result = evaluator.evaluate(rule.when)
            guard result.held else { continue }
            findings.append(Finding(severity: severity, title: title, text: rule.reason, rule: rule.id,
                                    decision: rule.decision, facts: citations(rule.facts), evidence: result.evidence))
        }
        let context = rules.questions.map { ContextEntry(question: $0.id, value: sheet.values[$0.id], status: sheet.status[$0.id] ?? .missing) }
        var advice = Advice(rulesName: rules.name, rulesVersion: rules.version, context: context, ignoredAnswers: sheet.ignored,
                            decisions: outcomes, conflicts: conflicts, findings: findings, layout: Layout())
        let built = LayoutBuilder(rules: rules, sheet: sheet).build(advice)
        advice.layout = built.layout
        advice.findings += built.findings
        if rules.question("monthly-requests") != nil {
            var estimator = EstimateBuilder(rules: rules, sheet: sheet, advice: advice, evaluator: evaluator)
            advice.estimate = estimator.build()
            advice.findings += estimator.findings
        }
        // Errors first, then warnings, then info; stable within a severity so rule order is kept.
        advice.findings = advice.findings.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
        advice.oldestFact = advice.oldestCitedFact
        return advice
    }

    /// Resolves one decision as rules/README.md documents.
    func resolve(_ decision: DecisionPoint, evaluator: ConditionEvaluator) -> DecisionOutcome {
        var fired: [RuleFiring] = []
        var scores = decision.options.map { OptionScore(option: $0.id, score: 0, recommendedBy: [], excludedBy: []) }
        func index(_ option: String) -> Int? { scores.firstIndex { $0.option == option } }
        for ruleIndex in rules.rulesByDecision[decision.id] ?? [] {
            let rule = rules.rules[ruleIndex]
            let result = evaluator.evaluate(rule.when)
            guard result.held else { continue }
            var firing = RuleFiring(rule: rule.id, effect: rule.effect.kind, options: [], strength: nil, reason: rule.reason,
                                    tradeoff: rule.tradeoff, facts: citations(rule.facts), evidence: result.evidence,
                                    location: rule.location)
            switch rule.effect {
            case .recommend(let option, let strength):
                firing.options = [option]
                firing.strength = strength
                if let i = index(option) {
                    scores[i].score += strength.weight
                    scores[i].recommendedBy.append(rule.id)
                }
            case .exclude(let options):
                firing.options = options
                for option in options { if let i = index(option) { scores[i].excludedBy.append(rule.id) } }
            case .require(let option):
                firing.options = [option]
                for i in scores.indices where scores[i].option != option { scores[i].excludedBy.append(rule.id) }
            case .finding:
                continue
            }
            fired.append(firing)
        }
        let open = scores.filter { $0.excludedBy.isEmpty }
        guard let best = open.max(by: { $0.score < $1.score }) else {
            let names = Array(Set(scores.flatMap(\.excludedBy))).sorted()
            let note = "No option is left: " + scores.map { "\($0.option) is excluded by \($0.excludedBy.joined(separator: ", "))" }
                .joined(separator: "; ") + ". The requirements behind \(names.joined(separator: " and ")) cannot all be met; change one of the answers they read."
            return DecisionOutcome(decision: decision.id, chosen: nil, status: .conflict, scores: scores, fired: fired, note: note)
        }
        if best.score == 0 && open.count == 1 {
            let note = "Every other option is excluded; \(best.option) is the only one left."
            return DecisionOutcome(decision: decision.id, chosen: best.option, status: .decided, scores: scores, fired: fired, note: note)
        }
        if best.score == 0 {
            let fallback = open.contains { $0.option == decision.defaultOption } ? decision.defaultOption : open[0].option
            let note = fallback == decision.defaultOption
                ? "No rule recommended an option; the default (\(fallback)) applies."
                : "No rule recommended an option and the default (\(decision.defaultOption)) is excluded; \(fallback) is the first option left."
            return DecisionOutcome(decision: decision.id, chosen: fallback, status: .defaulted, scores: scores, fired: fired, note: note)
        }
        // `max(by:)` returns the last maximum; the documented tie-break is option order, so take the first.
        let top = open.filter { $0.score == best.score }
        if top.count > 1 {
            let note = "Tie at score \(best.score) between \(top.map(\.option).joined(separator: " and ")); the first in option order (\(top[0].option)) is chosen."
            return DecisionOutcome(decision: decision.id, chosen: top[0].option, status: .tie, scores: scores, fired: fired, note: note)
        }
        let runnerUp = open.filter { $0.option != best.option }.map(\.score).max() ?? 0
        let note = "\(best.option) scores \(best.score)" + (runnerUp > 0 ? " against \(runnerUp) for the next option." : "; no other option was recommended.")
        return DecisionOutcome(decision: decision.id, chosen: best.option, status: .decided, scores: scores, fired: fired, note: note)
    }

    func citations(_ ids: [String]) -> [FactCitation] {
        ids.compactMap { id in
            guard let fact = rules.facts[id] else { return nil }
            let source = rules.sources[fact.source]
            return FactCitation(id: id, text: fact.text, source: fact.source, sourceTitle: source?.title ?? "",
                                url: source?.url ?? "", asOf: fact.asOf)
        }
    }
}
