import AdvisorCore

/// Boxes drawn over the screen: line editors, path prompts, confirmations and the export menu.
enum DialogView {
    static func draw(_ canvas: inout Canvas, _ body: Rect, _ state: AppState, ascii: Bool) {
        switch state.mode {
        case .edit(let target, let editor):
            let (title, hint) = editLabels(state, target)
            drawEditor(&canvas, body, title: title, hint: hint, editor: editor, ascii: ascii,
                       placeholder: placeholder(state, target))
        case .prompt(let purpose, let editor):
            let title: String
            switch purpose {
            case .saveAnswers: title = "Save the answers to"
            case .exportMarkdown: title = "Export the markdown document to"
            case .exportMADR: title = "Export the MADR records into the folder"
            }
            let hint = purpose == .exportMADR ? "Existing records are kept; numbering continues after them."
                : "An existing file is only replaced after you confirm."
            drawEditor(&canvas, body, title: title, hint: hint, editor: editor, ascii: ascii)
        case .confirm(let purpose):
            drawMessage(&canvas, body, title: "Confirm", lines: confirmLines(state, purpose) + ["", legendText(state, ascii: ascii)],
                        ascii: ascii)
        case .exportMenu:
            drawMessage(&canvas, body, title: "Export", lines: ["m  the markdown document (all decisions, findings, layout)",
                                                                 "r  MADR decision records: new or changed decisions only",
                                                                 "", legendText(state, ascii: ascii)], ascii: ascii)
        default:
            break
        }
    }

    /// Title and hint of the line editor for a target.
    static func editLabels(_ state: AppState, _ target: EditTarget) -> (String, String) {
        switch target {
        case .answer(let id):
            guard let question = state.rules.question(id) else { return (id, "") }
            if question.kind == .number {
                return (question.prompt, "A number\(question.unit.map { " in \($0)" } ?? "")\(Interview.rangeText(question))")
            }
            let form = PlainLanguage.form(of: question).map { "Write " + $0 } ?? "Any text"
            return (question.prompt, form + (question.defaultValue == nil ? "" : "; empty keeps the default"))
        case .listItem(let id, let index):
            let question = state.rules.question(id)
            return ((index == nil ? "Add to: " : "Edit: ") + (question?.prompt ?? id), question.flatMap(PlainLanguage.form).map { "Write " + $0 } ?? "")
        case .serviceName(let index):
            return (index == nil ? "New service name" : "Rename the service", "Lower-case letters, digits and dashes, e.g. orders")
        case .team(let index):
            let name = state.inventory.services.indices.contains(index) ? state.inventory.services[index].name : "?"
            return ("Team that owns \(name)", "Empty for none")
        case .resourcePath(let service, let resource):
            let name = state.inventory.services.indices.contains(service) ? state.inventory.services[service].name : "?"
            return ((resource == nil ? "New resource of " : "Resource path of ") + name, "Starts with /, e.g. /orders/{orderId}")
        case .serviceAnswer(let service, let id):
            let name = state.inventory.services.indices.contains(service) ? state.inventory.services[service].name : "?"
            guard let question = state.rules.question(id) else { return (id, "") }
            let form = question.kind == .number
                ? "A number\(question.unit.map { " in \($0)" } ?? "")\(Interview.rangeText(question))"
                : PlainLanguage.form(of: question).map { "Write " + $0 } ?? "Any text"
            return ("\(name): \(question.prompt)", form + "; empty takes the top-level answer")
        case .serviceListItem(let service, let id, let index):
            let name = state.inventory.services.indices.contains(service) ? state.inventory.services[service].name : "?"
            let question = state.rules.question(id)
            return ("\(name): " + (index == nil ? "add to: " : "edit: ") + (question?.prompt ?? id),
                    question.flatMap(PlainLanguage.form).map { "Write " + $0 } ?? "")
        }
    }

    /// The confirmation's keys, from the key map that handles them.
    static func legendText(_ state: AppState, ascii: Bool) -> String {
        KeyMap.legend(for: state, row: .primary, ascii: ascii).map { "\($0.0) \($0.1)" }.joined(separator: "   ")
    }

    /// The default an empty answer field keeps, shown dimmed in the field.
    static func placeholder(_ state: AppState, _ target: EditTarget) -> String? {
        guard case .answer(let id) = target, let question = state.rules.question(id),
              state.answers.values[id] == nil, let value = question.defaultValue else { return nil }
        return value.scalarText.map { "\($0) (default)" }
    }

