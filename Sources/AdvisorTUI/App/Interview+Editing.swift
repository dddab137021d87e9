import AdvisorCore

extension Interview {
    /// Applies cursor and typing actions to a line editor; returns false for other actions.
    static func applyTyping(_ editor: inout LineEditor, _ action: Action) -> Bool {
        switch action {
        case .character(let character): editor.insert(character)
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .deleteToStart: editor.deleteToStart()
        case .deleteWord: editor.deleteWord()
        case .left: editor.move(-1)
        case .right: editor.move(1)
        case .home: editor.jump(toEnd: false)
        case .end: editor.jump(toEnd: true)
        default: return false
        }
        return true
    }

    // MARK: - Line editor for answers and inventory fields

    static func edit(_ state: inout AppState, _ target: EditTarget, _ editor: LineEditor, _ action: Action) {
        var editor = editor
        if applyTyping(&editor, action) {
            state.replaceTop(.edit(target, editor))
            return
        }
        switch action {
        case .back: state.pop()
        case .activate:
            if let problem = commit(&state, target, editor.text) {
                state.message = StatusMessage(problem, kind: .error)
            }
        default: break
        }
    }

    /// Stores the edited text; returns why it was refused, or nil after closing the editor.
    static func commit(_ state: inout AppState, _ target: EditTarget, _ text: String) -> String? {
        switch target {
        case .answer(let id):
            guard let question = state.rules.question(id) else { return "unknown question" }
            // An empty field keeps the default (shown as the placeholder).
            if text.trimmingSpaces.isEmpty, question.defaultValue != nil {
                state.pop()
                state.setAnswer(id, nil)
                advance(&state)
                return nil
            }
            let value: AnswerValue
            if question.kind == .number {
                let cleaned = text.filter { $0 != " " && $0 != "_" }
                guard let number = Double(cleaned), number.isFinite else {
                    return "Enter a number\(question.unit.map { " in \($0)" } ?? "")\(rangeText(question))"
                }
                value = .number(number)
            } else {
                value = .text(text)
            }
            if let problem = AnswerValidation.problem(value, for: question, rules: state.rules) {
                return PlainLanguage.problem(problem, question: question)
            }
            state.pop()
            state.setAnswer(id, value)
            advance(&state)
            return nil
        case .listItem(let id, let index):
            guard let question = state.rules.question(id) else { return "unknown question" }
            var items: [String] = []
            if case .list(let values)? = state.value(of: question) { items = values }
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                if index == nil {
                    state.pop()
                    return nil
                }
                return "Empty; press Esc, then d to delete the item"
            }
            if let index, items.indices.contains(index) { items[index] = trimmed } else { items.append(trimmed) }
            if let problem = AnswerValidation.problem(.list(items), for: question, rules: state.rules) {
                return PlainLanguage.problem(problem, question: question)
            }
            state.pop()
            state.setAnswer(id, .list(items))
            state.choiceCursor[id] = index ?? items.count - 1
            return nil
        case .serviceName, .team, .resourcePath:
            return commitInventory(&state, target, text.trimmingSpaces)
        case .serviceAnswer, .serviceListItem:
            return commitServiceAnswer(&state, target, text)
        }
    }

    /// ` (0.05...900 s)` for a number question with a range.
    static func rangeText(_ question: Question) -> String {
        guard question.min != nil || question.max != nil else { return "" }
        let unit = question.unit.map { " \($0)" } ?? ""
        return " (\(question.min.map(formatNumber) ?? "")...\(question.max.map(formatNumber) ?? "")\(unit))"
    }

    // MARK: - Paths, confirmations, files

    static func prompt(_ state: inout AppState, _ purpose: PathPurpose, _ editor: LineEditor, _ action: Action,
                       effects: inout [AppEffect]) {
        var editor = editor
        if applyTyping(&editor, action) {
            state.replaceTop(.prompt(purpose, editor))
            return
        }
        switch action {
        case .back:
            state.pendingExport = nil
            state.pop()
        case .activate:
            let path = editor.text.trimmingSpaces
            guard !path.isEmpty else {
                state.message = StatusMessage("Enter a path", kind: .error)
                return
            }
            state.pop()
            // Nothing is written without a yes; records exported from unsaved answers would cite
            // "interview (unsaved)", so the user is offered to save them first.
            if purpose != .saveAnswers, state.reportContext().answersFile == AppState.unsavedName {
                state.push(.confirm(.saveBeforeExport(purpose, path)))
            } else {
                state.push(.confirm(.write(purpose, path)))
            }
        default: break
        }
    }

    /// The effect that writes the output for `purpose` at `path`.
    static func writeEffect(_ state: AppState, _ purpose: PathPurpose, path: String, overwrite: Bool) -> AppEffect {
        switch purpose {
        case .saveAnswers:
            let header = ["apigw-advisor answers (\(state.rules.name) \(state.rules.version)), saved from the interview",
                          "Replay with: apigw-advisor advise \(path)"]
            return .writeFile(path: path, text: AnswersWriter.yaml(state.answers, rules: state.rules, header: header),
                              overwrite: overwrite, purpose: purpose)
        case .exportMarkdown:
            return .writeFile(path: path, text: MarkdownExporter.render(state.explainedAdvice, context: state.reportContext()),
                              overwrite: overwrite, purpose: purpose)
        case .exportMADR:
            return .writeMADR(folder: path, advice: state.explainedAdvice, answersFile: state.reportContext().answersFile, date: state.date)
        }
    }

    static func fileResult(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        switch action {
        case .written(.saveAnswers, let path):
            state.markSaved(path)
            state.message = StatusMessage("Saved the answers to \(path)", kind: .success)
            if let pending = state.pendingExport {
                state.pendingExport = nil
                effects.append(writeEffect(state, pending.purpose, path: pending.path, overwrite: false))
            }
        case .written(.exportMarkdown, let path):
            state.message = StatusMessage("Exported the markdown document to \(path)", kind: .success)
        case .written(.exportMADR, let detail):
            state.message = StatusMessage("Exported the MADR records: \(detail)", kind: .success)
        case .writeFailed(_, let reason):
            state.pendingExport = nil
            state.message = StatusMessage(reason, kind: .error)
        case .alreadyExists(let purpose, let path):
            state.push(.confirm(.overwrite(purpose, path)))
        default:
            break
        }
    }

    static func confirm(_ state: inout AppState, _ purpose: ConfirmPurpose, _ action: Action, effects: inout [AppEffect]) {
        guard action == .yes || action == .no || action == .back else { return }
        let yes = action == .yes
        state.pop()
        // Esc cancels: the same as no, except where no is a choice of its own (export without saving).
        if action == .back, case .saveBeforeExport = purpose {
            state.message = StatusMessage("Nothing was written")
            return
        }
        switch purpose {
        case .overwrite(let kind, let path):
            if yes {
                effects.append(writeEffect(state, kind, path: path, overwrite: true))
            } else {
                state.pendingExport = nil
                state.message = StatusMessage("Not overwritten: \(path)")
            }
        case .write(let kind, let path):
            if yes {
                effects.append(writeEffect(state, kind, path: path, overwrite: false))
            } else {
                state.message = StatusMessage("Nothing was written")
            }
        case .saveBeforeExport(let kind, let path):
            if yes {
                state.pendingExport = PendingWrite(purpose: kind, path: path)
                state.push(.prompt(.saveAnswers, LineEditor(state.answersPath ?? "answers.yaml")))
            } else {
                effects.append(writeEffect(state, kind, path: path, overwrite: false))
            }
        case .quit:
            if yes { state.finished = true }
        case .deleteService(let index):
            guard yes else { return }
            var inventory = state.inventory
            guard inventory.services.indices.contains(index) else { return }
            inventory.services.remove(at: index)
            storeInventory(&state, inventory)
            state.listCursor = min(state.listCursor, max(0, inventory.services.count - 1))
        case .deleteResource(let service, let resource):
            guard yes else { return }
            var inventory = state.inventory
            guard inventory.services.indices.contains(service),
                  inventory.services[service].resources.indices.contains(resource) else { return }
            inventory.services[service].resources.remove(at: resource)
            storeInventory(&state, inventory)
        case .restoreRecovery:
            if yes, let recovered = state.recovered {
                state.restoreAnswers(recovered)
                state.message = StatusMessage("Restored the answers from the recovery file", kind: .success)
            }
            state.recovered = nil
        }
    }

    static func exportMenu(_ state: inout AppState, _ action: Action) {
        switch action {
        case .exportMarkdown:
            let base = state.answersPath.map { path -> String in
                path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path.hasSuffix(".yml") ? String(path.dropLast(4)) : path
            }
            state.replaceTop(.prompt(.exportMarkdown, LineEditor((base ?? "advice") + ".md")))
        case .exportMADR:
            state.replaceTop(.prompt(.exportMADR, LineEditor("docs/decisions")))
        case .back:
            state.pop()
        default:
            break
        }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
