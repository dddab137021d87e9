/// Security schemes, CORS and policies of an OpenAPI document: the parts API Gateway reads from its extensions.
extension OpenAPIBuilder {
    /// The name of an authorizer, shared by the SAM template's `Auth` and the security schemes.
    static func authorizerName(_ type: String) -> String {
        switch type {
        case "iam": return "SigV4"
        case "cognito": return "CognitoAuthorizer"
        case "lambda-token": return "LambdaTokenAuthorizer"
        case "lambda-request": return "LambdaRequestAuthorizer"
        default: return "JwtAuthorizer"
        }
    }

    /// The security scheme of one authorizer: its type's name, marked when the credential is not in a header.
    static func schemeName(_ authorizer: AuthorizerDesign) -> String {
        authorizerName(authorizer.type) + (authorizer.transport == "cookie" ? "Cookie" : authorizer.transport == "query" ? "Query" : "")
    }

    /// The scheme of the authorizer that guards a route, if any.
    func schemeName(of route: RouteDesign) -> String? {
        guard route.authorized, let authorizer = api.authorizers.first(where: { $0.name == route.authorizer }) else { return nil }
        return Self.schemeName(authorizer)
    }

    /// The scheme name API Gateway gives API keys when it exports a REST API, and SAM uses too.
    static let apiKeyScheme = "api_key"

    var usesKeys: Bool { plan.usesApiKeys(api) }

    func securitySchemes() -> YAMLNode? {
        let keys = usesKeys ? [YAMLEntry(Self.apiKeyScheme, .mapping([YAMLEntry("type", .string("apiKey")), YAMLEntry("name", .string("x-api-key")),
                                                                      YAMLEntry("in", .string("header"))]))] : []
        guard !api.authorizers.isEmpty else { return keys.isEmpty ? nil : .mapping(keys) }
        return .mapping(api.authorizers.map { YAMLEntry(Self.schemeName($0), .mapping(scheme($0))) } + keys)
    }

    /// One authorizer as a security scheme with API Gateway's extensions.
    private func scheme(_ authorizer: AuthorizerDesign) -> [YAMLEntry] {
        let header = [YAMLEntry("type", .string("apiKey")), YAMLEntry("name", .string(GenerationPlan.headerName(authorizer.identitySource))),
                      YAMLEntry("in", .string(authorizer.transport == "query" ? "query" : "header"))]
        let scheme: [YAMLEntry]
        switch authorizer.type {
        case "iam":
            scheme = [YAMLEntry("type", .string("apiKey")), YAMLEntry("name", .string("Authorization")), YAMLEntry("in", .string("header")),
                      YAMLEntry("x-amazon-apigateway-authtype", .string("awsSigv4"))]
        case "cognito":
            let pool: YAMLNode = target == .document ? .string("{cognito-user-pool-arn}") : .ref("CognitoUserPoolArn")
            scheme = header + [YAMLEntry("x-amazon-apigateway-authtype", .string("cognito_user_pools")),
                               YAMLEntry("x-amazon-apigateway-authorizer", .mapping([
                                   YAMLEntry("type", .string("cognito_user_pools")),
                                   YAMLEntry("providerARNs", .sequence([pool])),
                               ]))]
        case "jwt":
            let issuer = authorizer.issuer ?? "https://{your-identity-provider}/"
            scheme = [YAMLEntry("type", .string("oauth2")),
                      YAMLEntry("flows", .mapping([]), comment: ["API Gateway reads only the extension below; empty flows keep the document valid OpenAPI."]),
                      YAMLEntry("x-amazon-apigateway-authorizer", .mapping([
                          YAMLEntry("type", .string("jwt")),
                          YAMLEntry("identitySource", .string(authorizer.identitySource)),
                          YAMLEntry("jwtConfiguration", .mapping([
                              YAMLEntry("issuer", .string(issuer)),
                              YAMLEntry("audience", .strings(["{app-client-id}"])),
                          ])),
                      ]))]
        default:
            var settings = [YAMLEntry("type", .string(authorizer.type == "lambda-token" ? "token" : "request")),
                            YAMLEntry("authorizerUri", lambdaAuthorizerURI(authorizer.function ?? "")),
                            YAMLEntry("identitySource", .string(authorizer.identitySource)),
                            YAMLEntry("authorizerResultTtlInSeconds", .int(authorizer.cacheTTL ?? 300))]
            if !rest {
                settings += [YAMLEntry("authorizerPayloadFormatVersion", .string("2.0")),
                             YAMLEntry("enableSimpleResponses", .bool(true))]
            }
            scheme = header + (rest ? [YAMLEntry("x-amazon-apigateway-authtype", .string("custom"))] : [])
                + [YAMLEntry("x-amazon-apigateway-authorizer", .mapping(settings))]
        }
        return scheme
    }

