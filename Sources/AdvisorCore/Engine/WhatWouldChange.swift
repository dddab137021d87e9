/// What would change each decision: the answers its rules read (its drivers), and which alternative values of
/// those answers flip it, found by resolving the decisions again with each alternative.
///
/// A function of (rules, answers) only, so it can run per API once decisions are resolved per API. Each
/// alternative answer is resolved once and compared with every decision, and only decisions are resolved
/// (no findings, no layout), which keeps it cheap enough for the interview's live pane.
struct WhatWouldChange {
    let engine: Engine
    var rules: RuleSet { engine.rules }

    /// Every question the rules of `decision` read, directly, through named conditions, or through the
    /// decisions they read (transitively), in catalog order.
    static func drivers(of decision: String, rules: RuleSet) -> [String] {
        var questions: Set<String> = []
        var seenDecisions: Set<String> = []
        var seenRefs: Set<String> = []
        func visit(_ condition: Condition) {
            questions.formUnion(condition.questionsRead)
            for ref in condition.refsRead where seenRefs.insert(ref).inserted {
                if let inner = rules.conditions[ref] { visit(inner) }
            }
            for id in condition.decisionsRead { visitDecision(id) }
        }
        func visitDecision(_ id: String) {
            guard seenDecisions.insert(id).inserted else { return }
            for index in rules.rulesByDecision[id] ?? [] {
                let rule = rules.rules[index]
                if case .finding = rule.effect { continue }
                visit(rule.when)
            }
        }
        visitDecision(decision)
        return rules.questions.map(\.id).filter { questions.contains($0) && rules.question($0)?.kind != .inventory }
    }

    /// What the rules test each question against: number thresholds, the choice values they name, and whether
    /// they count its values.
    struct Tested {
        var thresholds: Set<Double> = []
        var values: Set<String> = []
        var counted = false
    }

    private func tested() -> [String: Tested] {
        var out: [String: Tested] = [:]
        var seenRefs: Set<String> = []
        func visit(_ condition: Condition) {
            switch condition {
            case .answer(let id, let test):
                switch test {
                case .compare(_, let number): out[id, default: Tested()].thresholds.insert(number)
                case .equals(let value), .contains(let value): out[id, default: Tested()].values.insert(value)
                case .oneOf(let values), .containsAny(let values), .containsAll(let values): out[id, default: Tested()].values.formUnion(values)
                }
            case .count(let subject, _, _): out[subject, default: Tested()].counted = true
            case .decision, .layout: break
            case .all(let list), .any(let list): list.forEach(visit)
            case .not(let inner), .someService(let inner): visit(inner)
            case .ref(let name):
                if seenRefs.insert(name).inserted, let inner = rules.conditions[name] { visit(inner) }
            }
        }
        for rule in rules.rules {
            if case .finding = rule.effect { continue }
            visit(rule.when)
        }
        for question in rules.questions { if let ask = question.askIf { visit(ask) } }
        return out
    }

    /// The alternative values of a question worth trying: other choices, the other yes/no, each choice added or
    /// removed, and numbers on both sides of every threshold the rules use.
    /// Choices the rules never name all behave alike, so one of them stands for the rest.
    func alternatives(_ question: Question, current: AnswerValue?, tested: Tested) -> [AnswerValue] {
        let named = question.choiceIDs.filter { tested.values.contains($0) }
        let unnamed = question.choiceIDs.filter { !tested.values.contains($0) }
        switch question.kind {
        case .single:
            let worth = named + unnamed.filter { $0 != current?.scalarText }.prefix(1)
            return question.choiceIDs.filter { worth.contains($0) && current?.scalarText != $0 }.map { .choice($0) }
        case .yesno:
            let flag = current == .bool(true)
            return [.bool(!flag)]
        case .multi:
            let members = current?.members ?? []
            let toggles = named + (tested.counted ? unnamed.filter { !members.contains($0) }.prefix(1) + unnamed.filter(members.contains).prefix(1) : [])
            return question.choiceIDs.filter(toggles.contains).map { id in
                .choices(members.contains(id) ? members.filter { $0 != id } : question.choiceIDs.filter { members.contains($0) || $0 == id })
            }
        case .number:
            let now = current?.numberValue
            // Every threshold, and one value inside each region between (and beyond) them: enough for any comparison.
            let sorted = tested.thresholds.sorted()
            let between = zip(sorted, sorted.dropFirst()).map { ($0 + $1) / 2 }
            let candidates = (sorted + between + (sorted.first.map { [$0 - 1] } ?? []) + (sorted.last.map { [$0 + 1] } ?? [])).filter { value in
                (question.min.map { value >= $0 } ?? true) && (question.max.map { value <= $0 } ?? true) && value != now
            }
            return Array(Set(candidates)).sorted().map { .number($0) }
        case .text, .list, .inventory:
            return []
        }
    }

    /// For every decision, the alternative answers (of its drivers) that make it choose differently.
    func flips(_ answers: Answers, base: [DecisionOutcome]) -> [String: [Flip]] {
        let chosen = Dictionary(base.map { ($0.decision, $0.status == .conflict ? nil : $0.chosen) }, uniquingKeysWith: { first, _ in first })
        let drivers = Dictionary(base.map { ($0.decision, Set(Self.drivers(of: $0.decision, rules: rules))) }, uniquingKeysWith: { first, _ in first })
        let read = drivers.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let limits = tested()
        let current = AnswerSheet(answers: answers, rules: rules)
        // The inventory is the same in every alternative (no inventory has alternatives): group its services once.
        let profiles = ServiceProfiles(Engine.inventory(current))
        var out: [String: [Flip]] = [:]
        // For a number, only the nearest value that flips a decision to a given option is worth saying.
        var nearest: [String: (distance: Double, index: Int)] = [:]
        for question in rules.questions where read.contains(question.id) {
            // Answers to questions that are not asked are ignored, so changing them changes nothing.
            guard current.status[question.id] != .hidden else { continue }
            for value in alternatives(question, current: current.values[question.id], tested: limits[question.id] ?? Tested()) {
                var changed = answers
                changed.values[question.id] = value
                let outcomes = engine.decide(AnswerSheet(answers: changed, rules: rules), profiles: profiles).outcomes
                for outcome in outcomes where drivers[outcome.decision]?.contains(question.id) == true {
                    let now = outcome.status == .conflict ? nil : outcome.chosen
                    guard now != chosen[outcome.decision] ?? nil else { continue }
                    let flip = Flip(question: question.id, value: value.display, option: now)
                    if case .number(let number) = value {
                        let key = "\(outcome.decision)|\(question.id)|\(now ?? "")"
                        let distance = abs(number - (current.values[question.id]?.numberValue ?? 0))
                        if let kept = nearest[key] {
                            if distance < kept.distance {
                                out[outcome.decision]?[kept.index] = flip
                                nearest[key] = (distance, kept.index)
                            }
                            continue
                        }
                        nearest[key] = (distance, out[outcome.decision]?.count ?? 0)
                    }
                    out[outcome.decision, default: []].append(flip)
                }
            }
        }
        return out
    }
}
