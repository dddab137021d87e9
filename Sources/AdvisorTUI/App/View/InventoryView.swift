import AdvisorCore

/// The inventory editor: services, then one service's fields and resources, then one resource's methods.
enum InventoryView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let inventory = state.inventory
        let rows: [String]
        let title: String
        // Rows of per-service questions not asked for the service (drawn dimmed).
        var notAsked: Set<Int> = []
        switch state.inventoryLevel {
        case .services:
            title = "Services (\(inventory.services.count))"
            rows = inventory.services.map { service in
                let team = service.team.map { " team \($0)" } ?? ""
                let shared = service.deploysIndependently ? "" : ", shared deploy"
                return "\(service.name)\(team), \(service.resources.count) resource(s)\(shared)"
            } + ["+ add a service"]
        case .service(let index):
            guard inventory.services.indices.contains(index) else { return }
            let service = inventory.services[index]
            title = "Service \(service.name)" + (service.access.map { ", access \($0)" } ?? "")
            let fields = ["Name: \(service.name)", "Team: \(service.team ?? "(none)")",
                          "Deploys independently: \(service.deploysIndependently ? "yes" : "no")"]
                + service.resources.map { "\($0.path)  \($0.methods.joined(separator: ", "))" + accessNote($0) } + ["+ add a resource"]
            let hidden = ServiceView(service: service, answers: state.answers, rules: state.rules).notAsked
            let questions = Interview.perServiceQuestions(state.rules)
            for (offset, question) in questions.enumerated() where hidden.contains(question.id) { notAsked.insert(fields.count + offset) }
            rows = fields + questions.map { question in
                // The service's own answer, or the top-level answer (or default) it inherits; a question its
                // answers do not ask says so (an own answer to it is ignored).
                let ignored = hidden.contains(question.id) ? "  (not asked)" : ""
                if let own = service.answers[question.id] { return "\(question.id): \(own.display)" + ignored }
                if !ignored.isEmpty { return "\(question.id): not asked" }
                let inherited = state.value(of: question).map(\.display) ?? "not answered"
                return "\(question.id): (inherits \(inherited))"
            }
        case .resource(let serviceIndex, let resourceIndex):
            guard inventory.services.indices.contains(serviceIndex),
                  inventory.services[serviceIndex].resources.indices.contains(resourceIndex) else { return }
            let resource = inventory.services[serviceIndex].resources[resourceIndex]
            title = "Resource \(resource.path) of \(inventory.services[serviceIndex].name)"
            let service = inventory.services[serviceIndex]
            rows = ["Path: \(resource.path)" + (resource.access["*"].map { "  access \($0) (every method)" } ?? "")]
                + httpMethods.map { method in
                    let own = resource.access[method].map { "  access \($0)" }
                    let inherited = resource.methods.contains(method)
                        ? service.access(of: resource, method: method).map { "  (access \($0), inherited)" } : nil
                    return Glyph.check(resource.methods.contains(method)) + " " + method + (own ?? inherited ?? "")
                }
        }
        let inner = canvas.drawBox(rect, title: title, style: Theme.focusedBorder, titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 2, inner.width > 4 else { return }
        let listRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2)
        let cursor = min(max(0, state.listCursor), rows.count - 1)
        let start = QuestionPane.scrollStart(selected: cursor, count: rows.count, height: listRect.height)
        var resourceHeading = false
        for (offset, index) in (start..<min(rows.count, start + listRect.height)).enumerated() {
            let y = listRect.y + offset
            if case .service(let serviceIndex) = state.inventoryLevel, index >= Interview.serviceFieldRows,
               index < Interview.addResourceRow(inventory.services[serviceIndex]) { resourceHeading = true }
            let prefix = resourceHeading ? "  " : ""
            canvas.put((index == cursor ? "> " : "  ") + prefix + rows[index], x: listRect.x, y: y,
                       style: notAsked.contains(index) ? Theme.hidden : Theme.plain, maxWidth: listRect.width)
            if index == cursor {
                canvas.restyle(Rect(x: listRect.x, y: y, width: listRect.width, height: 1), style: Theme.selection)
            }
            resourceHeading = false
        }
        let summary = "\(inventory.services.count) service(s), \(inventory.resourceCount) resource(s), \(inventory.routeCount) route(s)"
        canvas.put(summary, x: inner.x, y: inner.maxY - 1, style: Theme.muted, maxWidth: inner.width)
    }

    /// A resource's own access, shown after its methods: `  access users` or `  access GET public, * users`.
    static func accessNote(_ resource: Resource) -> String {
        guard !resource.access.isEmpty else { return "" }
        if resource.access.count == 1, let all = resource.access["*"] { return "  access \(all)" }
        let keys = resource.methods.filter { resource.access[$0] != nil } + (resource.access["*"] == nil ? [] : ["*"])
        return "  access " + keys.compactMap { key in resource.access[key].map { "\(key) \($0)" } }.joined(separator: ", ")
    }

    /// The inventory in the question pane: counts and one line per service.
    /// Returns the rows used.
    @discardableResult
    static func drawSummary(_ canvas: inout Canvas, _ rect: Rect, _ inventory: Inventory, ascii: Bool) -> Int {
        guard rect.height > 0 else { return 0 }
        let summary = "\(inventory.services.count) service(s), \(inventory.resourceCount) resource(s), \(inventory.routeCount) route(s)"
        canvas.put(summary, x: rect.x, y: rect.y, maxWidth: rect.width)
        var y = rect.y + 1
        for service in inventory.services where y < rect.maxY - 1 {
            let paths = service.resources.map(\.path).joined(separator: " ")
            canvas.put("\(Glyph.bullet(ascii)) \(service.name): \(paths)", x: rect.x, y: y, style: Theme.muted, maxWidth: rect.width)
            y += 1
        }
        if y < rect.maxY {
            canvas.put("Enter to edit the services and resources", x: rect.x, y: y, style: Theme.muted, maxWidth: rect.width)
            y += 1
        }
        return y - rect.y
    }
}
