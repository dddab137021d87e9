import Foundation
import Testing
@testable import AdvisorCore

/// The front doors that replace API Gateway: CloudFront path patterns carry every route to its function, function
/// URLs take the auth type, invoke mode and CORS the advice implies, and what they cannot express is named.
@Suite struct FrontDoorTests {
    typealias F = GeneratorFixtures

    static let browserCors = CorsDesign(handling: "http-api-config", origins: ["https://shop.example.com"], allowCredentials: false,
                                        allowHeaders: ["Content-Type"], allowMethods: ["GET", "OPTIONS", "POST"], gatewayResponses: [], notes: [])

    @Test func cloudFrontPatternsMatchLikeCloudFront() {
        #expect(FrontDoorDesign.pattern("/orders/{orderId}/items") == "/orders/*/items")
        #expect(FrontDoorDesign.pattern("/{proxy+}") == "/*")
        #expect(FrontDoorDesign.matches("/orders/*", "/orders/a/b"))
        #expect(!FrontDoorDesign.matches("/orders/*", "/orders"))
        #expect(FrontDoorDesign.matches("/o?ders", "/orders"))
        #expect(!FrontDoorDesign.matches("/orders", "/orders/1"))
        #expect(FrontDoorDesign.matches("*", ""))
    }

    @Test func everyRouteReachesItsFunctionThroughTheBehaviors() throws {
        let routes = [F.route("GET", "/orders", "orders-list"), F.route("GET", "/orders/{orderId}", "orders-get"),
                      F.route("GET", "/orders/{orderId}/items", "items"), F.route("ANY", "/", "site"),
                      F.route("ANY", "/{proxy+}", "site"), F.route("POST", "/carts", "carts")]
        let api = F.api("shop-api", type: "http", routes: routes, cors: Self.browserCors)
        let door = try #require(FrontDoorDesign.plan(api: api, door: "cloudfront-function-url", model: "synchronous", mechanisms: ["none"]))
        #expect(door.behaviors.last?.pattern == "*" && door.behaviors.last?.function == "site")
        for route in routes {
            #expect(FrontDoorDesign.function(for: FrontDoorDesign.sample(route.path), in: door.behaviors) == route.function, "\(route.display)")
        }
        // The more specific pattern comes first, or /orders/1/items would reach orders-get.
        let order = door.behaviors.map(\.pattern)
        #expect(try #require(order.firstIndex(of: "/orders/*/items")) < (try #require(order.firstIndex(of: "/orders/*"))))
        // Reads only where only reads go; POST bodies elsewhere.
        #expect(door.behaviors.first { $0.pattern == "/orders" }?.allowedMethods == FrontDoorDesign.readMethods)
        #expect(door.behaviors.first { $0.pattern == "/carts" }?.allowedMethods == FrontDoorDesign.allMethods)
        #expect(door.urls.map(\.function) == ["orders-list", "orders-get", "items", "site", "carts"])
        #expect(door.urls.allSatisfy { $0.authType == "AWS_IAM" && $0.invokeMode == "BUFFERED" && $0.cors?.allowOrigins == ["https://shop.example.com"] })
        // An Origin-dependent CORS answer needs Origin in the cache key.
        #expect(door.notes.contains { $0.contains("Origin header") })
    }

    @Test func oneRouterNeedsOnlyTheDefaultBehavior() throws {
        let api = F.api("catalogue-api", type: "http", routes: [F.route("GET", "/", "router"), F.route("GET", "/{proxy+}", "router")])
        let door = try #require(FrontDoorDesign.plan(api: api, door: "cloudfront-function-url", model: nil, mechanisms: []))
        #expect(door.behaviors == [PathBehavior(pattern: "*", function: "router", allowedMethods: FrontDoorDesign.readMethods,
                                                routes: ["GET /", "GET /{proxy+}"])])
    }

    @Test func twoFunctionsOnOnePathAreRefusedBehindCloudFront() throws {
        var api = F.api("orders-api", type: "http", routes: [F.route("GET", "/orders", "list"), F.route("POST", "/orders", "create")])
        api.frontDoor = FrontDoorDesign.plan(api: api, door: "cloudfront-function-url", model: nil, mechanisms: [])
        let advice = F.advice(apis: [api], functions: [F.function("list"), F.function("create")])
        let problems = LayoutCheck(advice: advice).problems()
        #expect(problems.contains { $0.contains("CloudFront routes by path only") && $0.contains("POST /orders") }, "\(problems)")
    }

    @Test func aBareFunctionURLFollowsTheAnswers() throws {
        let api = F.api("tools-api", type: "http", routes: [F.route("POST", "/reports", "reports"), F.route("GET", "/health", "health")])
        let iam = try #require(FrontDoorDesign.plan(api: api, door: "function-url", model: "synchronous", mechanisms: ["iam"]))
        #expect(iam.urls.map(\.authType) == ["AWS_IAM", "AWS_IAM"] && iam.behaviors.isEmpty)
        #expect(iam.urls.map(\.routes) == [["POST /reports"], ["GET /health"]])
        // Several functions: several hosts, and the record says so.
        #expect(iam.notes.contains { $0.contains("clients choose the URL per route") })
        let open = try #require(FrontDoorDesign.plan(api: api, door: "function-url", model: "streaming", mechanisms: ["none"]))
        #expect(open.urls.allSatisfy { $0.authType == "NONE" && $0.invokeMode == "RESPONSE_STREAM" })
        #expect(FrontDoorDesign.plan(api: api, door: "api-gateway", model: nil, mechanisms: []) == nil)
    }

    @Test func theTemplateNamesWhatTheFrontDoorCannotCheck() throws {
        let authorizer = AuthorizerDesign(name: "shop-api-jwt", type: "jwt", function: nil, identitySource: "$request.header.Authorization",
                                          issuer: "https://issuer/", cacheTTL: nil)
        var api = F.api("shop-api", type: "http", routes: [F.route("GET", "/orders", "orders", authorized: true)], authorizer: authorizer)
        api.frontDoor = FrontDoorDesign.plan(api: api, door: "cloudfront-function-url", model: nil, mechanisms: ["oidc"])
        let advice = F.advice(apis: [api], functions: [F.function("orders")], answers: ["gateway-features": .choices(["waf", "caching"])])
        let template = try SAMTemplateGenerator.render(advice, context: F.context(try F.rules()), recordName: "r")
        let header = template.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: " ")
            .replacingOccurrences(of: "#   ", with: "").replacingOccurrences(of: "# ", with: "")
        #expect(header.contains("the jwt authorizer shop-api-jwt of shop-api"), "\(header)")
        #expect(header.contains("gateway features on shop-api's front door: waf"), "\(header)")
        #expect(!header.contains("caching"), "CloudFront caches: \(header)")
        #expect(!template.contains("AWS::Serverless::HttpApi") && template.contains("AWS::CloudFront::Distribution"))
        let documents = try OpenAPIGenerator.documents(advice, context: F.context(try F.rules()), recordName: "r")
        #expect(documents.isEmpty, "no gateway, no OpenAPI document")
    }

    @Test func theCloudFrontExampleIsTranslated() {
        #expect(SAMTranslationTests.examples.contains("public-read-api.yaml"))
    }
}
