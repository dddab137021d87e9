import AdvisorCore

/// The interview's pure update function: state plus action gives the next state and the side effects to run.
public enum Interview {
    /// Applies `action` to `state`; never performs I/O, so it can be tested with plain values.
    public static func update(_ state: AppState, _ action: Action) -> (AppState, [AppEffect]) {
        var next = state
        var effects: [AppEffect] = []
        let answersBefore = state.answers
        switch action {
        case .resize(let width, let height):
            next.size = TerminalSize(width: width, height: height)
            clampScroll(&next)
            return (next, [])
        case .written, .writeFailed, .alreadyExists:
            fileResult(&next, action, effects: &effects)
        case .none:
            return (next, [])
        case _ where next.tooSmall:
            // Nothing but q acts while the "enlarge the terminal" screen hides what a key would do.
            guard action == .quit else { return (next, []) }
            next.finished = true
            // Unsaved answers stay in the recovery file (the small screen says so).
            if !next.dirty { effects.append(.removeRecovery) }
            return (next, effects)
        case .notAKey:
            next.strayTyping = true
            next.message = StatusMessage("Typing ignored: this screen takes no text, so nothing was done (? lists the keys)", kind: .error)
            return (next, [])
        default:
            next.strayTyping = false
            next.message = nil
            dispatch(&next, action, effects: &effects)
        }
        if next.answers != answersBefore {
            let header = ["apigw-advisor interview recovery file: answers not saved yet (\(next.date))"]
            effects.append(.autosave(text: AnswersWriter.yaml(next.answers, rules: next.rules, header: header)))
        }
        return (next, effects)
    }

    /// Sends an action to the handler of the mode on top.
    static func dispatch(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        switch state.mode {
        case .browse: browse(&state, action, effects: &effects)
        case .edit(let target, let editor): edit(&state, target, editor, action)
        case .inventory: inventory(&state, action, effects: &effects)
        case .serviceAnswer(let editor): serviceAnswer(&state, editor, action, effects: &effects)
        case .why(let decision): why(&state, decision, action, effects: &effects)
        case .help, .layoutTree, .estimate: scrolled(&state, action, effects: &effects)
        case .problems: problems(&state, action, effects: &effects)
        case .groups: groups(&state, action, effects: &effects)
        case .search(let editor): search(&state, editor, action)
        case .prompt(let purpose, let editor): prompt(&state, purpose, editor, action, effects: &effects)
        case .confirm(let purpose): confirm(&state, purpose, action, effects: &effects)
        case .exportMenu: exportMenu(&state, action)
        }
    }

    /// Commands that work on every list screen: open a view, save, export, quit.
    /// Returns false when `action` is not one of them.
    static func global(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) -> Bool {
        switch action {
        case .openWhy:
            let decisions = state.rules.decisions
            guard decisions.indices.contains(state.decisionCursor) else { return true }
            state.explainChanges()
            state.push(.why(decisions[state.decisionCursor].id))
        case .openHelp: state.push(.help)
        case .openSearch:
            state.push(.search(LineEditor()))
            state.listCursor = 0
        case .openLayout: state.push(.layoutTree)
        case .openEstimate: state.push(.estimate)
        case .openProblems:
            state.push(.problems)
            state.listCursor = 0
        case .openGroups:
            state.push(.groups)
            state.listCursor = state.groupIndex
        case .save: state.push(.prompt(.saveAnswers, LineEditor(state.answersPath ?? "answers.yaml")))
        case .export: state.push(.exportMenu)
        case .quit:
            if state.dirty {
                state.push(.confirm(.quit))
            } else {
                state.finished = true
                effects.append(.removeRecovery)
            }
        default:
            return false
        }
        return true
    }

    // MARK: - Main screen

    static func browse(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        if global(&state, action, effects: &effects) { return }
        switch state.focus {
        case .questions: questionList(&state, action)
        case .answer: answerPane(&state, action)
        case .recommendations: recommendationPane(&state, action, effects: &effects)
        }
    }

    static func questionList(_ state: inout AppState, _ action: Action) {
        let count = state.groupQuestions.count
        switch action {
        case .up:
            // Up on the first question continues at the last question of the previous group.
            if state.questionIndex == 0, state.groupIndex > 0 {
                moveGroup(&state, by: -1)
                state.questionIndex = state.groupQuestions.count - 1
            } else {
                state.questionIndex -= 1
            }
        case .down:
            // Down on the last question continues at the first question of the next group.
            if state.questionIndex >= count - 1, state.groupIndex < state.rules.groups.count - 1 {
                moveGroup(&state, by: 1)
                state.questionIndex = 0
            } else {
                state.questionIndex += 1
            }
        case .home: state.questionIndex = 0
        case .end: state.questionIndex = count - 1
        case .left, .pageUp: moveGroup(&state, by: -1)
        case .right, .pageDown: moveGroup(&state, by: 1)
        case .switchPane: state.focus = .recommendations
        case .activate: open(&state)
        case .toggle:
            if let question = state.currentQuestion, question.kind == .yesno, state.status(of: question.id) != .hidden {
                let current = state.value(of: question) == .bool(true)
                state.setAnswer(question.id, .bool(!current))
            } else {
                open(&state)
            }
        case .resetAnswer:
            guard let question = state.currentQuestion else { return }
            if state.setAnswer(question.id, nil) {
                state.message = StatusMessage("Cleared \(question.id); the default applies")
            }
        case .add where state.currentQuestion?.kind == .inventory: open(&state)
        default: break
        }
    }

