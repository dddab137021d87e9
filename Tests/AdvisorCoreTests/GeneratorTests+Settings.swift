import Foundation
import Testing
@testable import AdvisorCore

/// Authorizer, CORS and endpoint settings, names, headers, determinism and refusals.
extension GeneratorTests {
    static func template(_ situation: Situation) throws -> (advice: Advice, template: Map) {
        let (advice, context) = try GeneratorFixtures.advice(situation)
        return (advice, try load(try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md")))
    }

    static func properties(_ resources: Map, _ id: String) -> Map { map(map(resources[id])["Properties"]) }

    @Test(arguments: GeneratorFixtures.situations)
    func authorizerMatchesLayout(situation: Situation) throws {
        let (advice, template) = try Self.template(situation)
        let resources = Self.map(template["Resources"])
        for api in advice.layout.apis {
            guard let authorizer = api.authorizer, let apiID = Self.apiID(api, in: resources) else { continue }
            let properties = Self.properties(resources, apiID)
            if properties["DefinitionBody"] != nil { continue }  // checked with the document in everyRouteIsAnEventOrAPath
            let auth = Self.map(properties["Auth"])
            let settings = Self.map(Self.map(auth["Authorizers"])[OpenAPIBuilder.authorizerName(authorizer.type)])
            switch (api.type, authorizer.type) {
            case ("rest", "iam"):
                #expect(auth["InvokeRole"] as? String == "NONE", "with the caller's credentials every caller would need lambda:InvokeFunction")
            case ("http", "iam"):
                #expect(auth["EnableIamAuthorizer"] as? Bool == true)
            case (_, "cognito"):
                #expect(Self.map(settings["UserPoolArn"])["Ref"] as? String == "CognitoUserPoolArn")
            case (_, "jwt"):
                let jwt = Self.map(settings["JwtConfiguration"])
                #expect(jwt["issuer"] != nil && Self.map(jwt["audience"])["Ref"] as? String == "JwtAudience")
                #expect(settings["IdentitySource"] as? String == authorizer.identitySource)
            default:
                let function = try #require(authorizer.function)
                let functionID = LogicalID.make(function, suffix: "Function")
                #expect(Self.map(settings["FunctionArn"])["Fn::GetAtt"] as? [String] == [functionID, "Arn"])
                #expect(Self.properties(resources, functionID)["Handler"] as? String == advice.layout.functions.first { $0.name == function }?.handler)
                if api.type == "rest" {
                    #expect(settings["FunctionPayloadType"] as? String == (authorizer.type == "lambda-token" ? "TOKEN" : "REQUEST"))
                } else {
                    #expect(settings["AuthorizerPayloadFormatVersion"] as? String == "2.0")
                }
            }
        }
    }

    @Test(arguments: GeneratorFixtures.situations)
    func corsAndEndpointMatchLayout(situation: Situation) throws {
        let (advice, template) = try Self.template(situation)
        let resources = Self.map(template["Resources"])
        let outputs = Self.map(template["Outputs"])
        for api in advice.layout.apis {
            let apiID = try #require(Self.apiID(api, in: resources))
            let properties = Self.properties(resources, apiID)
            // With mutual TLS the execute-api address is switched off and the custom domain is the only address.
            let url = advice.layout.domain != nil && Self.properties(resources, apiID)["DisableExecuteApiEndpoint"] as? Bool == true
                ? "${DomainName}" : "${\(apiID)}"
            #expect(outputs.values.contains { (Self.map(Self.map($0)["Value"])["Fn::Sub"] as? String)?.contains(url) == true },
                    "\(api.name) has no URL output")
            guard api.type == "rest" else {
                let cors = Self.map(properties["CorsConfiguration"])
                #expect((cors["AllowOrigins"] as? [String]) == (api.cors.handling == "http-api-config" ? (api.cors.origins.isEmpty ? ["*"] : api.cors.origins) : nil))
                continue
            }
            let endpoint = Self.map(properties["EndpointConfiguration"])
            #expect(endpoint["Type"] as? String == api.endpoint.uppercased())
            if api.endpoint == "private" {
                #expect(endpoint["VPCEndpointIds"] != nil)
                // One Allow, conditional on the VPC endpoint (no unconditional Allow for every principal).
                let statements = Self.map(Self.map(properties["Auth"])["ResourcePolicy"])["CustomStatements"] as? [Any]
                #expect(statements?.count == 1 || properties["DefinitionBody"] != nil)
                for statement in statements ?? [] {
                    #expect(Self.map(Self.map(Self.map(statement)["Condition"])["StringEquals"])["aws:SourceVpce"] != nil)
                }
            }
            guard properties["DefinitionBody"] == nil else { continue }
            if api.cors.handling == "gateway" {
                #expect(Self.map(properties["Cors"])["AllowOrigin"] as? String == "'\(api.cors.origins.first ?? "*")'")
                if api.authorizer != nil {
                    #expect(Self.map(properties["Auth"])["AddDefaultAuthorizerToCorsPreflight"] as? Bool == false)
                }
            } else {
                #expect(properties["Cors"] == nil)
            }
            let responses = Self.map(properties["GatewayResponses"])
            #expect(responses.keys.sorted() == api.cors.gatewayResponses.sorted())
            for (_, response) in responses {
                let headers = Self.map(Self.map(Self.map(response)["ResponseParameters"])["Headers"])
                #expect(headers["Access-Control-Allow-Origin"] != nil)
                // An echoed (unchecked) Origin never comes with credentials.
                let echoed = (headers["Access-Control-Allow-Origin"] as? String) == "method.request.header.Origin"
                #expect((headers["Access-Control-Allow-Credentials"] != nil) == (api.cors.allowCredentials && !echoed))
            }
        }
    }

    /// Logical ids are valid, and unique across parameters and resources (they share one namespace).
    @Test(arguments: GeneratorFixtures.situations)
    func logicalIDsAreValidAndUnique(situation: Situation) throws {
        let (_, template) = try Self.template(situation)
        let parameters = Array(Self.map(template["Parameters"]).keys)
        let resources = Array(Self.map(template["Resources"]).keys)
        let outputs = Array(Self.map(template["Outputs"]).keys)
        for id in parameters + resources + outputs { #expect(LogicalID.isValid(id), "\(id) is not a valid logical id") }
        #expect(Set(parameters).isDisjoint(with: resources))
        for (_, resource) in Self.map(template["Resources"]) {
            for (name, _) in Self.map(Self.map(Self.map(resource)["Properties"])["Events"]) {
                #expect(LogicalID.isValid(name), "event \(name)")
            }
        }
    }

    @Test func functionsSharingAPackageShareCodeUri() throws {
        let shared = GeneratorFixtures.Situation(name: "shared-package", answers: """
            services:
              - name: orders
                resources:
                  - {path: /orders, methods: [GET, POST]}
                  - {path: "/orders/{id}", methods: [GET]}
            consumers: [mobile]
            routing-preference: gateway
            shared-code: true
            least-privilege: true
            """, expected: [:])
        let (advice, template) = try Self.template(shared)
        #expect(advice.chosen("packaging") == "shared-package" && advice.layout.functions.count > 1,
                "the rules changed: these answers no longer put several functions in one package")
        let resources = Self.map(template["Resources"])
        for function in advice.layout.functions {
            let codeUri = Self.properties(resources, LogicalID.make(function.name, suffix: "Function"))["CodeUri"] as? String
            #expect(codeUri == "src/\(function.package)/")
        }
    }

    // MARK: header and determinism

    @Test(arguments: GeneratorFixtures.situations)
    func everyFileNamesItsSources(situation: Situation) throws {
        let (advice, _) = try GeneratorFixtures.advice(situation)
        for file in try GeneratorFixtures.files(situation) {
            let header = file.text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
            #expect(header.contains("Answers: \(situation.name).yaml"), "\(file.path)")
            #expect(header.contains("Rules: \(advice.rulesName) \(advice.rulesVersion)"), "\(file.path)")
            #expect(header.contains("Implements: docs/decisions/\(situation.name).md"), "\(file.path)")
        }
    }

    /// Same answers, same files. Across processes (where hash order differs) the golden files check it too.
    @Test(arguments: GeneratorFixtures.situations)
    func outputIsDeterministic(situation: Situation) throws {
        #expect(try GeneratorFixtures.files(situation) == GeneratorFixtures.files(situation))
    }

    // MARK: refusals

    @Test func refusesAConflict() throws {
        let conflict = GeneratorFixtures.Situation(name: "conflict", answers: """
            services:
              - name: vault
                resources:
                  - {path: /secrets, methods: [GET]}
            consumers: [vpc-only]
            auth-mechanisms: [iam]
            mutual-tls: true
            custom-domain: single
            """, expected: [:])
        let (advice, context) = try GeneratorFixtures.advice(conflict)
        #expect(!advice.conflicts.isEmpty, "the rules changed: these answers no longer conflict")
        let refusal = #expect(throws: GenerationRefusal.self) {
            try SkeletonGenerator.files(advice, context: context, recordName: "r")
        }
        for decision in advice.conflicts.map(\.decision) {
            #expect(refusal?.description.contains("the decision \(decision) is in conflict") == true)
        }
    }

