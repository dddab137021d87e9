/// Which APIs keep API Gateway, and what the other front doors cannot carry of what the advice asks for.
extension GenerationPlan {
    /// The APIs API Gateway fronts: they get an API resource and an OpenAPI document.
    var gatewayAPIs: [APIDesign] { layout.apis.filter { $0.frontDoor == nil } }

    /// Whether some API is fronted by function URLs (alone or behind CloudFront).
    var hasFrontDoor: Bool { layout.apis.contains { $0.frontDoor != nil } }

    /// The function URL of a function, if an API's front door gives it one.
    func functionURL(_ function: String) -> FunctionURLDesign? { index.urlByFunction[function] }

    /// What the advice asks for that a function URL or CloudFront front door does not express, for the header.
    var frontDoorNotGenerated: [String] {
        var out: [String] = []
        for api in layout.apis where advice.chosen("front-door", api: api.name) == "alb" {
            out.append("the recommended front door of \(api.name), an Application Load Balancer: this template builds the API Gateway alternative")
        }
        for api in layout.apis {
            guard let door = api.frontDoor else { continue }
            let cloudFront = door.kind == "cloudfront-function-url"
            for authorizer in api.authorizers where authorizer.type != "iam" {
                out.append("the \(authorizer.type) authorizer \(authorizer.name) of \(api.name): function URLs check IAM signatures or nothing, so the functions must validate the tokens themselves")
            }
            if cloudFront && api.authorizers.contains(where: { $0.type == "iam" }) {
                out.append("IAM authorization of \(api.name)'s callers: behind CloudFront the URLs check the distribution's signature, not the caller's")
            }
            if let domain = layout.domain {
                out.append(cloudFront ? "the custom domain \(domain.name) on \(api.name)'s distribution (Aliases and a us-east-1 ACM certificate)"
                                      : "the custom domain \(domain.name): a bare function URL cannot have one (put CloudFront in front)")
            }
            if mutualTLS { out.append("mutual TLS on \(api.name): its front door does not check client certificates") }
            let wanted = features.filter { !(cloudFront && $0 == "caching") }
            if !wanted.isEmpty {
                out.append("gateway features on \(api.name)'s front door: " + wanted.joined(separator: ", ")
                           + (cloudFront && wanted.contains("waf") ? " (a web ACL in us-east-1 attaches to the distribution's WebACLId)" : ""))
            }
        }
        return out
    }
}
