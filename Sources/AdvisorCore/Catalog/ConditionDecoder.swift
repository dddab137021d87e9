import Foundation

/// Decodes the condition grammar of rules/README.md from a document node.
struct ConditionDecoder {
    let diagnostics: Diagnostics
    /// What conditions may refer to; nil skips reference checks.
    var references: ConditionReferences?

    static let answerTests = ["equals", "in", "contains", "contains-any", "contains-all", "gt", "gte", "lt", "lte"]
    static let countTests = ["gt", "gte", "lt", "lte", "equals"]
    static let forms = ["answer", "count", "decision", "all", "any", "not", "ref", "some-service", "layout"]

    func decode(_ node: DocNode, key: String = "when") -> Condition? {
        guard let map = MappingReader(node, context: "a condition", diagnostics: diagnostics) else { return nil }
        let formKeys = map.keys.filter { Self.forms.contains($0) }
        guard formKeys.count == 1, let form = formKeys.first else {
            let message = formKeys.isEmpty ? "a condition needs one of these keys" : "a condition has exactly one form, found \(formKeys.joined(separator: " and "))"
            let unknown = map.keys.first { !Self.forms.contains($0) && !Self.answerTests.contains($0) && $0 != "is" }
            diagnostics.add(node, key: key, message, allowed: Self.forms,
                            suggestion: unknown.flatMap { nearest($0, in: Self.forms) })
            return nil
        }
        switch form {
        case "answer":
            map.rejectUnknownKeys(allowed: ["answer"] + Self.answerTests)
            guard let subject = map.string("answer") else { return nil }
            let question = references?.question(subject, at: map["answer"] ?? node, diagnostics: diagnostics)
            let tests = map.keys.filter { Self.answerTests.contains($0) }
            guard tests.count == 1, let test = tests.first, let value = map[test] else {
                diagnostics.add(node, key: "answer", "an answer condition needs exactly one test", allowed: Self.answerTests)
                return nil
            }
            switch test {
            case "equals":
                guard let text = value.scalarText else {
                    diagnostics.add(value, key: test, "expected a single value, found \(value.kindName)")
                    return nil
                }
                question.map { references?.checkValues([text], of: $0, at: value, diagnostics: diagnostics) }
                return .answer(subject, .equals(text))
            case "contains":
                guard let text = value.scalarText else {
                    diagnostics.add(value, key: test, "expected a single value, found \(value.kindName)")
                    return nil
                }
                question.map { references?.checkValues([text], of: $0, at: value, diagnostics: diagnostics) }
                return .answer(subject, .contains(text))
            case "in", "contains-any", "contains-all":
                guard let list = MappingReader.strings(value, key: test, diagnostics: diagnostics) else { return nil }
                question.map { references?.checkValues(list, of: $0, at: value, diagnostics: diagnostics) }
                return .answer(subject, test == "in" ? .oneOf(list) : test == "contains-any" ? .containsAny(list) : .containsAll(list))
            default:
                if let question, question.kind != .number {
                    diagnostics.add(value, key: test, "'\(test)' compares numbers, but '\(subject)' is a \(question.kind.rawValue) question")
                }
                guard let number = map.number(test), let op = Comparison(rawValue: test) else { return nil }
                return .answer(subject, .compare(op, number))
            }
        case "count":
            map.rejectUnknownKeys(allowed: ["count"] + Self.countTests)
            guard let subject = map.string("count") else { return nil }
            let tests = map.keys.filter { Self.countTests.contains($0) }
            guard tests.count == 1, let test = tests.first, let op = Comparison(rawValue: test) else {
                diagnostics.add(node, key: "count", "a count condition needs exactly one comparison", allowed: Self.countTests)
                return nil
            }
            guard let number = map.number(test) else { return nil }
            references?.checkCountSubject(subject, at: map["count"] ?? node, diagnostics: diagnostics)
            return .count(subject, op, number)
        case "decision":
            map.rejectUnknownKeys(allowed: ["decision", "is", "in"])
            guard let subject = map.string("decision") else { return nil }
            let options = map["is"] != nil ? map.string("is").map { [$0] } : map.stringList("in")
            if let options {
                references?.checkDecision(subject, options: options, at: map["decision"] ?? node, diagnostics: diagnostics)
                return .decision(subject, options)
            }
            diagnostics.add(node, key: "decision", "a decision condition needs `is: OPTION` or `in: [OPTION, ...]`")
            return nil
        case "all", "any":
            map.rejectUnknownKeys(allowed: [form])
            guard let listNode = map[form] else { return nil }
            guard case .sequence(let items) = listNode.value else {
                diagnostics.add(listNode, key: form, "expected a list of conditions, found \(listNode.kindName)")
                return nil
            }
            let decoded = items.compactMap { decode($0, key: form) }
            guard decoded.count == items.count else { return nil }
            return form == "all" ? .all(decoded) : .any(decoded)
        case "not":
            map.rejectUnknownKeys(allowed: ["not"])
            guard let inner = map["not"], let condition = decode(inner, key: "not") else { return nil }
            return .not(condition)
        case "layout":
            map.rejectUnknownKeys(allowed: ["layout"])
            guard let name = map.string("layout") else { return nil }
            if references != nil {
                if !(references?.allowDecisions ?? true) {
                    diagnostics.add(map["layout"] ?? node, key: "layout", "a question's ask-if cannot read the layout (questions come before the layout)")
                } else if !LayoutFacts.names.contains(name) {
                    diagnostics.add(map["layout"] ?? node, key: "layout", "unknown layout property '\(name)'",
                                    allowed: LayoutFacts.names, suggestion: nearest(name, in: LayoutFacts.names))
                }
            }
            return .layout(name)
        case "some-service":
            map.rejectUnknownKeys(allowed: ["some-service"])
            guard let inner = map["some-service"], let condition = decode(inner, key: "some-service") else { return nil }
            return .someService(condition)
        default:
            map.rejectUnknownKeys(allowed: ["ref"])
            guard let name = map.string("ref") else { return nil }
            if let references, !references.conditionNames.contains(name) {
                diagnostics.add(map["ref"] ?? node, key: "ref", "unknown named condition '\(name)'",
                                allowed: references.conditionNames.sorted(), suggestion: nearest(name, in: references.conditionNames))
            }
            return .ref(name)
        }
    }
}

