/// The answers one service sees: its own answers to per-service questions over the top-level ones.
struct ServiceAnswers: Sendable {
    /// Service name.
    var name: String
    /// Every question's value as this service sees it.
    var values: [String: AnswerValue]
    /// How each value was arrived at (answered when the service or the top level answered it).
    var status: [String: AnswerStatus]
    /// Per-service questions this service answered itself, or whose answer its routes' access implies.
    var own: Set<String>
    /// Whether its routes ask for different access (a proxy resource cannot give them different guards).
    var mixedAccess = false
    /// Its profile in `ServiceProfiles` (nil when made alone): services of one profile see the same values, so one
    /// evaluation stands for all of them wherever the service's name cannot show (see `ConditionEvaluator`).
    var profile: Int?

    /// Access levels and the auth mechanism each implies (`users` implies none by itself: it needs cognito or oidc).
    static let impliedMechanism = ["public": "none", "partners": "api-keys", "iam": "iam", "custom": "custom"]

    /// The view of `service`: top-level values, its own answers, and the mechanisms its routes' access needs.
    init(service: Service, sheet: AnswerSheet, rules: RuleSet) {
        name = service.name
        var values = sheet.values
        var status = sheet.status
        var own = Set<String>()
        for (id, value) in service.answers where rules.question(id)?.perService == true {
            values[id] = value
            status[id] = .answered
            own.insert(id)
        }
        // A route's access is an answer too: partners' routes need API keys, IAM routes IAM, custom routes code.
        var implied: [String] = []
        var levels = Set<String>()
        for resource in service.resources {
            for method in resource.methods where method != "OPTIONS" {
                let access = service.access(of: resource, method: method)
                levels.insert(access ?? "")
                if let access, let mechanism = Self.impliedMechanism[access] { implied.append(mechanism) }
            }
        }
        mixedAccess = levels.count > 1
        if let question = rules.question("auth-mechanisms"), question.perService, !implied.isEmpty {
            let current = values["auth-mechanisms"]?.members ?? []
            let merged = question.choiceIDs.filter { current.contains($0) || implied.contains($0) }
            if merged != current || status["auth-mechanisms"] != .answered {
                values["auth-mechanisms"] = .choices(merged)
                status["auth-mechanisms"] = .answered
                own.insert("auth-mechanisms")
            }
        }
        // A question hidden by its ask-if for this service takes its default, as it would at the top level.
        let probe = ConditionEvaluator(rules: rules, values: values, status: status, decisions: [:])
        for id in own.sorted() {
            guard let question = rules.question(id), let askIf = question.askIf, !probe.evaluate(askIf).held else { continue }
            values[id] = question.defaultValue
            status[id] = .hidden
            own.remove(id)
        }
        for question in rules.questions where question.perService && !own.contains(question.id) {
            if let askIf = question.askIf, !probe.evaluate(askIf).held, sheet.status[question.id] != .hidden {
                values[question.id] = question.defaultValue
                status[question.id] = .hidden
            }
        }
        self.values = values
        self.status = status
        self.own = own
    }

    /// The view of every service of `inventory`, in inventory order: one `init(service:sheet:rules:)` per profile,
    /// copied with each service's name, because the what-would-change search makes the views again for every
    /// alternative and thousands of services usually share a handful of profiles.
    static func views(_ inventory: Inventory, profiles: ServiceProfiles, sheet: AnswerSheet, rules: RuleSet) -> [ServiceAnswers] {
        let services = inventory.services
        let shared = profiles.representatives.enumerated().map { profile, index in
            var view = ServiceAnswers(service: services[index], sheet: sheet, rules: rules)
            view.profile = profile
            return view
        }
        return services.indices.map { index in
            var view = shared[profiles.index[index]]
            view.name = services[index].name
            return view
        }
    }

