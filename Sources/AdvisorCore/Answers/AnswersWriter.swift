/// Writes answers as a YAML answers file that reads back to the same answers.
public enum AnswersWriter {
    /// YAML in catalog order; only explicit answers are written, so defaults stay defaults.
    public static func yaml(_ answers: Answers, rules: RuleSet, header: [String] = []) -> String {
        var out = header.map { "# " + $0 }
        for question in rules.questions {
            guard let value = answers.values[question.id] else { continue }
            out += lines(question.id, value, order: rules.questions.map(\.id))
        }
        let pinned = rules.decisions.filter { answers.pins[$0.id] != nil }
        if !pinned.isEmpty {
            out.append("\(Answers.pinsKey):")
            out += pinned.compactMap { decision in answers.pins[decision.id].map { "  \(decision.id): \(quote($0))" } }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `order` is the catalog's question order, in which a service's own answers are written.
    static func lines(_ key: String, _ value: AnswerValue, order: [String] = []) -> [String] {
        switch value {
        case .choice(let text), .text(let text): return ["\(key): \(quote(text))"]
        case .bool(let flag): return ["\(key): \(flag)"]
        case .number(let number): return ["\(key): \(formatNumber(number))"]
        case .choices(let items), .list(let items):
            return items.isEmpty ? ["\(key): []"] : ["\(key):"] + items.map { "  - \(quote($0))" }
        case .inventory(let inventory):
            if inventory.services.isEmpty { return ["\(key): []"] }
            var out = ["\(key):"]
            for service in inventory.services {
                out.append("  - name: \(quote(service.name))")
                if let team = service.team { out.append("    team: \(quote(team))") }
                if !service.deploysIndependently { out.append("    deploys-independently: false") }
                let keys = order.filter { service.answers[$0] != nil } + service.answers.keys.filter { !order.contains($0) }.sorted()
                for id in keys {
                    if let own = service.answers[id] { out += lines(id, own).map { "    " + $0 } }
                }
                if let access = service.access { out.append("    access: \(access)") }
                if service.resources.isEmpty { continue }
                out.append("    resources:")
                for resource in service.resources {
                    out.append("      - path: \(quote(resource.path))")
                    out.append("        methods: [\(resource.methods.joined(separator: ", "))]")
                    if let all = resource.access["*"], resource.access.count == 1 {
                        out.append("        access: \(all)")
                    } else if !resource.access.isEmpty {
                        // Methods the mapping does not name take `*`, which a mapping cannot say: spell every method out.
                        let pairs = resource.methods.compactMap { method in
                            (resource.access[method] ?? resource.access["*"]).map { "\(method): \($0)" }
                        }
                        out.append("        access: {\(pairs.joined(separator: ", "))}")
                    }
                }
            }
            return out
        }
    }

    /// Double-quotes a string when YAML would read it as something else (or not at all).
    public static func quote(_ text: String) -> String { YAMLWriter.scalar(text) }
}
