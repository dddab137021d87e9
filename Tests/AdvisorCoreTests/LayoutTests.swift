import Testing
@testable import AdvisorCore
import BundledRules

/// The layout derived from decisions and the inventory, using the bundled rules.
@Suite struct LayoutTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice {
        Engine(rules: rules).advise(try Answers.parse(yaml, file: "t.yaml", rules: rules), whatWouldChange: false)
    }

    let twoServices = """
    services:
      - name: orders
        team: a
        resources:
          - {path: /orders, methods: [GET, POST]}
          - {path: "/orders/{id}", methods: [GET]}
      - name: users
        team: b
        resources:
          - {path: /users, methods: [GET]}
    """

    @Test func proxyPerServiceAPIsRouteRootAndGreedyPath() throws {
        let advice = try advise(twoServices + "\nrouting-preference: code\nconsumers: [partners]\n")
        #expect(advice.chosen("api-count") == "per-service")
        #expect(advice.chosen("resource-style") == "proxy")
        #expect(advice.layout.apis.map(\.name) == ["orders-api", "users-api"])
        #expect(advice.layout.apis[0].routes.map(\.display) == ["ANY /", "ANY /{proxy+}"])
        #expect(advice.layout.functions.map(\.name) == ["orders-router", "users-router"])
        #expect(advice.layout.functions[0].routes == ["orders-api ANY /", "orders-api ANY /{proxy+}"])
    }

    @Test func explicitPerMethodFunctionsAreNamedAfterResourceAndMethod() throws {
        let advice = try advise(twoServices + "\nrouting-preference: gateway\nleast-privilege: true\nconsumers: [partners]\n")
        #expect(advice.chosen("resource-style") == "explicit")
        #expect(advice.chosen("function-granularity") == "per-method")
        let names = advice.layout.functions.map(\.name)
        #expect(names == ["orders-get", "orders-post", "orders-id-get", "users-get"])
        #expect(advice.layout.functions.first { $0.name == "orders-id-get" }?.handler == "orders_id.get")
    }

    @Test func restGatewayCorsAddsMockPreflightAndGatewayResponses() throws {
        let advice = try advise(twoServices + """

        routing-preference: gateway
        consumers: [browser]
        browser-origins: ["https://app.example.com"]
        gateway-features: [waf]
        """)
        #expect(advice.chosen("api-type") == "rest")
        #expect(advice.chosen("cors") == "gateway")
        let api = advice.layout.apis[0]
        let preflight = api.routes.filter { $0.method == "OPTIONS" }
        #expect(preflight.map(\.path) == ["/orders", "/orders/{id}"])
        #expect(preflight.allSatisfy { $0.integration == "mock" && $0.function == nil && !$0.authorized })
        #expect(api.cors.gatewayResponses == ["DEFAULT_4XX", "DEFAULT_5XX"])
        #expect(api.cors.origins == ["https://app.example.com"])
    }

    @Test func lambdaAuthorizerIsOnePerAPISharingOneFunction() throws {
        let advice = try advise(twoServices + "\nauth-mechanisms: [custom]\nconsumers: [partners]\napi-name: shop\n")
        let authorizers = advice.layout.apis.compactMap(\.authorizer)
        #expect(authorizers.count == 2)
        #expect(Set(authorizers.map(\.name)).count == 2)
        #expect(Set(authorizers.compactMap(\.function)) == ["shop-authorizer"])
        #expect(advice.layout.functions.filter { $0.role == "authorizer" }.map(\.name) == ["shop-authorizer"])
    }

    @Test func sharedAPIWithProxyRoutesEachServiceUnderItsPrefix() throws {
        let advice = try advise("""
        services:
          - name: orders
            team: a
            deploys-independently: false
            resources: [{path: /orders, methods: [GET]}]
          - name: users
            team: a
            deploys-independently: false
            resources: [{path: /users, methods: [GET]}]
        routing-preference: code
        consumers: [partners]
        api-name: shop
        """)
        #expect(advice.chosen("api-count") == "shared")
        #expect(advice.layout.apis.map(\.name) == ["shop"])
        #expect(advice.layout.apis[0].routes.map(\.display) == ["ANY /orders", "ANY /orders/{proxy+}", "ANY /users", "ANY /users/{proxy+}"])
    }

    @Test func duplicateRouteOnASharedAPIIsAnError() throws {
        let advice = try advise("""
        services:
          - name: orders
            team: a
            deploys-independently: false
            resources: [{path: /items, methods: [GET]}]
          - name: stock
            team: a
            deploys-independently: false
            resources: [{path: /items, methods: [GET]}]
        routing-preference: gateway
        consumers: [partners]
        """)
        #expect(advice.chosen("api-count") == "shared")
        #expect(advice.findings.contains { $0.rule == "layout.duplicate-route" && $0.severity == .error })
    }

    @Test func collidingFunctionNamesAreNumbered() throws {
        let advice = try advise("""
        services:
          - name: a
            team: x
            resources: [{path: /b-c, methods: [GET]}]
          - name: a-b
            team: y
            resources: [{path: /c, methods: [GET]}]
        routing-preference: gateway
        least-privilege: true
        consumers: [partners]
        """)
        let names = advice.layout.functions.map(\.name)
        #expect(names == ["a-b-c-get", "a-b-c-get-2"])
        #expect(advice.layout.apis[1].routes[0].function == "a-b-c-get-2")
    }

    @Test func emptyInventoryIsAWarningNotACrash() throws {
        let advice = try advise("consumers: [partners]\n")
        #expect(advice.findings.contains { $0.rule == "layout.empty-inventory" })
        #expect(advice.layout.functions.isEmpty)
    }

    @Test func conflictLeavesTheLayoutUnresolved() throws {
        let advice = try advise(twoServices + "\nconsumers: [vpc-only]\nmutual-tls: true\n")
        #expect(advice.layout.unresolved == ["endpoint-type"])
        #expect(advice.layout.apis.allSatisfy { $0.endpoint == "unresolved" })
    }

    @Test func resourcePathsCountParents() {
        #expect(LayoutBuilder.resourcePaths("/a/{b}/c") == ["/a", "/a/{b}", "/a/{b}/c"])
    }
}