    static func moveGroup(_ state: inout AppState, by offset: Int) {
        let target = min(max(0, state.groupIndex + offset), state.rules.groups.count - 1)
        state.groupIndex = target
        state.focus = .questions
    }

    /// Opens the answer editor of the selected question.
    static func open(_ state: inout AppState) {
        guard let question = state.currentQuestion else { return }
        if state.status(of: question.id) == .hidden {
            let reason = question.askIf.map { PlainLanguage.condition($0, rules: state.rules) } ?? "never"
            state.message = StatusMessage("Hidden: asked only when \(reason)", kind: .error)
            return
        }
        switch question.kind {
        case .single, .multi, .yesno, .list:
            state.focus = .answer
            // A choice editor can be cancelled; a list's items are each confirmed in their own line editor.
            state.answerBeforeEditing = question.kind == .list ? nil
                : AnswerBeforeEditing(question: question.id, value: state.answers.values[question.id])
        case .number, .text:
            // Only a given answer is editable text; a default shows as the field's placeholder.
            let text = state.answers.values[question.id].flatMap { $0.scalarText } ?? ""
            state.push(.edit(.answer(question.id), LineEditor(text)))
        case .inventory:
            state.inventoryLevel = .services
            state.listCursor = 0
            state.push(.inventory)
        }
    }

    /// Moves to the next question of the group that is asked, after an answer was committed with Enter.
    static func advance(_ state: inout AppState) {
        state.focus = .questions
        state.answerBeforeEditing = nil
        let list = state.groupQuestions
        var index = state.questionIndex + 1
        while index < list.count, state.status(of: list[index].id) == .hidden { index += 1 }
        if index < list.count { state.questionIndex = index }
    }

    static func answerPane(_ state: inout AppState, _ action: Action) {
        guard let question = state.currentQuestion else {
            state.focus = .questions
            return
        }
        let options = state.options(of: question)
        let cursor = state.optionCursor(question)
        switch action {
        case .up: state.choiceCursor[question.id] = max(0, cursor - 1)
        case .down: state.choiceCursor[question.id] = min(options.count - 1, cursor + 1)
        case .home: state.choiceCursor[question.id] = 0
        case .end: state.choiceCursor[question.id] = options.count - 1
        case .back:
            // Esc cancels the choice editor: the answer goes back to what it was when the editor opened.
            if let before = state.answerBeforeEditing, before.question == question.id {
                state.setAnswer(question.id, before.value)
            }
            state.answerBeforeEditing = nil
            state.focus = .questions
        case .switchPane:
            state.answerBeforeEditing = nil
            state.focus = .recommendations
        case .toggle: choose(&state, question, cursor: cursor, commit: false)
        case .activate: choose(&state, question, cursor: cursor, commit: true)
        case .add where question.kind == .list: state.push(.edit(.listItem(question.id, nil), LineEditor()))
        case .rename where question.kind == .list: choose(&state, question, cursor: cursor, commit: true)
        case .remove where question.kind == .list:
            guard case .list(var items)? = state.value(of: question), items.indices.contains(cursor) else { return }
            items.remove(at: cursor)
            state.setAnswer(question.id, .list(items))
        case .resetAnswer: state.setAnswer(question.id, nil)
        default: break
        }
    }

    /// Space (`commit` false) or Enter on the highlighted option.
    static func choose(_ state: inout AppState, _ question: Question, cursor: Int, commit: Bool) {
        let options = state.options(of: question)
        guard options.indices.contains(cursor) else { return }
        switch question.kind {
        case .single:
            state.setAnswer(question.id, .choice(options[cursor]))
            if commit { advance(&state) }
        case .yesno:
            state.setAnswer(question.id, .bool(cursor == 0))
            if commit { advance(&state) }
        case .multi:
            if commit {
                state.focus = .questions
                state.answerBeforeEditing = nil
                return
            }
            var chosen: [String] = []
            if case .choices(let values)? = state.value(of: question) { chosen = values }
            let id = options[cursor]
            if let index = chosen.firstIndex(of: id) { chosen.remove(at: index) } else { chosen.append(id) }
            state.setAnswer(question.id, .choices(question.choiceIDs.filter(chosen.contains)))
        case .list:
            if cursor == options.count - 1 {
                state.push(.edit(.listItem(question.id, nil), LineEditor()))
            } else {
                state.push(.edit(.listItem(question.id, cursor), LineEditor(options[cursor])))
            }
        default:
            break
        }
    }

    static func recommendationPane(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        let count = state.rules.decisions.count
        switch action {
        case .up: state.decisionCursor = max(0, state.decisionCursor - 1)
        case .down: state.decisionCursor = min(count - 1, state.decisionCursor + 1)
        case .home: state.decisionCursor = 0
        case .end: state.decisionCursor = count - 1
        case .activate, .right, .toggle: _ = global(&state, .openWhy, effects: &effects)
        case .switchPane, .back, .left: state.focus = .questions
        default: break
        }
    }
}
