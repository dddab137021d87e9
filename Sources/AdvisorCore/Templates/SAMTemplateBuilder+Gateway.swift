/// API keys and usage plans, the custom domain, mutual TLS, X-Ray and WAF: what the answers add to the APIs.
extension SAMTemplateBuilder {
    /// A template parameter.
    static func parameter(_ name: String, type: String = "String", _ text: String, default value: String? = nil,
                          pattern: String? = nil, allowed: [String] = [], minimum: Int? = nil) -> YAMLEntry {
        var entries = [YAMLEntry("Type", .string(type)), YAMLEntry("Description", .string(text))]
        if let value { entries.append(YAMLEntry("Default", type == "Number" ? .literal(value) : .string(value))) }
        if let pattern { entries.append(YAMLEntry("AllowedPattern", .string(pattern))) }
        if !allowed.isEmpty { entries.append(YAMLEntry("AllowedValues", .strings(allowed))) }
        if let minimum { entries.append(YAMLEntry("MinValue", .int(minimum))) }
        return YAMLEntry(name, .mapping(entries))
    }

    func featureParameters() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        if layout.apis.contains(where: plan.usesApiKeys) {
            out += [Self.parameter("UsagePlanRateLimit", type: "Number", "Steady requests per second each API key may send.", default: "50", minimum: 1),
                    Self.parameter("UsagePlanBurstLimit", type: "Number", "Requests each API key may send in a burst above the rate.", default: "100", minimum: 1),
                    Self.parameter("UsagePlanQuotaLimit", type: "Number", "Requests each API key may send per quota period.", default: "100000", minimum: 1),
                    Self.parameter("UsagePlanQuotaPeriod", "Period of the quota.", default: "MONTH", allowed: ["DAY", "WEEK", "MONTH"])]
        }
        if let domain = plan.generatedDomain {
            let given = plan.answer("domain-name")?.scalarText ?? ""
            // Without an answer the layout's name is only an example, so the deployer must type the real one.
            out.append(Self.parameter("DomainName", domain.kind == "wildcard" ? "Wildcard host name callers use, such as *.example.com." : "Host name callers use.",
                                      default: given.isEmpty ? nil : domain.name,
                                      pattern: domain.kind == "wildcard" ? #"^\*\.[A-Za-z0-9.-]+$"# : #"^[A-Za-z0-9][A-Za-z0-9.-]+$"#))
            let edge = layout.apis.first?.endpoint == "edge"
            out.append(Self.parameter("CertificateArn", edge
                ? "ACM certificate for the domain, in us-east-1: edge-optimized domains are served by CloudFront."
                : "ACM certificate for the domain, in the API's own Region.",
                pattern: edge ? "^arn:aws[a-z-]*:acm:us-east-1:.+$" : "^arn:aws[a-z-]*:acm:.+$"))
            out.append(Self.parameter("HostedZoneId", "Route 53 hosted zone of the domain; leave empty to create the DNS record elsewhere (see the DomainTarget output).",
                                      default: "", pattern: "^(Z[A-Z0-9]+)?$"))
            if plan.mutualTLS {
                out.append(Self.parameter("TruststoreUri", "S3 URI of the PEM bundle of CA certificates that client certificates must chain to.",
                                          pattern: "^s3://.+$"))
            }
        }
        if layout.apis.contains(where: plan.waf) {
            out.append(Self.parameter("WebAclArn", "ARN of a regional AWS WAF web ACL (scope REGIONAL, in the API's Region) to attach to every REST API stage.",
                                      pattern: "^arn:aws[a-z-]*:wafv2:.+:regional/webacl/.+$"))
        }
        return out
    }

    func conditions() -> [YAMLEntry] {
        guard plan.generatedDomain != nil else { return [] }
        return [YAMLEntry("CreateDnsRecord", .mapping([YAMLEntry("Fn::Not", .sequence([
            .mapping([YAMLEntry("Fn::Equals", .sequence([.ref("HostedZoneId"), .string("")]))]),
        ]))]))]
    }

    // MARK: API properties

    /// Stage and endpoint settings the answers ask for (tracing, mutual TLS), and the custom domain.
    func featureProperties(_ api: APIDesign) -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        if plan.tracing(api) { out.append(YAMLEntry("TracingEnabled", .bool(true))) }
        if plan.generatedDomain != nil && plan.mutualTLS {
            out.append(YAMLEntry("DisableExecuteApiEndpoint", .bool(true), comment: [
                "Mutual TLS is checked on the custom domain only; the execute-api address would let callers skip it.",
            ]))
        }
        if let domain = domain(api) { out.append(domain) }
        return out
    }

