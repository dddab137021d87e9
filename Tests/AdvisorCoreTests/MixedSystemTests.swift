import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Mixed systems: per-service answers, per-route access, per-API resolution and the per-route layout.
@Suite struct MixedSystemTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func parse(_ yaml: String) throws -> Answers { try Answers.parse(yaml, file: "t.yaml", rules: rules) }
    func advise(_ yaml: String) throws -> Advice { Engine(rules: rules).advise(try parse(yaml)) }

    @Test func uniformAnswersGiveOneCompactOutcomePerDecision() throws {
        let advice = try advise("""
            services:
              - {name: a, team: x, resources: [{path: /a, methods: [GET]}]}
              - {name: b, team: y, resources: [{path: /b, methods: [GET]}]}
            auth-mechanisms: [cognito]
            """)
        #expect(advice.apis.map(\.api) == ["a-api", "b-api"])
        for decision in advice.decisions { #expect(!advice.differs(decision.decision), "\(decision.decision) differs") }
        #expect(advice.decisions.allSatisfy { $0.status != .varies && $0.api == nil })
        #expect(advice.findings.allSatisfy { $0.apis == nil })
        // No service answered for itself: the evidence names no services, as before.
        #expect(advice.decisions.flatMap { $0.fired.flatMap(\.evidence) }.allSatisfy { $0.services == nil })
    }

    @Test func perServiceAnswersAndAccessRoundTripThroughTheWriter() throws {
        let answers = try parse("""
            services:
              - name: feed
                consumers: [partners]
                gateway-features: [usage-plans]
                access: partners
                resources:
                  - {path: /feed, methods: [GET, POST], access: {POST: iam}}
                  - {path: /open, methods: [GET], access: public}
            """)
        guard case .inventory(let inventory)? = answers.values["services"] else { Issue.record("no inventory"); return }
        let feed = try #require(inventory.services.first)
        #expect(feed.answers["consumers"] == .choices(["partners"]))
        #expect(feed.access == "partners")
        #expect(feed.access(of: feed.resources[0], method: "GET") == "partners")
        #expect(feed.access(of: feed.resources[0], method: "POST") == "iam")
        #expect(feed.access(of: feed.resources[1], method: "GET") == "public")
        let again = try parse(AnswersWriter.yaml(answers, rules: rules))
        #expect(again == answers)
    }

    @Test func badAccessAndNonPerServiceKeysAreErrorsWithTheAllowedValues() throws {
        #expect(throws: InputErrors.self) {
            try parse("services: [{name: a, resources: [{path: /a, methods: [GET], access: everyone}]}]")
        }
        do throws(InputErrors) {
            _ = try Answers.parse("services: [{name: a, runtime: java21, resources: [{path: /a, methods: [GET]}]}]", file: "t.yaml", rules: rules)
            Issue.record("runtime is not a per-service question")
        } catch {
            #expect(error.errors.first?.description.contains("consumers") == true, "\(error.errors)")
        }
    }

    @Test func partnerKeysAndUserAuthorizersLandOnlyOnTheirRoutes() throws {
        // One team shipping both from one API (an SDK for partners keeps it shared): a REST API where partners
        // send keys, users send Cognito tokens, the offers are public and no route gets both by accident.
        let advice = try advise("""
            services:
              - name: shop
                team: one
                deploys-independently: false
                consumers: [browser]
                access: users
                resources:
                  - {path: /cart, methods: [GET, POST]}
                  - {path: /offers, methods: [GET], access: public}
              - name: feed
                team: one
                deploys-independently: false
                consumers: [partners]
                gateway-features: [usage-plans, sdk-generation]
                access: partners
                resources:
                  - {path: /feed, methods: [GET]}
            browser-origins: ["https://shop.example.com"]
            auth-mechanisms: [cognito]
            """)
        #expect(advice.chosen("api-count") == "shared")
        let api = try #require(advice.layout.apis.first)
        #expect(api.type == "rest")
        let byRoute = Dictionary(api.routes.map { ($0.display, $0) }, uniquingKeysWith: { first, _ in first })
        for key in ["GET /cart", "POST /cart"] {
            #expect(byRoute[key]?.authorizer == "\(api.name)-cognito" && byRoute[key]?.apiKeyRequired == false, "\(key)")
        }
        #expect(byRoute["GET /offers"]?.authorized == false && byRoute["GET /offers"]?.apiKeyRequired == false)
        #expect(byRoute["GET /feed"]?.authorized == false && byRoute["GET /feed"]?.apiKeyRequired == true)
        #expect(api.routes.filter { $0.method == "OPTIONS" }.allSatisfy { !$0.authorized && !$0.apiKeyRequired })
        #expect(api.authorizers.map(\.type) == ["cognito"] && api.apiKeys)
    }

    @Test func aCookieSessionGetsAnIdentitySourceThatReadsTheCookie() throws {
        let advice = try advise("""
            services: [{name: web, resources: [{path: /cart, methods: [GET]}]}]
            consumers: [browser]
            browser-origins: ["https://app.example.com"]
            browser-credentials: true
            auth-mechanisms: [cognito]
            credential-transport: cookie
            """)
        let authorizer = try #require(advice.layout.apis.first?.authorizers.first)
        #expect(authorizer.type == "lambda-request" && authorizer.transport == "cookie")
        #expect(authorizer.identitySource.hasSuffix("header.Cookie"))
    }

    @Test func aConflictOnOneAPINamesTheAPIAndTheServiceOnEachSide() throws {
        let advice = try advise("""
            services:
              - {name: vault, team: a, consumers: [vpc-only], resources: [{path: /v, methods: [GET]}]}
              - {name: web, team: b, resources: [{path: /w, methods: [GET]}]}
            mutual-tls: true
            custom-domain: single
            domain-name: api.example.com
            """)
        let conflict = try #require(advice.conflicts.first { $0.decision == "endpoint-type" })
        #expect(conflict.api == "vault-api" && conflict.services == ["vault"])
        #expect(conflict.summary.hasPrefix("On vault-api (service vault):"))
        let sides = conflict.rules.flatMap(\.evidence).filter { $0.subject == "consumers" && $0.held }
        #expect(sides.allSatisfy { $0.services == ["vault"] } && !sides.isEmpty)
        // The web API is not dragged into the vault's conflict.
        #expect(advice.apis.first { $0.api == "web-api" }?.conflicts.isEmpty == true)
    }
}