    /// The values an API sees when `services` share it: each per-service question combined over them
    /// (rules/README.md: lists and choices united, the largest number, yes when any says yes, the widest single choice).
    static func combined(_ services: [ServiceAnswers], sheet: AnswerSheet, rules: RuleSet)
        -> (values: [String: AnswerValue], status: [String: AnswerStatus]) {
        guard !services.isEmpty else { return (sheet.values, sheet.status) }
        if services.count == 1 { return (services[0].values, services[0].status) }
        // Every combination below (union, first-seen list order, largest, any, widest, any own, all hidden) gives
        // the same over the first service of each profile as over all of them, and thousands of services are
        // usually a handful of profiles.
        var profilesSeen = Set<Int>()
        let services = services.filter { service in service.profile.map { profilesSeen.insert($0).inserted } ?? true }
        var values = sheet.values
        var status = sheet.status
        for question in rules.questions where question.perService {
            let seen = services.compactMap { $0.values[question.id] }
            if services.contains(where: { $0.own.contains(question.id) }) { status[question.id] = .answered }
            else if services.allSatisfy({ $0.status[question.id] == .hidden }) { status[question.id] = .hidden }
            guard let first = seen.first else { continue }
            switch first {
            case .choices:
                let all = Set(seen.flatMap { $0.members ?? [] })
                values[question.id] = .choices(question.choiceIDs.filter(all.contains))
            case .list:
                var out: [String] = []
                for value in seen { for item in value.members ?? [] where !out.contains(item) { out.append(item) } }
                values[question.id] = .list(out)
            case .number:
                values[question.id] = .number(seen.compactMap(\.numberValue).max() ?? 0)
            case .bool:
                values[question.id] = .bool(seen.contains(.bool(true)))
            case .choice:
                // Choices are listed narrowest first (regional before worldwide): the widest need wins.
                let picked = seen.compactMap(\.scalarText)
                values[question.id] = .choice(question.choiceIDs.last(where: picked.contains) ?? picked[0])
            case .text, .inventory:
                values[question.id] = first
            }
        }
        return (values, status)
    }
}


/// Groups the services of an inventory that `ServiceAnswers.init` cannot tell apart: the same own answers and
/// the same set of route access levels (all it reads of a service besides the name).
struct ServiceProfiles: Sendable {
    /// Each service's profile, in inventory order.
    var index: [Int]
    /// The first service (inventory offset) of each profile.
    var representatives: [Int]
    /// The inventory they were made for (a check for callers that reuse them; `==` on the same storage is immediate).
    let inventory: Inventory
    /// The offsets of the services of each name, in inventory order.
    let offsetsNamed: [String: [Int]]
    /// `APIGrouping.perService` of the inventory, made once: every pass of the what-would-change search needs it.
    let perServiceGroups: [APIGrouping.Group]

    private struct Key: Hashable {
        var answers: [String: AnswerValue]
        var levels: Set<String>
    }

    /// The profiles of `inventory`'s services, numbered in order of first appearance.
    init(_ inventory: Inventory) {
        self.inventory = inventory
        var named: [String: [Int]] = [:]
        for (offset, service) in inventory.services.enumerated() { named[service.name, default: []].append(offset) }
        offsetsNamed = named
        perServiceGroups = APIGrouping.perService(inventory)
        var seen: [Key: Int] = [:]
        index = []
        representatives = []
        index.reserveCapacity(inventory.services.count)
        for (offset, service) in inventory.services.enumerated() {
            // The same levels ServiceAnswers.init collects: OPTIONS never needs access.
            var levels = Set<String>()
            for resource in service.resources {
                for method in resource.methods where method != "OPTIONS" { levels.insert(service.access(of: resource, method: method) ?? "") }
            }
            let key = Key(answers: service.answers, levels: levels)
            if let known = seen[key] {
                index.append(known)
            } else {
                seen[key] = representatives.count
                index.append(representatives.count)
                representatives.append(offset)
            }
        }
    }

    /// `APIGrouping.groups` of the inventory, with the one-API-per-service answer made once.
    func groups(apiCount: String?, apiName: String) -> [APIGrouping.Group] {
        if apiCount == "shared" || inventory.services.count <= 1 {
            return APIGrouping.groups(inventory, apiCount: apiCount, apiName: apiName)
        }
        return perServiceGroups
    }
}
