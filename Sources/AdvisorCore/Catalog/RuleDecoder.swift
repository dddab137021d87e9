/// Decodes AREA.rules.yaml and AREA.cases.yaml, checking every reference.
struct RuleDecoder {
    let diagnostics: Diagnostics
    let conditions: ConditionDecoder
    let references: ConditionReferences
    let factIDs: Set<String>

    static let ruleKeys = ["id", "decision", "when", "recommend", "strength", "exclude", "require", "finding",
                           "reason", "tradeoff", "facts"]

    func rules(_ node: DocNode, area: String) -> [Rule] {
        guard let map = MappingReader(node, context: "\(area).rules.yaml", diagnostics: diagnostics) else { return [] }
        map.rejectUnknownKeys(allowed: ["rules"])
        guard let list = map.requireKey("rules") else { return [] }
        guard case .sequence(let items) = list.value else {
            diagnostics.add(list, key: "rules", "expected a list of rules, found \(list.kindName)")
            return []
        }
        return items.compactMap { rule($0, area: area) }
    }

    private func rule(_ node: DocNode, area: String) -> Rule? {
        guard let r = MappingReader(node, context: "a rule", diagnostics: diagnostics) else { return nil }
        r.rejectUnknownKeys(allowed: Self.ruleKeys)
        guard let id = r.string("id", required: true) else { return nil }
        let reason = r.string("reason", required: true) ?? ""
        let decisionID = r.string("decision")
        var decision: DecisionPoint?
        if let decisionID {
            decision = references.decisions[decisionID]
            if decision == nil {
                diagnostics.add(r["decision"] ?? node, key: "decision", "unknown decision '\(decisionID)'",
                                allowed: references.decisionOrder, suggestion: nearest(decisionID, in: references.decisionOrder))
            }
        }
        let effects = ["recommend", "exclude", "require", "finding"].filter { r[$0] != nil }
        guard effects.count == 1, let effectKey = effects.first else {
            diagnostics.add(node, key: id, effects.isEmpty ? "a rule needs one effect" : "a rule has exactly one effect, found \(effects.joined(separator: " and "))",
                            allowed: ["recommend", "exclude", "require", "finding"])
            return nil
        }
        if effectKey != "finding" && decisionID == nil {
            diagnostics.add(node, key: id, "a \(effectKey) rule needs `decision`")
        }
        if r["strength"] != nil && effectKey != "recommend" {
            diagnostics.add(r["strength"] ?? node, key: "strength", "only recommend rules have a strength")
        }
        func checkOption(_ option: String, at place: DocNode?) {
            guard let decision, decision.option(option) == nil else { return }
            diagnostics.add(place ?? node, key: effectKey, "'\(option)' is not an option of decision '\(decision.id)'",
                            allowed: decision.optionIDs, suggestion: nearest(option, in: decision.optionIDs))
        }
        let effect: Effect
        switch effectKey {
        case "recommend":
            guard let option = r.string("recommend") else { return nil }
            checkOption(option, at: r["recommend"])
            let strengthText = r.string("strength") ?? "normal"
            guard let strength = Strength(rawValue: strengthText) else {
                diagnostics.add(r["strength"] ?? node, key: "strength", "unknown strength '\(strengthText)'",
                                allowed: Strength.allCases.map(\.rawValue), suggestion: nearest(strengthText, in: Strength.allCases.map(\.rawValue)))
                return nil
            }
            effect = .recommend(option, strength)
        case "exclude":
            guard let options = r.stringList("exclude") else { return nil }
            options.forEach { checkOption($0, at: r["exclude"]) }
            effect = .exclude(options)
        case "require":
            guard let option = r.string("require") else { return nil }
            checkOption(option, at: r["require"])
            effect = .require(option)
        default:
            guard let findingNode = r["finding"],
                  let f = MappingReader(findingNode, context: "a finding", diagnostics: diagnostics) else { return nil }
            f.rejectUnknownKeys(allowed: ["severity", "title"])
            let severityText = f.string("severity", required: true) ?? "info"
            guard let severity = Severity(rawValue: severityText) else {
                diagnostics.add(f["severity"] ?? findingNode, key: "severity", "unknown severity '\(severityText)'",
                                allowed: Severity.allCases.map(\.rawValue), suggestion: nearest(severityText, in: Severity.allCases.map(\.rawValue)))
                return nil
            }
            effect = .finding(severity, title: f.string("title", required: true) ?? "")
        }
        let facts = r.stringList("facts") ?? []
        for fact in facts where !factIDs.contains(fact) {
            diagnostics.add(r["facts"] ?? node, key: "facts", "unknown fact '\(fact)'", allowed: factIDs.sorted(),
                            suggestion: nearest(fact, in: factIDs))
        }
        guard let whenNode = r.requireKey("when"), let when = conditions.decode(whenNode) else { return nil }
        return Rule(id: id, decision: decisionID, when: when, effect: effect, reason: reason, tradeoff: r.string("tradeoff"),
                    facts: facts, location: node.location, area: area)
    }

    func cases(_ node: DocNode, area: String, ruleIDs: Set<String>, decisions: [String: DecisionPoint]) -> [RuleCase] {
        guard let map = MappingReader(node, context: "\(area).cases.yaml", diagnostics: diagnostics) else { return [] }
        map.rejectUnknownKeys(allowed: ["cases"])
        guard let list = map.requireKey("cases") else { return [] }
        guard case .sequence(let items) = list.value else {
            diagnostics.add(list, key: "cases", "expected a list of cases, found \(list.kindName)")
            return []
        }
        var out: [RuleCase] = []
        for item in items {
            guard let c = MappingReader(item, context: "a case", diagnostics: diagnostics) else { continue }
            c.rejectUnknownKeys(allowed: ["name", "answers", "fires", "not-fires", "expect"])
            guard let name = c.string("name", required: true), let answers = c.requireKey("answers") else { continue }
            let fires = c.stringList("fires") ?? []
            let notFires = c.stringList("not-fires") ?? []
            for id in fires + notFires where !ruleIDs.contains(id) {
                diagnostics.add(c[fires.contains(id) ? "fires" : "not-fires"] ?? item, key: name, "unknown rule '\(id)'",
                                suggestion: nearest(id, in: ruleIDs))
            }
            var expect: [ExpectedOutcome] = []
            if let expectNode = c["expect"], let e = MappingReader(expectNode, context: "expect", diagnostics: diagnostics) {
                for entry in e.entries {
                    guard let option = entry.value.scalarText else {
                        diagnostics.add(entry.value, key: entry.key, "expected an option id or `conflict`")
                        continue
                    }
                    // `API/decision` expects the outcome on one API; `varies` that the APIs chose differently.
                    let decisionID = entry.key.split(separator: "/").last.map(String.init) ?? entry.key
                    if let decision = decisions[decisionID] {
                        if option != "conflict" && option != "varies" && decision.option(option) == nil {
                            diagnostics.add(entry.value, key: entry.key, "'\(option)' is not an option of '\(decisionID)'",
                                            allowed: decision.optionIDs + ["conflict", "varies"], suggestion: nearest(option, in: decision.optionIDs))
                        }
                    } else {
                        diagnostics.add(entry.keyNode, key: entry.key, "unknown decision", allowed: references.decisionOrder,
                                        suggestion: nearest(decisionID, in: references.decisionOrder))
                    }
                    expect.append(ExpectedOutcome(decision: entry.key, option: option))
                }
            }
            out.append(RuleCase(name: name, answers: answers, fires: fires, notFires: notFires, expect: expect,
                                location: item.location, area: area))
        }
        return out
    }
}
