import AdvisorCore

extension AppState {
    /// The current question group.
    public var group: QuestionGroup? {
        rules.groups.indices.contains(groupIndex) ? rules.groups[groupIndex] : nil
    }

    /// The questions of a group, in catalog order (hidden ones included; views dim them).
    public func questions(inGroup index: Int) -> [Question] {
        guard rules.groups.indices.contains(index) else { return [] }
        let id = rules.groups[index].id
        return rules.questions.filter { $0.group == id }
    }

    /// The questions of the current group.
    public var groupQuestions: [Question] { questions(inGroup: groupIndex) }

    /// Index of the selected question within the current group.
    public var questionIndex: Int {
        get {
            let count = groupQuestions.count
            return min(max(0, questionCursor[group?.id ?? ""] ?? 0), max(0, count - 1))
        }
        set {
            let count = groupQuestions.count
            questionCursor[group?.id ?? ""] = min(max(0, newValue), max(0, count - 1))
        }
    }

    /// The selected question.
    public var currentQuestion: Question? {
        let list = groupQuestions
        return list.indices.contains(questionIndex) ? list[questionIndex] : nil
    }

    /// How a question got its value (answered, defaulted, hidden, missing).
    public func status(of id: String) -> AnswerStatus {
        advice.context.first { $0.question == id }?.status ?? .missing
    }

    /// The value a question has now: the answer, else its default.
    public func value(of question: Question) -> AnswerValue? {
        answers.values[question.id] ?? question.defaultValue
    }

    /// The choice ids or items a choice-like question offers in the answer pane.
    public func options(of question: Question) -> [String] {
        options(of: question, value: value(of: question))
    }

    /// The choice ids or items a choice-like question offers when its value is `value` (a service's own answer).
    public func options(of question: Question, value: AnswerValue?) -> [String] {
        switch question.kind {
        case .single, .multi: return question.choiceIDs
        case .yesno: return ["yes", "no"]
        case .list:
            if case .list(let items)? = value { return items + [Self.addItemRow] }
            return [Self.addItemRow]
        default: return []
        }
    }

    /// The row label that adds an item to a list.
    static let addItemRow = "+ add an item"

    /// The highlighted option row of a question, clamped to its options.
    public func optionCursor(_ question: Question) -> Int {
        let count = options(of: question).count
        if let cursor = choiceCursor[question.id] { return min(max(0, cursor), max(0, count - 1)) }
        // Start on the current value, so Enter keeps it.
        switch value(of: question) {
        case .choice(let id)?: return question.choiceIDs.firstIndex(of: id) ?? 0
        case .bool(let flag)?: return flag ? 0 : 1
        default: return 0
        }
    }

    /// The inventory answer (empty when none is given).
    public var inventory: Inventory {
        if let question = rules.questions.first(where: { $0.kind == .inventory }),
           case .inventory(let inventory)? = value(of: question) {
            return inventory
        }
        return Inventory()
    }

    /// The id of the inventory question, if the catalog has one.
    public var inventoryQuestionID: String? {
        rules.questions.first { $0.kind == .inventory }?.id
    }

    /// Question ids involved in a conflict or an error finding, for flagging them where they are asked.
    public var flaggedQuestions: Set<String> {
        var ids: Set<String> = []
        for conflict in advice.conflicts {
            for firing in conflict.rules { ids.formUnion(Self.answerSubjects(firing.evidence)) }
        }
        for finding in advice.findings where finding.severity == .error {
            ids.formUnion(Self.answerSubjects(finding.evidence))
        }
        return ids
    }

    /// The questions evidence read and held on, in order and without repeats.
    static func answerSubjects(_ evidence: [Evidence]) -> [String] {
        var seen: Set<String> = []
        return evidence.filter { ($0.kind == "answer" || $0.kind == "count") && $0.held }
            .map { $0.subject.split(separator: ".").first.map(String.init) ?? $0.subject }
            .filter { seen.insert($0).inserted }
    }

    /// Moves to the group and row of a question and closes everything on top of the main screen.
    public mutating func jump(to questionID: String) {
        guard let question = rules.question(questionID),
              let index = rules.groups.firstIndex(where: { $0.id == question.group }) else { return }
        groupIndex = index
        questionIndex = groupQuestions.firstIndex { $0.id == questionID } ?? 0
        modes = []
        focus = .questions
    }
}
