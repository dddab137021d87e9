/// Renders a layout as an indented tree of plain lines (for the terminal summary, the interview and markdown).
public enum LayoutTree {
    /// Tree lines; `ascii` uses `|-` and `` ` `` instead of box-drawing characters.
    public static func lines(_ layout: Layout, ascii: Bool = false) -> [String] {
        let tee = ascii ? "|-- " : "├── ", last = ascii ? "`-- " : "└── "
        let bar = ascii ? "|   " : "│   ", blank = "    "
        var out: [String] = []
        func node(_ items: [(String, [String])], indent: String) {
            for (index, item) in items.enumerated() {
                let isLast = index == items.count - 1
                out.append(indent + (isLast ? last : tee) + item.0)
                let childIndent = indent + (isLast ? blank : bar)
                for (childIndex, child) in item.1.enumerated() {
                    out.append(childIndent + (childIndex == item.1.count - 1 ? last : tee) + child)
                }
            }
        }
        if let domain = layout.domain {
            out.append("domain \(domain.name) (\(domain.kind), \(domain.mapping) mapping; \(domain.certificate))")
        }
        for api in layout.apis {
            let base = api.basePath.map { ", base path /\($0)" } ?? ""
            // A front door other than API Gateway carries the routes; the gateway type is then only the alternative.
            let door = api.frontDoor.map { "front door \($0.kind); API Gateway alternative: " } ?? ""
            out.append("API \(api.name) [\(door)\(api.type.uppercased()), \(api.endpoint)\(base)]")
            var items: [(String, [String])] = []
            // One authorizer: `auth` says it all; several: each route names its own.
            let several = api.authorizers.count > 1
            for route in api.routes {
                let target = route.function.map { "-> \($0)" } ?? "-> gateway (mock)"
                var auth = route.authorized ? (several ? ", auth: \(route.authorizer ?? "")" : ", auth") : ""
                if route.apiKeyRequired { auth += ", api key" }
                items.append(("\(route.method) \(route.path) \(target) [\(route.integration)\(auth)]", []))
            }
            for authorizer in api.authorizers {
                if authorizer.type == "iam" {
                    // IAM is a per-method authorization type, not an authorizer resource of the API.
                    items.append((several ? "authorization: AWS_IAM on the routes marked \(authorizer.name) (SigV4-signed requests)"
                                          : "authorization: AWS_IAM on every authorized route (SigV4-signed requests)", []))
                    continue
                }
                var details = ["identity: \(authorizer.identitySource)"]
                if let function = authorizer.function { details.append("function: \(function)") }
                if let issuer = authorizer.issuer { details.append("issuer: \(issuer)") }
                if let ttl = authorizer.cacheTTL { details.append("cache TTL: \(ttl) s") }
                items.append(("authorizer \(authorizer.name) (\(authorizer.type))", details))
            }
            if api.apiKeys {
                let keyed = api.routes.filter(\.apiKeyRequired).count
                items.append(("API keys: \(keyed) of \(api.routes.count) route(s) require one (x-api-key header)",
                              ["usage plan: throttling and quota per key", "preflights (OPTIONS) never need a key"]))
            }
            // Behind function URLs the CORS settings are the URLs' own, shown with them.
            if api.cors.handling != "none" && api.frontDoor == nil {
                var details: [String] = []
                if !api.cors.origins.isEmpty { details.append("origins: \(api.cors.origins.joined(separator: ", "))") }
                if api.cors.allowCredentials { details.append("credentials: allowed") }
                if !api.cors.gatewayResponses.isEmpty { details.append("headers on gateway responses: \(api.cors.gatewayResponses.joined(separator: ", "))") }
                items.append(("CORS: \(api.cors.handling)", details))
            }
            items += JobPattern.treeItems(api) + StreamingDesign.treeItems(api) + FrontDoorDesign.treeItems(api) + PushChannelDesign.treeItems(api)
            node(items, indent: "")
        }
        if !layout.functions.isEmpty {
            out.append("Functions (\(layout.runtime))")
            // In one pass: a search of every API per function was quadratic.
            let usersOf = layout.authorizerUsers()
            node(layout.functions.map { function in
                let users = usersOf[function.name] ?? []
                let routes = function.role == "authorizer"
                    ? (users == layout.apis.map(\.name) ? "authorizer for every API" : "authorizer for \(users.joined(separator: ", "))")
                    : function.role == "worker" ? JobPattern.workerSummary(function.name, in: layout) : "\(function.routes.count) route(s)"
                return ("\(function.name): \(function.handler) [package \(function.package); \(routes)]", [])
            }, indent: "")
        }
        if !layout.unresolved.isEmpty {
            out.append("Unresolved (conflict): \(layout.unresolved.joined(separator: ", "))")
        }
        return out
    }
}
