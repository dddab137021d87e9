import AdvisorCore

/// The left pane: the questions of the current group, and the answer editor of the selected one.
enum QuestionPane {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool, showChoiceHelp: Bool) {
        let focused = state.focus != .recommendations
        let title = state.group.map { "\(state.groupIndex + 1)/\(state.rules.groups.count) \($0.title)" }
        let inner = canvas.drawBox(rect, title: title, style: focused ? Theme.focusedBorder : Theme.border,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.width > 4, inner.height > 3 else { return }
        let questions = state.groupQuestions
        let listHeight = min(questions.count, max(2, inner.height / 3))
        let (listRect, rest) = inner.splitTop(listHeight)
        drawList(&canvas, listRect, state, questions: questions, ascii: ascii)
        canvas.horizontalLine(x: rest.x, y: rest.y, width: rest.width, style: Theme.border, ascii: ascii)
        guard let question = state.currentQuestion else { return }
        drawAnswer(&canvas, rest.inset(top: 1), state, question: question, ascii: ascii, showChoiceHelp: showChoiceHelp)
    }

    /// One row per question: status marker, prompt and current value.
    static func drawList(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, questions: [Question], ascii: Bool) {
        let selected = state.questionIndex
        let first = scrollStart(selected: selected, count: questions.count, height: rect.height)
        let flagged = state.flaggedQuestions
        let valueWidth = min(18, rect.width / 3)
        for (row, index) in (first..<min(questions.count, first + rect.height)).enumerated() {
            let question = questions[index]
            let y = rect.y + row
            let status = state.status(of: question.id)
            let (marker, markerStyle) = Self.marker(status, flagged: flagged.contains(question.id), ascii: ascii)
            let isSelected = index == selected
            let rowStyle = status == .hidden ? Theme.hidden : Theme.plain
            canvas.put(isSelected ? ">" : " ", x: rect.x, y: y, style: Theme.heading)
            canvas.put(marker, x: rect.x + 1, y: y, style: markerStyle)
            let value = status == .hidden ? "hidden" : valueText(state.value(of: question), question: question)
            let shown = TextWrap.truncate(value, width: valueWidth, ellipsis: ascii ? "." : "…")
            let promptWidth = rect.width - 4 - DisplayWidth.of(shown)
            canvas.put(TextWrap.truncate(question.prompt, width: promptWidth, ellipsis: ascii ? "." : "…"),
                       x: rect.x + 3, y: y, style: rowStyle, maxWidth: promptWidth)
            canvas.put(shown, x: rect.maxX - DisplayWidth.of(shown), y: y,
                       style: status == .answered ? Theme.plain : Theme.muted)
            if isSelected && state.focus == .questions {
                canvas.restyle(Rect(x: rect.x + 1, y: y, width: rect.width - 1, height: 1), style: Theme.selection)
            }
        }
    }

    /// The status marker of a question: answered, default, missing, hidden, or flagged by a conflict or error.
    static func marker(_ status: AnswerStatus, flagged: Bool, ascii: Bool) -> (String, Style) {
        if flagged { return ("!", Theme.danger) }
        switch status {
        case .answered: return (ascii ? "+" : "✓", Theme.success)
        case .defaulted: return (ascii ? "." : "·", Theme.muted)
        case .hidden: return ("-", Theme.hidden)
        case .missing: return ("?", Theme.danger)
        }
    }

