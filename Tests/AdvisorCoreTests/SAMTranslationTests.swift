import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Translates every generated SAM template to CloudFormation with AWS's own transform (samtranslator) and
/// checks, route by route, that the deployed API guards and integrates each route as the layout says:
/// the authorizer (or none), the API key requirement and the integration.
@Suite struct SAMTranslationTests {
    /// Runs the transform the way `sam deploy` would after `sam package` (local code folders become S3 objects);
    /// the parameters take their defaults, or a placeholder; no AWS call is made.
    static let translate = """
        import json, os, sys
        os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
        from samtranslator.translator.transform import transform
        from samtranslator.yaml_helper import yaml_parse

        class NoManagedPolicies:
            def load(self):
                return {}

        template = yaml_parse(open(sys.argv[1]).read())
        for resource in template.get("Resources", {}).values():
            properties = resource.get("Properties") or {}
            if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
                properties["CodeUri"] = "s3://packaged-code/" + properties["CodeUri"].strip("/") + ".zip"
        parameters = {name: spec.get("Default", "placeholder") for name, spec in template.get("Parameters", {}).items()}
        json.dump(transform(template, parameters, NoManagedPolicies()), open(sys.argv[2], "w"))
        """

    static var samtranslatorAvailable: Bool {
        guard GeneratorTools.path("python3") != nil else { return false }
        if let result = try? GeneratorTools.run("python3", ["-c", "import samtranslator"]), result.status == 0 { return true }
        if GeneratorTools.underCI { return true }
        FileHandle.standardError.write(Data("SAMTranslationTests: SKIPPED: python3 cannot import samtranslator (pip install cfn-lint).\n".utf8))
        return false
    }

    static let examples = (try? GeneratorFixtures.exampleFiles()) ?? []

    /// What one route looks like in the translated API definition.
    struct Deployed: Equatable, CustomStringConvertible {
        /// Security scheme names other than the API key (empty: no authorizer).
        var authorizers: Set<String>
        var apiKey: Bool
        /// `aws_proxy`, `aws` or `mock`.
        var integration: String
        /// The function logical id the integration URI names, if any.
        var function: String?

        var description: String {
            "authorizers \(authorizers.sorted()), api key \(apiKey), \(integration) -> \(function ?? "none")"
        }
    }

    /// The API definitions in the translated template, by API logical id: path -> method -> what is deployed.
    static func deployed(_ template: JSONValue) -> [String: [String: [String: Deployed]]] {
        var out: [String: [String: [String: Deployed]]] = [:]
        for (id, resource) in template.object?["Resources"]?.object ?? [:] {
            guard let type = resource.object?["Type"]?.string,
                  type == "AWS::ApiGateway::RestApi" || type == "AWS::ApiGatewayV2::Api",
                  let paths = resource.object?["Properties"]?.object?["Body"]?.object?["paths"]?.object else { continue }
            for (path, item) in paths {
                for (method, operation) in item.object ?? [:] {
                    guard let operation = operation.object else { continue }
                    var names = Set<String>()
                    for requirement in operation["security"]?.array ?? [] { names.formUnion(requirement.object?.keys ?? [:].keys) }
                    let integration = operation["x-amazon-apigateway-integration"]?.object
                    var function: String?
                    // `...functions/${OrdersRouterFunction.Arn}/invocations`: the last `${` before `.Arn}`.
                    if let uri = integration?["uri"]?.object?["Fn::Sub"]?.string, let end = uri.range(of: ".Arn}"),
                       let start = uri.range(of: "${", options: .backwards, range: uri.startIndex..<end.lowerBound) {
                        function = String(uri[start.upperBound..<end.lowerBound])
                    }
                    let key = method == "x-amazon-apigateway-any-method" ? "ANY" : method.uppercased()
                    out[id, default: [:]][path, default: [:]][key] = Deployed(
                        authorizers: names.subtracting(["api_key", "NONE"]), apiKey: names.contains("api_key"),
                        integration: integration?["type"]?.string ?? "none", function: function)
                }
            }
        }
        return out
    }

