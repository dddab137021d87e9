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
