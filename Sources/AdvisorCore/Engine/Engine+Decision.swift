/// Resolving one decision from the rules that fired: scores, exclusions, requirements, ties, defaults, and the
/// reasons and facts the reports show.
extension Engine {
    /// Resolves one decision as rules/README.md documents.
    func resolve(_ decision: DecisionPoint, evaluator: ConditionEvaluator) -> DecisionOutcome {
        var fired: [RuleFiring] = []
        var scores = decision.options.map {
            OptionScore(option: $0.id, score: 0, recommendedBy: [], excludedBy: [], title: $0.title, summary: $0.summary, pros: $0.pros, cons: $0.cons)
        }
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
        var outcome = naturalOutcome(decision, scores: scores, fired: fired)
        if let pin = evaluator.pins[decision.id], let score = scores.first(where: { $0.option == pin }) {
            outcome.pin = pin
            let ruleChoice = outcome.chosen
            if !score.excludedBy.isEmpty {
                let excluders = fired.filter { score.excludedBy.contains($0.rule) }
                outcome.chosen = nil
                outcome.status = .conflict
                outcome.note = "The pinned option \(pin) (pins: \(decision.id): \(pin)) is excluded by "
                    + excluders.map { "\($0.rule) (\(Self.heldEvidence($0)))" }.joined(separator: "; ")
                    + ". A pin is a requirement, so this is a conflict: remove or change the pin, or change the answers those rules read."
            } else {
                outcome.chosen = pin
                outcome.status = .pinned
                outcome.note = "Pinned in the answers (pins: \(decision.id): \(pin))"
                    + (ruleChoice == pin ? "; the rules choose it too." : ruleChoice.map { "; without the pin the rules would choose \($0)." } ?? ".")
            }
        } else if let yield = evaluator.yields[decision.id], outcome.status == .defaulted,
                  scores.contains(where: { $0.option == yield.option && $0.excludedBy.isEmpty }) {
            outcome.chosen = yield.option
            outcome.status = .yielded
            outcome.note = yield.note
        }
        (outcome.decidedBy, outcome.reason) = Self.decidingReason(outcome, yield: evaluator.yields[decision.id])
        return outcome
    }

    /// The outcome of the scores alone, before pins and yields.
    private func naturalOutcome(_ decision: DecisionPoint, scores: [OptionScore], fired: [RuleFiring]) -> DecisionOutcome {
        let open = scores.filter { $0.excludedBy.isEmpty }
        guard let best = open.max(by: { $0.score < $1.score }) else {
            let names = Array(Set(scores.flatMap(\.excludedBy))).sorted()
            let note = "No option is left: " + scores.map { "\($0.option) is excluded by \($0.excludedBy.joined(separator: ", "))" }
                .joined(separator: "; ") + ". The requirements behind \(names.joined(separator: " and ")) cannot all be met; change one of the answers they read."
            return DecisionOutcome(decision: decision.id, chosen: nil, status: .conflict, scores: scores, fired: fired, note: note)
        }
        if best.score == 0 && open.count == 1 {
            let note = "Every other option is excluded; \(best.option) is the only one left."
            return DecisionOutcome(decision: decision.id, chosen: best.option, status: .onlyOption, scores: scores, fired: fired, note: note)
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
        let excluded = scores.filter { !$0.excludedBy.isEmpty }
        let note = "\(best.option) scores \(best.score)" + (runnerUp > 0 ? " against \(runnerUp) for the next option" : "; no other option was recommended")
            + (excluded.isEmpty ? "." : "; excluded: " + excluded.map { "\($0.option) (\($0.excludedBy.joined(separator: ", ")))" }.joined(separator: ", ") + ".")
        return DecisionOutcome(decision: decision.id, chosen: best.option, status: .decided, scores: scores, fired: fired, note: note)
    }


    /// The held tests of a firing, for a conflict note: `decision api-type is http`.
    static func heldEvidence(_ firing: RuleFiring) -> String {
        let held = firing.evidence.filter(\.held)
        return held.isEmpty ? "always" : held.map { $0.kind == "decision" ? "decision \($0.subject) \($0.test)" : "\($0.subject) \($0.test)" }.joined(separator: ", ")
    }

    /// What actually decided an outcome, and a one-line reason naming it.
    static func decidingReason(_ outcome: DecisionOutcome, yield: YieldChoice?) -> ([String], String) {
        switch outcome.status {
        case .pinned:
            return (["pins"], "Pinned by the team (pins: \(outcome.decision): \(outcome.chosen ?? "")).")
        case .yielded:
            return (yield?.rules ?? [], outcome.note)
        case .conflict:
            let excluders = outcome.fired.filter { $0.effect == "exclude" || $0.effect == "require" }
            return ((outcome.pin == nil ? [] : ["pins"]) + excluders.map(\.rule), outcome.note)
        default:
            break
        }
        guard let chosen = outcome.chosen else { return ([], outcome.note) }
        if let require = outcome.fired.first(where: { $0.effect == "require" && $0.options == [chosen] }) {
            return ([require.rule], "\(require.reason) [\(require.rule)]")
        }
        let others = outcome.scores.filter { $0.option != chosen }
        if !others.isEmpty && others.allSatisfy({ !$0.excludedBy.isEmpty }) {
            // Elimination decided: name the exclusion of the option that would otherwise have won.
            let rival = others.enumerated().max { ($0.element.score, -$0.offset) < ($1.element.score, -$1.offset) }?.element ?? others[0]
            let ids = others.compactMap(\.excludedBy.first)
            let rule = rival.excludedBy.first ?? ""
            let reason = outcome.fired.first { $0.rule == rule }?.reason ?? ""
            return (Array(uniqueInOrder(ids)), "\(rival.option) is excluded: \(reason) [\(rule)]")
        }
        let supporting = outcome.fired.filter { $0.effect == "recommend" && $0.options.contains(chosen) }
        if let best = supporting.max(by: { ($0.strength?.weight ?? 0) < ($1.strength?.weight ?? 0) }) {
            return ([best.rule], "\(best.reason) [\(best.rule)]")
        }
        return ([], outcome.note)
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