    /// Layouts built by hand, so each refusal is tested whatever the bundled rules decide.
    static let refusals: [(name: String, advice: Advice, message: String)] = {
        typealias F = GeneratorFixtures
        let orders = F.function("orders")
        let get = F.route("GET", "/orders", "orders")
        let cors = { (handling: String, origins: [String], credentials: Bool) in
            CorsDesign(handling: handling, origins: origins, allowCredentials: credentials, allowHeaders: ["Content-Type"],
                       allowMethods: ["GET"], gatewayResponses: [], notes: [])
        }
        let jwt = AuthorizerDesign(name: "a-jwt", type: "jwt", function: nil, identitySource: "$request.header.Authorization", issuer: nil, cacheTTL: nil)
        let cognito = AuthorizerDesign(name: "a-cognito", type: "cognito", function: nil, identitySource: "method.request.header.Authorization",
                                       issuer: nil, cacheTTL: nil)
        let conflict = Conflict(decision: "endpoint-type", rules: [], summary: "No option is left.")
        return [
            ("conflict", F.advice(apis: [F.api("a", routes: [get])], functions: [orders], conflicts: [conflict], unresolved: ["endpoint-type"]),
             "the decision endpoint-type is in conflict"),
            ("unresolved", F.advice(apis: [F.api("a", routes: [get])], functions: [orders], unresolved: ["cors"]), "the decision cors is unresolved"),
            ("no API", F.advice(apis: [], functions: []), "the layout has no API"),
            ("no routes", F.advice(apis: [F.api("a", routes: [])], functions: []), "a has no routes"),
            ("unresolved type", F.advice(apis: [F.api("a", type: "unresolved", routes: [get])], functions: [orders]), "not rest or http"),
            ("private HTTP", F.advice(apis: [F.api("a", type: "http", endpoint: "private", routes: [get])], functions: [orders]),
             "a HTTP API cannot have a private endpoint"),
            ("JWT on REST", F.advice(apis: [F.api("a", routes: [F.route("GET", "/orders", "orders", authorized: true)], authorizer: jwt)],
                                     functions: [orders]), "a JWT authorizer on a REST API, which the generated SAM and OpenAPI files cannot declare yet"),
            ("Cognito on HTTP", F.advice(apis: [F.api("a", type: "http", routes: [F.route("GET", "/orders", "orders", authorized: true)],
                                                      authorizer: cognito)], functions: [orders]), "a HTTP API has no cognito authorizer"),
            ("custom on HTTP", F.advice(apis: [F.api("a", type: "http", routes: [F.route("GET", "/orders", "orders", integration: "custom")])],
                                        functions: [orders]), "custom (non-proxy) integrations exist only on REST APIs"),
            ("duplicate", F.advice(apis: [F.api("a", routes: [get, get])], functions: [orders]), "GET /orders is declared twice"),
            ("siblings", F.advice(apis: [F.api("a", routes: [F.route("GET", "/orders/{id}", "orders"),
                                                             F.route("GET", "/orders/{orderId}/items", "orders")])], functions: [orders]),
             "the variable segments {id} and {orderId} are siblings"),
            ("greedy not last", F.advice(apis: [F.api("a", routes: [F.route("GET", "/{proxy+}/x", "orders")])], functions: [orders]),
             "must be the last segment"),
            ("empty segment", F.advice(apis: [F.api("a", routes: [F.route("GET", "/orders/", "orders")])], functions: [orders]), "empty segment"),
            ("unknown function", F.advice(apis: [F.api("a", routes: [F.route("GET", "/x", "ghost")])], functions: [orders]),
             "the function ghost is not in the layout"),
            ("authorized without authorizer", F.advice(apis: [F.api("a", routes: [F.route("GET", "/x", "orders", authorized: true)])],
                                                       functions: [orders]), "the API has no authorizer"),
            ("credentials with *", F.advice(apis: [F.api("a", type: "http", routes: [get], cors: cors("http-api-config", ["*"], true))],
                                            functions: [orders]), "every allowed origin must be named exactly"),
            ("credentials without origins", F.advice(apis: [F.api("a", routes: [get], cors: cors("gateway", [], true))], functions: [orders]),
             "every allowed origin must be named exactly"),
            ("gateway CORS, two origins", F.advice(apis: [F.api("a", routes: [get], cors: cors("gateway", ["https://a.example", "https://b.example"], false))],
                                                   functions: [orders]), "one fixed origin, but 2 origins are listed"),
            ("function CORS, custom", F.advice(apis: [F.api("a", routes: [F.route("GET", "/x", "orders", integration: "custom")],
                                                            cors: cors("function", ["https://a.example"], false))], functions: [orders]),
             "CORS by the function needs the Lambda proxy integration"),
            ("mock on HTTP", F.advice(apis: [F.api("a", type: "http", routes: [get, F.route("OPTIONS", "/orders", nil, integration: "mock")])],
                                      functions: [orders]), "a mock integration is only generated"),
        ]
    }()

    @Test(arguments: 0..<refusals.count)
    func refusesWhatCannotBeExpressed(index: Int) throws {
        let (name, advice, message) = Self.refusals[index]
        let context = GeneratorFixtures.context(try GeneratorFixtures.rules())
        let refusal = #expect(throws: GenerationRefusal.self, "\(name)") {
            try SAMTemplateGenerator.render(advice, context: context, recordName: "r")
        }
        #expect(refusal?.description.contains(message) == true, "\(name): \(refusal?.description ?? "no refusal")")
        #expect(throws: GenerationRefusal.self, "\(name): the OpenAPI generator must refuse too") {
            try OpenAPIGenerator.documents(advice, context: context, recordName: "r")
        }
    }

    @Test func acceptsAValidHandBuiltLayout() throws {
        typealias F = GeneratorFixtures
        let advice = F.advice(apis: [F.api("a", routes: [F.route("GET", "/orders/{id}", "orders"), F.route("GET", "/orders/{id}/items", "orders"),
                                                        F.route("ANY", "/", "orders"), F.route("ANY", "/{proxy+}", "orders")])],
                              functions: [F.function("orders")])
        let context = F.context(try F.rules())
        let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "r")
        #expect(text.contains("Path: /orders/{id}/items"))
    }
}
