/// The `Auth`, `Cors`, `GatewayResponses` and `CorsConfiguration` properties of the SAM APIs.
extension SAMTemplateBuilder {
    func restAuth(_ api: APIDesign) -> YAMLNode? {
        var entries: [YAMLEntry] = []
        if let authorizer = api.authorizer {
            let name = OpenAPIBuilder.authorizerName(authorizer.type)
            let header = GenerationPlan.headerName(authorizer.identitySource)
            switch authorizer.type {
            case "iam":
                entries.append(YAMLEntry("DefaultAuthorizer", .string("AWS_IAM")))
                entries.append(YAMLEntry("InvokeRole", .string("NONE"), comment: [
                    "API Gateway invokes the functions with their resource-based permissions, not with the callers' credentials.",
                ]))
            case "cognito":
                entries.append(YAMLEntry("DefaultAuthorizer", .string(name)))
                entries.append(YAMLEntry("Authorizers", .mapping([YAMLEntry(name, .mapping([
                    YAMLEntry("UserPoolArn", .ref("CognitoUserPoolArn")),
                    YAMLEntry("Identity", .mapping([YAMLEntry("Header", .string(header))])),
                ]))])))
            default:
                let token = authorizer.type == "lambda-token"
                let identity: [YAMLEntry] = [token ? YAMLEntry("Header", .string(header)) : YAMLEntry("Headers", .strings([header])),
                                             YAMLEntry("ReauthorizeEvery", .int(authorizer.cacheTTL ?? 300))]
                entries.append(YAMLEntry("DefaultAuthorizer", .string(name)))
                entries.append(YAMLEntry("Authorizers", .mapping([YAMLEntry(name, .mapping([
                    YAMLEntry("FunctionArn", .getAtt(plan.functionID(authorizer.function ?? ""), "Arn")),
                    YAMLEntry("FunctionPayloadType", .string(token ? "TOKEN" : "REQUEST")),
                    YAMLEntry("Identity", .mapping(identity)),
                ]))]), comment: authorizerCacheNote))
            }
            if api.cors.handling == "gateway" {
                entries.append(YAMLEntry("AddDefaultAuthorizerToCorsPreflight", .bool(false),
                                         comment: ["Preflights carry no credentials, so the OPTIONS methods stay open."]))
            }
        }
        if api.endpoint == "private" {
            entries.append(YAMLEntry("ResourcePolicy", .mapping([YAMLEntry("IntrinsicVpceWhitelist", .sequence([.ref("VpcEndpointId")]))]),
                                     comment: ["A private API answers only requests through this interface VPC endpoint."]))
        }
        entries += apiKeyAuth(api, events: true)
        return entries.isEmpty ? nil : .mapping(entries)
    }

    /// A cached policy must allow every route, or the proxy's other paths get 403 from the cache.
    private var authorizerCacheNote: [String] {
        ["The authorizer's result is cached per identity: return a policy that covers every route of the API",
         "(for example arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/*), or cached answers deny other routes."]
    }

    func httpAuth(_ api: APIDesign) -> YAMLNode? {
        guard let authorizer = api.authorizer else { return nil }
        let name = OpenAPIBuilder.authorizerName(authorizer.type)
        switch authorizer.type {
        case "iam":
            return .mapping([YAMLEntry("EnableIamAuthorizer", .bool(true)), YAMLEntry("DefaultAuthorizer", .string("AWS_IAM"))])
        case "jwt":
            let issuer: YAMLNode = plan.cognitoIssuer
                ? .sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${CognitoUserPoolId}") : .ref("JwtIssuer")
            return .mapping([
                YAMLEntry("DefaultAuthorizer", .string(name)),
                YAMLEntry("Authorizers", .mapping([YAMLEntry(name, .mapping([
                    YAMLEntry("IdentitySource", .string(authorizer.identitySource)),
                    YAMLEntry("JwtConfiguration", .mapping([YAMLEntry("issuer", issuer), YAMLEntry("audience", .ref("JwtAudience"))])),
                ]))])),
            ])
        default:
            return .mapping([
                YAMLEntry("DefaultAuthorizer", .string(name)),
                YAMLEntry("Authorizers", .mapping([YAMLEntry(name, .mapping([
                    YAMLEntry("FunctionArn", .getAtt(plan.functionID(authorizer.function ?? ""), "Arn")),
                    YAMLEntry("AuthorizerPayloadFormatVersion", .string("2.0")),
                    YAMLEntry("EnableSimpleResponses", .bool(true), comment: ["The function answers {\"isAuthorized\": true|false, \"context\": {...}}."]),
                    YAMLEntry("Identity", .mapping([
                        YAMLEntry("Headers", .strings([GenerationPlan.headerName(authorizer.identitySource)])),
                        YAMLEntry("ReauthorizeEvery", .int(authorizer.cacheTTL ?? 300)),
                    ])),
                ]))])),
            ])
        }
    }

    func restCors(_ api: APIDesign) -> YAMLNode {
        let literal = OpenAPIBuilder.literal
        var origin = "*"
        if case .fixed(let value) = plan.allowOrigin(api.cors) { origin = value }
        var entries = [YAMLEntry("AllowOrigin", .string(literal(origin))),
                       YAMLEntry("AllowMethods", .string(literal(api.cors.allowMethods.joined(separator: ",")))),
                       YAMLEntry("AllowHeaders", .string(literal(api.cors.allowHeaders.joined(separator: ","))))]
        if api.cors.allowCredentials { entries.append(YAMLEntry("AllowCredentials", .bool(true))) }
        entries.append(YAMLEntry("MaxAge", .string(literal("600"))))
        return .mapping(entries)
    }

    func gatewayResponses(_ api: APIDesign) -> YAMLNode {
        let origin = plan.allowOrigin(api.cors)
        let headers = OpenAPIBuilder.gatewayResponseHeaders(api.cors, origin: origin)
        let note = origin == .echo
            ? ["Several origins are allowed, so the request's Origin is echoed; these responses carry only the gateway's own",
               "error message, never data from the functions."] : []
        return .mapping(api.cors.gatewayResponses.enumerated().map { index, type in
            YAMLEntry(type, .mapping([YAMLEntry("ResponseParameters", .mapping([YAMLEntry("Headers", .mapping(headers.map {
                YAMLEntry($0.name, .string($0.value))
            }))]))]), comment: index == 0 ? note : [])
        })
    }

    func httpCors(_ api: APIDesign) -> YAMLNode {
        let origins = api.cors.origins.filter { !$0.isEmpty }
        var entries = [YAMLEntry("AllowOrigins", .strings(origins.isEmpty ? ["*"] : origins)),
                       YAMLEntry("AllowHeaders", .strings(api.cors.allowHeaders)),
                       YAMLEntry("AllowMethods", .strings(api.cors.allowMethods))]
        if api.cors.allowCredentials { entries.append(YAMLEntry("AllowCredentials", .bool(true))) }
        entries.append(YAMLEntry("MaxAge", .int(600)))
        return .mapping(entries)
    }
}
