import AdvisorCore

/// Says what an answer must look like in words, instead of the regular expressions and rule grammar
/// the catalog is written in.
enum PlainLanguage {
    /// The form a text answer takes, for the editor's hint and its error message.
    static func form(of question: Question) -> String? {
        guard let pattern = question.pattern else { return nil }
        switch pattern {
        case "^[a-z][a-z0-9-]*$":
            return "lower-case letters, digits and dashes, starting with a letter (e.g. shop-api)"
        case "^(\\*|https?://[^/\\s*]+)$":
            return "an origin: http:// or https:// and a host, optionally :port, no path and no wildcard (e.g. https://shop.example.com), or * for any"
        default:
            return "the form the help (?) describes"
        }
    }

    /// An answer's validation problem in words: a pattern is described, not quoted.
    static func problem(_ problem: String, question: Question) -> String {
        guard let pattern = question.pattern, problem.contains(pattern), let form = form(of: question) else { return problem }
        let value = problem.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        return (value.map { "'\($0)' is not " } ?? "The answer must be ") + form + (question.patternHelp.map { "; " + $0 } ?? "")
    }

    /// A condition (a question's ask-if) in words, naming questions by their prompt.
    static func condition(_ condition: Condition, rules: RuleSet, depth: Int = 0) -> String {
        func prompt(_ id: String) -> String { "\"" + (rules.question(id)?.prompt ?? id) + "\"" }
        func label(_ id: String, _ value: String) -> String {
            rules.question(id)?.choices.first { $0.id == value }?.label ?? value
        }
        func list(_ id: String, _ values: [String], _ word: String) -> String {
            let labels = values.map { label(id, $0) }
            return labels.count <= 1 ? labels.joined() : labels.dropLast().joined(separator: ", ") + " \(word) " + (labels.last ?? "")
        }
        switch condition {
        case .answer(let id, let test):
            switch test {
            case .equals(let value): return "the answer to \(prompt(id)) is \(label(id, value))"
            case .oneOf(let values): return "the answer to \(prompt(id)) is \(list(id, values, "or"))"
            case .contains(let value): return "the answer to \(prompt(id)) includes \(label(id, value))"
            case .containsAny(let values): return "the answer to \(prompt(id)) includes \(list(id, values, "or"))"
            case .containsAll(let values): return "the answer to \(prompt(id)) includes \(list(id, values, "and"))"
            case .compare(let comparison, let number): return "the answer to \(prompt(id)) is \(words(comparison)) \(formatNumber(number))"
            }
        case .count(let id, let comparison, let number):
            return "\(prompt(id)) has \(words(comparison)) \(formatNumber(number)) answer(s)"
        case .decision(let id, let options):
            let decision = rules.decision(id)
            let titles = options.map { decision?.option($0)?.title ?? $0 }
            return "the recommendation for \"\(decision?.title ?? id)\" is " + titles.joined(separator: " or ")
        case .all(let items):
            return items.isEmpty ? "always" : items.map { self.condition($0, rules: rules, depth: depth + 1) }.joined(separator: ", and ")
        case .any(let items):
            return items.isEmpty ? "never" : items.map { self.condition($0, rules: rules, depth: depth + 1) }.joined(separator: ", or ")
        case .not(let inner):
            return "not (\(self.condition(inner, rules: rules, depth: depth + 1)))"
        case .layout(let name):
            return "the recommended layout has \(name)"
        case .someService(let inner):
            return "for at least one service, \(self.condition(inner, rules: rules, depth: depth + 1))"
        case .ref(let name):
            guard depth < 4, let inner = rules.conditions[name] else { return name }
            return self.condition(inner, rules: rules, depth: depth + 1)
        }
    }

    static func words(_ comparison: Comparison) -> String {
        switch comparison {
        case .gt: return "more than"
        case .gte: return "at least"
        case .lt: return "less than"
        case .lte: return "at most"
        case .equals: return "exactly"
        }
    }
}
