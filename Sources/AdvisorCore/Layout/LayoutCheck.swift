import Foundation

/// Finds what in a layout cannot be written as a deployable template, each as a sentence saying what to change.
struct LayoutCheck {
    let advice: Advice

    /// Authorizer types each API type supports.
    static let authorizers = ["rest": ["iam", "cognito", "lambda-token", "lambda-request", "jwt"], "http": ["iam", "jwt", "lambda-request"]]
    /// CORS handlings each API type supports.
    static let corsHandlings = ["rest": ["none", "gateway", "function"], "http": ["none", "function", "http-api-config"]]
    /// Endpoint types each API type supports.
    static let endpoints = ["rest": ["regional", "edge", "private"], "http": ["regional"]]

    func problems() -> [String] {
        var out: [String] = []
        let layout = advice.layout
        for conflict in advice.conflicts {
            out.append("the decision \(conflict.decision) is in conflict: \(conflict.summary) Resolve it (see `apigw-advisor advise --why`) and generate again.")
        }
        for decision in layout.unresolved where !advice.conflicts.contains(where: { $0.decision == decision }) {
            out.append("the decision \(decision) is unresolved, so the part of the layout it governs is undecided.")
        }
        guard out.isEmpty else { return out }
        if layout.apis.isEmpty {
            out.append("the layout has no API: list the services and their resources in the inventory (services).")
        }
        // Built once: each API's checks look functions up by name (a scan per API or authorizer grows as APIs x functions).
        let functions = Dictionary(layout.functions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for api in layout.apis { out += problems(of: api, functions: functions) }
        out += featureProblems()
        out += streamingProblems()
        out += frontDoorProblems()
        return out
    }

    private func problems(of api: APIDesign, functions: [String: FunctionDesign]) -> [String] {
        var out: [String] = []
        let name = api.name
        guard let authorizers = Self.authorizers[api.type], let handlings = Self.corsHandlings[api.type],
              let endpoints = Self.endpoints[api.type] else {
            return ["\(name): the API type is \(api.type), not rest or http."]
        }
        let product = api.type == "rest" ? "REST" : "HTTP"
        if !endpoints.contains(api.endpoint) {
            out.append("\(name): a \(product) API cannot have a \(api.endpoint) endpoint (possible: \(endpoints.joined(separator: ", "))).")
        }
        if !handlings.contains(api.cors.handling) {
            out.append("\(name): CORS handling \(api.cors.handling) is not available on a \(product) API (possible: \(handlings.joined(separator: ", "))).")
        }
        for authorizer in api.authorizers {
            if !authorizers.contains(authorizer.type) {
                out.append("\(name): a \(product) API has no \(authorizer.type) authorizer (possible: \(authorizers.joined(separator: ", "))).")
            }
            if authorizer.type == "jwt" && api.type == "rest" {
                // REST APIs have JWT authorizers (rules/facts.yaml rest-jwt-authorizer), but the SAM and OpenAPI forms
                // this tool validates against have none yet; leaving the routes unauthorized would be worse than refusing.
                out.append("\(name): the advice uses a JWT authorizer on a REST API, which the generated SAM and OpenAPI files cannot declare yet; create it with the console, CLI or CloudFormation, or pin authorizer: lambda-token to generate a TOKEN Lambda authorizer instead.")
            } else if authorizer.type.hasPrefix("lambda-") {
                if authorizer.function.flatMap({ functions[$0] }) == nil { out.append("\(name): the Lambda authorizer \(authorizer.name) names no function of the layout.") }
            }
            if !RouteAccess.reads(authorizer.type, transport: authorizer.transport) && authorizer.type != "iam" {
                out.append("\(name): the \(authorizer.type) authorizer \(authorizer.name) cannot read a credential sent in a \(authorizer.transport).")
            }
        }
        if api.routes.isEmpty {
            out.append("\(name) has no routes: list the resources and methods of its services in the inventory.")
        }
        out += corsProblems(api, product: product)
        out += routeProblems(api, product: product, functions: functions)
        if api.type == "rest" { out += siblingVariableProblems(api) }
        return out
    }

    private func corsProblems(_ api: APIDesign, product: String) -> [String] {
        let cors = api.cors
        guard cors.handling != "none" else { return [] }
        var out: [String] = []
        let origins = cors.origins.filter { !$0.isEmpty }
        if cors.allowCredentials && (origins.isEmpty || origins.contains("*")) {
            out.append("\(api.name): browsers send credentials, so every allowed origin must be named exactly and * is refused; list the web app origins in browser-origins.")
        }
        if cors.handling == "gateway" && origins.count > 1 {
            out.append("\(api.name): the gateway's preflight answer carries one fixed origin, but \(origins.count) origins are listed (\(origins.joined(separator: ", "))).")
        }
        if cors.handling == "function" && api.routes.contains(where: { $0.integration == "custom" }) {
            out.append("\(api.name): CORS is left to the function, but with the custom (non-proxy) integration the function cannot set response headers; CORS by the function needs the Lambda proxy integration.")
        }
        return out
    }

    private func routeProblems(_ api: APIDesign, product: String, functions: [String: FunctionDesign]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for route in api.routes {
            let label = "\(api.name) \(route.display)"
            if !seen.insert(route.display).inserted {
                out.append("\(label) is declared twice; one API routes a path and method to one integration only.")
            }
            if !httpMethods.contains(route.method) { out.append("\(label): \(route.method) is not an HTTP method API Gateway accepts.") }
            if let problem = Self.pathProblem(route.path) { out.append("\(label): \(problem)") }
            switch route.integration {
            case "lambda-proxy", "custom":
                if route.integration == "custom" && api.type != "rest" {
                    out.append("\(label): custom (non-proxy) integrations exist only on REST APIs.")
                }
                if let function = route.function {
                    if functions[function] == nil { out.append("\(label): the function \(function) is not in the layout.") }
                } else {
                    out.append("\(label): the route has no function to invoke.")
                }
            case "mock":
                if api.type != "rest" || api.cors.handling != "gateway" {
                    out.append("\(label): a mock integration is only generated for preflights answered by a REST API's gateway.")
                }
            default:
                out.append("\(label): the integration \(route.integration) is unknown (expected lambda-proxy, custom or mock).")
            }
            if route.authorized && !api.authorizers.contains(where: { $0.name == route.authorizer }) {
                out.append("\(label) is marked as authorized, but the API has no authorizer \(route.authorizer ?? "") for it.")
            }
            if route.method == "OPTIONS" && (route.authorized || route.apiKeyRequired) {
                out.append("\(label): a preflight carries no credentials, so it can have neither an authorizer nor an API key.")
            }
        }
        return out
    }

    /// Why API Gateway would reject a resource path, or nil when it accepts it.
    static func pathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "the path must start with /." }
        if path == "/" { return nil }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var parameters = Set<String>()
        for (index, segment) in segments.enumerated() {
            let text = String(segment)
            if text.hasPrefix("{") && !parameters.insert(parameterName(text)).inserted {
                return "the parameter \(text) appears twice in the path; OpenAPI needs each path parameter once."
            }
            if text.isEmpty { return "the path has an empty segment (// or a trailing /)." }
            if !isVariableSegment(text) && !isLiteralSegment(text) {
                return "the segment \(text) is neither a literal (letters, digits, . _ : -) nor a {parameter}."
            }
            if text.hasSuffix("+}") && index != segments.count - 1 {
                return "the greedy parameter \(text) must be the last segment."
            }
        }
        return nil
    }

    /// `[A-Za-z0-9._:-]`: a byte of a literal segment or of a parameter name.
    private static func isSegmentByte(_ byte: UInt8) -> Bool {
        FastPattern.isLetter(byte) || FastPattern.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }

    /// `^[A-Za-z0-9._:-]+\z`, byte by byte (no ICU regular expression per route: it dominated the check at scale).
    static func isLiteralSegment(_ text: String) -> Bool {
        FastPattern.all(text, first: isSegmentByte, rest: isSegmentByte)
    }

    /// `^\{[A-Za-z0-9_.:-]+\+?\}\z`, byte by byte: `{name}` or the greedy `{name+}`.
    static func isVariableSegment(_ text: String) -> Bool {
        var bytes = Substring(text).utf8
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return false }
        bytes = bytes.dropFirst().dropLast()
        if bytes.last == UInt8(ascii: "+") { bytes = bytes.dropLast() }
        return !bytes.isEmpty && bytes.allSatisfy(isSegmentByte)
    }

    /// The name of a `{name}` or `{name+}` segment: the segment with every `{`, `}` and `+` trimmed from both ends.
    static func parameterName(_ text: String) -> String {
        let trimmed: Set<Unicode.Scalar> = ["{", "}", "+"]
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, trimmed.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, trimmed.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// REST APIs allow one variable segment per level: `/orders/{id}` and `/orders/{orderId}/items` cannot coexist.
    private func siblingVariableProblems(_ api: APIDesign) -> [String] {
        var variables: [String: [String]] = [:]
        var parents: [String] = []
        for route in api.routes where Self.pathProblem(route.path) == nil && route.path != "/" {
            let segments = route.path.dropFirst().split(separator: "/").map(String.init)
            for index in segments.indices where segments[index].hasPrefix("{") {
                let parent = "/" + segments[..<index].joined(separator: "/")
                if variables[parent] == nil { parents.append(parent) }
                if !(variables[parent] ?? []).contains(segments[index]) { variables[parent, default: []].append(segments[index]) }
            }
        }
        return parents.compactMap { parent in
            guard let names = variables[parent], names.count > 1 else { return nil }
            return "\(api.name): under \(parent) the variable segments \(names.joined(separator: " and ")) are siblings; a REST API allows one variable segment per level, so give them the same name."
        }
    }
}
