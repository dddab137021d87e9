import AdvisorCore

/// Typing or choosing a service's own answer to a per-service question: the editor the top-level question uses
/// (choices, multi-select, yes/no, list items, number, text), prefilled with the value the service inherits,
/// checked the way an answers file is checked, and stored under the service.
extension Interview {
    /// Enter on a per-service row of a service's screen: opens the editor for the question's kind.
    static func openServiceAnswer(_ state: inout AppState, service index: Int, question: Question) {
        guard let service = inventory(state, index) else { return }
        let view = ServiceView(service: service, answers: state.answers, rules: state.rules)
        if view.notAsked.contains(question.id) {
            let reason = question.askIf.map { PlainLanguage.condition($0, rules: state.rules) } ?? "never"
            state.message = StatusMessage("Not asked for \(service.name): asked only when \(reason)", kind: .error)
            return
        }
        let value = state.serviceValue(question, service: index)
        switch question.kind {
        case .single, .multi, .yesno, .list:
            var cursor = 0
            switch value {
            case .choice(let id)?: cursor = question.choiceIDs.firstIndex(of: id) ?? 0
            case .bool(let flag)?: cursor = flag ? 0 : 1
            default: break
            }
            // A list's items are each confirmed in their own line editor, so there is nothing to restore on Esc.
            let before = question.kind == .list ? nil : service.answers[question.id]
            state.push(.serviceAnswer(ServiceAnswerEditor(service: index, question: question.id, cursor: cursor, before: before)))
        case .number, .text:
            state.push(.edit(.serviceAnswer(service: index, question: question.id), LineEditor(value.flatMap { $0.scalarText } ?? "")))
        case .inventory:
            break
        }
    }

    /// Sets (or with nil clears) a service's own answer, checked as an answers file would be; returns why it was refused.
    @discardableResult
    static func setServiceAnswer(_ state: inout AppState, service index: Int, question: Question, _ value: AnswerValue?) -> String? {
        var inventory = state.inventory
        guard inventory.services.indices.contains(index) else { return "no such service" }
        if let value, let problem = AnswerValidation.problem(value, for: question, rules: state.rules) {
            return PlainLanguage.problem(problem, question: question)
        }
        guard inventory.services[index].answers[question.id] != value else { return nil }
        inventory.services[index].answers[question.id] = value
        if let id = state.inventoryQuestionID, let inventoryQuestion = state.rules.question(id),
           let problem = AnswerValidation.problem(.inventory(inventory), for: inventoryQuestion, rules: state.rules) {
            return problem
        }
        storeInventory(&state, inventory)
        return nil
    }

    /// `orders: max-duration = 40 s`, or that the service inherits again.
    static func serviceAnswerMessage(_ state: AppState, service index: Int, question: Question) -> String {
        let name = inventory(state, index)?.name ?? "?"
        guard let own = inventory(state, index)?.answers[question.id] else {
            return "\(name) takes the top-level answer to \(question.id)"
        }
        return "\(name): \(question.id) = \(QuestionPane.valueText(own, question: question))"
    }

    /// Keys in the choice editor of a service's own answer.
    static func serviceAnswer(_ state: inout AppState, _ editor: ServiceAnswerEditor, _ action: Action, effects: inout [AppEffect]) {
        guard let question = state.rules.question(editor.question), inventory(state, editor.service) != nil else {
            state.pop()
            return
        }
        let value = state.serviceValue(question, service: editor.service)
        let options = state.options(of: question, value: value)
        var moved = editor
        let cursor = min(max(0, editor.cursor), max(0, options.count - 1))
        switch action {
        case .up: moved.cursor = max(0, cursor - 1)
        case .down: moved.cursor = min(options.count - 1, cursor + 1)
        case .home: moved.cursor = 0
        case .end: moved.cursor = options.count - 1
        case .back:
            // Esc cancels: the service's answer goes back to what it was when the editor opened.
            if question.kind != .list { setServiceAnswer(&state, service: editor.service, question: question, editor.before) }
            state.pop()
            return
        case .toggle: chooseServiceAnswer(&state, editor, question, cursor: cursor, commit: false)
        case .activate: chooseServiceAnswer(&state, editor, question, cursor: cursor, commit: true)
        case .rename where question.kind == .list: chooseServiceAnswer(&state, editor, question, cursor: cursor, commit: true)
        case .add where question.kind == .list:
            state.push(.edit(.serviceListItem(service: editor.service, question: question.id, index: nil), LineEditor()))
        case .remove where question.kind == .list:
            guard case .list(var items)? = value, items.indices.contains(cursor) else { return }
            items.remove(at: cursor)
            report(&state, setServiceAnswer(&state, service: editor.service, question: question, .list(items)), editor, question)
        case .resetAnswer:
            setServiceAnswer(&state, service: editor.service, question: question, nil)
            state.message = StatusMessage(serviceAnswerMessage(state, service: editor.service, question: question))
        default:
            _ = global(&state, action, effects: &effects)
            return
        }
        if moved != editor { state.replaceTop(.serviceAnswer(moved)) }
    }

