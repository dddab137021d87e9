/// The front door of an API whose front-door decision is not API Gateway: the function URLs, and for CloudFront the
/// distribution's path patterns that carry each route to its function.
public struct FrontDoorDesign: Sendable, Hashable, Codable {
    /// `function-url` or `cloudfront-function-url`.
    public var kind: String
    /// One URL per function that serves routes of the API.
    public var urls: [FunctionURLDesign]
    /// CloudFront cache behaviors, first match wins; the last one is the default behavior (`*`). Empty without CloudFront.
    public var behaviors: [PathBehavior]
    /// Why it is built so and what it gives up, one sentence each.
    public var notes: [String]
}

/// The function URL of one function.
public struct FunctionURLDesign: Sendable, Hashable, Codable {
    /// The function.
    public var function: String
    /// `AWS_IAM` or `NONE`.
    public var authType: String
    /// `BUFFERED`, or `RESPONSE_STREAM` when the interaction model streams.
    public var invokeMode: String
    /// The routes it serves, as `METHOD path`.
    public var routes: [String]
    /// The URL's CORS settings (nil when no browser calls the API, or when CloudFront's origins are the only callers).
    public var cors: URLCorsDesign?
}

/// CORS settings of a function URL: Lambda answers preflights and adds the headers itself.
public struct URLCorsDesign: Sendable, Hashable, Codable {
    /// Allowed origins.
    public var allowOrigins: [String]
    /// Allowed methods (`*` for every method).
    public var allowMethods: [String]
    /// Allowed request headers.
    public var allowHeaders: [String]
    /// Whether credentials are allowed.
    public var allowCredentials: Bool
    /// Seconds a browser may cache a preflight answer.
    public var maxAge: Int
}

/// One CloudFront cache behavior: a path pattern and the function URL origin it goes to.
public struct PathBehavior: Sendable, Hashable, Codable {
    /// CloudFront path pattern (`*` for the default behavior).
    public var pattern: String
    /// The function whose URL is the origin.
    public var function: String
    /// Methods CloudFront passes on: `GET, HEAD, OPTIONS` for reads only, else all seven.
    public var allowedMethods: [String]
    /// The layout routes this behavior is the first match of, as `METHOD path`.
    public var routes: [String]
}

