/// An AWS SAM template that deploys the recommended layout: APIs, functions, events, authorizers, CORS and outputs.
public enum SAMTemplateGenerator {
    /// The template text, or a refusal when the layout cannot be expressed (a conflict, an unresolved decision, ...).
    public static func render(_ advice: Advice, context: ReportContext, recordName: String) throws(GenerationRefusal) -> String {
        render(plan: try GenerationPlan(advice: advice, context: context, recordName: recordName))
    }

    /// The template of a checked plan; the builder works on its own copy, since it allocates ids as it goes.
    static func render(plan: GenerationPlan) -> String {
        var builder = SAMTemplateBuilder(plan: plan)
        let template = builder.template()
        return YAMLWriter.document(template, header: builder.header())
    }
}

/// Builds the template; mutable only because logical ids are allocated as resources are added.
struct SAMTemplateBuilder {
    var plan: GenerationPlan
    var layout: Layout { plan.layout }
    /// The SAM event routes of each function, grouped once per template (see `EventRoutes`).
    private var eventRoutes: [String: [EventRoutes]] = [:]

    init(plan: GenerationPlan) { self.plan = plan }

    func header() -> [String] {
        var lines = plan.header("AWS SAM template")
        lines.append("Deploy: sam build && sam deploy --guided (code goes in the CodeUri folders; handlers are named for \(layout.runtime)).")
        let missing = plan.notGenerated
        if !missing.isEmpty {
            lines += TextWrap.wrap("Not generated (see the advice): " + missing.joined(separator: "; ") + ".", width: 98, firstIndent: "", indent: "  ")
        }
        return lines
    }

