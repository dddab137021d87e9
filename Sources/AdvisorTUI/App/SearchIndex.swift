import AdvisorCore

/// Finds questions whose id, prompt, help or choices mention a text.
public enum SearchIndex {
    /// One question that matched, with where.
    public struct Hit: Equatable, Sendable {
        /// Question id.
        public var question: String
        /// What matched: `prompt`, `help`, or `choice <id>`.
        public var field: String
        /// The matching text around the match.
        public var snippet: String
    }

    /// Group titles, then questions (one hit each, in catalog order), then the findings of `advice`,
    /// matching `query` case-insensitively. A group hit has field `group` and the group id as `question`;
    /// a finding hit has field `finding`, the rule as `question` and the finding title as `snippet`.
    public static func search(_ query: String, rules: RuleSet, advice: Advice? = nil) -> [Hit] {
        let needle = query.trimmingSpaces.lowercased()
        guard !needle.isEmpty else { return [] }
        var hits: [Hit] = []
        for group in rules.groups where group.title.lowercased().contains(needle) {
            hits.append(Hit(question: group.id, field: "group", snippet: group.title))
        }
        for question in rules.questions {
            var fields: [(String, String)] = [("prompt", question.prompt), ("id", question.id), ("help", question.help)]
            for choice in question.choices {
                fields.append(("choice \(choice.id)", choice.label))
                fields.append(("choice \(choice.id)", choice.help))
            }
            if let match = fields.first(where: { $0.1.lowercased().contains(needle) }) {
                hits.append(Hit(question: question.id, field: match.0, snippet: snippet(match.1, around: needle)))
            }
        }
        for finding in advice?.findings ?? [] where (finding.title + " " + finding.text).lowercased().contains(needle) {
            hits.append(Hit(question: finding.rule, field: "finding", snippet: finding.title))
        }
        return hits
    }

    /// Up to ~60 characters of `text` starting a little before the first match.
    static func snippet(_ text: String, around needle: String) -> String {
        let lower = Array(text.lowercased())
        let characters = Array(text)
        let pattern = Array(needle)
        guard lower.count == characters.count, pattern.count <= lower.count else { return text }
        var start = 0
        for index in 0...(lower.count - pattern.count) where Array(lower[index..<(index + pattern.count)]) == pattern {
            start = index
            break
        }
        let from = max(0, start - 20)
        let slice = String(characters[from..<min(characters.count, from + 70)])
        return (from > 0 ? "..." : "") + slice
    }
}

/// Conflicts and every finding (error, warning, info) with their facts and the answers involved, as rows to jump from.
public enum ProblemList {
    /// One answer involved in one problem (or the problem itself when no answer is involved).
    public struct Row: Equatable, Sendable {
        /// `conflict`, `error`, `warning` or `info`.
        public var kind: String
        /// Decision title or finding title.
        public var title: String
        /// The conflict summary or finding text.
        public var text: String
        /// The rule (or layout check) behind it.
        public var rule: String
        /// The facts behind it, with their sources.
        public var facts: [FactCitation]
        /// The question to jump to; nil when no answer is involved.
        public var question: String?
        /// True for the first row of its problem (the views print the title there).
        public var first: Bool
    }

    /// Rows for every conflict, then the findings by severity: errors, warnings, infos.
    public static func rows(_ state: AppState) -> [Row] {
        var rows: [Row] = []
        func add(kind: String, title: String, text: String, rule: String, facts: [FactCitation], evidence: [Evidence]) {
            let questions: [String?] = AppState.answerSubjects(evidence).filter { state.rules.question($0) != nil }
            for (index, question) in (questions.isEmpty ? [nil] : questions).enumerated() {
                rows.append(Row(kind: kind, title: title, text: text, rule: rule, facts: facts, question: question, first: index == 0))
            }
        }
        for conflict in state.advice.conflicts {
            let title = state.rules.decision(conflict.decision)?.title ?? conflict.decision
            add(kind: "conflict", title: title, text: conflict.summary, rule: conflict.rules.map(\.rule).joined(separator: ", "),
                facts: conflict.rules.flatMap(\.facts), evidence: conflict.rules.flatMap(\.evidence))
        }
        for severity in [Severity.error, .warning, .info] {
            for finding in state.advice.findings where finding.severity == severity {
                add(kind: severity.rawValue, title: finding.title, text: finding.text, rule: finding.rule, facts: finding.facts,
                    evidence: finding.evidence)
            }
        }
        return rows
    }
}
