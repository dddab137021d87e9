/// The front doors that replace API Gateway: SAM function URLs, and for CloudFront a distribution with origin access
/// control, a cache policy and the permissions that let only that distribution call the URLs.
extension SAMTemplateBuilder {
    /// The `FunctionUrlConfig` of a function that a front door gives a URL.
    func functionURLConfig(_ function: FunctionDesign) -> YAMLEntry? {
        guard let url = plan.functionURL(function.name) else { return nil }
        var config = [YAMLEntry("AuthType", .string(url.authType)), YAMLEntry("InvokeMode", .string(url.invokeMode))]
        if let cors = url.cors {
            var entries = [YAMLEntry("AllowOrigins", .strings(cors.allowOrigins)), YAMLEntry("AllowMethods", .strings(cors.allowMethods)),
                           YAMLEntry("AllowHeaders", .strings(cors.allowHeaders))]
            if cors.allowCredentials { entries.append(YAMLEntry("AllowCredentials", .bool(true))) }
            entries.append(YAMLEntry("MaxAge", .int(cors.maxAge)))
            config.append(YAMLEntry("Cors", .mapping(entries), comment: ["Lambda answers preflights and adds the CORS headers to every response."]))
        }
        let comment = url.authType == "AWS_IAM"
            ? ["AWS_IAM: only SigV4-signed requests from principals the function's policy allows reach the handler."]
            : ["NONE: public; SAM adds the permissions that let anyone invoke the function through its URL."]
        return YAMLEntry("FunctionUrlConfig", .mapping(config), comment: comment)
    }

    /// The id SAM gives the `AWS::Lambda::Url` it creates for a function's `FunctionUrlConfig`.
    func urlID(_ function: String) -> String { plan.functionID(function) + "Url" }

    /// A front-door resource id, allocated once per API and kind.
    mutating func frontDoorID(_ api: APIDesign, _ suffix: String) -> String {
        let key = api.name + "/" + suffix
        if let id = plan.frontDoorIDs[key] { return id }
        let id = plan.ids.allocate(api.name, suffix: suffix)
        plan.frontDoorIDs[key] = id
        return id
    }

