import AdvisorCore

/// The choice editor of a service's own answer, in place of the service's screen: the question, whether the
/// service answers it itself or inherits, and the same choice rows the top-level question's editor draws.
enum ServiceAnswerView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, editor: ServiceAnswerEditor, ascii: Bool,
                     showChoiceHelp: Bool) {
        let services = state.inventory.services
        guard let question = state.rules.question(editor.question), services.indices.contains(editor.service) else { return }
        let service = services[editor.service]
        let inner = canvas.drawBox(rect, title: "Service \(service.name): \(question.id)", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.width > 4, inner.height > 3 else { return }
        var y = inner.y
        for line in TextWrap.wrap(question.prompt, width: inner.width).prefix(2) {
            canvas.put(line, x: inner.x, y: y, style: Style(bold: true), maxWidth: inner.width)
            y += 1
        }
        let own = service.answers[question.id] != nil
        let origin = state.answers.values[question.id] == nil ? "the default" : "the top-level answer"
        let status = own ? "The answer of \(service.name) (x: take \(origin) again)"
            : "Inherits \(origin); a choice becomes the answer of \(service.name)"
        y += canvas.putWrapped(status, in: Rect(x: inner.x, y: y, width: inner.width, height: min(2, max(0, inner.maxY - y))),
                               style: own ? Theme.plain : Theme.muted)
        let value = state.serviceValue(question, service: editor.service)
        let options = state.options(of: question, value: value)
        let cursor = min(max(0, editor.cursor), max(0, options.count - 1))
        let helpText = showChoiceHelp && question.choices.indices.contains(cursor) ? question.choices[cursor].help : ""
        QuestionPane.drawChoices(&canvas, Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)),
                                 question: question, options: options, cursor: cursor, value: value, active: state.mode == .serviceAnswer(editor),
                                 helpText: helpText, ascii: ascii)
    }
}