    /// What a write would put where.
    static func writeLines(_ state: AppState, _ purpose: PathPurpose, _ path: String) -> [String] {
        switch purpose {
        case .saveAnswers:
            return ["Write the answers (\(state.answers.values.count) given) to \(path)?"]
        case .exportMarkdown:
            return ["Write the markdown document to \(path)?"]
        case .exportMADR:
            return ["Write MADR records into \(path)/?",
                    "Only decisions that are new or whose outcome changed get a record; a replaced record is marked superseded."]
        }
    }

    static func confirmLines(_ state: AppState, _ purpose: ConfirmPurpose) -> [String] {
        switch purpose {
        case .write(let kind, let path):
            return writeLines(state, kind, path)
        case .saveBeforeExport(let kind, let path):
            return writeLines(state, kind, path).prefix(1).map { $0 } + ["",
                    "The answers are not saved, so the records would cite \"\(AppState.unsavedName)\".",
                    "y: save the answers first, then export   n: export as it is   Esc: cancel"]
        case .overwrite(_, let path):
            return ["\(path) already exists.", "Overwrite it?"]
        case .quit:
            return ["There are unsaved changes. Quit anyway?", "They stay in the recovery file and are offered on the next start."]
        case .deleteService(let index):
            let inventory = state.inventory
            guard inventory.services.indices.contains(index) else { return ["Delete the service?"] }
            let service = inventory.services[index]
            return ["Delete the service \(service.name) and its \(service.resources.count) resource(s)?"]
        case .deleteResource(let service, let resource):
            let inventory = state.inventory
            guard inventory.services.indices.contains(service),
                  inventory.services[service].resources.indices.contains(resource) else { return ["Delete the resource?"] }
            return ["Delete \(inventory.services[service].resources[resource].path) from \(inventory.services[service].name)?"]
        case .restoreRecovery:
            let count = state.recovered?.values.count ?? 0
            return ["The recovery file holds \(count) answer(s) that were not saved", "when the interview last ended.",
                    "Restore them?"]
        }
    }

    /// A centred box with a title, a text field and a hint; places the terminal cursor in the field.
    static func drawEditor(_ canvas: inout Canvas, _ body: Rect, title: String, hint: String, editor: LineEditor, ascii: Bool,
                           placeholder: String? = nil) {
        let width = min(body.width - 4, max(50, min(90, body.width * 3 / 4)))
        let box = body.centered(width: width, height: 6)
        canvas.fill(box)
        let inner = canvas.drawBox(box, title: title, style: Theme.focusedBorder, titleStyle: Theme.heading, ascii: ascii)
        guard inner.width > 2, inner.height > 0 else { return }
        let field = inner.inset(top: 1, left: 1, bottom: 0, right: 1)
        // Scroll the text horizontally so the cursor stays inside the field.
        let text = editor.text
        let column = editor.cursorColumn
        let skip = max(0, column - field.width + 1)
        var shown = ""
        var skipped = 0
        for character in text {
            if skipped < skip {
                skipped += DisplayWidth.of(character)
                continue
            }
            shown.append(character)
        }
        canvas.fill(Rect(x: field.x, y: field.y, width: field.width, height: 1), style: Style(underline: true))
        canvas.put(shown, x: field.x, y: field.y, style: Style(underline: true), maxWidth: field.width)
        if text.isEmpty, let placeholder {
            canvas.put(placeholder, x: field.x, y: field.y, style: Style(foreground: .muted, underline: true, dim: true), maxWidth: field.width)
        }
        canvas.cursor = Position(x: field.x + column - skipped, y: field.y)
        canvas.put(TextWrap.truncate(hint, width: field.width, ellipsis: ascii ? "." : "…"), x: field.x, y: field.y + 2,
                   style: Theme.muted, maxWidth: field.width)
    }

    /// A centred box with lines of text.
    static func drawMessage(_ canvas: inout Canvas, _ body: Rect, title: String, lines: [String], ascii: Bool) {
        let width = min(body.width - 4, max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let wrapped = lines.flatMap { $0.isEmpty ? [""] : TextWrap.wrap($0, width: width - 4) }
        let box = body.centered(width: width, height: wrapped.count + 2)
        canvas.fill(box)
        let inner = canvas.drawBox(box, title: title, style: Theme.focusedBorder, titleStyle: Theme.heading, ascii: ascii)
        for (offset, line) in wrapped.enumerated() where offset < inner.height {
            canvas.put(line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 2)
        }
    }
}
