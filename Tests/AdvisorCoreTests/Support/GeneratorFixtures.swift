import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Answers for the situations the template generators must handle, and hand-built layouts for refusals.
enum GeneratorFixtures {
    /// The repository root, found from this file (Tests/AdvisorCoreTests/Support/).
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let date = "2026-11-25"

    /// One set of answers and the decisions it is meant to produce (so a rule change that moves it is noticed).
    struct Situation: Sendable, CustomTestStringConvertible {
        let name: String
        let answers: String
        let expected: [String: String]
        var testDescription: String { name }
    }

    static let situations: [Situation] = [
        Situation(name: "rest-proxy-cognito-gateway-cors", answers: """
            api-name: shop
            services:
              - name: orders
                resources:
                  - {path: /orders, methods: [GET, POST]}
                  - {path: "/orders/{orderId}", methods: [GET]}
            consumers: [browser]
            browser-origins: ["https://shop.example.com"]
            browser-credentials: true
            auth-mechanisms: [cognito]
            gateway-features: [waf]
            routing-preference: code
            """, expected: ["api-type": "rest", "resource-style": "proxy", "authorizer": "cognito", "cors": "gateway"]),
        Situation(name: "http-explicit-jwt-several-origins", answers: """
            api-name: tasks
            runtime: nodejs22.x
            services:
              - name: tasks
                resources:
                  - {path: /tasks, methods: [GET, POST]}
                  - {path: "/tasks/{taskId}", methods: [GET, PUT, DELETE]}
            consumers: [browser, mobile]
            browser-origins: ["https://a.example.com", "https://b.example.com"]
            browser-credentials: true
            auth-mechanisms: [oidc]
            routing-preference: gateway
            """, expected: ["api-type": "http", "resource-style": "explicit", "authorizer": "jwt", "cors": "http-api-config"]),
        Situation(name: "http-proxy-lambda-request-per-service", answers: """
            api-name: games
            services:
              - name: scores
                resources:
                  - {path: /scores, methods: [GET, POST]}
              - name: players
                resources:
                  - {path: "/players/{playerId}", methods: [GET]}
            consumers: [mobile]
            auth-mechanisms: [custom]
            """, expected: ["api-type": "http", "api-count": "per-service", "authorizer": "lambda-request"]),
        Situation(name: "rest-proxy-shared-request-authorizer", answers: """
            api-name: platform
            runtime: java21
            services:
              - name: billing
                resources:
                  - {path: /invoices, methods: [GET]}
                  - {path: "/invoices/{id}", methods: [GET]}
              - name: usage
                resources:
                  - {path: /usage, methods: [GET]}
            consumers: [browser, partners]
            browser-origins: ["https://portal.example.com"]
            auth-mechanisms: [custom, api-keys]
            gateway-features: [usage-plans]
            routing-preference: code
            """, expected: ["api-type": "rest", "api-count": "per-service", "authorizer": "lambda-request", "cors": "gateway"]),
        Situation(name: "http-explicit-iam", answers: """
            api-name: internal
            runtime: provided.al2023
            services:
              - name: jobs
                resources:
                  - {path: /jobs, methods: [GET, POST]}
                  - {path: "/jobs/{jobId}", methods: [GET]}
            consumers: [same-region-aws]
            auth-mechanisms: [iam]
            routing-preference: gateway
            """, expected: ["api-type": "http", "authorizer": "iam"]),
        Situation(name: "rest-private-iam", answers: """
            api-name: ledger
            services:
              - name: ledger
                resources:
                  - {path: /entries, methods: [GET, POST]}
                  - {path: "/entries/{entryId}", methods: [GET]}
            consumers: [vpc-only]
            auth-mechanisms: [iam]
            """, expected: ["api-type": "rest", "endpoint-type": "private", "authorizer": "iam"]),
        Situation(name: "rest-custom-integration-gateway-cors", answers: """
            api-name: legacy
            services:
              - name: legacy
                resources:
                  - {path: /quotes, methods: [POST]}
                  - {path: "/quotes/{quoteId}", methods: [GET]}
            consumers: [browser]
            browser-origins: ["https://legacy.example.com"]
            auth-mechanisms: [cognito]
            request-transformation: true
            routing-preference: code
            """, expected: ["api-type": "rest", "integration": "custom", "cors": "gateway", "authorizer": "cognito"]),
        Situation(name: "rest-custom-integration-lambda-request", answers: """
            api-name: reports
            runtime: dotnet10
            services:
              - name: reports
                resources:
                  - {path: /reports, methods: [POST]}
                  - {path: "/reports/{reportId}", methods: [GET]}
            consumers: [external-servers]
            auth-mechanisms: [custom]
            request-transformation: true
            """, expected: ["api-type": "rest", "integration": "custom", "authorizer": "lambda-request"]),
        Situation(name: "rest-function-cors-several-origins", answers: """
            api-name: accounts
            services:
              - name: accounts
                resources:
                  - {path: /accounts, methods: [GET, POST]}
                  - {path: "/accounts/{accountId}", methods: [GET, PATCH, DELETE]}
            consumers: [browser]
            browser-origins: ["https://app.example.com", "https://admin.example.com"]
            browser-credentials: true
            auth-mechanisms: [custom]
            gateway-features: [waf]
            least-privilege: true
            """, expected: ["api-type": "rest", "cors": "function", "authorizer": "lambda-request"]),
        Situation(name: "rest-edge-shared-api", answers: """
            api-name: partner-data
            services:
              - name: inventory
                team: platform
                deploys-independently: false
                resources:
                  - {path: /stock, methods: [GET]}
              - name: pricing
                team: platform
                deploys-independently: false
                resources:
                  - {path: /prices, methods: [GET]}
            consumers: [partners]
            user-geography: worldwide
            auth-mechanisms: [api-keys]
            gateway-features: [usage-plans]
            """, expected: ["api-type": "rest", "endpoint-type": "edge", "api-count": "shared", "authorizer": "none"]),
        Situation(name: "rest-private-custom-integration-iam", answers: """
            api-name: vault
            services:
              - name: vault
                resources:
                  - {path: /secrets, methods: [GET]}
                  - {path: "/secrets/{name}", methods: [GET, PUT]}
            consumers: [vpc-only]
            auth-mechanisms: [iam]
            request-transformation: true
            """, expected: ["api-type": "rest", "endpoint-type": "private", "integration": "custom", "authorizer": "iam"]),
        Situation(name: "http-shared-proxy-lambda-request-any-origin", answers: """
            api-name: hub
            services:
              - name: inventory
                team: platform
                deploys-independently: false
                resources:
                  - {path: /stock, methods: [GET]}
                  - {path: "/stock/{sku}", methods: [GET]}
              - name: pricing
                team: platform
                deploys-independently: false
                resources:
                  - {path: /prices, methods: [GET]}
            consumers: [browser]
            browser-origins: ["*"]
            auth-mechanisms: [custom]
            routing-preference: code
            """, expected: ["api-type": "http", "api-count": "shared", "resource-style": "proxy", "authorizer": "lambda-request"]),
        Situation(name: "rest-custom-integration-api-keys-mtls-domain", answers: """
            api-name: exchange
            services:
              - name: exchange
                resources:
                  - {path: /rates, methods: [GET]}
                  - {path: "/rates/{currency}", methods: [GET, PUT]}
            consumers: [external-servers]
            user-geography: regional
            auth-mechanisms: [api-keys]
            gateway-features: [usage-plans, xray-tracing, waf, caching]
            request-transformation: true
            mutual-tls: true
            custom-domain: single
            domain-name: fx.partners.example.com
            """, expected: ["api-type": "rest", "endpoint-type": "regional", "integration": "custom", "authorizer": "none"]),
        Situation(name: "http-per-service-wildcard-domain", answers: """
            api-name: tenants
            services:
              - name: tickets
                resources:
                  - {path: /tickets, methods: [GET, POST]}
              - name: agents
                resources:
                  - {path: "/agents/{agentId}", methods: [GET]}
            consumers: [mobile]
            auth-mechanisms: [oidc]
            routing-preference: gateway
            custom-domain: wildcard
            domain-name: "*.tenants.example.com"
            """, expected: ["api-type": "http", "api-count": "per-service", "authorizer": "jwt"]),
        // Servers that must wait 40 seconds on a REST API: the integrations carry the raised timeout.
        Situation(name: "rest-long-synchronous-wait", answers: """
            api-name: exports
            services:
              - name: exports
                resources:
                  - {path: /exports, methods: [POST]}
                  - {path: "/exports/{exportId}", methods: [GET]}
            consumers: [external-servers]
            auth-mechanisms: [iam]
            gateway-features: [resource-policy]
            max-duration: 40
            result-delivery: wait
            """, expected: ["interaction-model": "synchronous", "front-door": "api-gateway", "api-type": "rest", "endpoint-type": "regional"]),
        // The same work when the client can poll: a job, and the header lists the job pattern as not generated.
        Situation(name: "http-long-work-as-job", answers: """
            api-name: exports
            services:
              - name: exports
                resources:
                  - {path: /exports, methods: [POST]}
                  - {path: "/exports/{exportId}", methods: [GET]}
            consumers: [mobile]
            auth-mechanisms: [cognito]
            max-duration: 600
            result-delivery: poll
            """, expected: ["interaction-model": "async-job", "front-door": "api-gateway", "api-type": "http"]),
        // Server push to back-end clients that sign with IAM: $connect requires IAM, no authorizer function.
        Situation(name: "push-iam-servers", answers: """
            api-name: telemetry
            services:
              - name: devices
                resources:
                  - {path: /devices, methods: [GET, POST]}
                  - {path: "/devices/{deviceId}", methods: [GET, PUT]}
            consumers: [external-servers]
            auth-mechanisms: [iam]
            server-push: true
            max-duration: 2
            """, expected: ["interaction-model": "async-push", "authorizer": "iam"]),
        // Server push to browsers whose custom tokens a Lambda authorizer checks; $connect reuses it (the token in the query string).
        Situation(name: "push-lambda-authorizer-cookie", answers: """
            api-name: boards
            services:
              - name: boards
                resources:
                  - {path: /boards, methods: [GET, POST]}
                  - {path: "/boards/{boardId}", methods: [GET, PATCH]}
            consumers: [browser]
            browser-origins: ["https://boards.example.com"]
            auth-mechanisms: [custom]
            server-push: true
            max-duration: 2
            """, expected: ["interaction-model": "async-push", "authorizer": "lambda-request"]),
    ]