extension FrontDoorDesign {
    /// Front doors the layout describes and the generator builds.
    static let built: Set<String> = ["function-url", "cloudfront-function-url"]
    static let readMethods = ["GET", "HEAD", "OPTIONS"]
    static let allMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]

    /// The front door of an API, or nil when the API keeps API Gateway (or the chosen front door is not built).
    static func plan(api: APIDesign, door: String?, model: String?, mechanisms: [String]) -> FrontDoorDesign? {
        guard let door, built.contains(door) else { return nil }
        let cloudFront = door == "cloudfront-function-url"
        var functions: [String] = []
        var routesOf: [String: [String]] = [:]
        for route in api.routes {
            guard let function = route.function else { continue }
            if routesOf[function] == nil { functions.append(function) }
            routesOf[function, default: []].append(route.display)
        }
        // Origin access control signs with SigV4, which only an AWS_IAM URL checks; a bare URL is IAM when callers sign.
        let authType = cloudFront || mechanisms.contains("iam") ? "AWS_IAM" : "NONE"
        let invokeMode = model == "streaming" ? "RESPONSE_STREAM" : "BUFFERED"
        let cors = urlCors(api.cors)
        let urls = functions.map { FunctionURLDesign(function: $0, authType: authType, invokeMode: invokeMode,
                                                     routes: routesOf[$0] ?? [], cors: cors) }
        var notes: [String] = []
        var behaviors: [PathBehavior] = []
        if cloudFront {
            behaviors = Self.behaviors(api.routes)
            notes.append("Only the distribution can call the function URLs: origin access control signs every request (SigV4), the URLs check AWS_IAM, and the functions allow cloudfront.amazonaws.com for this distribution only (lambda:InvokeFunctionUrl, and lambda:InvokeFunction through the URL, which new function URLs need since October 2025).")
            notes.append("The cache key is the path and query string\(cors.map { $0.allowOrigins == ["*"] ? "" : " and the Origin header" } ?? ""); nothing is cached unless the function sends Cache-Control max-age, so each handler decides what the edge may keep.")
            if behaviors.contains(where: { $0.allowedMethods != readMethods }) {
                notes.append("Clients that send PUT or POST bodies through CloudFront must add the body's SHA-256 hash in x-amz-content-sha256: Lambda does not accept unsigned payloads from origin access control.")
            }
            if behaviors.count > 25 { notes.append("\(behaviors.count) cache behaviors exceed CloudFront's default quota of 25 per distribution: ask for an increase or use fewer functions.") }
        } else if functions.count > 1 {
            notes.append("Each function has its own URL on its own host, so clients choose the URL per route (the list below); one router function per service, or CloudFront in front, gives the API a single address.")
        }
        if authType == "NONE" {
            notes.append("The URLs are public (AuthType NONE): anyone with the address can invoke the functions, so set reserved concurrency as a ceiling.")
        } else if !cloudFront {
            notes.append("Callers sign every request with SigV4 and need lambda:InvokeFunctionUrl and lambda:InvokeFunction on the functions in their own IAM policies.")
        }
        return FrontDoorDesign(kind: door, urls: urls, behaviors: behaviors, notes: notes)
    }

    /// The function URL's CORS settings from the API's CORS design (the gateway-made preflights become Lambda's).
    static func urlCors(_ cors: CorsDesign) -> URLCorsDesign? {
        guard cors.handling != "none", cors.handling != "unresolved", !cors.origins.isEmpty else { return nil }
        let methods = cors.allowMethods.filter { $0 != "OPTIONS" }
        let every = Set(methods).isSuperset(of: ["DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"])
        return URLCorsDesign(allowOrigins: cors.origins, allowMethods: every ? ["*"] : methods, allowHeaders: cors.allowHeaders,
                             allowCredentials: cors.allowCredentials, maxAge: 600)
    }

    /// The CloudFront path pattern of a route path: each `{param}` or `{proxy+}` segment becomes `*`.
    static func pattern(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { $0.hasPrefix("{") ? "*" : String($0) }
        return "/" + segments.joined(separator: "/")
    }

    /// A concrete request path for a route path, to test which behavior it reaches.
    static func sample(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            segment.hasSuffix("+}") ? "any/deeper" : segment.hasPrefix("{") ? "id1" : String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    /// CloudFront's path matching: `*` matches any run of characters (slashes included), `?` one character.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern), s = Array(path)
        // table[i][j]: the first i pattern characters match the first j path characters.
        var table = Array(repeating: Array(repeating: false, count: s.count + 1), count: p.count + 1)
        table[0][0] = true
        for i in p.indices where p[i] == "*" { table[i + 1][0] = table[i][0] }
        for i in p.indices {
            for j in s.indices {
                switch p[i] {
                case "*": table[i + 1][j + 1] = table[i][j + 1] || table[i + 1][j]
                case "?": table[i + 1][j + 1] = table[i][j]
                default: table[i + 1][j + 1] = table[i][j] && p[i] == s[j]
                }
            }
        }
        return table[p.count][s.count]
    }

    /// The function a request path reaches through the behaviors (first match; the default last).
    static func function(for path: String, in behaviors: [PathBehavior]) -> String? {
        behaviors.first { $0.pattern == "*" || matches($0.pattern, path) }?.function
    }

    /// Cache behaviors for the routes: one per path pattern, the most specific first, ending with the default
    /// behavior for the function that serves the most routes; behaviors that only repeat the default are dropped
    /// when every route still reaches its function without them.
    static func behaviors(_ routes: [RouteDesign]) -> [PathBehavior] {
        var order: [String] = []
        var byPattern: [String: (function: String, methods: Set<String>, routes: [String])] = [:]
        var counts: [String: Int] = [:]
        for route in routes {
            guard let function = route.function else { continue }
            counts[function, default: 0] += 1
            let key = pattern(route.path) == "/*" ? "*" : pattern(route.path)
            if byPattern[key] == nil { order.append(key); byPattern[key] = (function, [], []) }
            // A pattern claimed by two functions is reported by the check; the first keeps it.
            if byPattern[key]?.function == function {
                byPattern[key]?.methods.insert(route.method)
                byPattern[key]?.routes.append(route.display)
            }
        }
        guard !order.isEmpty else { return [] }
        let fallback = byPattern["*"]?.function
            ?? counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
        func methods(_ set: Set<String>) -> [String] {
            set.isSubset(of: ["GET", "HEAD", "OPTIONS"]) ? readMethods : allMethods
        }
        // More literal characters first: `/a/b` before `/a/*` before `*`.
        let literal = { (p: String) in p.filter { $0 != "*" }.count }
        var explicit = order.filter { $0 != "*" }.sorted { (literal($0), $1) > (literal($1), $0) }
            .map { key -> PathBehavior in
                let entry = byPattern[key] ?? (fallback, [], [])
                return PathBehavior(pattern: key, function: entry.function, allowedMethods: methods(entry.methods), routes: entry.routes)
            }
        let defaultRoutes = byPattern["*"]?.routes ?? []
        let defaultMethods = routes.contains { $0.function != nil && !readMethods.contains($0.method) } ? allMethods : readMethods
        let last = PathBehavior(pattern: "*", function: fallback, allowedMethods: defaultMethods, routes: defaultRoutes)
        // Drop a behavior that goes where the default goes with no fewer methods, unless a route would then fall
        // into another behavior.
        for index in explicit.indices.reversed() {
            let behavior = explicit[index]
            guard behavior.function == fallback, defaultMethods == allMethods || behavior.allowedMethods == defaultMethods else { continue }
            var without = explicit
            without.remove(at: index)
            if routes.allSatisfy({ $0.function == nil || function(for: sample($0.path), in: without + [last]) == $0.function }) {
                explicit = without
            }
        }
        // The default behavior lists the routes it is now the first match for.
        var result = explicit + [last]
        let reaching = routes.filter { $0.function != nil }.filter { route in
            !explicit.contains { matches($0.pattern, sample(route.path)) }
        }.map(\.display)
        result[result.count - 1].routes = reaching
        return result
    }

    /// The lines the layout tree shows for the front door of one API.
    static func treeItems(_ api: APIDesign) -> [(String, [String])] {
        guard let door = api.frontDoor else { return [] }
        var items: [(String, [String])] = []
        if door.kind == "cloudfront-function-url" {
            items.append(("CloudFront distribution: origin access control (lambda, sign always) to \(door.urls.count) function URL(s)",
                          door.behaviors.map { "\($0.pattern) -> \($0.function) [\($0.allowedMethods.joined(separator: ", "))]" }))
        }
        for url in door.urls {
            var details = ["auth type \(url.authType), invoke mode \(url.invokeMode)"]
            if door.kind == "function-url" { details.append("serves \(url.routes.joined(separator: ", "))") }
            if let cors = url.cors { details.append("CORS: origins \(cors.allowOrigins.joined(separator: ", "))") }
            items.append(("function URL of \(url.function)", details))
        }
        return items
    }

    /// The front door of one API as markdown.
    static func markdownLines(_ api: APIDesign) -> [String] {
        guard let door = api.frontDoor else { return [] }
        var out = ["#### Front door: " + (door.kind == "function-url" ? "Lambda function URL" : "CloudFront in front of Lambda function URLs"), ""]
        out.append("The API Gateway API above is the alternative; the template builds this front door instead, with the same routes and functions.")
        out.append("")
        if !door.behaviors.isEmpty {
            out += ["| Path pattern | Function URL origin | Allowed methods | Routes |", "| --- | --- | --- | --- |"]
            for behavior in door.behaviors {
                out.append("| \(MarkdownText.code(behavior.pattern)) | \(MarkdownText.code(behavior.function)) | \(behavior.allowedMethods.joined(separator: ", ")) | "
                           + (behavior.routes.isEmpty ? "-" : behavior.routes.map(MarkdownText.code).joined(separator: ", ")) + " |")
            }
            out.append("")
        }
        for url in door.urls {
            var line = "- Function URL of \(MarkdownText.code(url.function)): AuthType \(url.authType), InvokeMode \(url.invokeMode)"
            if door.kind == "function-url" { line += "; serves " + url.routes.map(MarkdownText.code).joined(separator: ", ") }
            if let cors = url.cors {
                line += "; CORS origins " + cors.allowOrigins.map(MarkdownText.code).joined(separator: ", ")
                    + ", methods " + cors.allowMethods.joined(separator: ", ")
            }
            out.append(line + ".")
        }
        out += door.notes.map { "- " + MarkdownText.inline($0) }
        return out + [""]
    }
}

extension LayoutCheck {
    /// Front doors the template cannot build as the layout asks: CloudFront routes by path only, so every route must
    /// reach its own function through the behaviors; the job pattern's routes are generated on API Gateway only.
    func frontDoorProblems() -> [String] {
        var out: [String] = []
        for api in advice.layout.apis {
            guard let door = api.frontDoor else { continue }
            if api.jobs != nil {
                out.append("\(api.name): the job pattern is generated on API Gateway only, but the front door is \(door.kind); keep API Gateway for this API.")
            }
            guard door.kind == "cloudfront-function-url" else { continue }
            for route in api.routes {
                guard let function = route.function else { continue }
                let reached = FrontDoorDesign.function(for: FrontDoorDesign.sample(route.path), in: door.behaviors)
                if reached != function {
                    out.append("\(api.name): CloudFront routes by path only, and \(route.display) would reach \(reached ?? "no function") instead of \(function) (another function serves the same path); choose function-granularity router, or keep API Gateway for this API.")
                }
            }
        }
        return out
    }
}
