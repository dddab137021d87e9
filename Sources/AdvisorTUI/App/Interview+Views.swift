import AdvisorCore

extension Interview {
    /// Scrolling and closing shared by the document views (why, help, layout).
    static func scrollDocument(_ state: inout AppState, _ action: Action) -> Bool {
        let page = max(1, Screen.documentRect(state.size).height - 1)
        switch action {
        case .up: state.scroll -= 1
        case .down: state.scroll += 1
        case .pageUp: state.scroll -= page
        case .pageDown, .toggle: state.scroll += page
        case .home: state.scroll = 0
        case .end: state.scroll = Int.max / 2
        case .back: state.pop()
        default: return false
        }
        clampScroll(&state)
        return true
    }

    /// Keeps the scroll position of a document view within its text at the current size.
    static func clampScroll(_ state: inout AppState) {
        let lines = Screen.documentLines(state).count
        let room = Screen.documentRect(state.size).height
        state.scroll = min(max(0, state.scroll), max(0, lines - room))
    }

    static func scrolled(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        if scrollDocument(&state, action) { return }
        if case .layoutTree = state.mode, action == .openLayout { return }
        if case .help = state.mode, action == .openHelp { return }
        if case .estimate = state.mode, action == .openEstimate { return }
        _ = global(&state, action, effects: &effects)
    }

    static func why(_ state: inout AppState, _ decision: String, _ action: Action, effects: inout [AppEffect]) {
        if scrollDocument(&state, action) { return }
        let decisions = state.rules.decisions
        switch action {
        case .left, .right:
            let index = decisions.firstIndex { $0.id == decision } ?? 0
            let next = (index + (action == .left ? -1 : 1) + decisions.count) % max(1, decisions.count)
            state.decisionCursor = next
            state.replaceTop(.why(decisions[next].id))
            state.scroll = 0
        case .openWhy:
            break
        case .cyclePin:
            state.cyclePin(decision)
        case .activate:
            // Enter jumps to the first answer the decision's rules read, to change it.
            if let outcome = state.advice.outcome(decision),
               let first = AppState.answerSubjects(outcome.fired.flatMap(\.evidence)).first {
                state.jump(to: first)
            }
        default:
            _ = global(&state, action, effects: &effects)
        }
    }

    static func problems(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        let rows = ProblemList.rows(state)
        switch action {
        case .up: state.listCursor = max(0, state.listCursor - 1)
        case .down: state.listCursor = min(max(0, rows.count - 1), state.listCursor + 1)
        case .home: state.listCursor = 0
        case .end: state.listCursor = max(0, rows.count - 1)
        case .back: state.pop()
        case .activate, .toggle:
            guard rows.indices.contains(state.listCursor) else { return }
            if let question = rows[state.listCursor].question {
                state.jump(to: question)
            } else {
                state.message = StatusMessage("No answer leads to this one; it follows from the layout (\(rows[state.listCursor].rule))")
            }
        case .openProblems: break
        default: _ = global(&state, action, effects: &effects)
        }
    }

    static func groups(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        let count = state.rules.groups.count
        switch action {
        case .up: state.listCursor = max(0, state.listCursor - 1)
        case .down: state.listCursor = min(max(0, count - 1), state.listCursor + 1)
        case .home: state.listCursor = 0
        case .end: state.listCursor = max(0, count - 1)
        case .back: state.pop()
        case .activate:
            state.groupIndex = min(max(0, state.listCursor), max(0, count - 1))
            state.focus = .questions
            state.pop()
        case .openGroups: break
        default: _ = global(&state, action, effects: &effects)
        }
    }

    static func search(_ state: inout AppState, _ editor: LineEditor, _ action: Action) {
        let hits = SearchIndex.search(editor.text, rules: state.rules, advice: state.advice)
        switch action {
        case .up: state.listCursor = max(0, state.listCursor - 1)
        case .down: state.listCursor = min(max(0, hits.count - 1), state.listCursor + 1)
        case .back: state.pop()
        case .activate:
            guard hits.indices.contains(state.listCursor) else {
                state.message = StatusMessage("No match for \"\(editor.text)\"", kind: .error)
                return
            }
            let hit = hits[state.listCursor]
            if hit.field == "finding" {
                state.modes = []
                state.push(.problems)
                state.listCursor = ProblemList.rows(state).firstIndex { $0.title == hit.snippet } ?? 0
                return
            }
            if hit.field == "group", let index = state.rules.groups.firstIndex(where: { $0.id == hit.question }) {
                state.modes = []
                state.groupIndex = index
                state.focus = .questions
                return
            }
            state.jump(to: hit.question)
            state.message = StatusMessage("Match \(state.listCursor + 1) of \(hits.count) for \"\(editor.text)\"")
        default:
            var edited = editor
            guard applyTyping(&edited, action) else { return }
            if edited.text != editor.text { state.listCursor = 0 }
            state.replaceTop(.search(edited))
        }
    }
}
