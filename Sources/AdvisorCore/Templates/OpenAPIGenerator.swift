import Foundation

/// OpenAPI 3.0 definitions of the recommended APIs, with API Gateway's integration and authorizer extensions.
public enum OpenAPIGenerator {
    /// One document per API, named `<api-name>.yaml`, or a refusal when the layout cannot be expressed.
    public static func documents(_ advice: Advice, context: ReportContext, recordName: String) throws(GenerationRefusal) -> [(fileName: String, text: String)] {
        documents(plan: try GenerationPlan(advice: advice, context: context, recordName: recordName))
    }

    /// The documents of a checked plan (shared with the template, so the layout is checked once).
    static func documents(plan: GenerationPlan) -> [(fileName: String, text: String)] {
        // An API behind another front door has no gateway to describe: its routes live in the template's front door.
        plan.gatewayAPIs.map { api in
            let builder = OpenAPIBuilder(plan: plan, api: api, target: .document)
            return (fileName(api.name), YAMLWriter.document(builder.document(), header: builder.header()))
        }
    }

    /// A file name from an API name: the inventory's names are already safe, other rule sets' may not be.
    static func fileName(_ name: String) -> String {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return (safe.isEmpty ? "api" : safe) + ".yaml"
    }
}

/// Where an OpenAPI document goes, which decides how it refers to functions and deployment values.
enum OpenAPITarget {
    /// A file of its own: `{region}`-style placeholders, parameter names as the OpenAPI specification wants them.
    case document
    /// Embedded in the SAM template as `DefinitionBody`: `Fn::Sub` and `Ref`, parameter names as API Gateway REST wants them.
    case definitionBody
}

/// Builds the OpenAPI document of one API.
struct OpenAPIBuilder {
    let plan: GenerationPlan
    let api: APIDesign
    let target: OpenAPITarget

    var rest: Bool { api.type == "rest" }

    func header() -> [String] {
        var lines = plan.header("OpenAPI 3.0 definition of \(api.name) (\(rest ? "REST" : "HTTP") API)")
        lines += ["Before importing it on its own, replace the placeholders: {region}, {account-id}"
                  + (placeholders.isEmpty ? "" : ", " + placeholders.joined(separator: ", ")) + ".",
                  "Functions are named as in the layout; template.yaml deploys the same API from SAM events or an embedded copy."]
        return lines
    }

    private var placeholders: [String] {
        var out: [String] = []
        let types = Set(api.authorizers.map(\.type))
        if types.contains("cognito") { out.append("{cognito-user-pool-arn}") }
        if types.contains("jwt") { out += (plan.cognitoIssuer ? ["{userPoolId}"] : ["{your-identity-provider}"]) + ["{app-client-id}"] }
        if api.endpoint == "private" { out.append("{vpc-endpoint-id}") }
        return out
    }

    func document() -> YAMLNode {
        // Blank lines between sections help a file of its own; inside the template they would only interrupt.
        let spaced = target == .document
        var entries = [YAMLEntry("openapi", .string("3.0.1")),
                       YAMLEntry("info", .mapping([
                           YAMLEntry("title", .string(api.name)),
                           YAMLEntry("version", .string("1.0.0")),
                           YAMLEntry("description", .string(description)),
                       ])),
                       YAMLEntry("paths", .mapping(paths()), spaced: spaced)]
        if usesKeys {
            entries.append(YAMLEntry("x-amazon-apigateway-api-key-source", .string("HEADER"), comment: ["Callers send their key in the x-api-key header."], spaced: spaced))
        }
        if let schemes = securitySchemes() {
            entries.append(YAMLEntry("components", .mapping([YAMLEntry("securitySchemes", schemes)]), spaced: spaced))
        }
        if api.cors.handling == "http-api-config" {
            entries.append(YAMLEntry("x-amazon-apigateway-cors", httpCors(), spaced: spaced))
        }
        if rest && !api.cors.gatewayResponses.isEmpty {
            entries.append(YAMLEntry("x-amazon-apigateway-gateway-responses", gatewayResponses(),
                                     comment: ["Errors the gateway makes itself (authorizer 401/403, 429, 504) need CORS headers too."], spaced: spaced))
        }
        if api.endpoint == "private" {
            entries.append(YAMLEntry("x-amazon-apigateway-policy", privatePolicy(),
                                     comment: ["A private API answers only requests through this interface VPC endpoint."], spaced: spaced))
            if target == .document {
                entries.append(YAMLEntry("x-amazon-apigateway-endpoint-configuration",
                                         .mapping([YAMLEntry("vpcEndpointIds", .strings(["{vpc-endpoint-id}"]))])))
            }
        }
        return .mapping(entries)
    }

