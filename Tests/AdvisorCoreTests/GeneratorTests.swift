import Foundation
import Testing
import Yams
@testable import AdvisorCore

/// The SAM template and OpenAPI generators: names, routes, authorizers, CORS, refusals, determinism.
/// Validation by cfn-lint and openapi-spec-validator and the golden files are in GeneratorTests+Validation.swift.
@Suite struct GeneratorTests {
    typealias Map = [String: Any]
    typealias Situation = GeneratorFixtures.Situation

    static func load(_ text: String) throws -> Map {
        try #require(try Yams.load(yaml: text) as? Map, "the generated text is not a YAML mapping")
    }

    static func map(_ value: Any?) -> Map { value as? Map ?? [:] }

    // MARK: logical ids and YAML

    @Test func logicalIDsFromNames() {
        #expect(LogicalID.make("orders-get-orders-id", suffix: "Function") == "OrdersGetOrdersIdFunction")
        #expect(LogicalID.make("orders-api", suffix: "Api") == "OrdersApi")
        #expect(LogicalID.make("get /{proxy+}") == "GetProxy")
        #expect(LogicalID.make("2fa-service", suffix: "Api") == "R2faServiceApi")
        #expect(LogicalID.make("") == "R")
        #expect(LogicalID.make("café_ünï") == "CafN")
        #expect(LogicalID.make(String(repeating: "a", count: 300)).count == LogicalID.maxLength)
        #expect(LogicalID.isValid("OrdersApi") && !LogicalID.isValid("Orders-Api") && !LogicalID.isValid("1Api") && !LogicalID.isValid(""))
    }

    @Test func allocatorKeepsIDsUnique() {
        var ids = LogicalIDAllocator(reserved: ["Stage"])
        #expect(ids.allocate("orders-api", suffix: "Api") == "OrdersApi")
        #expect(ids.allocate("orders_api", suffix: "Api") == "OrdersApi2")
        #expect(ids.allocate("orders api") == "OrdersApi3")
        #expect(ids.allocate("stage") == "Stage2")
        let long = String(repeating: "b", count: 300)
        #expect(ids.allocate(long) != ids.allocate(long))
        #expect(ids.taken.allSatisfy(LogicalID.isValid))
    }

    /// Every scalar reads back as the same string through a YAML 1.1 reader.
    @Test(arguments: ["true", "No", "y", "null", "~", "", "2010-09-09", "1.0", "010", "0x1F", "1_000", ".5", "-a", "*x", "&a",
                      "'https://a.example.com'", "a: b", "a #b", "#c", "{proxy+}", "/{proxy+}", "$request.header.Authorization",
                      "Fn::Sub", "x:", "trailing ", " leading", "multi\nline", "end\n", "tab\there", "quote\"back\\slash", "ünïcödé"])
    func scalarsRoundTrip(text: String) throws {
        let yaml = YAMLWriter.document(.mapping([YAMLEntry("key", .string(text)), YAMLEntry(text.isEmpty ? "empty" : text, .int(1))]))
        let loaded = try Self.load(yaml)
        #expect(loaded["key"] as? String == text, "\(yaml)")
        #expect(loaded[text.isEmpty ? "empty" : text] as? Int == 1, "\(yaml)")
    }

    @Test func nestedSequencesAndComments() throws {
        let node = YAMLNode.mapping([YAMLEntry("list", .sequence([
            .mapping([YAMLEntry("a", .int(1), comment: ["first"]), YAMLEntry("b", .strings(["x", "y"]))]),
            .sequence([.string("inner")]),
            .mapping([]),
        ]), comment: ["why"], spaced: true)])
        let loaded = try Self.load(YAMLWriter.document(node, header: ["header line"]))
        let list = try #require(loaded["list"] as? [Any])
        #expect(Self.map(list[0])["a"] as? Int == 1 && Self.map(list[0])["b"] as? [String] == ["x", "y"])
        #expect(list[1] as? [String] == ["inner"])
        #expect((list[2] as? Map)?.isEmpty == true)
    }

    // MARK: the situations produce what they are named for