/// The names a condition may refer to, and checks that record an error for each bad reference.
struct ConditionReferences {
    var questions: [String: Question]
    var questionOrder: [String]
    var decisions: [String: DecisionPoint]
    var decisionOrder: [String]
    var conditionNames: Set<String>
    /// Whether `decision` conditions are allowed here (not in a question's ask-if).
    var allowDecisions = true

    /// Derived inventory counts usable in `count`.
    static let inventoryCounts = ["services", "services.resources", "services.routes", "services.teams",
                                  "services.shared-deploys", "services.path-params", "services.mixed-access"]

    func question(_ id: String, at node: DocNode, diagnostics: Diagnostics) -> Question? {
        if let question = questions[id] { return question }
        diagnostics.add(node, key: "answer", "unknown question '\(id)'", allowed: questionOrder,
                        suggestion: nearest(id, in: questionOrder))
        return nil
    }

    func checkValues(_ values: [String], of question: Question, at node: DocNode, diagnostics: Diagnostics) {
        guard question.kind == .single || question.kind == .multi else { return }
        for value in values where question.choice(value) == nil {
            diagnostics.add(node, key: question.id, "'\(value)' is not a choice of question '\(question.id)'",
                            allowed: question.choiceIDs, suggestion: nearest(value, in: question.choiceIDs))
        }
    }

    func checkCountSubject(_ subject: String, at node: DocNode, diagnostics: Diagnostics) {
        if Self.inventoryCounts.contains(subject) { return }
        if let question = questions[subject], question.kind == .multi || question.kind == .list { return }
        let allowed = Self.inventoryCounts + questionOrder.filter { [.multi, .list].contains(questions[$0]?.kind) }
        diagnostics.add(node, key: "count", "cannot count '\(subject)': counts apply to multi-choice and list questions and the inventory counts",
                        allowed: allowed, suggestion: nearest(subject, in: allowed))
    }

    func checkDecision(_ id: String, options: [String], at node: DocNode, diagnostics: Diagnostics) {
        guard allowDecisions else {
            diagnostics.add(node, key: "decision", "a question's ask-if cannot read decisions (questions come before decisions)")
            return
        }
        guard let decision = decisions[id] else {
            diagnostics.add(node, key: "decision", "unknown decision '\(id)'", allowed: decisionOrder,
                            suggestion: nearest(id, in: decisionOrder))
            return
        }
        for option in options where decision.option(option) == nil {
            diagnostics.add(node, key: "decision", "'\(option)' is not an option of decision '\(id)'",
                            allowed: decision.optionIDs, suggestion: nearest(option, in: decision.optionIDs))
        }
    }
}
