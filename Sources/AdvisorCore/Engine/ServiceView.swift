/// What one service sees of the per-service questions, for front ends that show and edit a service's answers:
/// each value (its own answer over the top-level one) and whether the question is asked for it.
public struct ServiceView: Sendable {
    /// Every question's value as the service sees it.
    public let values: [String: AnswerValue]
    /// How each value was arrived at for the service.
    public let status: [String: AnswerStatus]
    /// Per-service questions whose ask-if does not hold for this service: an own answer to one is ignored.
    public let notAsked: Set<String>

    /// The view of `service` within `answers` (the same combination the engine uses for the service's API).
    public init(service: Service, answers: Answers, rules: RuleSet) {
        let view = ServiceAnswers(service: service, sheet: AnswerSheet(answers: answers, rules: rules), rules: rules)
        values = view.values
        status = view.status
        // Asked or not is decided on the service's own values: a question hidden at the top level can be asked
        // for a service whose own answers meet its ask-if (and the other way round).
        let probe = ConditionEvaluator(rules: rules, values: view.values, status: view.status, decisions: [:])
        var hidden = Set<String>()
        for question in rules.questions where question.perService {
            if let askIf = question.askIf, !probe.evaluate(askIf).held { hidden.insert(question.id) }
        }
        notAsked = hidden
    }
}
