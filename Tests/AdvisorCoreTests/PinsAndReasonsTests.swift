import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Pins, defaults that yield to answers, statuses settled by elimination, reasons that name what decided,
/// and what would change each decision.
@Suite struct PinsAndReasonsTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice { try EngineFixture.advise(yaml, rules: rules) }

    @Test func edgePinnedWithHTTPPinnedIsAConflictNamingThePin() throws {
        let advice = try advise("consumers: [mobile]\npins:\n  api-type: http\n  endpoint-type: edge\n")
        #expect(advice.outcome("api-type")?.status == .pinned)
        let endpoint = try #require(advice.outcome("endpoint-type"))
        #expect(endpoint.status == .conflict && endpoint.chosen == nil && endpoint.pin == "edge")
        let conflict = try #require(advice.conflicts.first { $0.decision == "endpoint-type" })
        #expect(conflict.pin == "edge")
        #expect(conflict.summary.contains("pins: endpoint-type: edge") && conflict.summary.contains("endpoint-type.http-is-regional-only"))
        // Only the rules that exclude the pin are its sides, and the evidence shows the other pin.
        #expect(conflict.rules.map(\.rule) == ["endpoint-type.http-is-regional-only"])
        #expect(conflict.rules[0].evidence.contains { $0.value == "http (pinned)" })
        #expect(advice.hasErrors)
    }

    @Test func aPinTheRulesAllowIsChosenAndSaysWhatTheRulesWouldPick() throws {
        let advice = try advise("consumers: [partners]\ngateway-features: [usage-plans]\npins: {authorizer: iam}\nauth-mechanisms: [iam]\n")
        let outcome = try #require(advice.outcome("authorizer"))
        #expect(outcome.status == .pinned && outcome.chosen == "iam" && outcome.decidedBy == ["pins"])
        let other = try advise("pins: {api-type: http}\n")
        #expect(other.outcome("api-type")?.note.contains("the rules choose it too") == true)
    }

    @Test func pinsAreValidatedAndRoundTrip() throws {
        #expect(throws: InputErrors.self) { try Answers.parse("pins: {api-type: grpc}\n", file: "t.yaml", rules: rules) }
        #expect(throws: InputErrors.self) { try Answers.parse("pins: {api-kind: http}\n", file: "t.yaml", rules: rules) }
        let answers = try Answers.parse("consumers: [mobile]\npins: {endpoint-type: edge, api-type: rest}\n", file: "t.yaml", rules: rules)
        #expect(answers.pins == ["endpoint-type": "edge", "api-type": "rest"])
        let written = AnswersWriter.yaml(answers, rules: rules)
        #expect(try Answers.parse(written, file: "t.yaml", rules: rules) == answers)
    }

    @Test func aDefaultYieldsToAnsweredPackageSizes() throws {
        // Large packages and no routing preference: resource-style used to default to proxy, forcing one router
        // function with the whole 280 MB package, which the package-size error says cannot be deployed.
        let advice = try advise("package-zipped: 70\npackage-unzipped: 280\nservices:\n  - name: ml\n    resources:\n      - {path: /a, methods: [GET]}\n      - {path: /b, methods: [POST]}\n")
        let style = try #require(advice.outcome("resource-style"))
        #expect(style.status == .yielded && style.chosen == "explicit")
        #expect(style.note.contains("function-granularity.proxy-needs-router") && style.note.contains("function-granularity.packages-over-limits"))
        #expect(advice.chosen("function-granularity") == "per-resource")
        #expect(!advice.findings.contains { $0.rule == "limits.unzipped-over-250mb" })
        #expect(advice.layout.functions.count == 2)
        // Without large packages the default stands.
        #expect(try advise("package-unzipped: 20\n").outcome("resource-style")?.status == .defaulted)
    }

    @Test func aDefaultThatIsARequirementDoesNotYield() throws {
        // The synchronous interaction model is read as a requirement by timeout rules; it has no default-yields.
        let advice = try advise("consumers: [partners]\nuser-geography: worldwide\ngateway-features: [usage-plans]\nmax-duration: 90\nresult-delivery: wait\n")
        #expect(advice.chosen("interaction-model") == "synchronous")
        #expect(advice.chosen("endpoint-type") == "regional")
    }

    @Test func eliminationIsReportedAsOnlyOptionAndNamesTheExclusionThatDecided() throws {
        let advice = try advise("consumers: [partners]\nuser-geography: worldwide\ngateway-features: [usage-plans]\nmax-duration: 90\nresult-delivery: wait\n")
        let endpoint = try #require(advice.outcome("endpoint-type"))
        // Regional wins because edge (the recommended option) is excluded, not because of the private exclusion.
        #expect(endpoint.reason.contains("edge is excluded") && endpoint.reason.contains("endpoint-type.long-requests-exclude-edge"))
        #expect(endpoint.decidedBy.contains("endpoint-type.long-requests-exclude-edge"))
        let packaging = try #require(try advise("routing-preference: code\n").outcome("packaging"))
        #expect(packaging.status == .defaulted)
        let json = JSONExporter.render(advice, context: ReportContext(answersFile: "t.yaml", date: "2026-12-01", rules: rules))
        #expect(json.contains("\"decidedBy\"") && json.contains("\"reason\""))
    }

    @Test func exclusionsDecideOverAWeakerRecommendationInTheReason() throws {
        let fixture = try EngineFixture.ruleSet("""
        rules:
          - {id: t.likes-y, decision: first, when: {all: []}, recommend: y, reason: y is nice}
          - {id: t.no-x, decision: first, when: {answer: flag, equals: true}, exclude: x, reason: x cannot run}
          - {id: t.no-z, decision: first, when: {answer: flag, equals: true}, exclude: z, reason: z cannot either}
          - {id: t.z-wins, decision: first, when: {all: []}, recommend: z, strength: strong, reason: z is best}
        """)
        let outcome = try #require(Engine(rules: fixture).advise(try EngineFixture.answers("owner: me\nflag: true", fixture)).outcome("first"))
        #expect(outcome.chosen == "y")
        // z scored highest and was excluded: its exclusion decided, not y's own recommendation.
        #expect(outcome.reason.hasPrefix("z is excluded: z cannot either [t.no-z]"))
        #expect(outcome.note.contains("excluded: x (t.no-x), z (t.no-z)"))
        let only = try #require(Engine(rules: EngineFixture.ruleSet("""
        rules:
          - {id: t.req, decision: second, when: {answer: flag, equals: true}, exclude: p, reason: p is out}
        """)).advise(try EngineFixture.answers("owner: me\nflag: true", EngineFixture.ruleSet("rules: []\n"))).outcome("second"))
        #expect(only.status == .onlyOption && only.chosen == "q")
    }

    @Test func whatWouldChangeListsTheFlippingAnswers() throws {
        let fixture = try EngineFixture.ruleSet("""
        rules:
          - {id: t.blue, decision: first, when: {answer: color, equals: blue}, recommend: y, reason: blue likes y}
          - {id: t.long, decision: first, when: {answer: seconds, gt: 30}, recommend: z, strength: strong, reason: long likes z}
          - {id: t.b, decision: second, when: {answer: tags, contains: b}, recommend: q, reason: b likes q}
        """)
        let advice = Engine(rules: fixture).advise(try EngineFixture.answers("owner: me", fixture))
        let first = try #require(advice.outcome("first"))
        #expect(first.drivers == ["color", "seconds"])
        #expect(first.changes.contains(Flip(question: "color", value: "blue", option: "y")))
        // The nearest number past the threshold, once.
        #expect(first.changes.filter { $0.question == "seconds" } == [Flip(question: "seconds", value: "31", option: "z")])
        let second = try #require(advice.outcome("second"))
        #expect(second.changes == [Flip(question: "tags", value: "[b]", option: "q")])
        // Every report carries it.
        let context = ReportContext(answersFile: "t.yaml", date: "2026-12-01", rules: fixture)
        #expect(SummaryRenderer.render(advice, context: context, why: true).contains("what would change it: color = blue -> y"))
        #expect(MarkdownExporter.render(advice, context: context).contains("`seconds` set to `31`"))
        let madr = MADRExporter.records(advice, context: context, existingFileNames: [])[0].text
        #expect(madr.contains("Revisit when:") && madr.contains("`color` becomes `blue`"))
        #expect(JSONExporter.render(advice, context: context).contains("\"changes\""))
        // Rule cases skip it.
        #expect(Engine(rules: fixture).advise(try EngineFixture.answers("owner: me", fixture), whatWouldChange: false).outcome("first")?.changes == [])
    }

    @Test func jsonCarriesEveryOptionsProsAndCons() throws {
        let advice = try advise("consumers: [browser]\n")
        let integration = try #require(advice.outcome("integration"))
        let custom = try #require(integration.scores.first { $0.option == "custom" })
        #expect(custom.cons.contains { $0.contains("AWS recommends the proxy integration") })
        #expect(!custom.title.isEmpty && !custom.summary.isEmpty)
    }
}

/// docs/json-output.md shows real ids: every rule, question and decision it names exists in the bundled rules.
@Suite struct JSONDocsTruthTests {
    @Test func everyIdOnThePageExists() throws {
        let rules = try BundledRules.load()
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/json-output.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        func values(of key: String) -> [String] {
            text.components(separatedBy: "\"\(key)\": \"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        }
        let ruleIDs = values(of: "rule")
        #expect(!ruleIDs.isEmpty)
        for id in ruleIDs { #expect(rules.rule(id) != nil, "rule \(id) on the page does not exist") }
        for id in values(of: "question") { #expect(rules.question(id) != nil, "question \(id) on the page does not exist") }
        for id in values(of: "decision") { #expect(rules.decision(id) != nil, "decision \(id) on the page does not exist") }
        #expect(!text.contains("priority"), "the page used to show an answer `priority: cost` that no question has")
    }
}
