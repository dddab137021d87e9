import AdvisorCore

/// Help for the current question (what it means, each choice, the facts behind the rules that read it) and the keys.
enum HelpView {
    static func lines(_ state: AppState, ascii: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        if let question = helpQuestion(state) {
            out += questionLines(state, question, ascii: ascii, choiceCursor: nil)
            out += factLines(state, question)
            out.append(StyledLine(""))
        }
        // The keys of the view the help was opened from, straight from the key map that handles them.
        var below = state
        if case .help = below.mode { below.pop() }
        out.append(StyledLine("Keys here", style: Theme.heading))
        for command in KeyMap.commands(for: below) {
            var seen: Set<String> = []
            let names = command.bindings.map { KeyMap.name($0.key, ascii: ascii) }.filter { seen.insert($0).inserted }
            out.append(StyledLine(names.joined(separator: ", ") + ": " + command.label, indent: 2))
        }
        out.append(StyledLine("Backspace deletes in text fields only; it never goes back. Nothing is written before you confirm.",
                              style: Theme.muted, indent: 2))
        out.append(StyledLine(""))
        out.append(StyledLine("Markers: * the recommendation changed with the last answer; ! conflict or error; "
                              + "? required, not answered; - hidden (not asked for these answers).", style: Theme.muted))
        return out
    }

    /// The question help is about: a service's answer being edited, else the selected question.
    static func helpQuestion(_ state: AppState) -> Question? {
        state.serviceAnswerEditor.flatMap { state.rules.question($0.question) } ?? state.currentQuestion
    }

    /// The question, its help, its range or pattern, whether it is hidden, and its choices with their help.
    static func questionLines(_ state: AppState, _ question: Question, ascii: Bool, choiceCursor: Int?) -> [StyledLine] {
        var out = [StyledLine(question.prompt, style: Theme.heading)]
        var facts = ["id \(question.id)", question.kind.rawValue]
        if question.kind == .number { facts.append(Interview.rangeText(question).trimmingSpaces) }
        if let form = PlainLanguage.form(of: question) { facts.append(form) }
        if let value = question.defaultValue { facts.append("default \(value.display)") } else { facts.append("required") }
        facts.append(state.status(of: question.id).rawValue)
        out.append(StyledLine(facts.joined(separator: " · ").replacingDots(ascii), style: Theme.muted))
        out.append(StyledLine(question.help))
        if let condition = question.askIf {
            let hidden = state.status(of: question.id) == .hidden
            out.append(StyledLine((hidden ? "Hidden now: " : "") + "asked only when " + PlainLanguage.condition(condition, rules: state.rules),
                                  style: hidden ? Theme.warning : Theme.muted))
        }
        if !question.choices.isEmpty {
            out.append(StyledLine(""))
            out.append(StyledLine("Choices", style: Theme.heading))
            for (index, choice) in question.choices.enumerated() {
                let marker = index == choiceCursor ? "> " : "  "
                out.append(StyledLine(marker + "\(choice.label) (\(choice.id))", style: Style(bold: true)))
                out.append(StyledLine(choice.help, indent: 4))
            }
        }
        return out
    }

    /// The facts cited by rules that read this question, with their sources and dates.
    static func factLines(_ state: AppState, _ question: Question) -> [StyledLine] {
        var seen: Set<String> = []
        var out: [StyledLine] = []
        for rule in state.rules.rules where ConditionText.questionsRead(rule.when, rules: state.rules).contains(question.id) {
            for id in rule.facts where seen.insert(id).inserted {
                guard let fact = state.rules.facts[id] else { continue }
                let source = state.rules.sources[fact.source]
                out.append(StyledLine(fact.text, indent: 2))
                out.append(StyledLine("\(fact.source): \(source?.title ?? "") (as of \(fact.asOf)) \(source?.url ?? "")", style: Theme.muted, indent: 4))
            }
        }
        guard !out.isEmpty else { return [] }
        return [StyledLine(""), StyledLine("Facts behind the rules that read this answer", style: Theme.heading)] + out
    }

    /// The help column of wide screens: the selected question's help, and the highlighted choice first.
    static func drawPanel(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Help", style: Theme.border, titleStyle: Theme.heading, ascii: ascii)
        guard let question = helpQuestion(state), inner.width > 4 else { return }
        var lines: [StyledLine] = []
        let editor = state.serviceAnswerEditor
        let choosing = editor != nil || state.focus == .answer
        let cursor = editor?.cursor ?? state.optionCursor(question)
        if choosing, question.choices.indices.contains(cursor) {
            let choice = question.choices[cursor]
            lines.append(StyledLine(choice.label, style: Theme.heading))
            lines.append(StyledLine(choice.help))
            lines.append(StyledLine(""))
        }
        lines += questionLines(state, question, ascii: ascii, choiceCursor: choosing ? cursor : nil)
        let wrapped = StyledLine.wrap(lines, width: inner.width, limit: inner.height)
        for (offset, line) in wrapped.enumerated() {
            canvas.put(line.text, x: inner.x, y: inner.y + offset, style: line.style, maxWidth: inner.width)
        }
    }
}

extension String {
    /// Replaces the middle dot separator with a plain one on ASCII terminals.
    func replacingDots(_ ascii: Bool) -> String {
        ascii ? split(separator: "·", omittingEmptySubsequences: false).joined(separator: "|") : self
    }
}
