/// Writes the decisions as architecture decision records in the MADR 4.0 format, one per decision point.
public enum MADRExporter {
    /// The records in decision order, numbered from one past the highest `NNNN-` prefix among `existingFileNames`.
    public static func records(_ advice: Advice, context: ReportContext, existingFileNames: [String]) -> [(fileName: String, text: String)] {
        let first = nextNumber(after: existingFileNames)
        return advice.decisions.enumerated().map { index, outcome in
            let title = context.rules.decision(outcome.decision)?.title ?? outcome.decision
            return (fileName(number: first + index, title: title), record(outcome, advice: advice, context: context))
        }
    }

    /// One past the highest number of the names that start with four digits and a dash (1 when there is none).
    public static func nextNumber(after fileNames: [String]) -> Int {
        let numbers = fileNames.compactMap { name -> Int? in
            // Only the last path component counts, so callers may pass paths as well as names.
            let base = name.split(separator: "/").last.map(String.init) ?? name
            let chars = Array(base)
            guard chars.count > 4, chars[4] == "-", chars[0..<4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(chars[0..<4]))
        }
        return (numbers.max() ?? 0) + 1
    }

    /// `0008-rest-api-or-http-api.md`: the number padded to four digits and the title as a slug.
    public static func fileName(number: Int, title: String) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + slug(title) + ".md"
    }

    /// Lower-case ASCII letters and digits; every other run of characters becomes one dash.
    public static func slug(_ title: String) -> String {
        var out = ""
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                out.append(character)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "decision" : out
    }

    /// The text of one record.
    static func record(_ outcome: DecisionOutcome, advice: Advice, context: ReportContext) -> String {
        let decision = context.rules.decision(outcome.decision)
        let title = decision?.title ?? outcome.decision
        var out = ["---", "status: proposed", "date: \(context.date)", "---", "", "# \(MarkdownText.inline(title))", ""]

        out += ["## Context and Problem Statement", "", MarkdownText.inline(decision?.question ?? title), ""]
        out += ["apigw-advisor proposed this decision from the answers in \(MarkdownText.code(context.answersFile)) with the rules "
                + "\"\(MarkdownText.inline(advice.rulesName))\" version \(MarkdownText.inline(advice.rulesVersion)). It is one of "
                + "\(advice.decisions.count) decisions about laying out the APIs on API Gateway and Lambda; the answers "
                + "that bear on it are listed as decision drivers.", ""]
        if outcome.status == .conflict {
            out += ["The answers lead to a conflict: no option satisfies every hard requirement.", ""]
        }

        out += ["## Decision Drivers", ""] + drivers(outcome, context: context) + answerDrivers(outcome, context: context) + [""]

        let optionIDs = decision?.optionIDs ?? outcome.scores.map(\.option)
        let optionTitle = { (id: String) in MarkdownText.inline(decision?.option(id)?.title ?? id) }
        out += ["## Considered Options", ""] + optionIDs.map { "* \(optionTitle($0))" } + [""]

        out += ["## Decision Outcome", ""]
        if let chosen = outcome.chosen {
            out += ["Chosen option: \"\(optionTitle(chosen))\", because \(justification(outcome, chosen: chosen)).", ""]
            out += ["Resolution: \(MarkdownText.inline(outcome.note))", ""]
            out += ["### Consequences", ""] + consequences(outcome, option: decision?.option(chosen)) + [""]
        } else {
            out += ["No option is chosen: the answers lead to a conflict. \(MarkdownText.inline(outcome.note))", ""]
            for firing in outcome.fired where firing.effect == "exclude" || firing.effect == "require" {
                let held = firing.evidence.filter(\.held).map { MarkdownText.code($0.display) }
                let on = held.isEmpty ? "" : " (on \(held.joined(separator: "; ")))"
                out.append("* \(MarkdownText.code(firing.rule)) (\(MarkdownText.effect(firing))): \(MarkdownText.inline(firing.reason))\(on)")
            }
            out += ["", "### Consequences", ""]
            out += ["* Bad, because the parts of the layout that depend on this decision stay unresolved until one of the answers above changes.", ""]
        }
        out += ["### Confirmation", ""] + confirmation(outcome, context: context) + [""]

        out += ["## Pros and Cons of the Options", ""]
        for optionID in optionIDs {
            out += ["### \(optionTitle(optionID))", ""]
            if let option = decision?.option(optionID) {
                out += [MarkdownText.inline(option.summary), ""]
                out += option.pros.map { "* Good, because \(MarkdownText.clause($0))" }
                out += option.cons.map { "* Bad, because \(MarkdownText.clause($0))" }
            }
            if let score = outcome.scores.first(where: { $0.option == optionID }) { out.append(scoreLine(score)) }
            out.append("")
        }

        out += ["## More Information", ""] + moreInformation(outcome, advice: advice, context: context)
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// What the rules made of one option on these answers, as a MADR argument.
    static func scoreLine(_ score: OptionScore) -> String {
        if !score.excludedBy.isEmpty {
            return "* Bad, because these answers rule it out (\(score.excludedBy.map(MarkdownText.code).joined(separator: ", ")))"
        }
        if score.recommendedBy.isEmpty { return "* Neutral, because no rule recommends it for these answers" }
        return "* Good, because the rules recommend it for these answers (score \(score.score): "
            + "\(score.recommendedBy.map(MarkdownText.code).joined(separator: ", ")))"
    }

    /// The distinct tests the fired rules made, each with the question asked and the rules that read it.
    static func drivers(_ outcome: DecisionOutcome, context: ReportContext) -> [String] {
        var order: [Evidence] = []
        var readers: [Evidence: [String]] = [:]
        for firing in outcome.fired {
            for evidence in firing.evidence {
                if readers[evidence] == nil { order.append(evidence) }
                if !(readers[evidence]?.contains(firing.rule) ?? false) { readers[evidence, default: []].append(firing.rule) }
            }
        }
        guard !order.isEmpty else {
            return ["* No rule fired on these answers, so the decision falls back to its default option."]
        }
        return order.map { evidence in
            let prompt = evidence.kind == "answer" ? context.rules.question(evidence.subject).map { MarkdownText.inline($0.prompt) + " " } ?? "" : ""
            let rules = (readers[evidence] ?? []).map(MarkdownText.code).joined(separator: ", ")
            return "* \(prompt)\(MarkdownText.code(evidence.display)) (read by \(rules))"
        }
    }

    /// The answers the decision's rules read that change it, with their current values, as drivers.
    static func answerDrivers(_ outcome: DecisionOutcome, context: ReportContext) -> [String] {
        let flipping = Set(outcome.changes.map(\.question))
        return outcome.drivers.filter(flipping.contains).map { id in
            let prompt = context.rules.question(id).map { MarkdownText.inline($0.prompt) + " " } ?? ""
            return "* \(prompt)(\(MarkdownText.code(id))): a different answer changes this decision (see Confirmation)"
        }
    }

    /// "Revisit when ...": the answer changes that would flip the outcome, found by re-running the rules.
    static func confirmation(_ outcome: DecisionOutcome, context: ReportContext) -> [String] {
        let decision = context.rules.decision(outcome.decision)
        var out: [String] = []
        if outcome.changes.isEmpty {
            let read = outcome.drivers.isEmpty ? "the answers" : outcome.drivers.map(MarkdownText.code).joined(separator: ", ")
            out.append("No single change to the answers its rules read (\(read)) changes this outcome; revisit when the rules or several answers change at once.")
        } else {
            out.append("Revisit when:")
            out.append("")
            out += outcome.changes.map { flip in
                let to = flip.option.map { "\"\(MarkdownText.inline(decision?.option($0)?.title ?? $0))\"" } ?? "a conflict"
                return "* \(MarkdownText.code(flip.question)) becomes \(MarkdownText.code(flip.value)): the rules then choose \(to)"
            }
        }
        out += ["", "Check it by running apigw-advisor again on \(MarkdownText.code(context.answersFile)); this record holds while the outcome stays the same."]
        return out
    }

    /// The reasons of the rules that pushed for `chosen`, or failing that those that ruled out the rest.
    static func justification(_ outcome: DecisionOutcome, chosen: String) -> String {
        if outcome.status == .pinned { return "the team pinned it (pins: \(outcome.decision): \(chosen)) and no rule excludes it" }
        let supporting = outcome.fired.filter { ($0.effect == "recommend" || $0.effect == "require") && $0.options.contains(chosen) }
        // When exclusions (or a yield) decided rather than the recommendations, say so first.
        if !outcome.reason.isEmpty && !outcome.decidedBy.isEmpty && Set(outcome.decidedBy).isDisjoint(with: supporting.map(\.rule)) {
            return MarkdownText.clause(outcome.reason)
        }
        if !supporting.isEmpty {
            return supporting.map { "\(MarkdownText.clause($0.reason)) (\(MarkdownText.code($0.rule)))" }.joined(separator: "; ")
        }
        let exclusions = outcome.fired.filter { $0.effect == "exclude" && !$0.options.contains(chosen) }
        if !exclusions.isEmpty {
            return "the other options are ruled out: "
                + exclusions.map { "\(MarkdownText.clause($0.reason)) (\(MarkdownText.code($0.rule)))" }.joined(separator: "; ")
        }
        return MarkdownText.clause(outcome.note)
    }

    /// Good and bad consequences: the chosen option's pros and cons, and the trade-offs of the rules behind it.
    static func consequences(_ outcome: DecisionOutcome, option: DecisionOption?) -> [String] {
        var out = (option?.pros ?? []).map { "* Good, because \(MarkdownText.clause($0))" }
        out += (option?.cons ?? []).map { "* Bad, because \(MarkdownText.clause($0))" }
        // A trade-off describes the cost of the path its rule pushes towards; only rules that did not push elsewhere count.
        for firing in outcome.fired {
            guard let tradeoff = firing.tradeoff, let chosen = outcome.chosen else { continue }
            let against = firing.effect == "exclude" ? firing.options.contains(chosen) : !firing.options.contains(chosen)
            if !against { out.append("* Bad, because \(MarkdownText.clause(tradeoff)) (trade-off named by \(MarkdownText.code(firing.rule)))") }
        }
        return out.isEmpty ? ["* Neutral, because the rules name no particular consequence of this option."] : out
    }

    static func moreInformation(_ outcome: DecisionOutcome, advice: Advice, context: ReportContext) -> [String] {
        var out: [String] = []
        if outcome.fired.isEmpty {
            out += ["No rule fired for this decision.", ""]
        } else {
            out += ["Rules that fired:", ""]
            for firing in outcome.fired { out += MarkdownExporter.firingLines(firing, bullet: "*") }
            out.append("")
        }
        let findings = advice.findings.filter { $0.decision == outcome.decision }
        if !findings.isEmpty {
            out += ["Findings about this decision:", ""]
            out += findings.map {
                "* **\(MarkdownText.inline($0.title))** (\($0.severity.rawValue), \(MarkdownText.code($0.rule))): \(MarkdownText.inline($0.text))"
            }
            out.append("")
        }
        let cited = outcome.fired.flatMap(\.facts) + findings.flatMap(\.facts)
        var seen: Set<String> = []
        let sources = cited.filter { seen.insert($0.source).inserted }.sorted { $0.source < $1.source }
        if !sources.isEmpty {
            out += ["Sources:", ""]
            out += sources.map { "* \($0.source): \(MarkdownText.inline($0.sourceTitle))\(MarkdownText.link($0.url))" }
            out.append("")
            if let oldest = cited.min(by: { $0.asOf != $1.asOf ? $0.asOf < $1.asOf : $0.id < $1.id }) {
                out += ["The oldest fact behind this decision, \(MarkdownText.code(oldest.id)), was last checked on \(oldest.asOf).", ""]
            }
        }
        out.append("Generated by apigw-advisor on \(context.date) from \(MarkdownText.code(context.answersFile)) with the rules "
                   + "\"\(MarkdownText.inline(advice.rulesName))\" version \(MarkdownText.inline(advice.rulesVersion)); decision "
                   + "\(MarkdownText.code(outcome.decision)), outcome: \(MarkdownExporter.outcomeText(outcome)).")
        return out
    }
}
