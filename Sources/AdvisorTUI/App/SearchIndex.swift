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

    /// Questions matching `query` (case-insensitive), in catalog order, one hit per question.
    public static func search(_ query: String, rules: RuleSet) -> [Hit] {
        let needle = query.trimmingSpaces.lowercased()
        guard !needle.isEmpty else { return [] }
        var hits: [Hit] = []
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

/// Conflicts and error findings with the answers involved, as rows to jump from.
public enum ProblemList {
    /// One answer involved in one problem.
    public struct Row: Equatable, Sendable {
        /// `conflict` or `error`.
        public var kind: String
        /// Decision title or finding title.
        public var title: String
        /// The conflict summary or finding text.
        public var text: String
        /// The question to jump to.
        public var question: String
        /// True for the first row of its problem (the views print the title there).
        public var first: Bool
    }

    /// Rows for every conflict, then every error finding.
    public static func rows(_ state: AppState) -> [Row] {
        var rows: [Row] = []
        let fallback = state.inventoryQuestionID ?? state.rules.questions.first?.id ?? ""
        func add(kind: String, title: String, text: String, evidence: [Evidence]) {
            var questions = AppState.answerSubjects(evidence).filter { state.rules.question($0) != nil }
            if questions.isEmpty { questions = [fallback] }
            for (index, question) in questions.enumerated() {
                rows.append(Row(kind: kind, title: title, text: text, question: question, first: index == 0))
            }
        }
        for conflict in state.advice.conflicts {
            let title = state.rules.decision(conflict.decision)?.title ?? conflict.decision
            add(kind: "conflict", title: title, text: conflict.summary, evidence: conflict.rules.flatMap(\.evidence))
        }
        for finding in state.advice.findings where finding.severity == .error {
            add(kind: "error", title: finding.title, text: finding.text, evidence: finding.evidence)
        }
        return rows
    }
}
