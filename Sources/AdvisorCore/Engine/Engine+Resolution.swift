/// Resolving the decisions: the system's, then each kind of API's, in dependency order, with defaults yielding to
/// answered evidence (`nextYield`).
extension Engine {
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

    /// The outcome of a per-API decision for the whole system, from the kinds of API: the APIs' outcome when they
    /// agree (the first one's explanation stands for all; reports show each API's reasons when they differ, see
    /// Advice.differs), else `varies`.
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
}
