import AdvisorCore

/// Everything the interview shows, as a value: answers, advice, where the user is and what is open.
///
/// The update function changes it in response to actions; views only read it.
public struct AppState: Sendable {
    /// The catalog and rules.
    public let rules: RuleSet
    /// The answers given so far (only explicit answers; defaults stay defaults).
    public private(set) var answers: Answers
    /// The advice for `answers`, recomputed on every change.
    public private(set) var advice: Advice
    /// The advice before the last change, to highlight what changed.
    public private(set) var previousAdvice: Advice?
    /// The estimate of `advice` as display lines, computed when the answers change (not on every frame).
    public private(set) var estimateSheet: EstimateSheet?
    /// Decisions whose outcome changed with the last answer change.
    public private(set) var changedDecisions: Set<String> = []
    /// Index of the current question group.
    public var groupIndex = 0
    /// Selected question per group id, as an index into the group's questions.
    public var questionCursor: [String: Int] = [:]
    /// Highlighted choice or list item per question id.
    public var choiceCursor: [String: Int] = [:]
    /// The pane with the keyboard on the main screen.
    public var focus: Pane = .questions
    /// Highlighted decision in the recommendation pane (index into `rules.decisions`).
    public var decisionCursor = 0
    /// Open screens and dialogs, the last one on top; empty means the main screen.
    public var modes: [Mode] = []
    /// First line shown in scrolled views (why, help, layout).
    public var scroll = 0
    /// Highlighted row of lists in views (search results, problems, inventory rows).
    public var listCursor = 0
    /// Where the inventory editor is.
    public var inventoryLevel: InventoryLevel = .services
    /// True when the answers differ from the last saved or loaded file.
    public var dirty = false
    /// The answers file the interview was started from or last saved to.
    public var answersPath: String?
    /// The report date (YYYY-MM-DD), injected so exports are reproducible.
    public let date: String
    /// The message shown in the status row until the next key.
    public var message: StatusMessage?
    /// Answers found in the recovery file, offered for restoring.
    public var recovered: Answers?
    /// Set when the user quits; the runner stops.
    public var finished = false
    /// The terminal size the views draw at; scrolling is clamped to it.
    public var size = TerminalSize(width: 80, height: 24)
    /// The answer a choice editor started from, restored when Esc cancels the editor.
    public var answerBeforeEditing: AnswerBeforeEditing?
    /// Set when a letter was typed where no text is taken; until another kind of key comes, the letters
    /// that follow (and an Enter ending them) are ignored too, so typing meant for an editor can never
    /// run commands such as export.
    public var strayTyping = false
    /// An export waiting for the answers to be saved first (so its records cite the saved file).
    public var pendingExport: PendingWrite?

    /// True while the terminal is smaller than the interview needs: the "enlarge" screen shows and keys do nothing.
    public var tooSmall: Bool {
        size.width < Screen.minimumSize.width || size.height < Screen.minimumSize.height
    }

    /// Creates the state for a rule set, starting answers and report date.
    public init(rules: RuleSet, answers: Answers = Answers(), answersPath: String? = nil, date: String,
                recovered: Answers? = nil) {
        self.rules = rules
        self.answers = answers
        self.advice = Engine(rules: rules).advise(answers, whatWouldChange: false)
        self.estimateSheet = EstimateSheet.make(advice, rules: rules)
        self.answersPath = answersPath
        self.date = date
        if let recovered, recovered != answers {
            self.recovered = recovered
            self.modes = [.confirm(.restoreRecovery)]
        }
    }

    /// The screen or dialog on top.
    public var mode: Mode { modes.last ?? .browse }

    /// Opens a screen or dialog on top of the current one.
    public mutating func push(_ mode: Mode) {
        modes.append(mode)
        scroll = 0
    }

    /// Closes the top screen or dialog.
    public mutating func pop() {
        if !modes.isEmpty { modes.removeLast() }
    }

