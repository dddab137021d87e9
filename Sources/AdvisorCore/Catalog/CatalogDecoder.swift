import Foundation

/// Decodes manifest.yaml, questions.yaml, decisions.yaml, facts.yaml and conditions.yaml.
struct CatalogDecoder {
    let diagnostics: Diagnostics
    /// Whether to compile each question's `pattern` to check it; false only for the bundled rules,
    /// whose patterns the tests compile (it would start ICU's regex engine at every start for nothing).
    var checkPatterns = true

    func manifest(_ node: DocNode) -> (String, String) {
        guard let map = MappingReader(node, context: "manifest.yaml", diagnostics: diagnostics) else { return ("", "") }
        map.rejectUnknownKeys(allowed: ["name", "version"])
        return (map.string("name", required: true) ?? "", map.string("version", required: true) ?? "")
    }

    struct RawQuestion {
        var question: Question
        var askIf: DocNode?
        var defaultNode: DocNode?
    }

    func questions(_ node: DocNode) -> ([QuestionGroup], [RawQuestion]) {
        guard let map = MappingReader(node, context: "questions.yaml", diagnostics: diagnostics) else { return ([], []) }
        map.rejectUnknownKeys(allowed: ["groups", "questions"])
        var groups: [QuestionGroup] = []
        for item in sequence(map.requireKey("groups"), key: "groups") {
            guard let g = MappingReader(item, context: "a group", diagnostics: diagnostics) else { continue }
            g.rejectUnknownKeys(allowed: ["id", "title"])
            if let id = g.string("id", required: true), let title = g.string("title", required: true) {
                if groups.contains(where: { $0.id == id }) { diagnostics.add(item, key: id, "duplicate group id") }
                groups.append(QuestionGroup(id: id, title: title))
            }
        }
        let groupIDs = groups.map(\.id)
        var out: [RawQuestion] = []
        let keys = ["id", "group", "kind", "prompt", "help", "choices", "default", "ask-if", "unit", "min", "max", "pattern", "pattern-help", "per-service"]
        for item in sequence(map.requireKey("questions"), key: "questions") {
            guard let q = MappingReader(item, context: "a question", diagnostics: diagnostics) else { continue }
            q.rejectUnknownKeys(allowed: keys)
            guard let id = q.string("id", required: true), let group = q.string("group", required: true),
                  let kindText = q.string("kind", required: true) else { continue }
            guard let kind = QuestionKind(rawValue: kindText) else {
                diagnostics.add(q["kind"] ?? item, key: "kind", "unknown question kind '\(kindText)'",
                                allowed: QuestionKind.allCases.map(\.rawValue),
                                suggestion: nearest(kindText, in: QuestionKind.allCases.map(\.rawValue)))
                continue
            }
            if !groupIDs.contains(group) {
                diagnostics.add(q["group"] ?? item, key: "group", "unknown group '\(group)'", allowed: groupIDs,
                                suggestion: nearest(group, in: groupIDs))
            }
            if out.contains(where: { $0.question.id == id }) { diagnostics.add(item, key: id, "duplicate question id") }
            var choices: [Choice] = []
            if let choicesNode = q["choices"] {
                for c in sequence(choicesNode, key: "choices") {
                    guard let cm = MappingReader(c, context: "a choice", diagnostics: diagnostics) else { continue }
                    cm.rejectUnknownKeys(allowed: ["id", "label", "help", "deprecation"])
                    if let cid = cm.string("id", required: true), let label = cm.string("label", required: true),
                       let help = cm.string("help", required: true) {
                        if choices.contains(where: { $0.id == cid }) { diagnostics.add(c, key: cid, "duplicate choice id") }
                        let deprecation = cm.string("deprecation", required: false)
                        if let deprecation, !FastPattern.isDateShape(deprecation) {
                            diagnostics.add(cm["deprecation"] ?? c, key: "deprecation", "expected a date YYYY-MM-DD, found '\(deprecation)'")
                        }
                        choices.append(Choice(id: cid, label: label, help: help, deprecation: deprecation))
                    }
                }
            }
            if (kind == .single || kind == .multi) && choices.isEmpty {
                diagnostics.add(item, key: id, "a \(kind.rawValue) question needs choices")
            }
            if !(kind == .single || kind == .multi) && q["choices"] != nil {
                diagnostics.add(q["choices"] ?? item, key: "choices", "only single and multi questions have choices")
            }
            let pattern = q.string("pattern")
            if let pattern, checkPatterns, (try? NSRegularExpression(pattern: pattern)) == nil {
                diagnostics.add(q["pattern"] ?? item, key: "pattern", "not a valid regular expression")
            }
            let minimum = q.number("min"), maximum = q.number("max")
            for (name, bound) in [("min", minimum), ("max", maximum)] {
                guard let bound, !bound.isFinite || abs(bound) > maxNumberMagnitude else { continue }
                diagnostics.add(q[name] ?? item, key: name, "\(formatNumber(bound)) is beyond what the engine handles",
                                allowed: ["\(formatNumber(-maxNumberMagnitude))...\(formatNumber(maxNumberMagnitude))"])
            }
            if let minimum, let maximum, minimum > maximum {
                diagnostics.add(q["max"] ?? item, key: "max", "max \(formatNumber(maximum)) is below min \(formatNumber(minimum))")
            }
            if (minimum != nil || maximum != nil) && kind != .number {
                diagnostics.add(q["min"] ?? q["max"] ?? item, key: id, "only number questions have min and max")
            }
            var question = Question(
                id: id, group: group, kind: kind, prompt: q.string("prompt", required: true) ?? "",
                help: q.string("help", required: true) ?? "", choices: choices, defaultValue: nil, askIf: nil,
                unit: q.string("unit"), min: minimum, max: maximum, pattern: pattern,
                location: item.location)
            question.perService = q.bool("per-service") ?? false
            question.patternHelp = q.string("pattern-help")
            if question.patternHelp != nil && pattern == nil {
                diagnostics.add(q["pattern-help"] ?? item, key: "pattern-help", "pattern-help explains a pattern, but the question has none")
            }
            if question.perService && kind == .inventory {
                diagnostics.add(q["per-service"] ?? item, key: "per-service", "the inventory question cannot be answered per service")
            }
            out.append(RawQuestion(question: question, askIf: q["ask-if"], defaultNode: q["default"]))
        }
        return (groups, out)
    }

