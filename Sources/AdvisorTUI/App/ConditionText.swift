import AdvisorCore

/// Renders conditions (a question's ask-if) as text people can read.
public enum ConditionText {
    /// `consumers contains browser`, `count(auth-mechanisms) > 1`, `not (custom-domain equals none)`.
    ///
    /// Named conditions are expanded (a few levels deep, so a cycle in broken rules cannot hang the view).
    public static func render(_ condition: Condition, rules: RuleSet, depth: Int = 0) -> String {
        switch condition {
        case .answer(let id, let test):
            return "\(id) \(test.display)"
        case .count(let id, let comparison, let number):
            return "count(\(id)) \(comparison.symbol) \(formatNumber(number))"
        case .decision(let id, let options):
            return "decision \(id) in [\(options.joined(separator: ", "))]"
        case .all(let list):
            return join(list, with: " and ", rules: rules, depth: depth)
        case .any(let list):
            return join(list, with: " or ", rules: rules, depth: depth)
        case .not(let inner):
            return "not (\(render(inner, rules: rules, depth: depth + 1)))"
        case .layout(let name):
            return "layout \(name)"
        case .someService(let inner):
            return "some service: (\(render(inner, rules: rules, depth: depth + 1)))"
        case .ref(let name):
            guard depth < 4, let inner = rules.conditions[name] else { return name }
            return render(inner, rules: rules, depth: depth + 1)
        }
    }

    private static func join(_ list: [Condition], with separator: String, rules: RuleSet, depth: Int) -> String {
        if list.isEmpty { return separator == " and " ? "always" : "never" }
        let parts = list.map { item -> String in
            let text = render(item, rules: rules, depth: depth + 1)
            switch item {
            case .all, .any: return "(\(text))"
            default: return text
            }
        }
        return parts.joined(separator: separator)
    }

    /// Question ids a condition reads, following named conditions.
    public static func questionsRead(_ condition: Condition, rules: RuleSet, depth: Int = 0) -> Set<String> {
        var ids = Set(condition.questionsRead)
        guard depth < 6 else { return ids }
        for name in condition.refsRead {
            if let inner = rules.conditions[name] { ids.formUnion(questionsRead(inner, rules: rules, depth: depth + 1)) }
        }
        return ids
    }
}
