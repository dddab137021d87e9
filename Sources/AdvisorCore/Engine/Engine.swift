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
    private static func conflict(_ outcome: DecisionOutcome, api: String?, services: [String]) -> Conflict {
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

    /// The outcome of a per-API decision for the whole system: the APIs' outcome when they agree, else `varies`.
    static func overall(_ id: String, apis: [APIAdvice]) -> DecisionOutcome? {
        let each = apis.compactMap { api in api.decisions.first { $0.decision == id } }
        guard var first = each.first else { return nil }
        first.api = nil
        let chosen = Set(each.map { $0.status == .conflict ? "" : $0.chosen ?? "" })
        if chosen.count == 1 {
            // One API, or every API chose the same: the first one's explanation stands for all (reports show each
            // API's reasons when they differ; see Advice.differs).
            if first.status == .conflict && each.count > 1 {
                first.note = "Every API is in conflict; see each API."
            }
            return first
        }
        let parts = zip(apis, each).map { api, outcome in "\(api.api): \(outcome.status == .conflict ? "conflict" : outcome.chosen ?? "undecided")" }
        return DecisionOutcome(decision: id, chosen: nil, status: .varies, scores: [], fired: [],
                               note: "Differs per API: " + parts.joined(separator: "; ") + ".")
    }

    /// The per-API decisions of the APIs that cannot tell their inputs apart: services of the same profiles
    /// (`ServiceProfiles`), in the same order, and no service answering for itself (its name would show in the
    /// evidence). `resolve` is a function of the evaluator, so one resolution stands for every API of the kind.
    struct APIKind {
        /// The evaluator after the per-API decisions, as findings read it.
        var evaluator: ConditionEvaluator
        /// The per-API outcomes in resolution order, without the API's name.
        var decisions: [DecisionOutcome]
        /// Whether any of them is a conflict.
        var hasConflict: Bool
    }

    /// The decisions of one set of answers: system-wide, per API, overall, with the conflicts and the evaluators
    /// that saw them (findings read them).
    struct Resolution {
        var system: ConditionEvaluator
        /// The APIs, in inventory order.
        var groups: [APIGrouping.Group]
        /// The kinds of API, and each group's kind: thousands of one-service APIs are usually a few kinds.
        var kinds: [APIKind]
        var kindOf: [Int]
        var outcomes: [DecisionOutcome]
        var conflicts: [Conflict]

        /// Each API with its per-API decisions; made on demand because the what-would-change search needs only
        /// `outcomes`, and expanding every API on each of its passes would be most of its work.
        var apis: [APIAdvice] {
            zip(groups, kindOf).map { group, kind in
                let decisions = kinds[kind].decisions.map { outcome in
                    var named = outcome
                    named.api = group.name
                    return named
                }
                return APIAdvice(api: group.name, services: group.services, decisions: decisions,
                                 conflicts: kinds[kind].hasConflict ? Engine.conflicts(decisions, group: group) : [])
            }
        }

        /// Each API's evaluator, in API order.
        var evaluators: [ConditionEvaluator] { kindOf.map { kinds[$0].evaluator } }

        func outcome(_ id: String) -> DecisionOutcome? { outcomes.first { $0.decision == id } }
    }

    /// Resolves every decision (system-wide once, per API for each API); then, while a defaulted decision stands
    /// in the way of a later decision's answered evidence, lets it yield (rules/README.md, "Defaults never
    /// override answers") and resolves again. `profiles` (of the sheet's inventory) can be passed by callers that
    /// decide many sheets with the same inventory.
    func decide(_ sheet: AnswerSheet, profiles: ServiceProfiles? = nil) -> Resolution {
        let inventory = Self.inventory(sheet)
        let profiles = profiles.flatMap { $0.inventory == inventory ? $0 : nil } ?? ServiceProfiles(inventory)
        var yields: [String: YieldChoice] = [:]
        var result = forwardPass(sheet, yields: yields, inventory: inventory, profiles: profiles)
        for _ in 0..<rules.decisions.count {
            guard let (id, choice) = nextYield(result, sheet: sheet, yields: yields, inventory: inventory, profiles: profiles) else { break }
            yields[id] = choice
            result = forwardPass(sheet, yields: yields, inventory: inventory, profiles: profiles)
        }
        return result
    }

    /// The `services` answer, or an empty inventory.
    static func inventory(_ sheet: AnswerSheet) -> Inventory {
        if case .inventory(let value)? = sheet.values["services"] { return value }
        return Inventory()
    }

    /// The conflicts among one API's outcomes, named after the API and its services.
    static func conflicts(_ decisions: [DecisionOutcome], group: APIGrouping.Group) -> [Conflict] {
        decisions.filter { $0.status == .conflict }.map { conflict($0, api: group.name, services: group.services) }
    }

    /// One pass over the decisions in dependency order; every decision goes through `resolve`.
    func forwardPass(_ sheet: AnswerSheet, yields: [String: YieldChoice], inventory: Inventory, profiles: ServiceProfiles) -> Resolution {
        let views = ServiceAnswers.views(inventory, profiles: profiles, sheet: sheet, rules: rules)
        let whole = ServiceAnswers.combined(views, sheet: sheet, rules: rules)
        var system = ConditionEvaluator(rules: rules, values: whole.values, status: whole.status, decisions: [:], services: views)
        system.pins = sheet.pins
        system.yields = yields
        var systemOutcomes: [String: DecisionOutcome] = [:]
        var conflicts: [Conflict] = []
        for id in rules.decisionOrder {
            guard let decision = rules.decision(id), decision.scope == .system else { continue }
            let outcome = resolve(decision, evaluator: system)
            if let chosen = outcome.chosen { system.decisions[id] = chosen }
            if outcome.status == .conflict { conflicts.append(Self.conflict(outcome, api: nil, services: [])) }
            systemOutcomes[id] = outcome
        }

        // Each API resolves the per-API decisions on the answers of its own services, once per kind of API.
        let groups = profiles.groups(apiCount: system.decisions["api-count"], apiName: Self.apiName(sheet))
        let apiDecisions = rules.decisionOrder.compactMap { id in rules.decision(id).flatMap { $0.scope == .api ? $0 : nil } }
        struct KindKey: Hashable {
            var profiles: [Int?]
            var names: [String]
        }
        var kindIndex: [KindKey: Int] = [:]
        // The usual key, one service of a profile answering nothing itself, without making a key per API.
        var singleKindIndex: [Int: Int] = [:]
        var kinds: [APIKind] = []
        var kindOf: [Int] = []
        kindOf.reserveCapacity(groups.count)
        for group in groups {
            // The views of the group's services, in inventory order.
            let offsets: [Int]
            if group.services.count == 1 {
                offsets = profiles.offsetsNamed[group.services[0]] ?? []
            } else {
                let wanted = Set(group.services)
                offsets = views.indices.filter { wanted.contains(views[$0].name) }
            }
            let members = offsets.map { views[$0] }
            let single = members.count == 1 && members[0].own.isEmpty ? members[0].profile : nil
            let anyOwn = members.contains { !$0.own.isEmpty }
            let key = single == nil ? KindKey(profiles: members.map(\.profile), names: anyOwn ? members.map(\.name) : []) : nil
            if let single, let known = singleKindIndex[single] {
                kindOf.append(known)
            } else if let key, let known = kindIndex[key] {
                kindOf.append(known)
            } else {
                let seen = ServiceAnswers.combined(members, sheet: sheet, rules: rules)
                var evaluator = ConditionEvaluator(rules: rules, values: seen.values, status: seen.status, decisions: system.decisions,
                                                   services: members)
                evaluator.pins = sheet.pins
                evaluator.yields = yields
                var decisions: [DecisionOutcome] = []
                for decision in apiDecisions {
                    let outcome = resolve(decision, evaluator: evaluator)
                    if let chosen = outcome.chosen { evaluator.decisions[decision.id] = chosen }
                    decisions.append(outcome)
                }
                if let single { singleKindIndex[single] = kinds.count }
                if let key { kindIndex[key] = kinds.count }
                kindOf.append(kinds.count)
                kinds.append(APIKind(evaluator: evaluator, decisions: decisions, hasConflict: decisions.contains { $0.status == .conflict }))
            }
            if let kind = kindOf.last, kinds[kind].hasConflict { conflicts += Self.conflicts(kinds[kind].decisions, group: group) }
        }
        var outcomes: [DecisionOutcome] = []
        for id in rules.decisionOrder {
            if let outcome = systemOutcomes[id] {
                outcomes.append(outcome)
            } else if let outcome = Self.overall(id, groups: groups, kinds: kinds, kindOf: kindOf) {
                outcomes.append(outcome)
            }
        }

        return Resolution(system: system, groups: groups, kinds: kinds, kindOf: kindOf, outcomes: outcomes, conflicts: conflicts)
    }

    /// `overall(_:apis:)` on kinds of API: what the APIs agree on is what their kinds agree on.
    static func overall(_ id: String, groups: [APIGrouping.Group], kinds: [APIKind], kindOf: [Int]) -> DecisionOutcome? {
        let each = kinds.compactMap { kind in kind.decisions.first { $0.decision == id } }
        guard kinds.count == each.count, var first = kindOf.first.flatMap({ kinds[$0].decisions.first { $0.decision == id } }) else {
            return nil
        }
        first.api = nil
        let chosen = Set(each.map { $0.status == .conflict ? "" : $0.chosen ?? "" })
        if chosen.count == 1 {
            if first.status == .conflict && groups.count > 1 {
                first.note = "Every API is in conflict; see each API."
            }
            return first
        }
        let parts = zip(groups, kindOf).map { group, kind in
            let outcome = each[kind]
            return "\(group.name): \(outcome.status == .conflict ? "conflict" : outcome.chosen ?? "undecided")"
        }
        return DecisionOutcome(decision: id, chosen: nil, status: .varies, scores: [], fired: [],
                               note: "Differs per API: " + parts.joined(separator: "; ") + ".")
    }

    /// A defaulted decision whose default excludes an option that a later decision's answered evidence recommends
    /// above what that decision chose, with the alternative that lets the evidence count; nil when there is none.
    func nextYield(_ result: Resolution, sheet: AnswerSheet, yields: [String: YieldChoice], inventory: Inventory,
                   profiles: ServiceProfiles) -> (String, YieldChoice)? {
        for later in result.outcomes where later.status != .conflict && later.status != .pinned {
            let chosenScore = later.scores.first { $0.option == later.chosen }?.score ?? 0
            let blocked = later.scores.filter { !$0.excludedBy.isEmpty && $0.score > chosenScore }.sorted { $0.score > $1.score }
            for candidate in blocked {
                let recommenders = later.fired.filter { $0.effect == "recommend" && $0.options.contains(candidate.option) }
                let answered = recommenders.filter { firing in firing.evidence.contains { $0.held && $0.kind != "decision" && !$0.fromDefault } }
                guard !answered.isEmpty else { continue }
                let excluders = later.fired.filter { firing in candidate.excludedBy.contains(firing.rule) }
                func defaultedDecisions(_ firing: RuleFiring) -> [String] {
                    firing.evidence.filter { $0.kind == "decision" && $0.held }.map(\.subject).filter { id in
                        rules.decision(id)?.defaultYields == true && result.outcome(id)?.status == .defaulted && yields[id] == nil
                    }
                }
                // Only when every exclusion hangs on a default: an exclusion from answers stands.
                guard excluders.allSatisfy({ !defaultedDecisions($0).isEmpty }) else { continue }
                let earlier = Array(Set(excluders.flatMap(defaultedDecisions))).sorted {
                    (rules.decisionOrder.firstIndex(of: $0) ?? 0) < (rules.decisionOrder.firstIndex(of: $1) ?? 0)
                }
                for id in earlier {
                    guard let outcome = result.outcome(id) else { continue }
                    for alternative in outcome.scores where alternative.option != outcome.chosen && alternative.excludedBy.isEmpty {
                        let note = "No rule recommended an option, and the default (\(outcome.chosen ?? "none")) would exclude \(candidate.option) "
                            + "for \(later.decision) (\(excluders.map(\.rule).joined(separator: ", "))), which your answers recommend "
                            + "(\(answered.map(\.rule).joined(separator: ", "))); so \(id) yields to that evidence: \(alternative.option)."
                        let choice = YieldChoice(option: alternative.option, note: note, rules: excluders.map(\.rule) + answered.map(\.rule))
                        var trialYields = yields
                        trialYields[id] = choice
                        let trial = forwardPass(sheet, yields: trialYields, inventory: inventory, profiles: profiles)
                        if trial.outcome(later.decision)?.chosen == candidate.option && trial.conflicts.count <= result.conflicts.count {
                            return (id, choice)
                        }
                    }
                }
            }
        }
        return nil
    }

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