    /// A refusal as an error message, else what the service's answer is now.
    private static func report(_ state: inout AppState, _ problem: String?, _ editor: ServiceAnswerEditor, _ question: Question) {
        state.message = problem.map { StatusMessage($0, kind: .error) }
            ?? StatusMessage(serviceAnswerMessage(state, service: editor.service, question: question))
    }

    /// Space (`commit` false) or Enter on the highlighted option of a service's answer.
    static func chooseServiceAnswer(_ state: inout AppState, _ editor: ServiceAnswerEditor, _ question: Question, cursor: Int, commit: Bool) {
        let value = state.serviceValue(question, service: editor.service)
        let options = state.options(of: question, value: value)
        guard options.indices.contains(cursor) else { return }
        switch question.kind {
        case .single, .yesno:
            let chosen: AnswerValue = question.kind == .single ? .choice(options[cursor]) : .bool(cursor == 0)
            report(&state, setServiceAnswer(&state, service: editor.service, question: question, chosen), editor, question)
            if commit && state.message?.kind != .error { state.pop() }
        case .multi:
            if commit {
                // Enter keeps what the checkboxes show as the service's own answer, even when it equals the inherited one.
                report(&state, setServiceAnswer(&state, service: editor.service, question: question, value), editor, question)
                if state.message?.kind != .error { state.pop() }
                return
            }
            var chosen = value?.members ?? []
            let id = options[cursor]
            if let index = chosen.firstIndex(of: id) { chosen.remove(at: index) } else { chosen.append(id) }
            report(&state, setServiceAnswer(&state, service: editor.service, question: question,
                                            .choices(question.choiceIDs.filter(chosen.contains))), editor, question)
        case .list:
            let index = cursor == options.count - 1 ? nil : cursor
            state.push(.edit(.serviceListItem(service: editor.service, question: question.id, index: index),
                             LineEditor(index.map { options[$0] } ?? "")))
        default:
            break
        }
    }

    /// Stores the text of a service's number or text answer, or of one of its list items; returns why it was refused.
    static func commitServiceAnswer(_ state: inout AppState, _ target: EditTarget, _ text: String) -> String? {
        switch target {
        case .serviceAnswer(let index, let id):
            guard let question = state.rules.question(id) else { return "unknown question" }
            // An empty field returns the service to the top-level answer.
            if text.trimmingSpaces.isEmpty {
                state.pop()
                setServiceAnswer(&state, service: index, question: question, nil)
                state.message = StatusMessage(serviceAnswerMessage(state, service: index, question: question))
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
            if let problem = setServiceAnswer(&state, service: index, question: question, value) { return problem }
            state.pop()
            state.message = StatusMessage(serviceAnswerMessage(state, service: index, question: question))
            return nil
        case .serviceListItem(let index, let id, let item):
            guard let question = state.rules.question(id) else { return "unknown question" }
            var items = state.serviceValue(question, service: index)?.members ?? []
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                if item == nil {
                    state.pop()
                    return nil
                }
                return "Empty; press Esc, then d to delete the item"
            }
            if let item, items.indices.contains(item) { items[item] = trimmed } else { items.append(trimmed) }
            if let problem = setServiceAnswer(&state, service: index, question: question, .list(items)) { return problem }
            state.pop()
            if case .serviceAnswer(var editor) = state.mode {
                editor.cursor = item ?? items.count - 1
                state.replaceTop(.serviceAnswer(editor))
            }
            state.message = StatusMessage(serviceAnswerMessage(state, service: index, question: question))
            return nil
        default:
            return nil
        }
    }
}