    /// The distribution, origin access control, cache policy and invoke permissions of each CloudFront front door.
    mutating func frontDoorResources() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for api in layout.apis {
            guard let door = api.frontDoor, door.kind == "cloudfront-function-url", !door.behaviors.isEmpty else { continue }
            let oac = frontDoorID(api, "OriginAccessControl"), cache = frontDoorID(api, "CachePolicy")
            let distribution = frontDoorID(api, "Distribution")
            // Names are unique per account: the stack name keeps two deployments of this template apart.
            out.append(YAMLEntry(oac, .mapping([
                YAMLEntry("Type", .string("AWS::CloudFront::OriginAccessControl")),
                YAMLEntry("Properties", .mapping([YAMLEntry("OriginAccessControlConfig", .mapping([
                    YAMLEntry("Name", .sub("${AWS::StackName}-\(oac)")),
                    YAMLEntry("Description", .string("CloudFront signs every request to the function URLs of \(api.name)")),
                    YAMLEntry("OriginAccessControlOriginType", .string("lambda")),
                    YAMLEntry("SigningBehavior", .string("always")),
                    YAMLEntry("SigningProtocol", .string("sigv4")),
                ]))])),
            ]), spaced: true))
            let origin = door.urls.first?.cors.map { $0.allowOrigins != ["*"] } ?? false
            let headers: YAMLNode = origin
                ? .mapping([YAMLEntry("HeaderBehavior", .string("whitelist")), YAMLEntry("Headers", .strings(["Origin"]))])
                : .mapping([YAMLEntry("HeaderBehavior", .string("none"))])
            out.append(YAMLEntry(cache, .mapping([
                YAMLEntry("Type", .string("AWS::CloudFront::CachePolicy")),
                YAMLEntry("Properties", .mapping([YAMLEntry("CachePolicyConfig", .mapping([
                    YAMLEntry("Name", .sub("${AWS::StackName}-\(cache)")),
                    YAMLEntry("Comment", .string("Path and query string\(origin ? " and Origin" : ""); cached only as long as the function's Cache-Control allows")),
                    YAMLEntry("DefaultTTL", .int(0)), YAMLEntry("MinTTL", .int(0)), YAMLEntry("MaxTTL", .int(31_536_000)),
                    YAMLEntry("ParametersInCacheKeyAndForwardedToOrigin", .mapping([
                        YAMLEntry("EnableAcceptEncodingGzip", .bool(true)),
                        YAMLEntry("EnableAcceptEncodingBrotli", .bool(true)),
                        YAMLEntry("CookiesConfig", .mapping([YAMLEntry("CookieBehavior", .string("none"))])),
                        YAMLEntry("HeadersConfig", headers),
                        YAMLEntry("QueryStringsConfig", .mapping([YAMLEntry("QueryStringBehavior", .string("all"))])),
                    ])),
                ]))])),
            ]), spaced: true))
            func behavior(_ behavior: PathBehavior) -> [YAMLEntry] {
                var entries: [YAMLEntry] = []
                if behavior.pattern != "*" { entries.append(YAMLEntry("PathPattern", .string(behavior.pattern))) }
                entries += [YAMLEntry("TargetOriginId", .string(behavior.function)),
                            YAMLEntry("ViewerProtocolPolicy", .string("redirect-to-https")),
                            YAMLEntry("AllowedMethods", .strings(behavior.allowedMethods)),
                            YAMLEntry("CachedMethods", .strings(["GET", "HEAD"])),
                            YAMLEntry("CachePolicyId", .ref(cache)),
                            YAMLEntry("Compress", .bool(true))]
                return entries
            }
            let origins: [YAMLNode] = door.urls.map { url in
                // The URL is https://ID.lambda-url.REGION.on.aws/: the origin is its host.
                let host = YAMLNode.mapping([YAMLEntry("Fn::Select", .sequence([.int(2), .mapping([YAMLEntry("Fn::Split", .sequence([
                    .string("/"), .getAtt(urlID(url.function), "FunctionUrl")]))])]))])
                return .mapping([YAMLEntry("Id", .string(url.function)), YAMLEntry("DomainName", host),
                                 YAMLEntry("OriginAccessControlId", .getAtt(oac, "Id")),
                                 YAMLEntry("CustomOriginConfig", .mapping([YAMLEntry("OriginProtocolPolicy", .string("https-only")),
                                                                          YAMLEntry("OriginSSLProtocols", .strings(["TLSv1.2"]))]))])
            }
            var config = [YAMLEntry("Enabled", .bool(true)),
                          YAMLEntry("Comment", .string(String("\(api.name): CloudFront in front of Lambda function URLs".prefix(128)))),
                          YAMLEntry("HttpVersion", .string("http2and3")),
                          YAMLEntry("Origins", .sequence(origins))]
            let explicit = door.behaviors.filter { $0.pattern != "*" }
            if !explicit.isEmpty {
                config.append(YAMLEntry("CacheBehaviors", .sequence(explicit.map { .mapping(behavior($0)) }),
                                        comment: ["First match wins: the most specific patterns come first, as the layout lists them."]))
            }
            if let fallback = door.behaviors.last { config.append(YAMLEntry("DefaultCacheBehavior", .mapping(behavior(fallback)))) }
            out.append(YAMLEntry(distribution, .mapping([
                YAMLEntry("Type", .string("AWS::CloudFront::Distribution")),
                YAMLEntry("Properties", .mapping([YAMLEntry("DistributionConfig", .mapping(config))])),
            ]), spaced: true))
            for url in door.urls {
                let functionID = plan.functionID(url.function)
                // New function URLs need both actions (since October 2025); each names this distribution only.
                let grants: [(String, String, YAMLEntry)] = [
                    ("UrlPermission", "lambda:InvokeFunctionUrl", YAMLEntry("FunctionUrlAuthType", .string("AWS_IAM"))),
                    ("InvokePermission", "lambda:InvokeFunction", YAMLEntry("InvokedViaFunctionUrl", .bool(true))),
                ]
                for (suffix, action, condition) in grants {
                    out.append(YAMLEntry(plan.ids.allocate(functionID + distribution, suffix: suffix), .mapping([
                        YAMLEntry("Type", .string("AWS::Lambda::Permission")),
                        YAMLEntry("Properties", .mapping([
                            YAMLEntry("Action", .string(action)),
                            YAMLEntry("FunctionName", .ref(functionID)),
                            YAMLEntry("Principal", .string("cloudfront.amazonaws.com")),
                            YAMLEntry("SourceArn", .sub("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${\(distribution)}")),
                            condition,
                        ])),
                    ]), spaced: true))
                }
            }
        }
        return out
    }

    /// The address of each front door: the distribution's, or each function URL.
    mutating func frontDoorOutputs() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for api in layout.apis {
            guard let door = api.frontDoor else { continue }
            if door.kind == "cloudfront-function-url", !door.behaviors.isEmpty {
                let distribution = frontDoorID(api, "Distribution")
                out.append(YAMLEntry(plan.ids.allocate(distribution + "Url"), .mapping([
                    YAMLEntry("Description", .string("Address of \(api.name) through CloudFront")),
                    YAMLEntry("Value", .sub("https://${\(distribution).DomainName}")),
                ])))
                continue
            }
            for url in door.urls {
                out.append(YAMLEntry(plan.ids.allocate(plan.functionID(url.function), suffix: "Endpoint"), .mapping([
                    YAMLEntry("Description", .string(String("Function URL of \(url.function): \(url.routes.joined(separator: ", "))".prefix(1024)))),
                    YAMLEntry("Value", .getAtt(urlID(url.function), "FunctionUrl")),
                ])))
            }
        }
        return out
    }
}
