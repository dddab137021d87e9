/// Evaluates conditions on an answer sheet and the decisions made so far, keeping the evidence.
struct ConditionEvaluator {
    let rules: RuleSet
    let values: [String: AnswerValue]
    let status: [String: AnswerStatus]
    /// Decision id -> chosen option (absent when undecided or in conflict).
    var decisions: [String: String]
    /// Pinned choices from the answers, decision id -> option id (Engine.resolve applies them).
    var pins: [String: String] = [:]
    /// Defaulted decisions that yield to later answered evidence, decision id -> the option taken (Engine.decide).
    var yields: [String: YieldChoice] = [:]
    /// The inventory counts `count` reads, computed once: each test used to walk the whole inventory.
    private let inventoryCounts: [String: Int]
    /// The services in view (every service for system decisions, the API's for per-API ones), each with the
    /// answers it sees and the per-service questions it answered itself: `some-service` reads them, and answer
    /// tests name the services whose own answers made them hold.
    var services: [ServiceAnswers] = [] { didSet { summary = Summary(services) } }
    /// What every answer test and `services.mixed-access` count asks of `services`, kept with them: scanning
    /// thousands of services for each test made each evaluation linear in the inventory.
    private var summary = Summary([])
    /// The properties of the API's recommended layout (`LayoutFacts`), once it is built: findings read them with
    /// `{layout: NAME}`; nil while decisions are resolved (no decision rule may read the layout).
    var layout: Set<String>? = nil

    init(rules: RuleSet, values: [String: AnswerValue], status: [String: AnswerStatus], decisions: [String: String],
         services: [ServiceAnswers] = []) {
        self.rules = rules
        self.values = values
        self.status = status
        self.decisions = decisions
        self.services = services
        summary = Summary(services)
        let inventory: Inventory
        if case .inventory(let value)? = values["services"] { inventory = value } else { inventory = Inventory() }
        inventoryCounts = ["services": inventory.services.count, "services.resources": inventory.resourceCount,
                           "services.routes": inventory.routeCount, "services.teams": inventory.teamCount,
                           "services.shared-deploys": inventory.sharedDeployCount,
                           "services.path-params": inventory.pathParameterCount]
    }

    /// The per-service questions some service in view answered itself, and how many services mix access levels.
    private struct Summary {
        var answeredByAService: Set<String> = []
        var mixedAccess = 0

        init(_ services: [ServiceAnswers]) {
            for service in services {
                answeredByAService.formUnion(service.own)
                if service.mixedAccess { mixedAccess += 1 }
            }
        }
    }

    struct Result {
        var held: Bool
        /// The leaf tests that explain the result.
        var evidence: [Evidence]
    }

    func evaluate(_ condition: Condition) -> Result {
        switch condition {
        case .all(let list):
            var evidence: [Evidence] = []
            for item in list {
                let result = evaluate(item)
                if !result.held { return Result(held: false, evidence: result.evidence) }
                evidence += result.evidence
            }
            return Result(held: true, evidence: evidence)
        case .any(let list):
            var evidence: [Evidence] = []
            for item in list {
                let result = evaluate(item)
                if result.held { return Result(held: true, evidence: result.evidence) }
                evidence += result.evidence
            }
            return Result(held: false, evidence: evidence)
        case .not(let inner):
            let result = evaluate(inner)
            return Result(held: !result.held, evidence: result.evidence)
        case .ref(let name):
            guard let inner = rules.conditions[name] else { return Result(held: false, evidence: []) }
            return evaluate(inner)
        case .decision(let id, let options):
            let chosen = decisions[id]
            let held = chosen.map(options.contains) ?? false
            let test = options.count == 1 ? "is \(options[0])" : "in [\(options.joined(separator: ", "))]"
            // A pinned decision is the team's own statement, so its evidence says so.
            let value = chosen.map { pins[id] == $0 ? "\($0) (pinned)" : $0 } ?? "undecided"
            return Result(held: held, evidence: [Evidence(kind: "decision", subject: id, test: test,
                                                          value: value, held: held, fromDefault: false)])
        case .count(let subject, let op, let number):
            let (count, fromDefault) = countValue(subject)
            let held = count.map { op.holds(Double($0), number) } ?? false
            return Result(held: held, evidence: [Evidence(kind: "count", subject: subject, test: "\(op.symbol) \(formatNumber(number))",
                                                          value: count.map(String.init) ?? "unanswered", held: held, fromDefault: fromDefault)])
        case .answer(let id, let test):
            let value = values[id]
            let held = value.map { Self.holds(test, on: $0) } ?? false
            let fromDefault = status[id].map { $0 != .answered } ?? false
            var evidence = Evidence(kind: "answer", subject: id, test: test.display,
                                    value: value?.display ?? "unanswered", held: held, fromDefault: fromDefault)
            // Only when some service answered for itself: uniform answers keep the evidence as it always was.
            if summary.answeredByAService.contains(id) {
                evidence.services = services.filter { service in service.values[id].map { Self.holds(test, on: $0) } ?? false }.map(\.name)
            }
            return Result(held: held, evidence: [evidence])
        case .layout(let name):
            let held = layout?.contains(name) ?? false
            return Result(held: held, evidence: [Evidence(kind: "layout", subject: name, test: "holds",
                                                          value: layout == nil ? "no layout" : held ? "yes" : "no", held: held, fromDefault: false)])
        case .someService(let inner):
            var evidence: [Evidence] = []
            // Services of one profile that answered nothing themselves see the same values and their names never
            // reach the evidence, so the first one's result stands for the rest.
            var byProfile: [Int: Result] = [:]
            for service in services {
                let result: Result
                let profile = service.own.isEmpty ? service.profile : nil
                if let profile, let known = byProfile[profile] {
                    result = known
                } else {
                    var own = ConditionEvaluator(rules: rules, values: service.values, status: service.status, decisions: decisions,
                                                 services: [service])
                    own.layout = layout
                    result = own.evaluate(inner)
                    if let profile { byProfile[profile] = result }
                }
                if result.held { return Result(held: true, evidence: result.evidence) }
                evidence += result.evidence
            }
            return Result(held: false, evidence: evidence)
        }
    }

    private func countValue(_ subject: String) -> (Int?, Bool) {
        let fromDefault = status[subject.hasPrefix("services") ? "services" : subject].map { $0 != .answered } ?? false
        // Counted over the services in view: the API's own for a per-API decision.
        if subject == "services.mixed-access" { return (summary.mixedAccess, fromDefault) }
        if subject.hasPrefix("services") { return (inventoryCounts[subject], fromDefault) }
        return (values[subject]?.members?.count, fromDefault)
    }

    static func holds(_ test: AnswerTest, on value: AnswerValue) -> Bool {
        switch test {
        case .equals(let expected):
            if case .number(let n) = value, let e = Double(expected) { return n == e }
            if case .bool(let b) = value { return b == MappingReader.boolValue(expected) }
            return value.scalarText == expected
        case .oneOf(let options):
            if case .number(let n) = value { return options.compactMap(Double.init).contains(n) }
            return value.scalarText.map(options.contains) ?? false
        case .contains(let item):
            return value.members?.contains(item) ?? false
        case .containsAny(let items):
            return value.members.map { members in items.contains(where: members.contains) } ?? false
        case .containsAll(let items):
            return value.members.map { members in items.allSatisfy(members.contains) } ?? false
        case .compare(let op, let number):
            return value.numberValue.map { op.holds($0, number) } ?? false
        }
    }
}