    private func lambdaAuthorizerURI(_ function: String) -> YAMLNode {
        switch target {
        case .document:
            return .string("arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account-id}:function:\(function)/invocations")
        case .definitionBody:
            return .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${\(plan.functionID(function)).Arn}/invocations")
        }
    }

    // MARK: CORS

    /// SAM and API Gateway want header values of REST mappings as quoted literals: `'value'`.
    static func literal(_ text: String) -> String { "'\(text)'" }

    private var credentials: Bool { api.cors.allowCredentials }

    var preflightHeaders: [String] {
        ["Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"]
            + (credentials ? ["Access-Control-Allow-Credentials"] : []) + ["Access-Control-Max-Age"]
    }

    var preflightParameters: [YAMLEntry] {
        var values = [Self.literal(fixedOrigin), Self.literal(api.cors.allowMethods.joined(separator: ",")),
                      Self.literal(api.cors.allowHeaders.joined(separator: ","))]
        if credentials { values.append(Self.literal("true")) }
        values.append(Self.literal("600"))
        return zip(preflightHeaders, values).map { YAMLEntry("method.response.header.\($0)", .string($1)) }
    }

    /// With gateway CORS and a custom integration the gateway can add the origin to real responses too.
    var corsResponseHeaders: [String] {
        guard api.cors.handling == "gateway" else { return [] }
        return ["Access-Control-Allow-Origin"] + (credentials ? ["Access-Control-Allow-Credentials"] : [])
    }

    var corsResponseParameters: [YAMLEntry] {
        guard api.cors.handling == "gateway" else { return [] }
        var out = [YAMLEntry("method.response.header.Access-Control-Allow-Origin", .string(Self.literal(fixedOrigin)))]
        if credentials { out.append(YAMLEntry("method.response.header.Access-Control-Allow-Credentials", .string(Self.literal("true")))) }
        return out
    }

    /// Gateway CORS allows at most one origin (the check refuses more); `*` when none is listed.
    private var fixedOrigin: String {
        if case .fixed(let value) = plan.allowOrigin(api.cors) { return value }
        return "*"
    }

    /// Headers for DEFAULT_4XX and DEFAULT_5XX, shared with the SAM template's `GatewayResponses`.
    static func gatewayResponseHeaders(_ cors: CorsDesign, origin: CorsOrigin) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        switch origin {
        case .fixed(let value): headers.append(("Access-Control-Allow-Origin", literal(value)))
        case .echo: headers.append(("Access-Control-Allow-Origin", "method.request.header.Origin"))
        }
        // An echoed Origin is not checked against the allow-list (a gateway response cannot), so it must never come
        // with credentials: that would let any site read credentialed error responses.
        if cors.allowCredentials && origin != .echo { headers.append(("Access-Control-Allow-Credentials", literal("true"))) }
        if origin == .echo { headers.append(("Vary", literal("Origin"))) }
        return headers
    }

    func gatewayResponses() -> YAMLNode {
        let headers = Self.gatewayResponseHeaders(api.cors, origin: plan.allowOrigin(api.cors))
        return .mapping(api.cors.gatewayResponses.map { type in
            YAMLEntry(type, .mapping([YAMLEntry("responseParameters", .mapping(headers.map {
                YAMLEntry("gatewayresponse.header.\($0.name)", .string($0.value))
            }))]))
        })
    }

    func httpCors() -> YAMLNode {
        let origins = api.cors.origins.filter { !$0.isEmpty }
        var entries = [YAMLEntry("allowOrigins", .strings(origins.isEmpty ? ["*"] : origins)),
                       YAMLEntry("allowHeaders", .strings(api.cors.allowHeaders)),
                       YAMLEntry("allowMethods", .strings(api.cors.allowMethods))]
        if credentials { entries.append(YAMLEntry("allowCredentials", .bool(true))) }
        entries.append(YAMLEntry("maxAge", .int(600)))
        return .mapping(entries)
    }

    // MARK: private endpoint

    func privatePolicy() -> YAMLNode {
        let endpoint: YAMLNode = target == .document ? .string("{vpc-endpoint-id}") : .ref("VpcEndpointId")
        return .mapping([
            YAMLEntry("Version", .string("2012-10-17")),
            YAMLEntry("Statement", .sequence([PrivatePolicy.statement(endpoint)])),
        ])
    }
}
