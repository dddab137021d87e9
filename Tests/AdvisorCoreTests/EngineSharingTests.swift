import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The engine resolves the per-API decisions once per kind of API (`Engine.APIKind`), makes the service views once
/// per profile (`ServiceProfiles`) and indexes the APIs of an advice: these compare it with the straightforward
/// resolution of every API on its own, on the examples, on mixed inventories and on every other choice of their
/// single-choice and yes/no answers (the sheets the what-would-change search resolves).
@Suite struct EngineSharingTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    /// One pass as the engine made it before kinds and profiles: every service's view made on its own, every API
    /// resolved on its own.
    func straightforward(_ sheet: AnswerSheet) -> (outcomes: [DecisionOutcome], apis: [APIAdvice], conflicts: [String]) {
        let engine = Engine(rules: rules)
        let inventory = Engine.inventory(sheet)
        let views = inventory.services.map { ServiceAnswers(service: $0, sheet: sheet, rules: rules) }
        let whole = ServiceAnswers.combined(views, sheet: sheet, rules: rules)
        var system = ConditionEvaluator(rules: rules, values: whole.values, status: whole.status, decisions: [:], services: views)
        system.pins = sheet.pins
        var systemOutcomes: [String: DecisionOutcome] = [:]
        var conflicts: [String] = []
        for id in rules.decisionOrder {
            guard let decision = rules.decision(id), decision.scope == .system else { continue }
            let outcome = engine.resolve(decision, evaluator: system)
            if let chosen = outcome.chosen { system.decisions[id] = chosen }
            if outcome.status == .conflict { conflicts.append("\(id) on the system") }
            systemOutcomes[id] = outcome
        }
        var apis: [APIAdvice] = []
        for group in APIGrouping.groups(inventory, apiCount: system.decisions["api-count"], apiName: Engine.apiName(sheet)) {
            let members = views.filter { group.services.contains($0.name) }
            let seen = ServiceAnswers.combined(members, sheet: sheet, rules: rules)
            var evaluator = ConditionEvaluator(rules: rules, values: seen.values, status: seen.status, decisions: system.decisions,
                                               services: members)
            evaluator.pins = sheet.pins
            var decisions: [DecisionOutcome] = []
            for id in rules.decisionOrder {
                guard let decision = rules.decision(id), decision.scope == .api else { continue }
                var outcome = engine.resolve(decision, evaluator: evaluator)
                outcome.api = group.name
                if let chosen = outcome.chosen { evaluator.decisions[id] = chosen }
                if outcome.status == .conflict { conflicts.append("\(id) on \(group.name)") }
                decisions.append(outcome)
            }
            apis.append(APIAdvice(api: group.name, services: group.services, decisions: decisions,
                                  conflicts: Engine.conflicts(decisions, group: group)))
        }
        let outcomes = rules.decisionOrder.compactMap { id in systemOutcomes[id] ?? Self.overall(id, apis: apis) }
        return (outcomes, apis, conflicts)
    }

    /// The outcome of a per-API decision for the whole system from every API on its own: the APIs' outcome when they
    /// agree, else `varies` (what `Engine.overall(_:groups:kinds:kindOf:)` computes from the kinds of API).
    static func overall(_ id: String, apis: [APIAdvice]) -> DecisionOutcome? {
        let each = apis.compactMap { api in api.decisions.first { $0.decision == id } }
        guard var first = each.first else { return nil }
        first.api = nil
        let chosen = Set(each.map { $0.status == .conflict ? "" : $0.chosen ?? "" })
        if chosen.count == 1 {
            // One API, or every API chose the same: the first one's explanation stands for all (reports show each
            // API's reasons when they differ; see Advice.differs).
            if first.status == .conflict && each.count > 1 {
                first.note = "Every API is in conflict; see each API."
            }
            return first
        }
        let parts = zip(apis, each).map { api, outcome in "\(api.api): \(outcome.status == .conflict ? "conflict" : outcome.chosen ?? "undecided")" }
        return DecisionOutcome(decision: id, chosen: nil, status: .varies, scores: [], fired: [],
                               note: "Differs per API: " + parts.joined(separator: "; ") + ".")
    }

    /// The examples and inventories that mix profiles: services alike, services answering for themselves,
    /// routes with other access, on per-service APIs and on one shared API.
    func answerSets() throws -> [(String, Answers)] {
        var out: [(String, Answers)] = []
        for name in try GeneratorFixtures.exampleFiles() {
            let path = GeneratorFixtures.repoRoot.appendingPathComponent("examples/" + name).path
            out.append((name, try Answers.load(path: path, rules: rules)))
        }
        let services = """
        services:
          - {name: a, team: x, resources: [{path: /a, methods: [GET, POST]}, {path: "/a/{id}", methods: [GET]}]}
          - {name: b, team: y, resources: [{path: /b, methods: [GET]}]}
          - {name: c, team: y, consumers: [partners], gateway-features: [usage-plans], resources: [{path: /c, methods: [GET]}]}
          - {name: d, team: z, resources: [{path: /d, methods: [GET, PUT], access: {PUT: iam}}]}
          - {name: e, team: z, resources: [{path: /e, methods: [GET]}]}
          - {name: f, team: x, consumers: [partners], gateway-features: [usage-plans], resources: [{path: /f, methods: [GET]}]}
          - {name: g, team: x, access: public, resources: [{path: /g, methods: [GET]}]}
        consumers: [browser]
        browser-origins: ["https://app.example.com"]
        auth-mechanisms: [cognito]

        """
        out.append(("mixed, per-service APIs", try Answers.parse(services, file: "mixed.yaml", rules: rules)))
        out.append(("mixed, one shared API", try Answers.parse(services + "pins: {api-count: shared}\n", file: "shared.yaml", rules: rules)))
        return out
    }

    /// The answers with every other choice of each single-choice and yes/no question, one at a time.
    func variations(_ answers: Answers) -> [Answers] {
        var out = [answers]
        for question in rules.questions {
            let values: [AnswerValue]
            switch question.kind {
            case .single: values = question.choiceIDs.filter { answers.values[question.id] != .choice($0) }.map { .choice($0) }
            case .yesno: values = [.bool(answers.values[question.id] != .bool(true))]
            default: values = []
            }
            for value in values {
                var changed = answers
                changed.values[question.id] = value
                out.append(changed)
            }
        }
        return out
    }

    @Test func oneResolutionPerKindOfAPIGivesWhatEachAPIResolvedOnItsOwnGives() throws {
        let engine = Engine(rules: rules)
        var compared = 0
        for (name, base) in try answerSets() {
            for answers in variations(base) {
                let sheet = AnswerSheet(answers: answers, rules: rules)
                let inventory = Engine.inventory(sheet)
                let pass = engine.forwardPass(sheet, yields: [:], inventory: inventory, profiles: ServiceProfiles(inventory))
                let expected = straightforward(sheet)
                #expect(pass.outcomes == expected.outcomes, "\(name): overall outcomes")
                #expect(pass.apis == expected.apis, "\(name): per-API outcomes")
                #expect(pass.conflicts.map { "\($0.decision) on \($0.api ?? "the system")" } == expected.conflicts, "\(name): conflicts")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test func theAPIIndexAnswersWhatASearchAnswers() throws {
        let engine = Engine(rules: rules)
        for (name, answers) in try answerSets() {
            let advice = engine.advise(answers)
            let encoded = try JSONEncoder().encode(advice)
            #expect(!String(decoding: encoded, as: UTF8.self).contains("apiIndex"), "\(name): the index is not encoded")
            #expect(APIIndex([]) == APIIndex(advice.apis), "the index is not part of equality")
            // A decoded advice has no index: its look-ups fall back to the search.
            let decoded = try JSONDecoder().decode(Advice.self, from: encoded)
            for id in rules.decisions.map(\.id) {
                for api in advice.apis.map(\.api) + ["no-such-api"] {
                    let searched = advice.apis.first { $0.api == api }?.outcome(id) ?? advice.outcome(id)
                    #expect(advice.outcome(id, api: api) == searched, "\(name): \(id) on \(api)")
                    let searchedDecoded = decoded.apis.first { $0.api == api }?.outcome(id) ?? decoded.outcome(id)
                    #expect(decoded.outcome(id, api: api) == searchedDecoded, "\(name): \(id) on \(api), decoded")
                }
                let distinct = Set(advice.apis.compactMap { api -> DecisionOutcome? in
                    guard var outcome = api.outcome(id) else { return nil }
                    outcome.api = nil
                    return outcome
                })
                #expect(advice.differs(id) == (distinct.count > 1), "\(name): differs(\(id))")
            }
        }
    }

    @Test func servicesOfOneProfileShareTheirViewExceptTheName() throws {
        for (name, answers) in try answerSets() {
            let sheet = AnswerSheet(answers: answers, rules: rules)
            let inventory = Engine.inventory(sheet)
            let shared = ServiceAnswers.views(inventory, profiles: ServiceProfiles(inventory), sheet: sheet, rules: rules)
            let alone = inventory.services.map { ServiceAnswers(service: $0, sheet: sheet, rules: rules) }
            #expect(shared.map(\.name) == alone.map(\.name), "\(name)")
            for (one, other) in zip(shared, alone) {
                #expect(one.values == other.values && one.status == other.status && one.own == other.own
                        && one.mixedAccess == other.mixedAccess, "\(name): \(one.name)")
            }
        }
    }
}