    /// Decodes the default against the question's own kind, recording errors.
    func defaultValue(_ question: Question, node: DocNode?) -> AnswerValue? {
        guard let node else { return nil }
        if question.kind == .inventory {
            diagnostics.add(node, key: "default", "the inventory question has no default")
            return nil
        }
        return AnswerDecoder(diagnostics: diagnostics).value(for: question, node: node)
    }

    func decisions(_ node: DocNode) -> [DecisionPoint] {
        guard let map = MappingReader(node, context: "decisions.yaml", diagnostics: diagnostics) else { return [] }
        map.rejectUnknownKeys(allowed: ["decisions"])
        var out: [DecisionPoint] = []
        for item in sequence(map.requireKey("decisions"), key: "decisions") {
            guard let d = MappingReader(item, context: "a decision", diagnostics: diagnostics) else { continue }
            d.rejectUnknownKeys(allowed: ["id", "title", "question", "default", "default-yields", "after", "scope", "options"])
            guard let id = d.string("id", required: true) else { continue }
            if out.contains(where: { $0.id == id }) { diagnostics.add(item, key: id, "duplicate decision id") }
            var options: [DecisionOption] = []
            for o in sequence(d.requireKey("options"), key: "options") {
                guard let om = MappingReader(o, context: "an option", diagnostics: diagnostics) else { continue }
                om.rejectUnknownKeys(allowed: ["id", "title", "summary", "pros", "cons"])
                guard let oid = om.string("id", required: true) else { continue }
                if options.contains(where: { $0.id == oid }) { diagnostics.add(o, key: oid, "duplicate option id") }
                options.append(DecisionOption(id: oid, title: om.string("title", required: true) ?? oid,
                                              summary: om.string("summary", required: true) ?? "",
                                              pros: om.stringList("pros") ?? [], cons: om.stringList("cons") ?? []))
            }
            let defaultOption = d.string("default", required: true) ?? ""
            if !defaultOption.isEmpty && !options.contains(where: { $0.id == defaultOption }) {
                diagnostics.add(d["default"] ?? item, key: "default", "the default is not one of the options",
                                allowed: options.map(\.id), suggestion: nearest(defaultOption, in: options.map(\.id)))
            }
            var scope = DecisionScope.system
            if let text = d.string("scope") {
                if let value = DecisionScope(rawValue: text) {
                    scope = value
                } else {
                    diagnostics.add(d["scope"] ?? item, key: "scope", "unknown scope '\(text)'",
                                    allowed: DecisionScope.allCases.map(\.rawValue),
                                    suggestion: nearest(text, in: DecisionScope.allCases.map(\.rawValue)))
                }
            }
            out.append(DecisionPoint(id: id, title: d.string("title", required: true) ?? id,
                                     question: d.string("question", required: true) ?? "",
                                     defaultOption: defaultOption, after: d.stringList("after") ?? [],
                                     options: options, scope: scope, location: item.location, defaultYields: d.bool("default-yields") ?? false))
        }
        return out
    }