    @Test(.enabled(if: samtranslatorAvailable, "python3 cannot import samtranslator"), arguments: examples)
    func everyRouteIsDeployedAsTheLayoutSays(example: String) throws {
        let files = try GeneratorFixtures.exampleOutput(example)
        guard let template = files.first(where: { $0.path == "template.yaml" }) else {
            #expect(files.map(\.path) == ["refusal.txt"], "\(example): neither a template nor a refusal")
            return
        }
        let folder = try GeneratorTools.write([(name: "sam", files: [(path: "template.yaml", text: template.text)])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("sam/template.yaml").path
        let output = folder.appendingPathComponent("cloudformation.json").path
        let result = try GeneratorTools.run("python3", ["-c", Self.translate, input, output])
        try #require(result.status == 0, "\(example): samtranslator refused the template:\n\(result.output)")
        let translated = try JSONValue.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self))
        let apis = Self.deployed(translated)

        let rules = try GeneratorFixtures.rules()
        let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/" + example).path, rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let plan = try GenerationPlan(advice: advice, context: GeneratorFixtures.context(rules, file: example), recordName: "r")
        for api in advice.layout.apis {
            // An API behind function URLs has no gateway: its routes are checked through the front door.
            if api.frontDoor != nil {
                Self.checkFrontDoor(example, api: api, plan: plan, translated: translated)
                #expect(apis[plan.apiID(api)] == nil, "\(example): \(api.name) is fronted by \(api.frontDoor?.kind ?? ""), yet an API is deployed")
                continue
            }
            let id = plan.apiID(api)
            let routes = try #require(apis[id], "\(example): \(api.name) (\(id)) is not in the translated template")
            var expectedCount = 0
            for route in api.routes {
                expectedCount += 1
                let deployed = routes[route.path]?[route.method]
                let guarding = api.authorizers.first { $0.name == route.authorizer }
                // IAM shows as SAM's AWS_IAM, or as the SigV4 scheme of an embedded OpenAPI definition.
                let schemes: Set<String> = guarding.map { authorizer in
                    authorizer.type == "iam" ? ["AWS_IAM", OpenAPIBuilder.schemeName(authorizer)] : [OpenAPIBuilder.schemeName(authorizer)]
                } ?? []
                let integration = route.integration == "lambda-proxy" ? "aws_proxy" : route.integration == "custom" ? "aws" : "mock"
                guard let deployed else {
                    Issue.record("\(example): \(api.name) \(route.display) is missing from the translated API")
                    continue
                }
                if schemes.isEmpty {
                    #expect(deployed.authorizers.isEmpty, "\(example): \(api.name) \(route.display) should be open: \(deployed)")
                } else {
                    #expect(deployed.authorizers.count == 1 && !deployed.authorizers.isDisjoint(with: schemes),
                            "\(example): \(api.name) \(route.display) should use \(schemes.sorted()): \(deployed)")
                }
                #expect(deployed.apiKey == route.apiKeyRequired, "\(example): \(api.name) \(route.display) API key: \(deployed)")
                #expect(deployed.integration == integration, "\(example): \(api.name) \(route.display) integration: \(deployed)")
                if let function = route.function, integration != "mock" {
                    #expect(deployed.function == plan.functionID(function),
                            "\(example): \(api.name) \(route.display) should invoke \(plan.functionID(function)): \(deployed)")
                }
                if route.method == "OPTIONS" {
                    #expect(deployed.authorizers.isEmpty && !deployed.apiKey, "\(example): a preflight needs no credentials: \(deployed)")
                }
            }
            Self.checkJobs(example, api: api, plan: plan, translated: translated)
            Self.checkStreaming(example, api: api, plan: plan, translated: translated)
            let deployedCount = routes.values.reduce(0) { $0 + $1.count }
            #expect(deployedCount == expectedCount, "\(example): \(api.name) deploys \(deployedCount) routes, the layout has \(expectedCount)")
        }
    }

    @Test(.enabled(if: samtranslatorAvailable, "python3 cannot import samtranslator"))
    func theMixedExamplesAreTranslated() {
        // The situations the mixed-system examples exist for must be among the translated ones.
        for name in ["public-reads-protected-writes.yaml", "partner-tier-beside-browser-app.yaml", "rest-beside-http-one-domain.yaml"] {
            #expect(Self.examples.contains(name), "\(name) is missing from examples/")
        }
    }
}