    private var description: String {
        let services = api.services.isEmpty ? "" : " for the services \(api.services.joined(separator: ", "))"
        let endpoint = rest ? "\(api.endpoint) endpoint" : "regional endpoint"
        return "\(rest ? "REST" : "HTTP") API (\(endpoint))\(services), generated by apigw-advisor."
    }

    // MARK: paths

    private func paths() -> [YAMLEntry] {
        var order: [String] = []
        var operations: [String: [YAMLEntry]] = [:]
        var operationIDs = LogicalIDAllocator()
        for route in api.routes {
            if operations[route.path] == nil { order.append(route.path) }
            let key = route.method == "ANY" ? "x-amazon-apigateway-any-method" : route.method.lowercased()
            let id = operationIDs.allocate(route.method.lowercased() + " " + Self.words(route.path))
            operations[route.path, default: []].append(YAMLEntry(key, operation(route, id: id.prefix(1).lowercased() + id.dropFirst())))
        }
        return order.map { YAMLEntry($0, .mapping(operations[$0] ?? [])) }
    }

    /// `/orders/{id}` -> `orders id`; `/` -> `root`.
    static func words(_ path: String) -> String {
        let parts = path.split(separator: "/").map { $0.filter { $0 != "{" && $0 != "}" && $0 != "+" } }
        return parts.isEmpty ? "root" : parts.joined(separator: " ")
    }

    private func operation(_ route: RouteDesign, id: String) -> YAMLNode {
        var entries = [YAMLEntry("operationId", .string(id))]
        if let note = route.note { entries.append(YAMLEntry("description", .string(note))) }
        let parameters = pathParameters(route)
        if !parameters.isEmpty { entries.append(YAMLEntry("parameters", .sequence(parameters))) }
        // One requirement naming both schemes: the caller needs the authorizer's credentials and the API key.
        var schemes: [YAMLEntry] = []
        if let scheme = schemeName(of: route) { schemes.append(YAMLEntry(scheme, .sequence([]))) }
        if plan.requiresApiKey(route, on: api) { schemes.append(YAMLEntry(Self.apiKeyScheme, .sequence([]))) }
        if !schemes.isEmpty { entries.append(YAMLEntry("security", .sequence([.mapping(schemes)]))) }
        switch route.integration {
        case "mock":
            entries.append(YAMLEntry("responses", .mapping([YAMLEntry("200", response("CORS preflight answer", headers: preflightHeaders))])))
            entries.append(YAMLEntry("x-amazon-apigateway-integration", mockIntegration()))
        case "custom":
            let headers = corsResponseHeaders
            entries.append(YAMLEntry("responses", .mapping([
                YAMLEntry("200", response("The function's result, through the response template", headers: headers)),
                YAMLEntry("500", response("The function failed", headers: headers)),
            ])))
            entries.append(YAMLEntry("x-amazon-apigateway-integration", customIntegration(route)))
        default:
            entries.append(YAMLEntry("responses", .mapping([YAMLEntry("default", response("Whatever the function returns (Lambda proxy integration)", headers: []))])))
            entries.append(YAMLEntry("x-amazon-apigateway-integration", proxyIntegration(route)))
        }
        return .mapping(entries)
    }

    /// Every `{name}` of the path, required. The OpenAPI specification names a greedy `{proxy+}` parameter
    /// `proxy+` (openapi-spec-validator insists on it), while REST API Gateway expects `proxy`, as on the
    /// ANY method it exports; a standard operation in a stand-alone document follows the specification.
    private func pathParameters(_ route: RouteDesign) -> [YAMLNode] {
        route.path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { segment in
            var name = String(segment.dropFirst().dropLast())
            let keepPlus = !rest || (target == .document && route.method != "ANY")
            if name.hasSuffix("+") && !keepPlus { name.removeLast() }
            return .mapping([YAMLEntry("name", .string(name)), YAMLEntry("in", .string("path")),
                             YAMLEntry("required", .bool(true)), YAMLEntry("schema", .mapping([YAMLEntry("type", .string("string"))]))])
        }
    }

