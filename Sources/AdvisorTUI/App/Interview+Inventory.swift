import AdvisorCore

extension Interview {
    /// Rows of the service screen before its resources: name, team, deploys independently.
    static let serviceFieldRows = 3

    /// Number of selectable rows on the inventory screen at its current level.
    static func inventoryRowCount(_ state: AppState) -> Int {
        let inventory = state.inventory
        switch state.inventoryLevel {
        case .services:
            return inventory.services.count + 1
        case .service(let index):
            guard inventory.services.indices.contains(index) else { return 1 }
            return addResourceRow(inventory.services[index]) + 1 + perServiceQuestions(state.rules).count
        case .resource:
            return 1 + httpMethods.count
        }
    }

    /// The row of "+ add a resource" on a service's screen; the service's own answers follow it.
    static func addResourceRow(_ service: Service) -> Int { serviceFieldRows + service.resources.count }

    /// The questions a service may answer for itself, in catalog order.
    static func perServiceQuestions(_ rules: RuleSet) -> [Question] { rules.questions.filter(\.perService) }

    /// The per-service question on a row of a service's screen, if the row is one.
    static func serviceQuestion(_ state: AppState, service: Service, row: Int) -> Question? {
        let questions = perServiceQuestions(state.rules)
        let offset = row - addResourceRow(service) - 1
        return questions.indices.contains(offset) ? questions[offset] : nil
    }

    static func inventory(_ state: inout AppState, _ action: Action, effects: inout [AppEffect]) {
        if global(&state, action, effects: &effects) { return }
        let count = inventoryRowCount(state)
        let row = min(max(0, state.listCursor), count - 1)
        switch action {
        case .up: state.listCursor = max(0, row - 1)
        case .down: state.listCursor = min(count - 1, row + 1)
        case .home: state.listCursor = 0
        case .end, .pageDown: state.listCursor = count - 1
        case .pageUp: state.listCursor = 0
        case .back, .left: inventoryBack(&state)
        case .activate, .right: inventoryActivate(&state, row: row, count: count)
        case .toggle: inventoryToggle(&state, row: row, count: count)
        case .add: inventoryAdd(&state)
        case .rename: inventoryRename(&state, row: row, count: count)
        case .remove: inventoryRemove(&state, row: row, count: count)
        case .cycleAccess: inventoryAccess(&state, row: row, count: count, clear: false)
        case .resetAnswer: inventoryAccess(&state, row: row, count: count, clear: true)
        default: break
        }
    }

    static func inventoryBack(_ state: inout AppState) {
        switch state.inventoryLevel {
        case .services:
            state.pop()
        case .service(let index):
            state.inventoryLevel = .services
            state.listCursor = index
        case .resource(let service, let resource):
            state.inventoryLevel = .service(service)
            state.listCursor = serviceFieldRows + resource
        }
    }

    static func inventoryActivate(_ state: inout AppState, row: Int, count: Int) {
        let inventory = state.inventory
        switch state.inventoryLevel {
        case .services:
            if row == count - 1 {
                state.push(.edit(.serviceName(nil), LineEditor()))
            } else {
                state.inventoryLevel = .service(row)
                state.listCursor = 0
            }
        case .service(let index):
            guard inventory.services.indices.contains(index) else { return }
            let service = inventory.services[index]
            switch row {
            case 0: state.push(.edit(.serviceName(index), LineEditor(service.name)))
            case 1: state.push(.edit(.team(index), LineEditor(service.team ?? "")))
            case 2: inventoryToggle(&state, row: row, count: count)
            case addResourceRow(service): state.push(.edit(.resourcePath(service: index, resource: nil), LineEditor("")))
            case let row where row > addResourceRow(service):
                if let question = serviceQuestion(state, service: service, row: row) {
                    openServiceAnswer(&state, service: index, question: question)
                }
            default:
                state.inventoryLevel = .resource(service: index, resource: row - serviceFieldRows)
                state.listCursor = 1
            }
        case .resource(let service, let resource):
            if row == 0 {
                guard inventory.services.indices.contains(service),
                      inventory.services[service].resources.indices.contains(resource) else { return }
                let path = inventory.services[service].resources[resource].path
                state.push(.edit(.resourcePath(service: service, resource: resource), LineEditor(path)))
            } else {
                inventoryToggle(&state, row: row, count: count)
            }
        }
    }

