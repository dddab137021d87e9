/// Which gateway features the answers ask for, which of them the generated files carry, and what they leave out.
extension GenerationPlan {
    /// The answer to gateway-features.
    var features: [String] { answer("gateway-features")?.members ?? [] }

    /// Whether `api` gets API keys and a usage plan: some of its routes require a key (REST only; the check
    /// refuses keys on HTTP APIs, which have neither).
    func usesApiKeys(_ api: APIDesign) -> Bool { api.apiKeys && api.type == "rest" && api.frontDoor == nil }

    /// Whether the route requires a key, as the layout says (never a preflight: browsers send no key with one).
    func requiresApiKey(_ route: RouteDesign, on api: APIDesign) -> Bool { usesApiKeys(api) && route.apiKeyRequired && route.method != "OPTIONS" }

    /// Whether every route but the preflights requires a key, so the API's default can say so once.
    func keyOnEveryRoute(_ api: APIDesign) -> Bool {
        usesApiKeys(api) && api.routes.allSatisfy { $0.method == "OPTIONS" || $0.apiKeyRequired }
    }

    /// One usage plan for every API when several need keys, so a client's one key works on all of them.
    var sharedUsagePlan: Bool { layout.apis.filter(usesApiKeys).count > 1 }

    /// Whether callers must present client certificates.
    var mutualTLS: Bool { answer("mutual-tls") == .bool(true) }

    /// The custom domain the template creates. Private APIs are left out: a private custom domain is a different
    /// resource (DomainNameV2 with its own policy and a VPC endpoint access association) that is not generated.
    var generatedDomain: DomainDesign? {
        guard let domain = layout.domain, !layout.apis.contains(where: { $0.endpoint == "private" || $0.frontDoor != nil }) else { return nil }
        return domain
    }

    /// Whether REST and HTTP APIs share the custom domain: SAM's `Domain` property would then create two domain
    /// resources of the same name (one per API product), so the template declares one regional domain and an API
    /// mapping per API itself.
    var mixedDomain: Bool { generatedDomain != nil && Set(layout.apis.map(\.type)).count > 1 }

    /// Whether the REST API traces requests through the gateway with X-Ray.
    func tracing(_ api: APIDesign) -> Bool { api.type == "rest" && api.frontDoor == nil && features.contains("xray-tracing") }

    /// Whether a web ACL is attached to the REST API's stage.
    func waf(_ api: APIDesign) -> Bool { api.type == "rest" && api.frontDoor == nil && features.contains("waf") }

    /// Features the generated files carry on REST APIs.
    static let generatedFeatures: Set<String> = ["usage-plans", "xray-tracing", "waf"]

    /// What the generated files leave out although the advice asks for it, for the header.
    var notGenerated: [String] {
        var out: [String] = []
        if let domain = layout.domain, generatedDomain == nil, !hasFrontDoor {
            out.append("the private custom domain \(domain.name) (a DomainNameV2 with a policy and a VPC endpoint access association)")
        }
        if mutualTLS && generatedDomain == nil && layout.domain == nil {
            out.append("mutual TLS (it needs a regional custom domain: answer custom-domain)")
        }
        if advice.chosen("packaging") == "container-image" {
            out.append("container-image packaging: the functions are written as .zip functions; build one image per function from a Lambda base image, push it to ECR, and set PackageType: Image with its ImageUri")
        }
        switch advice.chosen("interaction-model") {
        case "async-job", "async-push":
            out += jobsNotGenerated
        case "streaming":
            out += streamingNotGenerated
        default:
            break
        }
        out += pushNotGenerated
        out += frontDoorNotGenerated
        let http = gatewayAPIs.contains { $0.type == "http" }
        var missing = gatewayAPIs.isEmpty ? [] : features.filter { !Self.generatedFeatures.contains($0) }
        if http {
            // HTTP APIs have neither; the functions are still traced when X-Ray is asked for.
            if features.contains("waf") { missing.append("waf on the HTTP APIs (they take a web ACL only on a CloudFront distribution in front)") }
            if features.contains("xray-tracing") { missing.append("X-Ray tracing of the HTTP APIs themselves (only the functions are traced)") }
        }
        if !missing.isEmpty { out.append("gateway features: " + missing.joined(separator: ", ")) }
        return out
    }
}