    private func response(_ text: String, headers: [String]) -> YAMLNode {
        var entries = [YAMLEntry("description", .string(text))]
        if !headers.isEmpty {
            entries.append(YAMLEntry("headers", .mapping(headers.map {
                YAMLEntry($0, .mapping([YAMLEntry("schema", .mapping([YAMLEntry("type", .string("string"))]))]))
            })))
        }
        return .mapping(entries)
    }

    // MARK: integrations

    private func lambdaURI(_ function: String) -> YAMLNode {
        switch target {
        case .document:
            return .string("arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account-id}:function:\(function)/invocations")
        case .definitionBody:
            return .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${\(plan.functionID(function)).Arn}/invocations")
        }
    }

    private func proxyIntegration(_ route: RouteDesign) -> YAMLNode {
        if let streamed = streamedIntegration(route) { return streamed }
        var entries = [YAMLEntry("type", .string("aws_proxy")),
                       YAMLEntry("httpMethod", .string("POST")),
                       YAMLEntry("uri", lambdaURI(route.function ?? ""))]
        entries.append(rest ? YAMLEntry("passthroughBehavior", .string("when_no_match"))
                            : YAMLEntry("payloadFormatVersion", .string("2.0")))
        if let millis = plan.restIntegrationTimeout(api) { entries.append(YAMLEntry("timeoutInMillis", .int(millis))) }
        return .mapping(entries)
    }

    /// The request template hands the function the method, resource, parameters and JSON body.
    static let requestTemplate = """
    #set($params = $input.params())
    {
      "httpMethod": "$context.httpMethod",
      "resource": "$context.resourcePath",
      "requestId": "$context.requestId",
      "pathParameters": {
    #foreach($name in $params.path.keySet())
        "$name": "$util.escapeJavaScript($params.path.get($name))"#if($foreach.hasNext),#end
    #end
      },
      "queryStringParameters": {
    #foreach($name in $params.querystring.keySet())
        "$name": "$util.escapeJavaScript($params.querystring.get($name))"#if($foreach.hasNext),#end
    #end
      },
      "body": $input.json('$')
    }
    """

    private func customIntegration(_ route: RouteDesign) -> YAMLNode {
        let cors = corsResponseParameters
        func reply(_ status: String, _ template: String) -> YAMLNode {
            var entries = [YAMLEntry("statusCode", .string(status))]
            if !cors.isEmpty { entries.append(YAMLEntry("responseParameters", .mapping(cors))) }
            entries.append(YAMLEntry("responseTemplates", .mapping([YAMLEntry("application/json", .string(template))])))
            return .mapping(entries)
        }
        return .mapping([
            YAMLEntry("type", .string("aws")),
            YAMLEntry("httpMethod", .string("POST")),
            YAMLEntry("uri", lambdaURI(route.function ?? "")),
            YAMLEntry("passthroughBehavior", .string("when_no_templates")),
        ] + (plan.restIntegrationTimeout(api).map { [YAMLEntry("timeoutInMillis", .int($0))] } ?? []) + [
            YAMLEntry("requestTemplates", .mapping([YAMLEntry("application/json", .string(Self.requestTemplate))])),
            YAMLEntry("responses", .mapping([
                YAMLEntry("default", reply("200", "$input.json('$')")),
                YAMLEntry(".+", reply("500", #"{"message": "Internal server error"}"#),
                          comment: ["Any function error (a non-empty errorMessage) becomes a 500 with a generic body;",
                                    "add narrower selection patterns for errors that should be 4xx."]),
            ])),
        ])
    }

    private func mockIntegration() -> YAMLNode {
        .mapping([
            YAMLEntry("type", .string("mock")),
            YAMLEntry("passthroughBehavior", .string("when_no_match")),
            YAMLEntry("requestTemplates", .mapping([YAMLEntry("application/json", .string(#"{"statusCode": 200}"#))])),
            YAMLEntry("responses", .mapping([YAMLEntry("default", .mapping([
                YAMLEntry("statusCode", .string("200")),
                YAMLEntry("responseParameters", .mapping(preflightParameters)),
            ]))])),
        ])
    }
}
