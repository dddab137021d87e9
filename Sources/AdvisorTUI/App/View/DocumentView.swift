import AdvisorCore

/// A boxed, scrolled text: the frame of the why, help and layout screens.
enum DocumentView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, title: String, lines: [StyledLine], scroll: Int, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: title, style: Theme.focusedBorder, titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 0 else { return }
        let start = min(max(0, scroll), max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            canvas.put(line.text, x: inner.x, y: inner.y + offset, style: line.style, maxWidth: inner.width)
        }
        // Where the view is, so the user knows there is more.
        if lines.count > inner.height {
            let position = " \(start + 1)-\(min(lines.count, start + inner.height)) of \(lines.count) "
            let x = rect.maxX - 2 - DisplayWidth.of(position)
            if x > rect.x + 2 { canvas.put(position, x: x, y: rect.maxY - 1, style: Theme.muted) }
        }
    }
}

/// The recommended layout as a tree.
enum LayoutView {
    static func lines(_ state: AppState, ascii: Bool) -> [StyledLine] {
        let tree = LayoutTree.lines(state.advice.layout, ascii: ascii)
        guard !tree.isEmpty else { return [StyledLine("No layout yet: add services and resources to the inventory.", style: Theme.muted)] }
        return tree.map { line in
            StyledLine(line, style: line.hasPrefix("API ") || line.hasPrefix("Functions") || line.hasPrefix("domain") ? Theme.heading : Theme.plain)
        }
    }
}

/// The explanation of one decision: scores, rules that fired and lost, exclusions, findings and facts.
enum WhyView {
    static func title(_ state: AppState, _ decision: String) -> String {
        "Why: " + (state.rules.decision(decision)?.title ?? decision)
    }