    @Test(arguments: GeneratorFixtures.situations)
    func situationHasItsDecisions(situation: Situation) throws {
        let (advice, _) = try GeneratorFixtures.advice(situation)
        for (decision, option) in situation.expected.sorted(by: { $0.key < $1.key }) {
            #expect(advice.chosen(decision) == option,
                    "the rules changed: \(situation.name) no longer gets \(decision)=\(option); adjust its answers so the situation stays covered")
        }
    }

    // MARK: the template matches the layout

    @Test(arguments: GeneratorFixtures.situations)
    func everyRouteIsAnEventOrAPath(situation: Situation) throws {
        let (advice, context) = try GeneratorFixtures.advice(situation)
        let template = try Self.load(try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md"))
        let plan = try GenerationPlan(advice: advice, context: context, recordName: "record.md")
        let resources = Self.map(template["Resources"])
        let events = Self.events(resources)
        for api in advice.layout.apis {
            let apiID = try #require(Self.apiID(api, in: resources), "\(api.name) has no API resource")
            let properties = Self.map(Self.map(resources[apiID])["Properties"])
            if let body = properties["DefinitionBody"] {
                try checkDocument(Self.map(body), api: api, plan: plan, embedded: true)
                continue
            }
            var expectedEvents = 0
            for route in api.routes {
                let label = "\(api.name) \(route.display)"
                if route.integration == "mock" {
                    #expect(Self.map(properties["Cors"])["AllowOrigin"] != nil, "\(label): the gateway's preflight needs the Cors property")
                    #expect(events.contains { $0.api == apiID && $0.path == route.path }, "\(label): SAM adds OPTIONS only to paths with events")
                    continue
                }
                expectedEvents += 1
                let event = try #require(events.first { $0.api == apiID && $0.path == route.path && $0.method == route.method.lowercased() },
                                         "\(label) is not an event")
                let function = try #require(route.function)
                #expect(event.function == LogicalID.make(function, suffix: "Function"), "\(label) invokes \(event.function)")
                let handler = Self.map(Self.map(resources[event.function])["Properties"])["Handler"] as? String
                #expect(handler == advice.layout.functions.first { $0.name == function }?.handler)
                #expect(event.type == (api.type == "rest" ? "Api" : "HttpApi"))
                if api.authorizer != nil && !route.authorized {
                    #expect(Self.map(event.auth)["Authorizer"] as? String == "NONE", "\(label) must not meet the authorizer")
                } else {
                    #expect(Self.map(event.auth)["Authorizer"] == nil, "\(label) must keep the API's default authorizer")
                }
                // The API requires the key by default; only the routes that must stay open say so.
                let keyOff = Self.map(event.auth)["ApiKeyRequired"] as? Bool == false
                #expect(keyOff == (plan.usesApiKeys(api) && !plan.requiresApiKey(route, on: api)), "\(label): ApiKeyRequired \(String(describing: event.auth))")
            }
            #expect(events.filter { $0.api == apiID }.count == expectedEvents, "\(api.name) has events the layout does not have")
            #expect((Self.map(properties["Auth"])["ApiKeyRequired"] as? Bool == true) == plan.usesApiKeys(api), "\(api.name): ApiKeyRequired")
            if let authorizer = api.authorizer {
                let expected = authorizer.type == "iam" ? "AWS_IAM" : OpenAPIBuilder.authorizerName(authorizer.type)
                #expect(Self.map(properties["Auth"])["DefaultAuthorizer"] as? String == expected)
            } else {
                #expect(Self.map(properties["Auth"])["DefaultAuthorizer"] == nil)
            }
        }
    }

    @Test(arguments: GeneratorFixtures.situations)
    func everyRouteIsInTheOpenAPIDocument(situation: Situation) throws {
        let (advice, context) = try GeneratorFixtures.advice(situation)
        let documents = try OpenAPIGenerator.documents(advice, context: context, recordName: "record.md")
        let plan = try GenerationPlan(advice: advice, context: context, recordName: "record.md")
        #expect(documents.map(\.fileName) == advice.layout.apis.map { $0.name + ".yaml" })
        for (api, document) in zip(advice.layout.apis, documents) {
            let loaded = try Self.load(document.text)
            #expect(loaded["openapi"] as? String == "3.0.1")
            try checkDocument(loaded, api: api, plan: plan, embedded: false)
        }
    }

    /// Paths, operations, parameters, integrations and security of one OpenAPI document against the layout.
    func checkDocument(_ document: Map, api: APIDesign, plan: GenerationPlan, embedded: Bool) throws {
        let paths = Self.map(document["paths"])
        let schemes = Self.map(Self.map(document["components"])["securitySchemes"])
        for route in api.routes {
            let label = "\(api.name) \(route.display)\(embedded ? " (DefinitionBody)" : "")"
            let key = route.method == "ANY" ? "x-amazon-apigateway-any-method" : route.method.lowercased()
            let operation = try #require(Self.map(paths[route.path])[key] as? Map, "\(label) is not in the document")
            let integration = Self.map(operation["x-amazon-apigateway-integration"])
            let expectedType = ["lambda-proxy": "aws_proxy", "custom": "aws", "mock": "mock"][route.integration]
            #expect(integration["type"] as? String == expectedType, "\(label): integration \(integration["type"] ?? "none")")
            #expect(!Self.map(operation["responses"]).isEmpty, "\(label) has no responses")
            if let function = route.function {
                let uri = embedded ? Self.map(integration["uri"])["Fn::Sub"] as? String : integration["uri"] as? String
                let expected = embedded ? "${\(LogicalID.make(function, suffix: "Function")).Arn}" : ":function:\(function)/invocations"
                #expect(uri?.contains(expected) == true, "\(label): uri \(uri ?? "none")")
            }
            if api.type == "http" { #expect(integration["payloadFormatVersion"] as? String == "2.0") }
            let security = operation["security"] as? [Map]
            var expected: [String] = []
            if route.authorized, let authorizer = api.authorizer { expected.append(OpenAPIBuilder.authorizerName(authorizer.type)) }
            if plan.requiresApiKey(route, on: api) { expected.append(OpenAPIBuilder.apiKeyScheme) }
            if expected.isEmpty {
                #expect(security == nil, "\(label) must be open")
            } else {
                // One requirement object: the authorizer's credentials and the key together.
                #expect(security?.count == 1 && security?.first?.keys.sorted() == expected.sorted(), "\(label): security \(String(describing: security))")
                for name in expected { #expect(schemes[name] != nil, "\(label): no security scheme \(name)") }
            }
            let declared = (operation["parameters"] as? [Map] ?? []).compactMap { $0["name"] as? String }
            for segment in route.path.split(separator: "/") where segment.hasPrefix("{") {
                let name = String(segment.dropFirst().dropLast())
                #expect(declared.contains(name) || declared.contains(String(name.dropLast())), "\(label): \(name) is not declared")
            }
        }
        if let authorizer = api.authorizer {
            let scheme = Self.map(schemes[OpenAPIBuilder.authorizerName(authorizer.type)])
            let kind = Self.map(scheme["x-amazon-apigateway-authorizer"])["type"] as? String
            let expected = ["cognito": "cognito_user_pools", "lambda-token": "token", "lambda-request": "request", "jwt": "jwt"][authorizer.type]
            if authorizer.type == "iam" {
                #expect(scheme["x-amazon-apigateway-authtype"] as? String == "awsSigv4")
            } else {
                #expect(kind == expected, "\(api.name): authorizer type \(kind ?? "none")")
            }
        }
        if api.cors.handling == "http-api-config" {
            #expect(Self.map(document["x-amazon-apigateway-cors"])["allowOrigins"] as? [String] == (api.cors.origins.isEmpty ? ["*"] : api.cors.origins))
        }
        if api.type == "rest" {
            #expect(Self.map(document["x-amazon-apigateway-gateway-responses"]).keys.sorted() == api.cors.gatewayResponses.sorted())
        }
        #expect((document["x-amazon-apigateway-policy"] != nil) == (api.endpoint == "private"))
    }

    // MARK: helpers

    struct Event { let function, name, type, api, path, method: String; let auth: Any? }

    static func events(_ resources: Map) -> [Event] {
        var out: [Event] = []
        for (id, value) in resources where map(value)["Type"] as? String == "AWS::Serverless::Function" {
            for (name, event) in map(map(map(value)["Properties"])["Events"]) {
                let properties = map(map(event)["Properties"])
                let api = map(properties["RestApiId"] ?? properties["ApiId"])["Ref"] as? String ?? ""
                out.append(Event(function: id, name: name, type: map(event)["Type"] as? String ?? "", api: api,
                                 path: properties["Path"] as? String ?? "", method: properties["Method"] as? String ?? "", auth: properties["Auth"]))
            }
        }
        return out
    }

    static func apiID(_ api: APIDesign, in resources: Map) -> String? {
        resources.first { ["AWS::Serverless::Api", "AWS::Serverless::HttpApi"].contains(map($0.value)["Type"] as? String ?? "")
            && map(map($0.value)["Properties"])["Name"] as? String == api.name }?.key
    }
}