    static func inventoryToggle(_ state: inout AppState, row: Int, count: Int) {
        var inventory = state.inventory
        switch state.inventoryLevel {
        case .service(let index) where row == 2 && inventory.services.indices.contains(index):
            inventory.services[index].deploysIndependently.toggle()
            storeInventory(&state, inventory)
        case .resource(let service, let resource) where row >= 1:
            guard inventory.services.indices.contains(service),
                  inventory.services[service].resources.indices.contains(resource) else { return }
            let method = httpMethods[row - 1]
            var methods = inventory.services[service].resources[resource].methods
            if let index = methods.firstIndex(of: method) {
                guard methods.count > 1 else {
                    state.message = StatusMessage("A resource needs at least one method", kind: .error)
                    return
                }
                methods.remove(at: index)
                // A method that is gone keeps no access of its own.
                inventory.services[service].resources[resource].access[method] = nil
            } else {
                methods.append(method)
            }
            inventory.services[service].resources[resource].methods = httpMethods.filter(methods.contains)
            storeInventory(&state, inventory)
        default:
            inventoryActivate(&state, row: row, count: count)
        }
    }

    /// The level after `current` in the cycle not set -> public -> users -> partners -> iam -> custom -> not set.
    static func nextAccess(_ current: String?) -> String? {
        guard let current, let index = routeAccessLevels.firstIndex(of: current) else { return routeAccessLevels.first }
        return index + 1 < routeAccessLevels.count ? routeAccessLevels[index + 1] : nil
    }

    /// Steps or clears the access of what the cursor is on: the service (its field rows), a resource
    /// (its row, or the path row inside it, meaning every method), or one method of a resource.
    static func inventoryAccess(_ state: inout AppState, row: Int, count: Int, clear: Bool) {
        var inventory = state.inventory
        let what: String
        let level: String?
        switch state.inventoryLevel {
        case .services:
            state.message = StatusMessage("Open a service to set its access", kind: .error)
            return
        case .service(let index):
            guard inventory.services.indices.contains(index) else { return }
            let service = inventory.services[index]
            if clear, let question = serviceQuestion(state, service: service, row: row) {
                // x on one of the service's own answers: the service inherits the top-level answer again.
                guard service.answers[question.id] != nil else {
                    state.message = StatusMessage("\(service.name) already takes the top-level answer to \(question.id)")
                    return
                }
                inventory.services[index].answers[question.id] = nil
                storeInventory(&state, inventory)
                state.message = StatusMessage("Cleared \(question.id) of \(service.name); it takes the top-level answer")
                return
            }
            let resource = row - serviceFieldRows
            if resource >= 0, inventory.services[index].resources.indices.contains(resource) {
                let current = inventory.services[index].resources[resource].access["*"]
                level = clear ? nil : nextAccess(current)
                inventory.services[index].resources[resource].access["*"] = level
                what = inventory.services[index].resources[resource].path
            } else {
                level = clear ? nil : nextAccess(inventory.services[index].access)
                inventory.services[index].access = level
                what = "service " + inventory.services[index].name
            }
        case .resource(let service, let resource):
            guard inventory.services.indices.contains(service),
                  inventory.services[service].resources.indices.contains(resource) else { return }
            let key = row == 0 ? "*" : httpMethods[row - 1]
            let path = inventory.services[service].resources[resource].path
            if key != "*" && !inventory.services[service].resources[resource].methods.contains(key) {
                state.message = StatusMessage("\(path) has no \(key); toggle it on with Space first", kind: .error)
                return
            }
            level = clear ? nil : nextAccess(inventory.services[service].resources[resource].access[key])
            inventory.services[service].resources[resource].access[key] = level
            what = key == "*" ? path : "\(key) \(path)"
        }
        if let id = state.inventoryQuestionID, let question = state.rules.question(id),
           let problem = AnswerValidation.problem(.inventory(inventory), for: question, rules: state.rules) {
            state.message = StatusMessage(problem, kind: .error)
            return
        }
        storeInventory(&state, inventory)
        state.message = StatusMessage("Access of \(what): \(level ?? "not set (inherited)")")
    }

    static func inventoryAdd(_ state: inout AppState) {
        switch state.inventoryLevel {
        case .services:
            state.push(.edit(.serviceName(nil), LineEditor()))
        case .service(let index), .resource(let index, _):
            state.push(.edit(.resourcePath(service: index, resource: nil), LineEditor("")))
        }
    }