    /// Replaces the top screen or dialog (for editors whose text changes).
    public mutating func replaceTop(_ mode: Mode) {
        if modes.isEmpty { modes = [mode] } else { modes[modes.count - 1] = mode }
    }

    /// Sets or clears (nil) the answer to a question and recomputes the advice.
    ///
    /// Returns true when the answers changed, so the caller can autosave.
    @discardableResult
    public mutating func setAnswer(_ id: String, _ value: AnswerValue?) -> Bool {
        guard answers.values[id] != value else { return false }
        answers.values[id] = value
        answers.locations[id] = nil
        replaceAnswers(answers)
        return true
    }

    /// The advice with what would change each decision: re-resolving every alternative answer costs too much for
    /// each keystroke, so the live pane goes without it and the why view and the exports ask for it.
    public var explainedAdvice: Advice { Engine(rules: rules).advise(answers) }

    /// Fills in what would change each decision, for the why view (kept until the answers change).
    public mutating func explainChanges() {
        guard advice.decisions.allSatisfy({ $0.changes.isEmpty }) else { return }
        advice = explainedAdvice
    }

    /// Pins `decision` to its next option: unpinned, then each option in order, then unpinned again (the `pins`
    /// section of a saved answers file).
    public mutating func cyclePin(_ decision: String) {
        guard let options = rules.decision(decision)?.optionIDs, !options.isEmpty else { return }
        var next = answers
        if let current = next.pins[decision], let index = options.firstIndex(of: current) {
            next.pins[decision] = index + 1 < options.count ? options[index + 1] : nil
        } else {
            next.pins[decision] = options[0]
        }
        replaceAnswers(next)
        explainChanges()
        message = StatusMessage(next.pins[decision].map { "Pinned \(decision) to \($0)" } ?? "\(decision) is no longer pinned")
    }

    /// Replaces every answer (restoring a recovery file) and recomputes the advice.
    public mutating func replaceAnswers(_ newAnswers: Answers) {
        answers = newAnswers
        let before = advice
        advice = Engine(rules: rules).advise(answers, whatWouldChange: false)
        estimateSheet = EstimateSheet.make(advice, rules: rules)
        previousAdvice = before
        changedDecisions = Set(advice.decisions.compactMap { outcome in
            let old = before.outcome(outcome.decision)
            return old?.chosen != outcome.chosen || old?.status != outcome.status ? outcome.decision : nil
        })
        dirty = true
        if !changedDecisions.isEmpty {
            let titles = rules.decisions.filter { changedDecisions.contains($0.id) }.map(\.title)
            message = StatusMessage("* Changed: " + titles.joined(separator: "; "))
        }
    }

    /// Replaces every answer with the ones of the recovery file: the session goes on where it ended, so
    /// nothing is marked as changed (the decisions did not change with an answer given now).
    public mutating func restoreAnswers(_ restored: Answers) {
        answers = restored
        advice = Engine(rules: rules).advise(answers)
        estimateSheet = EstimateSheet.make(advice, rules: rules)
        previousAdvice = nil
        changedDecisions = []
        dirty = true
    }

    /// Marks the answers as saved to `path`.
    public mutating func markSaved(_ path: String) {
        answersPath = path
        dirty = false
    }

    /// The report context for exports: the saved answers file, or a note that there is none.
    public func reportContext() -> ReportContext {
        ReportContext(answersFile: dirty || answersPath == nil ? Self.unsavedName : answersPath ?? "", date: date, rules: rules)
    }

    /// What records cite as their answers file while the answers are not saved.
    public static let unsavedName = "interview (unsaved)"
}

/// The answer a choice editor started from.
public struct AnswerBeforeEditing: Equatable, Sendable {
    /// The question being edited.
    public var question: String
    /// Its explicit answer then (nil: the default applied).
    public var value: AnswerValue?
}

/// A write that waits for something else (saving the answers) to happen first.
public struct PendingWrite: Equatable, Sendable {
    /// What is written.
    public var purpose: PathPurpose
    /// Where.
    public var path: String
}