    static func lines(_ state: AppState, _ id: String, ascii: Bool) -> [StyledLine] {
        guard let decision = state.rules.decision(id), let outcome = state.advice.outcome(id) else {
            return [StyledLine("Unknown decision \(id)")]
        }
        var out: [StyledLine] = [StyledLine(decision.question, style: Style(bold: true))]
        let varies = outcome.status == .varies
        let chosen = outcome.chosen.map { decision.option($0)?.title ?? $0 } ?? (varies ? "differs per API (each API below)" : "no option (conflict)")
        out.append(StyledLine("Recommendation: \(chosen) [\(outcome.status.rawValue)]",
                              style: outcome.chosen == nil && !varies ? Theme.danger : Theme.success))
        out.append(StyledLine(outcome.note, style: Theme.muted))
        if !outcome.reason.isEmpty && outcome.reason != outcome.note {
            out.append(StyledLine("Decided by: " + outcome.reason))
        }
        if state.changedDecisions.contains(id), let before = state.previousAdvice?.outcome(id) {
            let was = before.chosen.map { decision.option($0)?.title ?? $0 } ?? "a conflict"
            out.append(StyledLine("* Changed with the last answer; it was: \(was)", style: Theme.changed))
        }
        if state.advice.differs(id) {
            // The APIs reach different outcomes (or the same for different reasons): each is explained on its own.
            for api in state.advice.apis {
                guard let each = api.outcome(id) else { continue }
                let chosen = each.chosen.map { decision.option($0)?.title ?? $0 } ?? "no option (conflict)"
                out.append(StyledLine(""))
                out.append(StyledLine("API \(api.api) (\(api.services.joined(separator: ", "))): \(chosen) [\(each.status.rawValue)]",
                                      style: each.chosen == nil ? Theme.danger : Theme.success))
                out.append(StyledLine(each.note, style: Theme.muted, indent: 2))
                out += outcomeLines(each, ascii: ascii).map { StyledLine($0.text, style: $0.style, indent: $0.indent + 2) }
            }
        } else {
            out += outcomeLines(outcome, ascii: ascii)
        }
        out.append(StyledLine(""))
        out.append(StyledLine("What would change it", style: Theme.heading))
        if outcome.changes.isEmpty {
            let read = outcome.drivers.isEmpty ? "the answers" : outcome.drivers.joined(separator: ", ")
            out.append(StyledLine("No single change to \(read) changes this outcome.", style: Theme.muted, indent: 2))
        }
        for flip in outcome.changes {
            let to = flip.option.map { decision.option($0)?.title ?? $0 } ?? "a conflict"
            out.append(StyledLine("\(flip.question) = \(flip.value) -> \(to)", indent: 2))
        }
        let findings = state.advice.findings.filter { $0.decision == id }
        if !findings.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Findings", style: Theme.heading))
            for finding in findings {
                let style = finding.severity == .error ? Theme.danger : finding.severity == .warning ? Theme.warning : Theme.plain
                out.append(StyledLine("[\(finding.severity.rawValue)] \(finding.title)", style: style, indent: 2))
                out.append(StyledLine(finding.text, indent: 4))
                out += finding.evidence.map { StyledLine("on: " + $0.display, style: Theme.muted, indent: 4) }
                out += finding.facts.map { factLine($0) }
            }
        }
        return out
    }

    /// Scores, the rules that decided and those that lost or excluded, of one outcome (system-wide or one API's).
    static func outcomeLines(_ outcome: DecisionOutcome, ascii: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        out.append(StyledLine(""))
        out.append(StyledLine("Scores", style: Theme.heading))
        for score in outcome.scores {
            var text = "\(score.option): score \(score.score)"
            if !score.recommendedBy.isEmpty { text += ", recommended by " + score.recommendedBy.joined(separator: ", ") }
            if !score.excludedBy.isEmpty { text += ", excluded by " + score.excludedBy.joined(separator: ", ") }
            let style = score.option == outcome.chosen ? Theme.success : score.excludedBy.isEmpty ? Theme.plain : Theme.muted
            out.append(StyledLine((score.option == outcome.chosen ? "> " : "- ") + text, style: style, indent: 2))
        }
        // For the recommendation: the rules that recommended or required the chosen option. Everything
        // else that fired lost (recommended another option) or excluded options, and is listed as such.
        let winners = outcome.fired.filter { firing in
            guard let chosen = outcome.chosen else { return false }
            return firing.effect != "exclude" && firing.options.contains(chosen)
        }
        let losers = outcome.fired.filter { !winners.contains($0) }
        out.append(StyledLine(""))
        out.append(StyledLine("Rules that fired for the recommendation", style: Theme.heading))
        if winners.isEmpty { out.append(StyledLine("none", style: Theme.muted, indent: 2)) }
        for firing in winners { out += firingLines(firing, ascii: ascii) }
        out.append(StyledLine(""))
        out.append(StyledLine("Rules that lost or excluded other options", style: Theme.heading))
        // A rule that required the chosen option also excluded the others: it is named here too.
        let excluders = winners.filter { firing in
            outcome.scores.contains { $0.option != outcome.chosen && $0.excludedBy.contains(firing.rule) }
        }
        if losers.isEmpty && excluders.isEmpty { out.append(StyledLine("none", style: Theme.muted, indent: 2)) }
        for firing in excluders {
            let excluded = outcome.scores.filter { $0.option != outcome.chosen && $0.excludedBy.contains(firing.rule) }.map(\.option)
            out.append(StyledLine("\(Glyph.bullet(ascii)) \(firing.rule): \(firing.effect) \(firing.options.joined(separator: ", ")), "
                                  + "which excludes \(excluded.joined(separator: ", ")) (shown above)", style: Style(bold: true), indent: 2))
        }
        for firing in losers { out += firingLines(firing, ascii: ascii, lost: lostReason(firing, outcome: outcome)) }
        return out
    }

    static func firingLines(_ firing: RuleFiring, ascii: Bool, lost: String? = nil) -> [StyledLine] {
        let strength = firing.strength.map { " (\($0.rawValue))" } ?? ""
        var out = [StyledLine("\(Glyph.bullet(ascii)) \(firing.rule): \(firing.effect) \(firing.options.joined(separator: ", "))\(strength)",
                              style: Style(bold: true), indent: 2)]
        if let lost { out.append(StyledLine(lost, style: Theme.warning, indent: 4)) }
        out.append(StyledLine(firing.reason, indent: 4))
        if let tradeoff = firing.tradeoff { out.append(StyledLine("Trade-off: " + tradeoff, style: Theme.muted, indent: 4)) }
        out += firing.evidence.map { StyledLine("on: " + $0.display, style: Theme.muted, indent: 4) }
        out += firing.facts.map { factLine($0) }
        return out
    }

    static func factLine(_ fact: FactCitation) -> StyledLine {
        StyledLine("Fact: \(fact.text) (\(fact.source): \(fact.sourceTitle), as of \(fact.asOf); \(fact.url))", style: Theme.muted, indent: 4)
    }

    /// Why a rule that fired did not decide the outcome.
    static func lostReason(_ firing: RuleFiring, outcome: DecisionOutcome) -> String {
        switch firing.effect {
        case "exclude": return "Excluded \(firing.options.joined(separator: ", "))"
        case "require": return outcome.chosen == nil ? "Its requirement conflicts with another rule" : "Required \(firing.options.joined(separator: ", "))"
        default:
            let option = firing.options.first ?? ""
            let score = outcome.scores.first { $0.option == option }
            if let score, !score.excludedBy.isEmpty { return "Lost: \(option) is excluded by \(score.excludedBy.joined(separator: ", "))" }
            let best = outcome.scores.first { $0.option == outcome.chosen }?.score ?? 0
            return "Lost: \(option) scored \(score?.score ?? 0), \(outcome.chosen ?? "none") scored \(best)"
        }
    }
}


/// The scale and cost estimate: the core's display lines (kept in the state, computed on answer change), styled.
enum EstimateView {
    static func lines(_ state: AppState) -> [StyledLine] {
        guard let sheet = state.estimateSheet else {
            return [StyledLine("These rules ask nothing about traffic, so there is no estimate.", style: Theme.muted)]
        }
        return sheet.lines.map { StyledLine($0.text, style: style($0.kind), indent: $0.indent) }
    }

    static func style(_ kind: EstimateSheet.Kind) -> Style {
        switch kind {
        case .heading: return Theme.heading
        case .text: return Theme.plain
        case .note, .excluded: return Theme.muted
        case .defaulted, .warning: return Theme.warning
        case .recommended: return Theme.success
        case .error: return Theme.danger
        }
    }
}
