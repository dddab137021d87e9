import AdvisorCore

/// The right pane: the current recommendation of every decision point, changes since the last answer marked.
enum RecommendationPane {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let focused = state.focus == .recommendations && state.mode == .browse
        let inner = canvas.drawBox(rect, title: "Recommendations", style: focused ? Theme.focusedBorder : Theme.border,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.width > 4, inner.height > 0 else { return }
        let decisions = state.rules.decisions
        // A decision whose APIs differ takes one more line per API, listing each API's choice.
        let perAPI = decisions.reduce(0) { $0 + apiChoices(state, $1, long: false).count }
        let twoLines = inner.height >= decisions.count * 2 + perAPI
        var y = inner.y
        for (index, decision) in decisions.enumerated() {
            guard y < inner.maxY else { break }
            let outcome = state.advice.outcome(decision.id)
            let changed = state.changedDecisions.contains(decision.id)
            let marker = changed ? "*" : " "
            let (choice, choiceStyle) = chosenText(outcome, decision: decision, long: twoLines)
            let top = y
            canvas.put(marker, x: inner.x, y: y, style: Theme.changed)
            if twoLines {
                canvas.put(TextWrap.truncate(decision.title, width: inner.width - 1, ellipsis: ascii ? "." : "…"),
                           x: inner.x + 1, y: y, style: Style(bold: true), maxWidth: inner.width - 1)
                y += 1
                if y < inner.maxY {
                    let text = "  " + Glyph.arrow(ascii) + " " + choice
                    canvas.put(TextWrap.truncate(text, width: inner.width - 1, ellipsis: ascii ? "." : "…"), x: inner.x + 1, y: y,
                               style: changed ? Theme.changed : choiceStyle, maxWidth: inner.width - 1)
                }
            } else {
                let titleWidth = max(4, (inner.width - 1) / 2)
                canvas.put(TextWrap.truncate(decision.title, width: titleWidth, ellipsis: ascii ? "." : "…"),
                           x: inner.x + 1, y: y, style: Style(bold: true), maxWidth: titleWidth)
                let x = inner.x + 2 + titleWidth
                canvas.put(TextWrap.truncate(choice, width: inner.maxX - x, ellipsis: ascii ? "." : "…"), x: x, y: y,
                           style: changed ? Theme.changed : choiceStyle, maxWidth: inner.maxX - x)
            }
            for line in apiChoices(state, decision, long: twoLines) {
                guard y + 1 < inner.maxY else { break }
                y += 1
                canvas.put(TextWrap.truncate(line, width: inner.width - 1, ellipsis: ascii ? "." : "…"), x: inner.x + 1, y: y,
                           style: changed ? Theme.changed : Theme.plain, maxWidth: inner.width - 1)
            }
            if focused && index == state.decisionCursor {
                canvas.restyle(Rect(x: inner.x + 1, y: top, width: inner.width - 1, height: y - top + 1), style: Theme.selection)
            }
            y += 1
        }
        drawFindings(&canvas, Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), state, ascii: ascii)
    }

    /// The chosen option's title (or id in the compact form), or the conflict.
    static func chosenText(_ outcome: DecisionOutcome?, decision: DecisionPoint, long: Bool) -> (String, Style) {
        guard let outcome else { return ("?", Theme.muted) }
        if outcome.status == .varies { return (long ? "differs per API:" : "per API:", Theme.plain) }
        guard let chosen = outcome.chosen else { return ("! conflict", Theme.danger) }
        let name = long ? decision.option(chosen)?.title ?? chosen : chosen
        switch outcome.status {
        case .defaulted: return (name + " (default)", Theme.muted)
        case .tie: return (name + " (tie)", Theme.plain)
        default: return (name, Theme.plain)
        }
    }

    /// One compact line per API when the APIs choose different options: `    api-name: option`
    /// (same option for different reasons shows once; the why view explains each API).
    static func apiChoices(_ state: AppState, _ decision: DecisionPoint, long: Bool) -> [String] {
        guard state.advice.outcome(decision.id)?.status == .varies else { return [] }
        return state.advice.apis.compactMap { api in
            guard let outcome = api.outcome(decision.id) else { return nil }
            let chosen = outcome.chosen.map { long ? decision.option($0)?.title ?? $0 : $0 } ?? "! conflict"
            return "    \(api.api): \(chosen)"
        }
    }

    /// Error and warning findings in the room left below the decisions (on taller screens).
    static func drawFindings(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let findings = state.advice.findings.filter { $0.severity != .info }
        guard rect.height >= 3, !findings.isEmpty else { return }
        canvas.horizontalLine(x: rect.x, y: rect.y, width: rect.width, style: Theme.border, ascii: ascii)
        canvas.put("Findings", x: rect.x, y: rect.y + 1, style: Theme.heading)
        var y = rect.y + 2
        for finding in findings where y < rect.maxY {
            let style = finding.severity == .error ? Theme.danger : Theme.warning
            let text = (finding.severity == .error ? "! " : "~ ") + finding.title
            canvas.put(TextWrap.truncate(text, width: rect.width, ellipsis: ascii ? "." : "…"), x: rect.x, y: y, style: style, maxWidth: rect.width)
            y += 1
        }
    }
}
