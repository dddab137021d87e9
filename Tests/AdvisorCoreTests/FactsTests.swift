import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Current facts: JWT authorizers on REST, runtimes with deprecation dates, staleness, the oldest fact of a record.
@Suite struct FactsTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice { try EngineFixture.advise(yaml, rules: rules) }

    @Test func restAPIsKeepTheNativeJWTAuthorizer() throws {
        // OIDC tokens on a REST API (forced by usage plans) used to get a TOKEN Lambda authorizer with jwt excluded.
        // With a route: an API's authorizers are the ones its routes use (issue 8), so an empty inventory has none.
        let advice = try advise("consumers: [partners]\nauth-mechanisms: [oidc, api-keys]\ngateway-features: [usage-plans]\n"
                                + "services: [{name: feed, resources: [{path: /feed, methods: [GET]}]}]\n")
        #expect(advice.chosen("api-type") == "rest")
        #expect(advice.chosen("authorizer") == "jwt")
        let authorizer = try #require(advice.outcome("authorizer"))
        #expect(authorizer.scores.first { $0.option == "jwt" }?.excludedBy == [])
        #expect(!advice.firedRules.contains("authorizer.cached-policy-403"))
        // The generator cannot declare it yet: it refuses and says what to do instead of leaving the routes open.
        let context = ReportContext(answersFile: "t.yaml", date: "2026-12-01", rules: rules)
        let refusal = #expect(throws: GenerationRefusal.self) { try SAMTemplateGenerator.render(advice, context: context, recordName: "r") }
        #expect(refusal?.description.contains("pin authorizer: lambda-token") == true)
    }

    @Test func helpAndOptionsNoLongerSayRESTLacksJWT() throws {
        let jwt = try #require(rules.decision("authorizer")?.option("jwt"))
        #expect(!jwt.title.contains("HTTP"))
        #expect(!(jwt.cons.contains { $0.contains("HTTP APIs only") }))
        let rest = try #require(rules.decision("api-type")?.option("rest"))
        #expect(!(rest.cons.contains { $0.contains("JWT") }))
        let oidc = try #require(rules.question("auth-mechanisms")?.choice("oidc"))
        #expect(!oidc.help.contains("Lambda authorizer"))
        #expect(rules.rule("api-type.native-jwt-on-http") == nil)
    }

    @Test func newRuntimesWithDeprecationDates() throws {
        let runtime = try #require(rules.question("runtime"))
        for id in ["nodejs24.x", "python3.14", "java25", "nodejs22.x", "python3.13", "java21", "dotnet10", "provided.al2023"] {
            #expect(runtime.choice(id) != nil, "\(id)")
        }
        #expect(runtime.choice("nodejs22.x")?.deprecation == "2027-04-30")
        #expect(runtime.choice("nodejs24.x")?.deprecation == "2028-04-30")
        // An older runtime of a family gets an info finding naming its date and the newer one.
        let advice = try advise("runtime: nodejs22.x\n")
        let finding = try #require(advice.findings.first { $0.rule == "layout.runtime-deprecation" })
        #expect(finding.text.contains("2027-04-30") && finding.text.contains("nodejs24.x"))
        #expect(try advise("runtime: nodejs24.x\n").findings.allSatisfy { $0.rule != "layout.runtime-deprecation" })
    }

    @Test func deprecationMustBeADate() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        var files = try RuleSetLoader.files(inDirectory: folder)
        let index = try #require(files.firstIndex { $0.name.hasSuffix("questions.yaml") })
        let broken = files[index].text.replacingOccurrences(of: "deprecation: 2027-04-30", with: "deprecation: soon")
        #expect(broken != files[index].text)
        files[index] = RuleFile(name: files[index].name, text: broken)
        #expect(throws: InputErrors.self) { try RuleSetLoader.load(files: files) }
    }

    @Test func staleFactsAreListedOldestFirst() throws {
        #expect(RuleLinter.staleFacts(rules, today: "2026-12-01", maxAgeDays: 365).isEmpty)
        let stale = RuleLinter.staleFacts(rules, today: "2027-11-15", maxAgeDays: 365)
        #expect(!stale.isEmpty)
        #expect(stale.allSatisfy { $0.fact.asOf == "2026-11-01" && $0.ageDays == 379 })
        #expect(RuleLinter.staleFacts(rules, today: "2026-12-01", maxAgeDays: 0).count == rules.facts.values.filter { $0.asOf < "2026-12-01" }.count)
        #expect(RuleLinter.civilDay("1970-01-01") == 0)
        #expect(RuleLinter.civilDay("2024-03-01").map { $0 - (RuleLinter.civilDay("2024-02-28") ?? 0) } == 2)
        #expect(RuleLinter.civilDay("2024-13-01") == nil)
    }

    @Test func everyReportStatesTheOldestFact() throws {
        let advice = try advise("consumers: [browser]\nbrowser-origins: [\"https://app.example.com\"]\n")
        let oldest = try #require(advice.oldestFact)
        #expect(advice.citedFacts.allSatisfy { $0.asOf >= oldest.asOf })
        let context = ReportContext(answersFile: "t.yaml", date: "2026-12-01", rules: rules)
        #expect(SummaryRenderer.render(advice, context: context).contains("Oldest fact relied on: \(oldest.id)"))
        #expect(MarkdownExporter.render(advice, context: context).contains("The oldest fact this advice relies on, `\(oldest.id)`"))
        #expect(JSONExporter.render(advice, context: context).contains("\"oldestFact\""))
    }

    @Test func factsHaveTheReviewedFigures() throws {
        #expect(rules.facts["account-throttle-10k"]?.text.contains("2,500") == true)
        #expect(rules.facts["http-per-api-quotas"]?.text.contains("300 integrations (not adjustable)") == true)
        #expect(rules.facts["lambda-sync-payload-6mb"]?.text.contains("200 MB") == true)
        #expect(rules.facts["response-streaming-rest"]?.text.contains("Node.js") == true)
        #expect(rules.facts["http-cors-authorized-options"]?.text.contains("explicit OPTIONS route") == true)
        #expect(rules.facts["rest-jwt-authorizer"] != nil && rules.facts["lambda-scaling-rate"] != nil)
        // Layout findings cite facts that exist (they used to name ids that were filtered out silently).
        let many = (1...301).map { "      - {path: /r\($0), methods: [GET]}" }.joined(separator: "\n")
        let advice = try advise("routing-preference: gateway\nservices:\n  - name: big\n    resources:\n\(many)\n")
        let finding = try #require(advice.findings.first { $0.rule.hasPrefix("layout.http-routes") || $0.rule.hasPrefix("layout.rest-resources") })
        #expect(!finding.facts.isEmpty)
    }
}