    /// A short rendering of a value for the list column.
    static func valueText(_ value: AnswerValue?, question: Question) -> String {
        guard let value else { return "(required)" }
        switch value {
        case .choice(let id): return id
        case .choices(let ids): return ids.isEmpty ? "none" : ids.joined(separator: ",")
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let number): return formatNumber(number) + (question.unit.map { " " + $0 } ?? "")
        case .text(let text): return text.isEmpty ? "\"\"" : text
        case .list(let items): return items.isEmpty ? "none" : "\(items.count) item(s)"
        case .inventory(let inventory): return "\(inventory.services.count) service(s)"
        }
    }

    /// First row to show so that `selected` stays visible.
    static func scrollStart(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selected - height / 2), count - height)
    }

    /// The prompt and the editor for the selected question's kind.
    static func drawAnswer(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, question: Question, ascii: Bool,
                           showChoiceHelp: Bool) {
        guard rect.height > 0 else { return }
        var y = rect.y
        let promptLines = TextWrap.wrap(question.prompt, width: rect.width).prefix(2)
        for line in promptLines {
            canvas.put(line, x: rect.x, y: y, style: Style(bold: true))
            y += 1
        }
        let status = state.status(of: question.id)
        if status == .hidden {
            let reason = question.askIf.map { PlainLanguage.condition($0, rules: state.rules) } ?? "never"
            y += canvas.putWrapped("Hidden: asked only when \(reason). Its default applies.",
                                   in: Rect(x: rect.x, y: y, width: rect.width, height: max(0, rect.maxY - y)), style: Theme.warning)
            return
        }
        let area = Rect(x: rect.x, y: y, width: rect.width, height: max(0, rect.maxY - y))
        switch question.kind {
        case .single, .multi, .yesno, .list:
            drawOptions(&canvas, area, state, question: question, ascii: ascii, showChoiceHelp: showChoiceHelp)
        case .number, .text:
            let value = state.value(of: question).map { valueText($0, question: question) } ?? "(required)"
            canvas.put("Value: " + value, x: area.x, y: area.y, style: status == .answered ? Theme.plain : Theme.muted, maxWidth: area.width)
            var hint = status == .defaulted ? "(default) " : ""
            if question.kind == .number { hint += Interview.rangeText(question).trimmingSpaces + " " }
            let used = 1 + canvas.putWrapped(hint + "Enter to type a value, x for the default",
                                             in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                                             style: Theme.muted)
            if showChoiceHelp { drawHelp(&canvas, area.inset(top: used + 1), question.help) }
        case .inventory:
            let used = InventoryView.drawSummary(&canvas, area, state.inventory, ascii: ascii)
            if showChoiceHelp { drawHelp(&canvas, area.inset(top: used + 1), question.help) }
        }
    }

    /// The question's help in the room left under the answer.
    static func drawHelp(_ canvas: inout Canvas, _ rect: Rect, _ text: String) {
        guard rect.height > 0 else { return }
        canvas.putWrapped(text, in: rect, style: Theme.muted)
    }

    /// Choices, yes/no or list items, with the highlighted one's help below when there is room.
    static func drawOptions(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, question: Question, ascii: Bool,
                            showChoiceHelp: Bool) {
        let options = state.options(of: question)
        let cursor = state.optionCursor(question)
        let value = state.value(of: question)
        // Beside the options: the highlighted choice's help while choosing, else the question's help.
        var helpText = ""
        if showChoiceHelp {
            if state.focus == .answer {
                helpText = question.choices.indices.contains(cursor) ? question.choices[cursor].help : ""
            } else {
                helpText = question.help
            }
        }
        drawChoices(&canvas, rect, question: question, options: options, cursor: cursor, value: value,
                    active: state.focus == .answer, helpText: helpText, ascii: ascii)
    }

    /// The rows of a choice editor (radio buttons, checkboxes, yes/no or list items) for `value`, the highlighted
    /// row selected while `active`, and `helpText` below when there is room: the top-level question's editor and
    /// a service's own answer share it.
    static func drawChoices(_ canvas: inout Canvas, _ rect: Rect, question: Question, options: [String], cursor: Int,
                            value: AnswerValue?, active: Bool, helpText: String, ascii: Bool) {
        let listHeight = min(options.count, rect.height)
        let spare = rect.height - listHeight
        let first = scrollStart(selected: cursor, count: options.count, height: listHeight)
        for (row, index) in (first..<min(options.count, first + listHeight)).enumerated() {
            let y = rect.y + row
            let option = options[index]
            let text: String
            switch question.kind {
            case .single: text = Glyph.radio(value == .choice(option), ascii) + " " + (question.choice(option)?.label ?? option)
            case .multi:
                let on: Bool
                if case .choices(let ids)? = value { on = ids.contains(option) } else { on = false }
                text = Glyph.check(on) + " " + (question.choice(option)?.label ?? option)
            case .yesno: text = Glyph.radio(value == .bool(option == "yes"), ascii) + " " + option
            default: text = (index == options.count - 1 ? "" : Glyph.bullet(ascii) + " ") + option
            }
            canvas.put(TextWrap.truncate(text, width: rect.width, ellipsis: ascii ? "." : "…"), x: rect.x, y: y, maxWidth: rect.width)
            if index == cursor && active {
                canvas.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Theme.selection)
            }
        }
        if !helpText.isEmpty && spare >= 2 {
            canvas.putWrapped(helpText, in: Rect(x: rect.x, y: rect.y + listHeight + 1, width: rect.width, height: spare - 1),
                              style: Theme.muted)
        }
    }
}