    /// The bundled rules; the suite's tests of the rules themselves say what is wrong when they do not load.
    static func rules() throws -> RuleSet { try BundledRules.load() }

    static func context(_ rules: RuleSet, file: String = "answers.yaml") -> ReportContext {
        ReportContext(answersFile: file, date: date, rules: rules)
    }

    static func advice(_ situation: Situation) throws -> (Advice, ReportContext) {
        let rules = try rules()
        let answers = try Answers.parse(situation.answers, file: situation.name + ".yaml", rules: rules)
        return (Engine(rules: rules).advise(answers, whatWouldChange: false), context(rules, file: situation.name + ".yaml"))
    }

    /// Every generated file of a situation.
    static func files(_ situation: Situation) throws -> [GeneratedFile] {
        let (advice, context) = try advice(situation)
        return try SkeletonGenerator.files(advice, context: context, recordName: "docs/decisions/\(situation.name).md")
    }

    /// The example answers files in the repository, sorted.
    static func exampleFiles() throws -> [String] {
        let folder = repoRoot.appendingPathComponent("examples").path
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// What `apigw-advisor generate examples/NAME.yaml --record examples/NAME.md --date 2026-11-25` writes
    /// (without `--record` when the example has no markdown record): the files, or `refusal.txt`.
    static func exampleOutput(_ fileName: String) throws -> [GeneratedFile] {
        let rules = try rules()
        let relative = "examples/" + fileName
        let record = "examples/" + fileName.replacingOccurrences(of: ".yaml", with: ".md")
        let recordName = FileManager.default.fileExists(atPath: repoRoot.appendingPathComponent(record).path)
            ? record : SkeletonGenerator.defaultRecordName(answersFile: relative)
        let answers = try Answers.load(path: repoRoot.appendingPathComponent(relative).path, rules: rules)
        let advice = Engine(rules: rules).advise(answers, whatWouldChange: false)
        do {
            return try SkeletonGenerator.files(advice, context: context(rules, file: relative), recordName: recordName)
        } catch {
            return [GeneratedFile(path: "refusal.txt", text: error.description + "\n")]
        }
    }

    // MARK: hand-built layouts (independent of the bundled rules)

    static func route(_ method: String, _ path: String, _ function: String?, integration: String = "lambda-proxy",
                      authorized: Bool = false, apiKey: Bool = false) -> RouteDesign {
        var route = RouteDesign(path: path, method: method, integration: integration, function: function, authorized: authorized, note: nil)
        route.apiKeyRequired = apiKey
        return route
    }

    static func api(_ name: String, type: String = "rest", endpoint: String = "regional", routes: [RouteDesign],
                    authorizer: AuthorizerDesign? = nil, cors: CorsDesign = noCors) -> APIDesign {
        // Authorized routes use the API's one authorizer, as the layout builder names it.
        var api = APIDesign(name: name, type: type, endpoint: endpoint, services: [name],
                            routes: routes.map { route in
                                var route = route
                                if route.authorized { route.authorizer = authorizer?.name }
                                return route
                            }, authorizer: authorizer, cors: cors, basePath: nil)
        api.authorizers = authorizer.map { [$0] } ?? []
        api.apiKeys = routes.contains(where: \.apiKeyRequired)
        return api
    }

    static let noCors = CorsDesign(handling: "none", origins: [], allowCredentials: false, allowHeaders: [], allowMethods: [],
                                   gatewayResponses: [], notes: [])

    static func function(_ name: String) -> FunctionDesign {
        FunctionDesign(name: name, service: name, handler: "app.handler", package: name, routes: [], role: "handler")
    }

    static func advice(apis: [APIDesign], functions: [FunctionDesign], conflicts: [Conflict] = [], unresolved: [String] = [],
                       domain: DomainDesign? = nil, answers: [String: AnswerValue] = [:]) -> Advice {
        var layout = Layout()
        layout.domain = domain
        layout.apis = apis
        layout.functions = functions
        layout.runtime = "python3.13"
        layout.unresolved = unresolved
        let context = answers.sorted { $0.key < $1.key }.map { ContextEntry(question: $0.key, value: $0.value, status: .answered) }
        return Advice(rulesName: "fixture", rulesVersion: "1.0.0", context: context, ignoredAnswers: [], decisions: [],
                      conflicts: conflicts, findings: [], layout: layout)
    }
}
