/// The `Auth`, `Cors`, `GatewayResponses` and `CorsConfiguration` properties of the SAM APIs.
extension SAMTemplateBuilder {
    /// The name SAM's `Auth` gives an authorizer: `AWS_IAM` for IAM, else the security scheme's name.
    func samAuthorizerName(_ authorizer: AuthorizerDesign) -> String {
        authorizer.type == "iam" ? "AWS_IAM" : OpenAPIBuilder.schemeName(authorizer)
    }

    /// What a REST authorizer reads: one header (TOKEN, Cognito) or the headers and query parameters of a REQUEST one.
    private func identity(_ authorizer: AuthorizerDesign, token: Bool) -> [YAMLEntry] {
        let name = GenerationPlan.headerName(authorizer.identitySource)
        if token { return [YAMLEntry("Header", .string(name))] }
        return [authorizer.transport == "query" ? YAMLEntry("QueryStrings", .strings([name])) : YAMLEntry("Headers", .strings([name]))]
    }

    func restAuth(_ api: APIDesign) -> YAMLNode? {
        var entries: [YAMLEntry] = []
        if let main = api.authorizer {
            entries.append(YAMLEntry("DefaultAuthorizer", .string(samAuthorizerName(main))))
            if main.type == "iam" || api.authorizers.contains(where: { $0.type == "iam" }) {
                entries.append(YAMLEntry("InvokeRole", .string("NONE"), comment: [
                    "API Gateway invokes the functions with their resource-based permissions, not with the callers' credentials.",
                ]))
            }
            var authorizers: [YAMLEntry] = []
            for authorizer in api.authorizers where authorizer.type != "iam" {
                let name = samAuthorizerName(authorizer)
                if authorizer.type == "cognito" {
                    authorizers.append(YAMLEntry(name, .mapping([
                        YAMLEntry("UserPoolArn", .ref("CognitoUserPoolArn")),
                        YAMLEntry("Identity", .mapping(identity(authorizer, token: true))),
                    ])))
                } else {
                    let token = authorizer.type == "lambda-token"
                    authorizers.append(YAMLEntry(name, .mapping([
                        YAMLEntry("FunctionArn", .getAtt(plan.functionID(authorizer.function ?? ""), "Arn")),
                        YAMLEntry("FunctionPayloadType", .string(token ? "TOKEN" : "REQUEST")),
                        YAMLEntry("Identity", .mapping(identity(authorizer, token: token) + [YAMLEntry("ReauthorizeEvery", .int(authorizer.cacheTTL ?? 300))]),
                                  comment: authorizer.transport == "header" ? [] : [identityNote(authorizer)]),
                    ])))
                }
            }
            let lambda = api.authorizers.contains { $0.type.hasPrefix("lambda-") }
            if !authorizers.isEmpty { entries.append(YAMLEntry("Authorizers", .mapping(authorizers), comment: lambda ? authorizerCacheNote : [])) }
            if api.cors.handling == "gateway" {
                entries.append(YAMLEntry("AddDefaultAuthorizerToCorsPreflight", .bool(false),
                                         comment: ["Preflights carry no credentials, so the OPTIONS methods stay open."]))
            }
        }
        if api.endpoint == "private" {
            // One conditional Allow: SAM's IntrinsicVpceWhitelist would add an unconditional Allow for every principal
            // (narrowed only by a separate Deny), which reads as "anyone" to a reviewer and breaks if the Deny is edited.
            entries.append(YAMLEntry("ResourcePolicy", .mapping([YAMLEntry("CustomStatements", .sequence([PrivatePolicy.statement(.ref("VpcEndpointId"))]))]),
                                     comment: ["A private API answers only requests through this interface VPC endpoint (fill in VpcEndpointId)."]))
        }
        entries += apiKeyAuth(api, events: true)
        return entries.isEmpty ? nil : .mapping(entries)
    }

    /// Why the identity source is not the Authorization header.
    private func identityNote(_ authorizer: AuthorizerDesign) -> String {
        authorizer.transport == "cookie"
            ? "The session travels in a cookie: the authorizer reads the Cookie header (requests without it get 401 unchecked)."
            : "The token travels in the query string (?token=...): requests without it get 401 unchecked."
    }

    /// A cached policy must allow every route, or the proxy's other paths get 403 from the cache.
    private var authorizerCacheNote: [String] {
        ["The authorizer's result is cached per identity: return a policy that covers every route of the API",
         "(for example arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/*), or cached answers deny other routes."]
    }

    func httpAuth(_ api: APIDesign) -> YAMLNode? {
        guard let main = api.authorizer else { return nil }
        var entries: [YAMLEntry] = []
        if api.authorizers.contains(where: { $0.type == "iam" }) { entries.append(YAMLEntry("EnableIamAuthorizer", .bool(true))) }
        entries.append(YAMLEntry("DefaultAuthorizer", .string(samAuthorizerName(main))))
        var authorizers: [YAMLEntry] = []
        for authorizer in api.authorizers where authorizer.type != "iam" {
            let name = samAuthorizerName(authorizer)
            if authorizer.type == "jwt" {
                let issuer: YAMLNode = plan.cognitoIssuer
                    ? .sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${CognitoUserPoolId}") : .ref("JwtIssuer")
                authorizers.append(YAMLEntry(name, .mapping([
                    YAMLEntry("IdentitySource", .string(authorizer.identitySource)),
                    YAMLEntry("JwtConfiguration", .mapping([YAMLEntry("issuer", issuer), YAMLEntry("audience", .ref("JwtAudience"))])),
                ])))
            } else {
                let source = GenerationPlan.headerName(authorizer.identitySource)
                authorizers.append(YAMLEntry(name, .mapping([
                    YAMLEntry("FunctionArn", .getAtt(plan.functionID(authorizer.function ?? ""), "Arn")),
                    YAMLEntry("AuthorizerPayloadFormatVersion", .string("2.0")),
                    YAMLEntry("EnableSimpleResponses", .bool(true), comment: ["The function answers {\"isAuthorized\": true|false, \"context\": {...}}."]),
                    YAMLEntry("Identity", .mapping([
                        authorizer.transport == "query" ? YAMLEntry("QueryStrings", .strings([source])) : YAMLEntry("Headers", .strings([source])),
                        YAMLEntry("ReauthorizeEvery", .int(authorizer.cacheTTL ?? 300)),
                    ]), comment: authorizer.transport == "header" ? [] : [identityNote(authorizer)]),
                ])))
            }
        }
        if !authorizers.isEmpty { entries.append(YAMLEntry("Authorizers", .mapping(authorizers))) }
        return .mapping(entries)
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
               "error message, never data from the functions."]
                + (api.cors.allowCredentials ? ["The echoed Origin is unchecked, so these responses never allow credentials: credentialed browser calls",
                                                "see gateway errors (401, 403, 429, 504) as failed requests."] : []) : []
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
