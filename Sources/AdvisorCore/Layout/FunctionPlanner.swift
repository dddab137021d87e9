/// Plans the routes and functions of one service from the resource style, granularity and packaging.
struct FunctionPlanner {
    let service: Service
    let style: String
    let granularity: String
    let packaging: String
    let naming: HandlerNaming
    /// Whether the service shares its API with others (proxy routes then sit under the service's own prefixes).
    let sharedAPI: Bool

    var routes: [RouteDesign] { plan.routes }
    var functions: [FunctionDesign] { plan.functions }

    /// Routes and functions together; read it once, since `routes` and `functions` each compute it anew.
    var plan: (routes: [RouteDesign], functions: [FunctionDesign]) {
        var routes: [RouteDesign] = []
        var functions: [FunctionDesign] = []
        // A set rather than a scan of `functions`, which was quadratic in a service's resources.
        var names = Set<String>()
        func add(_ name: String, module: String, function: String) {
            guard names.insert(name).inserted else { return }
            let package = packaging == "shared-package" ? service.name : name
            functions.append(FunctionDesign(name: name, service: service.name,
                                            handler: naming.handler(module: module, function: function, service: service.name),
                                            package: package, routes: [], role: "handler"))
        }
        if style == "proxy" || granularity == "router" || granularity == "unresolved" {
            let router = "\(service.name)-router"
            add(router, module: "app", function: "handler")
            if style == "proxy" {
                for prefix in proxyPrefixes {
                    let base = prefix.isEmpty ? "/" : prefix
                    routes.append(route(base, "ANY", router))
                    routes.append(route(prefix + "/{proxy+}", "ANY", router))
                }
            } else {
                for resource in service.resources {
                    for method in resource.methods { routes.append(route(resource.path, method, router)) }
                }
            }
            return (routes, functions)
        }
        for resource in service.resources {
            let slug = Self.slug(resource.path)
            // `orders` + `/orders/{id}` reads better as `orders-id` than `orders-orders-id`.
            let base = slug == service.name || slug.hasPrefix(service.name + "-") ? slug : "\(service.name)-\(slug)"
            for method in resource.methods {
                if granularity == "per-resource" {
                    add(base, module: slug, function: "handler")
                    routes.append(route(resource.path, method, base))
                } else {
                    let name = "\(base)-\(method.lowercased())"
                    add(name, module: slug, function: method.lowercased())
                    routes.append(route(resource.path, method, name))
                }
            }
        }
        return (routes, functions)
    }

    /// Path prefixes under which a proxy resource catches the service's traffic.
    private var proxyPrefixes: [String] {
        guard sharedAPI else { return [""] }
        var prefixes: [String] = []
        for resource in service.resources {
            guard let first = resource.path.split(separator: "/").first else { continue }
            let prefix = "/" + first
            if !prefixes.contains(prefix) { prefixes.append(prefix) }
        }
        return prefixes.isEmpty ? ["/" + service.name] : prefixes
    }

    private func route(_ path: String, _ method: String, _ function: String) -> RouteDesign {
        RouteDesign(path: path, method: method, integration: "lambda-proxy", function: function, authorized: false, note: nil)
    }

    /// `/orders/{id}/items` -> `orders-id-items`; `/` -> `root`.
    static func slug(_ path: String) -> String {
        // Character maps rather than Foundation's replacingOccurrences, which bridges to NSString and
        // cost as much as the rest of the layout per route.
        let parts = path.split(separator: "/").map { segment in
            String(segment.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.lowercased().map { $0 == "_" ? "-" : $0 })
        }.filter { !$0.isEmpty }
        return parts.isEmpty ? "root" : parts.joined(separator: "-")
    }
}

/// Handler strings in each runtime's own convention.
struct HandlerNaming {
    let runtime: String

    func handler(module: String, function: String, service: String) -> String {
        switch runtime {
        case let r where r.hasPrefix("java"):
            return "com.example.\(String(service.filter { $0 != "-" })).\(Self.camel(module))Handler::\(function == "handler" ? "handleRequest" : function)"
        case let r where r.hasPrefix("dotnet"):
            let assembly = Self.camel(service)
            return "\(assembly)::\(assembly).\(Self.camel(module))Handler::\(Self.camel(function))"
        case let r where r.hasPrefix("provided"):
            return "bootstrap"
        default:
            return "\(String(module.map { $0 == "-" ? "_" : $0 })).\(function)"
        }
    }

    /// `orders-id` -> `OrdersId`.
    static func camel(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
