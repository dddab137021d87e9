import AdvisorCore

/// Draws the whole interview screen for a state: a pure function into a canvas.
public enum Screen {
    /// Smallest size the interview draws at; below it the "enlarge the terminal" screen is shown.
    public static let minimumSize = TerminalSize(width: 60, height: 16)

    /// Width from which a third column shows help next to the questions.
    static let wideWidth = 120

    /// The screen for `state` at `size`; `ascii` draws without Unicode characters.
    public static func render(_ state: AppState, size: TerminalSize, ascii: Bool) -> Canvas {
        var canvas = Canvas(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            TooSmallView.draw(&canvas, size: size, ascii: ascii)
            return canvas
        }
        var state = state
        state.size = size
        let body = bodyRect(size)
        drawHeader(&canvas, state, width: size.width, ascii: ascii)
        // The main screen stays underneath dialogs, so the context remains visible.
        let base = state.modes.last { mode in
            switch mode {
            case .edit, .prompt, .confirm, .exportMenu: return false
            default: return true
            }
        } ?? .browse
        switch base {
        case .why(let decision): DocumentView.draw(&canvas, body, title: WhyView.title(state, decision), lines: documentLines(state, mode: base, ascii: ascii), scroll: state.scroll, ascii: ascii)
        case .help: DocumentView.draw(&canvas, body, title: "Help (Esc back)", lines: documentLines(state, mode: base, ascii: ascii), scroll: state.scroll, ascii: ascii)
        case .layoutTree: DocumentView.draw(&canvas, body, title: "Recommended layout (Esc back)", lines: documentLines(state, mode: base, ascii: ascii), scroll: state.scroll, ascii: ascii)
        case .estimate: DocumentView.draw(&canvas, body, title: "Scale and cost estimate, one Region (Esc back)", lines: documentLines(state, mode: base, ascii: ascii), scroll: state.scroll, ascii: ascii)
        case .problems: ProblemsView.draw(&canvas, body, state, ascii: ascii)
        case .groups: GroupsView.draw(&canvas, body, state, ascii: ascii)
        case .search(let editor): SearchView.draw(&canvas, body, state, editor: editor, ascii: ascii)
        case .inventory, .serviceAnswer: drawMain(&canvas, body, state, ascii: ascii, inventory: true)
        default: drawMain(&canvas, body, state, ascii: ascii, inventory: false)
        }
        if base != state.mode { DialogView.draw(&canvas, body, state, ascii: ascii) }
        StatusLine.draw(&canvas, state, size: size, ascii: ascii)
        return canvas
    }

    /// Rows between the header and the two status rows.
    static func bodyRect(_ size: TerminalSize) -> Rect {
        Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
    }

    /// The text area of a document view (inside its box).
    static func documentRect(_ size: TerminalSize) -> Rect {
        bodyRect(size).inset(1)
    }

    /// The wrapped lines of the document view on top (why, help, layout), for drawing and scrolling.
    static func documentLines(_ state: AppState, mode: Mode? = nil, ascii: Bool = false) -> [StyledLine] {
        let width = documentRect(state.size).width
        switch mode ?? state.mode {
        case .why(let decision): return StyledLine.wrap(WhyView.lines(state, decision, ascii: ascii), width: width)
        case .help: return StyledLine.wrap(HelpView.lines(state, ascii: ascii), width: width)
        case .layoutTree: return LayoutView.lines(state, ascii: ascii)
        case .estimate: return StyledLine.wrap(EstimateView.lines(state), width: width)
        default: return []
        }
    }

    static func drawHeader(_ canvas: inout Canvas, _ state: AppState, width: Int, ascii: Bool) {
        let groupCount = state.rules.groups.count
        let title = state.group.map { "  \(state.groupIndex + 1)/\(groupCount) \($0.title)" } ?? ""
        let end = canvas.put("apigw-advisor", x: 1, y: 0, style: Theme.heading)
        canvas.put(title, x: end, y: 0, style: Theme.plain)
        var parts: [(String, Style)] = []
        let advice = state.advice
        if !advice.conflicts.isEmpty { parts.append(("\(advice.conflicts.count) conflict(s)", Theme.danger)) }
        let errors = advice.findings.filter { $0.severity == .error }.count
        let warnings = advice.findings.filter { $0.severity == .warning }.count
        if errors > 0 { parts.append(("\(errors) error(s)", Theme.danger)) }
        if warnings > 0 { parts.append(("\(warnings) warning(s)", Theme.warning)) }
        let infos = advice.findings.filter { $0.severity == .info }.count
        // Infos are counted only when nothing more serious is (room on narrow screens); the list shows them all.
        if infos > 0 && parts.isEmpty { parts.append(("\(infos) info", Theme.muted)) }
        // The counts lead to the list of every finding: say which key opens it.
        if !parts.isEmpty { parts[parts.count - 1].0 += " (c)" }
        // The file name only: a long path would push the counts off narrow screens.
        let file = state.answersPath.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "not saved"
        parts.append((file + (state.dirty ? " (modified)" : ""), Theme.muted))
        let text = parts.map(\.0).joined(separator: "  ")
        var x = max(DisplayWidth.of("apigw-advisor" + title) + 3, width - DisplayWidth.of(text) - 1)
        for (index, part) in parts.enumerated() {
            x = canvas.put(part.0, x: x, y: 0, style: part.1, maxWidth: max(0, width - x))
            if index < parts.count - 1 { x = canvas.put("  ", x: x, y: 0, maxWidth: max(0, width - x)) }
        }
    }

    /// The questions (or inventory editor) with the recommendations beside them; a help column on wide screens.
    static func drawMain(_ canvas: inout Canvas, _ body: Rect, _ state: AppState, ascii: Bool, inventory: Bool) {
        let wide = body.width >= wideWidth
        let rightWidth = wide ? 38 : max(30, body.width * 34 / 80)
        let (rest, right) = body.splitRight(rightWidth)
        let left: Rect
        if wide {
            let columns = rest.columns([.fixed(rest.width / 2), .fill(1)])
            left = columns[0]
            HelpView.drawPanel(&canvas, columns[1], state, ascii: ascii)
        } else {
            left = rest
        }
        if inventory, let editor = state.serviceAnswerEditor {
            ServiceAnswerView.draw(&canvas, left, state, editor: editor, ascii: ascii, showChoiceHelp: !wide)
        } else if inventory {
            InventoryView.draw(&canvas, left, state, ascii: ascii)
        } else {
            QuestionPane.draw(&canvas, left, state, ascii: ascii, showChoiceHelp: !wide)
        }
        RecommendationPane.draw(&canvas, right, state, ascii: ascii)
    }
}