    private func domain(_ api: APIDesign) -> YAMLEntry? {
        guard let design = plan.generatedDomain, !plan.mixedDomain else { return nil }
        var entries = [YAMLEntry("DomainName", .ref("DomainName")),
                       YAMLEntry("CertificateArn", .ref("CertificateArn")),
                       YAMLEntry("EndpointConfiguration", .string(api.endpoint == "edge" ? "EDGE" : "REGIONAL"))]
        var comment = ["SAM creates the domain once for all APIs that name it; each API adds its base path mapping."]
        if layout.apis.count > 1, let path = api.basePath {
            entries.append(YAMLEntry("BasePath", .strings([path])))
            // SAM would otherwise strip everything but letters and digits from the base path (order-service -> orderservice).
            if api.type == "rest" { entries.append(YAMLEntry("NormalizeBasePath", .bool(false))) }
        } else {
            comment = ["The API answers at the root of the domain."]
        }
        if plan.mutualTLS {
            entries.append(YAMLEntry("MutualTlsAuthentication", .mapping([YAMLEntry("TruststoreUri", .ref("TruststoreUri"))]),
                                     comment: ["Callers must present a certificate that chains to this truststore."]))
        }
        if design.kind == "wildcard" { comment.append("A wildcard domain answers every host under it with this API; tell tenants apart by the Host header.") }
        return YAMLEntry("Domain", .mapping(entries), comment: comment)
    }

    /// `Auth` entries for API keys: every method but the preflights needs one, and the usage plan meters them.
    func apiKeyAuth(_ api: APIDesign, events: Bool) -> [YAMLEntry] {
        guard plan.usesApiKeys(api) else { return [] }
        var out: [YAMLEntry] = []
        if events && plan.keyOnEveryRoute(api) {
            out.append(YAMLEntry("ApiKeyRequired", .bool(true), comment: ["Callers send their key in the x-api-key header."]))
            if api.cors.handling == "gateway" {
                out.append(YAMLEntry("AddApiKeyRequiredToCorsPreflight", .bool(false), comment: ["Browsers send no API key with a preflight."]))
            }
        }
        out.append(YAMLEntry("UsagePlan", .mapping([
            YAMLEntry("CreateUsagePlan", .string(plan.sharedUsagePlan ? "SHARED" : "PER_API")),
            YAMLEntry("Description", .string(plan.sharedUsagePlan ? "Limits per API key on every API of this template" : "Limits per API key on \(api.name)")),
            YAMLEntry("Throttle", .mapping([YAMLEntry("RateLimit", .ref("UsagePlanRateLimit")), YAMLEntry("BurstLimit", .ref("UsagePlanBurstLimit"))])),
            YAMLEntry("Quota", .mapping([YAMLEntry("Limit", .ref("UsagePlanQuotaLimit")), YAMLEntry("Period", .ref("UsagePlanQuotaPeriod"))])),
        ]), comment: plan.sharedUsagePlan
            ? ["One plan for all APIs, so a client's key works on each of them. SAM also creates one key (see the outputs)."]
            : ["SAM also creates one key in this plan (see the outputs)."]))
        return out
    }

    // MARK: resources and outputs

