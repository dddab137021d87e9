import AdvisorCore

/// The choice editor of one service's own answer to a per-service question (choices, yes/no, list items),
/// opened from the service's screen in the inventory editor.
public struct ServiceAnswerEditor: Equatable, Sendable {
    /// Index of the service in the inventory.
    public var service: Int
    /// The per-service question.
    public var question: String
    /// The highlighted choice or list item.
    public var cursor: Int
    /// The service's own answer when the editor opened (nil: it inherited), restored when Esc cancels.
    public var before: AnswerValue?

    /// Creates an editor.
    public init(service: Int, question: String, cursor: Int, before: AnswerValue?) {
        self.service = service
        self.question = question
        self.cursor = cursor
        self.before = before
    }
}

extension AppState {
    /// The service editor open on the screen (under any line editor or view on top of it), if any.
    public var serviceAnswerEditor: ServiceAnswerEditor? {
        for mode in modes.reversed() {
            switch mode {
            case .serviceAnswer(let editor): return editor
            case .inventory: return nil
            default: continue
            }
        }
        return nil
    }

    /// The service's own answer to `question`, else the top-level answer or default it inherits.
    public func serviceValue(_ question: Question, service index: Int) -> AnswerValue? {
        let services = inventory.services
        guard services.indices.contains(index) else { return value(of: question) }
        return services[index].answers[question.id] ?? value(of: question)
    }
}