    func facts(_ node: DocNode) -> ([String: FactSource], [String: Fact]) {
        guard let map = MappingReader(node, context: "facts.yaml", diagnostics: diagnostics) else { return ([:], [:]) }
        map.rejectUnknownKeys(allowed: ["sources", "facts"])
        var sources: [String: FactSource] = [:]
        for item in sequence(map.requireKey("sources"), key: "sources") {
            guard let s = MappingReader(item, context: "a source", diagnostics: diagnostics) else { continue }
            s.rejectUnknownKeys(allowed: ["id", "title", "url"])
            guard let id = s.string("id", required: true) else { continue }
            if sources[id] != nil { diagnostics.add(item, key: id, "duplicate source id") }
            sources[id] = FactSource(id: id, title: s.string("title", required: true) ?? "", url: s.string("url", required: true) ?? "")
        }
        var facts: [String: Fact] = [:]
        for item in sequence(map.requireKey("facts"), key: "facts") {
            guard let f = MappingReader(item, context: "a fact", diagnostics: diagnostics) else { continue }
            f.rejectUnknownKeys(allowed: ["id", "text", "source", "as-of", "value", "unit"])
            guard let id = f.string("id", required: true) else { continue }
            if facts[id] != nil { diagnostics.add(item, key: id, "duplicate fact id") }
            let source = f.string("source", required: true) ?? ""
            if !source.isEmpty && sources[source] == nil {
                diagnostics.add(f["source"] ?? item, key: "source", "unknown source '\(source)'",
                                allowed: sources.keys.sorted(), suggestion: nearest(source, in: sources.keys))
            }
            let asOf = f.string("as-of", required: true) ?? ""
            if !asOf.isEmpty && !FastPattern.isDateShape(asOf) && asOf.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                diagnostics.add(f["as-of"] ?? item, key: "as-of", "expected a date YYYY-MM-DD, found '\(asOf)'")
            }
            let value = f.number("value")
            let unit = f.string("unit")
            if value != nil && (unit ?? "").isEmpty {
                diagnostics.add(f["value"] ?? item, key: "unit", "a fact with a value needs a unit saying what it counts")
            }
            facts[id] = Fact(id: id, text: f.string("text", required: true) ?? "", source: source, asOf: asOf, value: value, unit: unit)
        }
        return (sources, facts)
    }

    func conditionNodes(_ node: DocNode) -> [(name: String, node: DocNode)] {
        guard let map = MappingReader(node, context: "conditions.yaml", diagnostics: diagnostics) else { return [] }
        map.rejectUnknownKeys(allowed: ["conditions"])
        guard let inner = map.requireKey("conditions"),
              let conditions = MappingReader(inner, context: "conditions", diagnostics: diagnostics) else { return [] }
        return conditions.entries.map { ($0.key, $0.value) }
    }

    func sequence(_ node: DocNode?, key: String) -> [DocNode] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.value else {
            diagnostics.add(node, key: key, "expected a list, found \(node.kindName)")
            return []
        }
        return items
    }
}