    mutating func featureResources() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for api in layout.apis where plan.waf(api) {
            let apiID = plan.apiID(api)
            out.append(YAMLEntry(plan.ids.allocate(apiID + "WebAclAssociation"), .mapping([
                YAMLEntry("Type", .string("AWS::WAFv2::WebACLAssociation")),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("ResourceArn", .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${\(apiID)}/stages/${\(apiID).Stage}")),
                    YAMLEntry("WebACLArn", .ref("WebAclArn")),
                ])),
            ]), comment: ["The web ACL filters requests to \(api.name) before they reach the authorizer or a function."], spaced: true))
        }
        if plan.mixedDomain { out += mixedDomainResources() }
        if plan.generatedDomain != nil, let first = layout.apis.first {
            let target = domainTarget(first)
            out.append(YAMLEntry(plan.ids.allocate("DomainDnsRecord"), .mapping([
                YAMLEntry("Type", .string("AWS::Route53::RecordSet")),
                YAMLEntry("Condition", .string("CreateDnsRecord")),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("HostedZoneId", .ref("HostedZoneId")),
                    YAMLEntry("Name", .ref("DomainName")),
                    YAMLEntry("Type", .string("A")),
                    YAMLEntry("AliasTarget", .mapping([YAMLEntry("DNSName", target.name), YAMLEntry("HostedZoneId", target.zone)])),
                ])),
            ]), comment: ["Only with a HostedZoneId: an alias from the domain to API Gateway's own host name for it."], spaced: true))
        }
        return out
    }

    /// The logical id of the one domain a template with REST and HTTP APIs declares itself.
    static let mixedDomainID = "CustomDomainName"

    /// One regional domain and an API mapping per API, REST and HTTP alike (API Gateway maps both on one regional domain).
    private mutating func mixedDomainResources() -> [YAMLEntry] {
        var domain = [YAMLEntry("DomainName", .ref("DomainName")),
                      YAMLEntry("DomainNameConfigurations", .sequence([.mapping([
                          YAMLEntry("CertificateArn", .ref("CertificateArn")),
                          YAMLEntry("EndpointType", .string("REGIONAL")),
                      ])]))]
        if plan.mutualTLS {
            domain.append(YAMLEntry("MutualTlsAuthentication", .mapping([YAMLEntry("TruststoreUri", .ref("TruststoreUri"))]),
                                    comment: ["Callers must present a certificate that chains to this truststore."]))
        }
        // Reserved in GenerationPlan.parameterNames, so no API or function can take the id.
        let id = Self.mixedDomainID
        var out = [YAMLEntry(id, .mapping([YAMLEntry("Type", .string("AWS::ApiGatewayV2::DomainName")),
                                           YAMLEntry("Properties", .mapping(domain))]),
                             comment: ["One regional domain for the REST and the HTTP APIs: API mappings of both products share it."], spaced: true)]
        for api in layout.apis {
            let apiID = plan.apiID(api)
            var properties = [YAMLEntry("DomainName", .ref(id)), YAMLEntry("ApiId", .ref(apiID)), YAMLEntry("Stage", .ref(apiID + ".Stage"))]
            if layout.apis.count > 1, let path = api.basePath { properties.append(YAMLEntry("ApiMappingKey", .string(path))) }
            out.append(YAMLEntry(plan.ids.allocate(apiID + "Mapping"), .mapping([
                YAMLEntry("Type", .string("AWS::ApiGatewayV2::ApiMapping")),
                YAMLEntry("Properties", .mapping(properties)),
            ]), comment: ["\(api.name) (\(api.type.uppercased())) under /\(api.basePath ?? "")."], spaced: true))
        }
        return out
    }

    /// The host name API Gateway gives the custom domain, and its hosted zone, through SAM's reference to the domain resource.
    private func domainTarget(_ api: APIDesign) -> (name: YAMLNode, zone: YAMLNode) {
        if plan.mixedDomain {
            return (.getAtt(Self.mixedDomainID, "RegionalDomainName"), .getAtt(Self.mixedDomainID, "RegionalHostedZoneId"))
        }
        let resource = plan.apiID(api) + ".DomainName"
        let prefix = api.endpoint == "edge" ? "Distribution" : "Regional"
        return (.getAtt(resource, prefix + "DomainName"), .getAtt(resource, prefix + "HostedZoneId"))
    }

    mutating func featureOutputs() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        let keyed = layout.apis.filter(plan.usesApiKeys)
        for api in plan.sharedUsagePlan ? Array(keyed.prefix(1)) : keyed {
            let id = plan.apiID(api)
            let owner = plan.sharedUsagePlan ? "every API" : api.name
            out.append(YAMLEntry(plan.ids.allocate(plan.sharedUsagePlan ? "UsagePlanId" : id + "UsagePlanId"), .mapping([
                YAMLEntry("Description", .string("Usage plan of \(owner). Give each client its own key: aws apigateway create-api-key --name CLIENT --enabled, then aws apigateway create-usage-plan-key --usage-plan-id THIS_ID --key-type API_KEY --key-id THE_NEW_KEY_ID.")),
                YAMLEntry("Value", .ref(id + ".UsagePlan")),
            ]), comment: out.isEmpty ? ["API keys: SAM creates the plan and one key; create one key per client and add it to the plan."] : []))
            out.append(YAMLEntry(plan.ids.allocate(plan.sharedUsagePlan ? "ApiKeyId" : id + "ApiKeyId"), .mapping([
                YAMLEntry("Description", .string("The key SAM created in the plan of \(owner); read it with aws apigateway get-api-key --api-key THIS_ID --include-value.")),
                YAMLEntry("Value", .ref(id + ".ApiKey")),
            ])))
        }
        guard let domain = plan.generatedDomain, let first = layout.apis.first else { return out }
        for api in layout.apis {
            let path = layout.apis.count > 1 ? "/" + (api.basePath ?? "") : ""
            out.append(YAMLEntry(plan.ids.allocate(plan.apiID(api) + "DomainUrl"), .mapping([
                YAMLEntry("Description", .string(domain.kind == "wildcard" ? "URL of \(api.name) on every host under the wildcard domain" : "URL of \(api.name) on the custom domain")),
                YAMLEntry("Value", .sub("https://${DomainName}" + path)),
            ])))
        }
        out.append(YAMLEntry(plan.ids.allocate("DomainTarget"), .mapping([
            YAMLEntry("Description", .string("Host name to point the domain at (alias or CNAME) when HostedZoneId is empty.")),
            YAMLEntry("Value", domainTarget(first).name),
        ])))
        return out
    }
}