    static func inventoryRename(_ state: inout AppState, row: Int, count: Int) {
        switch state.inventoryLevel {
        case .services where row < count - 1:
            state.push(.edit(.serviceName(row), LineEditor(state.inventory.services[row].name)))
        case .service(let index) where inventory(state, index).map({ row < addResourceRow($0) }) ?? false:
            inventoryActivate(&state, row: row == 2 ? 0 : row, count: count)
        case .resource:
            inventoryActivate(&state, row: row == 2 ? 0 : row, count: count)
        default:
            break
        }
    }

    static func inventoryRemove(_ state: inout AppState, row: Int, count: Int) {
        switch state.inventoryLevel {
        case .services where row < count - 1:
            state.push(.confirm(.deleteService(row)))
        case .service(let index) where row >= serviceFieldRows && row < (inventory(state, index).map(addResourceRow) ?? 0):
            state.push(.confirm(.deleteResource(service: index, resource: row - serviceFieldRows)))
        case .resource(let service, let resource):
            state.push(.confirm(.deleteResource(service: service, resource: resource)))
        default:
            state.message = StatusMessage("Nothing to delete here", kind: .error)
        }
    }

    /// A service of the inventory by index.
    static func inventory(_ state: AppState, _ index: Int) -> Service? {
        state.inventory.services.indices.contains(index) ? state.inventory.services[index] : nil
    }

    /// Stores an edited inventory as the answer to the inventory question.
    static func storeInventory(_ state: inout AppState, _ inventory: Inventory) {
        guard let id = state.inventoryQuestionID else { return }
        state.setAnswer(id, .inventory(inventory))
        if case .resource(let service, let resource) = state.inventoryLevel,
           !(inventory.services.indices.contains(service) && inventory.services[service].resources.indices.contains(resource)) {
            state.inventoryLevel = .service(service)
            state.listCursor = serviceFieldRows
        }
    }

    /// Validates and stores an edited service name, team or resource path; returns why it was refused.
    static func commitInventory(_ state: inout AppState, _ target: EditTarget, _ text: String) -> String? {
        var inventory = state.inventory
        let names = inventory.services.map(\.name)
        var nextLevel = state.inventoryLevel
        var nextRow = state.listCursor
        switch target {
        case .serviceName(nil):
            if let problem = AnswerValidation.serviceNameProblem(text, existing: names) { return problem }
            inventory.services.append(Service(name: text))
            nextLevel = .service(inventory.services.count - 1)
            nextRow = 1
        case .serviceName(let index?):
            guard inventory.services.indices.contains(index) else { return "no such service" }
            let others = names.enumerated().filter { $0.offset != index }.map(\.element)
            if let problem = AnswerValidation.serviceNameProblem(text, existing: others) { return problem }
            inventory.services[index].name = text
        case .team(let index):
            guard inventory.services.indices.contains(index) else { return "no such service" }
            inventory.services[index].team = text.isEmpty ? nil : text
        case .resourcePath(let service, let resource):
            guard inventory.services.indices.contains(service) else { return "no such service" }
            // Paths always start with /; typing `orders` means `/orders`.
            let text = text.hasPrefix("/") ? text : "/" + text
            let paths = inventory.services[service].resources.map(\.path)
            let others = paths.enumerated().filter { $0.offset != resource }.map(\.element)
            if let problem = AnswerValidation.resourcePathProblem(text, existing: others) { return problem }
            if let resource, inventory.services[service].resources.indices.contains(resource) {
                inventory.services[service].resources[resource].path = text
            } else {
                inventory.services[service].resources.append(Resource(path: text, methods: ["GET"]))
                nextLevel = .resource(service: service, resource: inventory.services[service].resources.count - 1)
                nextRow = 1
            }
        case .answer, .listItem, .serviceAnswer, .serviceListItem:
            return nil
        }
        if let id = state.inventoryQuestionID, let question = state.rules.question(id),
           let problem = AnswerValidation.problem(.inventory(inventory), for: question, rules: state.rules) {
            return problem
        }
        state.pop()
        state.inventoryLevel = nextLevel
        state.listCursor = nextRow
        storeInventory(&state, inventory)
        return nil
    }
}
