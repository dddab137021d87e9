/// Turns answers into advice: resolves every decision in dependency order, then findings and the layout.
public struct Engine: Sendable {
    /// The rules used.
    public let rules: RuleSet

    /// Creates an engine for a rule set.
    public init(rules: RuleSet) { self.rules = rules }

    /// Runs the rules on `answers`. Pure: same input, same advice.
    ///
    /// System-wide decisions are resolved once from every service's answers; the services are then grouped
    /// into APIs, and each per-API decision is resolved once for each API from the answers of its services
    /// (`resolve(_:evaluator:)` stays the one place a decision is resolved). rules/README.md documents it.
    /// `whatWouldChange: false` leaves out each decision's `changes` (rule cases and other callers that only need
    /// the outcome skip re-resolving the alternatives); every report and the interview's why view keep it on.
    public func advise(_ answers: Answers, whatWouldChange: Bool = true) -> Advice {
        let sheet = AnswerSheet(answers: answers, rules: rules)
        var resolution = decide(sheet)
        let system = resolution.system
        var outcomes = resolution.outcomes
        let conflicts = resolution.conflicts
        let changes = whatWouldChange ? WhatWouldChange(engine: self).flips(answers, base: outcomes) : [:]
        // Each decision's drivers once: every API lists the same drivers for it, and each walk reads the rules.
        var drivers: [String: [String]] = [:]
        func driversOf(_ id: String) -> [String] {
            if let known = drivers[id] { return known }
            let found = WhatWouldChange.drivers(of: id, rules: rules)
            drivers[id] = found
            return found
        }
        for index in outcomes.indices {
            outcomes[index].drivers = driversOf(outcomes[index].decision)
            outcomes[index].changes = changes[outcomes[index].decision] ?? []
        }
        for kind in resolution.kinds.indices {
            for index in resolution.kinds[kind].decisions.indices {
                let id = resolution.kinds[kind].decisions[index].decision
                resolution.kinds[kind].decisions[index].drivers = driversOf(id)
            }
        }
        let apis = resolution.apis

        let context = rules.questions.map { ContextEntry(question: $0.id, value: sheet.values[$0.id], status: sheet.status[$0.id] ?? .missing) }
        var advice = Advice(rulesName: rules.name, rulesVersion: rules.version, context: context, ignoredAnswers: sheet.ignored,
                            decisions: outcomes, conflicts: conflicts, findings: [], layout: Layout(), apis: apis)
        // The layout comes first (it reads only the decisions), so findings can read it with `{layout: NAME}`.
        let built = LayoutBuilder(rules: rules, sheet: sheet).build(advice)
        advice.layout = built.layout
        advice.findings = findings(system: system, resolution: resolution, apis: apis, layout: built.layout) + built.findings
        if rules.question("monthly-requests") != nil {
            // The estimate is for the whole system: every service's answers, and each decision the APIs agree on.
            var overall = system
            for outcome in outcomes { if let chosen = outcome.chosen { overall.decisions[outcome.decision] = chosen } }
            var estimator = EstimateBuilder(rules: rules, sheet: sheet, advice: advice, evaluator: overall)
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

    /// The finding rules on each API (with that API's layout); one finding when it holds on every API, naming the
    /// APIs when only on some.
    ///
    /// APIs of one kind (`APIKind`) whose layouts have the same properties see the same thing, so each rule is
    /// evaluated once per such viewer: the first API it holds on is the first API of the first viewer it holds for.
    private func findings(system: ConditionEvaluator, resolution: Resolution, apis: [APIAdvice], layout: Layout) -> [Finding] {
        // The first layout API of each name, as a search from the front finds it.
        var designs: [String: APIDesign] = [:]
        for design in layout.apis where designs[design.name] == nil { designs[design.name] = design }
        var wholeFacts: Set<String>?
        func facts(_ offset: Int) -> Set<String> {
            if offset < apis.count, let design = designs[apis[offset].api] { return LayoutFacts.of(design) }
            if let known = wholeFacts { return known }
            let computed = LayoutFacts.of(layout)
            wholeFacts = computed
            return computed
        }
        struct ViewerKey: Hashable {
            var kind: Int
            var facts: Set<String>
        }
        // Distinct viewers in order of first appearance, each with the APIs (offsets) it stands for.
        var viewers: [ConditionEvaluator] = []
        var members: [[Int]] = []
        if resolution.kindOf.isEmpty {
            var viewer = system
            viewer.layout = facts(0)
            viewers = [viewer]
            members = [apis.isEmpty ? [] : [0]]
        } else {
            var index: [ViewerKey: Int] = [:]
            for (offset, kind) in resolution.kindOf.enumerated() {
                let seen = facts(offset)
                let key = ViewerKey(kind: kind, facts: seen)
                if let known = index[key] {
                    if offset < apis.count { members[known].append(offset) }
                    continue
                }
                index[key] = viewers.count
                var viewer = resolution.kinds[kind].evaluator
                viewer.layout = seen
                viewers.append(viewer)
                members.append(offset < apis.count ? [offset] : [])
            }
        }
        var out: [Finding] = []
        for index in rules.rulesByDecision[""] ?? [] {
            let rule = rules.rules[index]
            guard case .finding(let severity, let title) = rule.effect else { continue }
            var on: [Int] = []
            var evidence: [Evidence]?
            for (offset, evaluator) in viewers.enumerated() {
                let result = evaluator.evaluate(rule.when)
                guard result.held else { continue }
                if evidence == nil { evidence = result.evidence }
                on += members[offset]
            }
            guard let evidence else { continue }
            var finding = Finding(severity: severity, title: title, text: rule.reason, rule: rule.id,
                                  decision: rule.decision, facts: citations(rule.facts), evidence: evidence)
            if apis.count > 1 && on.count < apis.count { finding.apis = on.sorted().map { apis[$0].api } }
            out.append(finding)
        }
        return out
    }

    /// The `api-name` answer, or `my-api`.
    static func apiName(_ sheet: AnswerSheet) -> String {
        if case .text(let value)? = sheet.values["api-name"], !value.isEmpty { return value }
        return "my-api"
    }

    /// A conflict with the API it happened on and, in its summary, the API and its services.
    static func conflict(_ outcome: DecisionOutcome, api: String?, services: [String]) -> Conflict {
        // A pin conflicts with the rules that exclude the pinned option; other exclusions are not its sides.
        let pinExcluders = outcome.scores.first { $0.option == outcome.pin }?.excludedBy
        let excluders = outcome.fired.filter { ($0.effect == "exclude" || $0.effect == "require") && (pinExcluders?.contains($0.rule) ?? true) }
        var summary = outcome.note
        if let api {
            let on = services.isEmpty ? "" : " (service\(services.count == 1 ? "" : "s") \(services.joined(separator: ", ")))"
            summary = "On \(api)\(on): " + summary
        }
        var conflict = Conflict(decision: outcome.decision, rules: excluders, summary: summary, api: api, services: services)
        conflict.pin = outcome.pin
        return conflict
    }
}

/// The option a defaulted decision takes instead of its default, and why (Engine.nextYield).
struct YieldChoice: Sendable, Hashable {
    var option: String
    var note: String
    /// The later decision's excluding and recommending rules.
    var rules: [String]
}

/// Unique elements in first-seen order.
func uniqueInOrder(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
