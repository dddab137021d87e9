/// Writes answers as a YAML answers file that reads back to the same answers.
public enum AnswersWriter {
    /// YAML in catalog order; only explicit answers are written, so defaults stay defaults.
    public static func yaml(_ answers: Answers, rules: RuleSet, header: [String] = []) -> String {
        var out = header.map { "# " + $0 }
        for question in rules.questions {
            guard let value = answers.values[question.id] else { continue }
            out += lines(question.id, value)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(_ key: String, _ value: AnswerValue) -> [String] {
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
                if service.resources.isEmpty { continue }
                out.append("    resources:")
                for resource in service.resources {
                    out.append("      - path: \(quote(resource.path))")
                    out.append("        methods: [\(resource.methods.joined(separator: ", "))]")
                }
            }
            return out
        }
    }

    /// Double-quotes a string when YAML would read it as something else (or not at all).
    public static func quote(_ text: String) -> String { YAMLWriter.scalar(text) }
}

/// A commented answers file listing every question, its help, allowed values and default.
public enum AnswersTemplate {
    /// The template text.
    public static func render(_ rules: RuleSet) -> String {
        var out = ["# apigw-advisor answers file (\(rules.name) \(rules.version))",
                   "# Uncomment and edit what applies; unanswered questions take the default shown.",
                   "# Check it with: apigw-advisor validate FILE; get advice with: apigw-advisor advise FILE", ""]
        for group in rules.groups {
            let questions = rules.questions.filter { $0.group == group.id }
            guard !questions.isEmpty else { continue }
            out.append("# ---- \(group.title) ----")
            for question in questions {
                out += TextWrap.wrap(question.prompt, width: 96, firstIndent: "# ", indent: "# ")
                out += TextWrap.wrap(question.help, width: 96, firstIndent: "#   ", indent: "#   ")
                switch question.kind {
                case .single, .multi:
                    out.append("#   \(question.kind == .single ? "one of" : "any of"): \(question.choiceIDs.joined(separator: ", "))")
                case .number:
                    let range = "\(question.min.map(formatNumber) ?? "")..\(question.max.map(formatNumber) ?? "")"
                    out.append("#   a number\(question.unit.map { " in \($0)" } ?? ""), \(range)")
                case .yesno: out.append("#   true or false")
                case .text, .list:
                    if let pattern = question.pattern { out.append("#   each value matches \(pattern)") }
                case .inventory:
                    out.append("#   a list of services: name, team, deploys-independently, resources (path, methods)")
                }
                if question.askIf != nil { out.append("#   (asked only in some situations; see rules/questions.yaml)") }
                if let value = question.defaultValue {
                    out += AnswersWriter.lines(question.id, value).map { "# " + $0 }
                } else if question.kind == .inventory {
                    out += ["\(question.id):", "  - name: orders", "    team: checkout", "    resources:",
                            "      - path: /orders", "        methods: [GET, POST]"]
                } else {
                    out.append("\(question.id):    # required")
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }
}