    mutating func template() -> YAMLNode {
        eventRoutes = EventRoutes.byFunction(plan.gatewayAPIs, plan: plan)
        var resources: [YAMLEntry] = []
        for api in plan.gatewayAPIs {
            resources.append(YAMLEntry(plan.apiID(api), .mapping([
                YAMLEntry("Type", .string(api.type == "rest" ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi")),
                YAMLEntry("Properties", .mapping(api.type == "rest" ? restAPI(api) : httpAPI(api))),
            ]), spaced: true))
        }
        for function in layout.functions {
            resources.append(YAMLEntry(plan.functionID(function.name), self.function(function), spaced: true))
        }
        resources += permissions()
        resources += featureResources()
        resources += jobResources()
        resources += frontDoorResources()
        resources += pushResources()
        var outputs: [YAMLEntry] = []
        // With mutual TLS the execute-api address is switched off, so the domain outputs are the only URLs.
        for api in plan.gatewayAPIs where !(plan.generatedDomain != nil && plan.mutualTLS) {
            let id = plan.apiID(api)
            outputs.append(YAMLEntry(plan.ids.allocate(id + "Url"), .mapping([
                YAMLEntry("Description", .string("Invoke URL of \(api.name)")),
                YAMLEntry("Value", .sub("https://${\(id)}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}")),
            ])))
        }
        outputs += featureOutputs()
        outputs += jobOutputs()
        outputs += frontDoorOutputs()
        outputs += pushOutputs()
        var globals = [YAMLEntry("Runtime", .ref("Runtime")), globalTimeout]
        if plan.features.contains("xray-tracing") { globals.append(YAMLEntry("Tracing", .string("Active"))) }
        var sections = [YAMLEntry("AWSTemplateFormatVersion", .string("2010-09-09")),
                        YAMLEntry("Transform", .string("AWS::Serverless-2016-10-31")),
                        YAMLEntry("Description", .string(description)),
                        YAMLEntry("Parameters", .mapping(parameters()), spaced: true)]
        let conditions = conditions()
        if !conditions.isEmpty { sections.append(YAMLEntry("Conditions", .mapping(conditions), spaced: true)) }
        sections += [YAMLEntry("Globals", .mapping([YAMLEntry("Function", .mapping(globals))]), spaced: true),
                     YAMLEntry("Resources", .mapping(resources), spaced: true),
                     YAMLEntry("Outputs", .mapping(outputs), spaced: true)]
        return .mapping(sections)
    }

    private var description: String {
        let apis = layout.apis.map { "\($0.name) (\($0.frontDoor?.kind ?? $0.type.uppercased()))" }.joined(separator: ", ")
        return String("apigw-advisor skeleton: \(apis) with \(layout.functions.count) function(s).".prefix(1024))
    }

    // MARK: parameters

    private func parameters() -> [YAMLEntry] {
        func parameter(_ name: String, type: String = "String", _ text: String, default value: String? = nil, pattern: String? = nil) -> YAMLEntry {
            Self.parameter(name, type: type, text, default: value, pattern: pattern)
        }
        var out = [parameter("Runtime", "Lambda runtime of every function; the handlers are named for the default.", default: layout.runtime)]
        if !plan.gatewayAPIs.isEmpty || !plan.pushChannels.isEmpty {
            out.append(parameter("Stage", "Stage name, the last part of each invoke URL.", default: "prod", pattern: "^[A-Za-z0-9_-]+$"))
        }
        var authorizers = Set(plan.gatewayAPIs.flatMap { $0.authorizers.map(\.type) })
        // A push channel's own authorizer checks the same issuer as the request API, even behind another front door.
        for push in plan.pushChannels { if let verifies = push.verifies, verifies != "lambda" { authorizers.insert(verifies) } }
        if authorizers.contains("cognito") {
            out.append(parameter("CognitoUserPoolArn", "ARN of the Cognito user pool whose tokens the REST API accepts.",
                                 pattern: "^arn:aws[a-z-]*:cognito-idp:.+$"))
        }
        if authorizers.contains("jwt") {
            if plan.cognitoIssuer {
                out.append(parameter("CognitoUserPoolId", "Id of the Cognito user pool that issues the tokens, e.g. eu-west-1_AbCdEfGhI.",
                                     pattern: "^[a-z0-9-]+_[A-Za-z0-9]+$"))
            } else {
                out.append(parameter("JwtIssuer", "Issuer URL of the identity provider: the iss claim of its tokens.", pattern: "^https://.+$"))
            }
            out.append(parameter("JwtAudience", type: "CommaDelimitedList",
                                 "Accepted audiences: the aud claim (OIDC) or the app client ids (Cognito), comma-separated."))
        }
        if layout.apis.contains(where: { $0.endpoint == "private" }) {
            out.append(parameter("VpcEndpointId", "Interface VPC endpoint for execute-api through which callers reach the private API.",
                                 pattern: "^vpce-[0-9a-f]+$"))
        }
        return out + featureParameters()
    }

    // MARK: APIs

    private func restAPI(_ api: APIDesign) -> [YAMLEntry] {
        var endpoint = [YAMLEntry("Type", .string(api.endpoint.uppercased()))]
        if api.endpoint == "private" { endpoint.append(YAMLEntry("VPCEndpointIds", .sequence([.ref("VpcEndpointId")]))) }
        var properties = [YAMLEntry("Name", .string(api.name)),
                          YAMLEntry("StageName", .ref("Stage")),
                          YAMLEntry("OpenApiVersion", .string("3.0.1"), comment: ["Keeps SAM from creating an extra stage named Stage."]),
                          YAMLEntry("EndpointConfiguration", .mapping(endpoint))]
        properties += featureProperties(api)
        if plan.usesDefinitionBody(api) {
            // The body declares the API key on each operation; the usage plan is still SAM's to create.
            let keys = apiKeyAuth(api, events: false)
            if !keys.isEmpty { properties.append(YAMLEntry("Auth", .mapping(keys))) }
            properties.append(YAMLEntry("DefinitionBody", OpenAPIBuilder(plan: plan, api: api, target: .definitionBody).document(),
                                        comment: definitionBodyComment(api)))
            return properties
        }
        if let auth = restAuth(api) { properties.append(YAMLEntry("Auth", auth)) }
        if api.cors.handling == "gateway" {
            properties.append(YAMLEntry("Cors", restCors(api), comment: [
                "Mock OPTIONS methods answer preflights for every path. With the Lambda proxy integration the functions",
                "must still return Access-Control-Allow-Origin on every response.",
            ]))
        }
        if !api.cors.gatewayResponses.isEmpty {
            properties.append(YAMLEntry("GatewayResponses", gatewayResponses(api), comment: [
                "Errors the gateway makes itself (authorizer 401/403, throttling 429, timeout 504) need CORS headers too.",
            ]))
        }
        return properties
    }

    private func httpAPI(_ api: APIDesign) -> [YAMLEntry] {
        var properties = [YAMLEntry("Name", .string(api.name)), YAMLEntry("StageName", .ref("Stage"))]
        properties += featureProperties(api)
        if let auth = httpAuth(api) { properties.append(YAMLEntry("Auth", auth)) }
        if api.cors.handling == "http-api-config" {
            properties.append(YAMLEntry("CorsConfiguration", httpCors(api), comment: [
                "The gateway answers preflights and adds the headers; CORS headers from the functions are ignored.",
            ]))
        }
        return properties
    }

    // MARK: functions

    private func function(_ function: FunctionDesign) -> YAMLNode {
        var properties: [YAMLEntry] = []
        let text: String
        if function.role == "authorizer" {
            let users = layout.apis.filter { $0.authorizers.contains { $0.function == function.name } }
            let channels = layout.apis.compactMap(\.push).filter { $0.authorizerFunction == function.name }
            var types = Set(users.flatMap { $0.authorizers.filter { $0.function == function.name }.map(\.type) })
            if !channels.isEmpty { types.insert("lambda-request") }
            let kind = types == ["lambda-token"] ? "TOKEN" : types == ["lambda-request"] ? "REQUEST" : "TOKEN and REQUEST"
            text = "Lambda authorizer (\(kind)) of " + (users.map(\.name) + channels.map { "\($0.name) $connect" }).joined(separator: ", ")
        } else if function.role == "worker" {
            text = workerDescription(function)
        } else {
            text = "Serves " + function.routes.joined(separator: ", ")
        }
        // Lambda refuses descriptions longer than 256 characters.
        properties.append(YAMLEntry("Description", .string(text.count > 256 ? String(text.prefix(253)) + "..." : text)))
        properties.append(YAMLEntry("CodeUri", .string("src/\(function.package)/")))
        properties.append(YAMLEntry("Handler", .string(function.handler)))
        var access = FunctionAccess()
        properties += jobProperties(of: function, into: &access)
        pushProperties(of: function, into: &access)
        properties += access.entries
        if let url = functionURLConfig(function) { properties.append(url) }
        let events = self.events(of: function) + jobEvents(of: function)
        if !events.isEmpty { properties.append(YAMLEntry("Events", .mapping(events))) }
        return .mapping([YAMLEntry("Type", .string("AWS::Serverless::Function")), YAMLEntry("Properties", .mapping(properties))])
    }

    /// One event per proxy route of the function on an API that SAM builds from events.
    private func events(of function: FunctionDesign) -> [YAMLEntry] {
        let groups = eventRoutes[function.name] ?? []
        var names = LogicalIDAllocator()
        var out: [YAMLEntry] = []
        for group in groups {
            let api = group.api
            let prefix = groups.count > 1 ? api.name + " " : ""
            for route in group.routes {
                var properties = [YAMLEntry(api.type == "rest" ? "RestApiId" : "ApiId", .ref(plan.apiID(api))),
                                  YAMLEntry("Path", .string(route.path)),
                                  YAMLEntry("Method", .string(route.method.lowercased()))]
                if let millis = group.timeout {
                    properties.append(YAMLEntry("TimeoutInMillis", .int(millis)))
                }
                // Each route states what differs from the API's defaults: another authorizer or none, a key or none.
                var auth: [YAMLEntry] = []
                let guarding = route.authorized ? api.authorizers.first { $0.name == route.authorizer } : nil
                if guarding?.name != api.authorizer?.name {
                    auth.append(YAMLEntry("Authorizer", .string(guarding.map(samAuthorizerName) ?? "NONE")))
                }
                if group.usesApiKeys && plan.requiresApiKey(route, on: api) != group.keyOnEveryRoute {
                    auth.append(YAMLEntry("ApiKeyRequired", .bool(plan.requiresApiKey(route, on: api))))
                }
                if !auth.isEmpty {
                    properties.append(YAMLEntry("Auth", .mapping(auth),
                                                comment: route.method == "OPTIONS" ? preflightNotes(api, route) : []))
                }
                let name = names.allocate(prefix + route.method.lowercased() + " " + OpenAPIBuilder.words(route.path))
                out.append(YAMLEntry(name, .mapping([YAMLEntry("Type", .string(api.type == "rest" ? "Api" : "HttpApi")),
                                                     YAMLEntry("Properties", .mapping(properties))])))
            }
        }
        return out
    }

    private func preflightNotes(_ api: APIDesign, _ route: RouteDesign) -> [String] {
        let credentials = plan.usesApiKeys(api) ? "Preflights carry no credentials, so they must not meet the authorizer or need an API key."
            : "Preflights carry no credentials, so they must not meet the authorizer."
        // The OPTIONS route matches before an HTTP API's CORS configuration could answer, so the function must reply.
        guard api.type == "http", route.function != nil else { return [credentials] }
        return [credentials, "This route invokes the function for every preflight: answer OPTIONS with 204 and no body; the gateway adds the CORS headers."]
    }

    /// APIs built from an OpenAPI body get no SAM events, so API Gateway's permission to invoke is declared here.
    private mutating func permissions() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for api in layout.apis where plan.usesDefinitionBody(api) {
            let apiID = plan.apiID(api)
            var functions: [String] = []
            for route in api.routes { if let name = route.function, !functions.contains(name) { functions.append(name) } }
            var sources = functions.map { ($0, "${\(apiID)}/*/*/*") }
            if let authorizer = api.authorizer?.function { sources.append((authorizer, "${\(apiID)}/authorizers/*")) }
            out += invokePermissions(apiID: apiID, sources: sources)
        }
        return out
    }
}

extension SAMTemplateBuilder {
    /// API Gateway's permission to invoke each function from the given execute-api source (`${Api}/...`).
    mutating func invokePermissions(apiID: String, sources: [(String, String)]) -> [YAMLEntry] {
        sources.map { function, source in
            let functionID = plan.functionID(function)
            return YAMLEntry(plan.ids.allocate(functionID + apiID, suffix: "Permission"), .mapping([
                YAMLEntry("Type", .string("AWS::Lambda::Permission")),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("Action", .string("lambda:InvokeFunction")),
                    YAMLEntry("FunctionName", .ref(functionID)),
                    YAMLEntry("Principal", .string("apigateway.amazonaws.com")),
                    YAMLEntry("SourceArn", .sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:\(source)")),
                ])),
            ]), spaced: true)
        }
    }
}

/// The routes of one function on one API that SAM builds from events, with what the API decides for all of
/// them. Grouped in one pass over every route, so the template's events cost O(routes), not O(functions x routes).
private struct EventRoutes {
    /// The API, one that SAM builds from events (not from an OpenAPI body) and that routes to the function.
    let api: APIDesign
    /// The function's Lambda proxy routes on the API, in the API's order (possibly none).
    var routes: [RouteDesign]
    /// The API's REST integration timeout, if any.
    let timeout: Int?
    /// Whether the API uses API keys.
    let usesApiKeys: Bool
    /// Whether every route of the API but the preflights requires a key.
    let keyOnEveryRoute: Bool

    /// Function name -> the APIs (in layout order) that route to it, each with its proxy routes.
    static func byFunction(_ apis: [APIDesign], plan: GenerationPlan) -> [String: [EventRoutes]] {
        var out: [String: [EventRoutes]] = [:]
        for api in apis where !plan.usesDefinitionBody(api) {
            var routes: [String: [RouteDesign]] = [:]
            var order: [String] = []
            for route in api.routes {
                guard let function = route.function else { continue }
                if routes[function] == nil { order.append(function) }
                var list = routes.removeValue(forKey: function) ?? []
                if route.integration == "lambda-proxy" { list.append(route) }
                routes[function] = list
            }
            guard !order.isEmpty else { continue }
            let timeout = plan.restIntegrationTimeout(api), keys = plan.usesApiKeys(api), every = plan.keyOnEveryRoute(api)
            for function in order {
                out[function, default: []].append(EventRoutes(api: api, routes: routes[function] ?? [], timeout: timeout,
                                                              usesApiKeys: keys, keyOnEveryRoute: every))
            }
        }
        return out
    }
}
