import Foundation

/// Checks of what the answers add to the layout: API keys, the custom domain and mutual TLS.
extension LayoutCheck {
    private func answer(_ question: String) -> AnswerValue? { advice.context.first { $0.question == question }?.value }

    func featureProblems() -> [String] {
        var out: [String] = []
        let apis = advice.layout.apis
        for api in apis where api.type == "http" && api.routes.contains(where: \.apiKeyRequired) {
            let routes = api.routes.filter(\.apiKeyRequired).map(\.display)
            out.append("\(api.name): API keys and usage plans exist only on REST APIs; an HTTP API cannot require or meter them (\(routes.prefix(3).joined(separator: ", "))\(routes.count > 3 ? ", ..." : "") need a key).")
        }
        let mutualTLS = answer("mutual-tls") == .bool(true)
        guard let domain = advice.layout.domain else { return out }
        out += domainNameProblems(domain)
        let endpoints = Set(apis.map(\.endpoint)), types = Set(apis.map(\.type))
        // One regional domain maps REST and HTTP APIs side by side; an edge-optimized one serves REST APIs only.
        if endpoints.count > 1 || (types.count > 1 && endpoints != ["regional"]) {
            out.append("the custom domain \(domain.name) has one endpoint type, but its APIs mix \(types.sorted().joined(separator: " and ")) APIs with \(endpoints.sorted().joined(separator: " and ")) endpoints; give them one endpoint type (regional, to mix REST and HTTP APIs).")
        }
        if domain.kind == "wildcard" && endpoints.contains("private") {
            out.append("the wildcard custom domain \(domain.name) cannot front a private API: private custom domains do not support wildcards; name one host instead.")
        }
        if mutualTLS && endpoints.contains(where: { $0 != "regional" }) {
            let names = apis.filter { $0.endpoint != "regional" }.map { "\($0.name) (\($0.endpoint))" }
            out.append("mutual TLS needs a regional custom domain, but \(names.joined(separator: ", ")) is not regional; make the endpoint regional or drop mutual-tls.")
        }
        if apis.count > 1 {
            var seen = Set<String>()
            for api in apis {
                guard let path = api.basePath, !path.isEmpty else {
                    out.append("\(api.name) shares the custom domain \(domain.name) with other APIs but has no base path.")
                    continue
                }
                if !Self.isBasePath(path) {
                    out.append("\(api.name): the base path \(path) may only hold letters, digits and $-_.+!*'().")
                }
                if !seen.insert(path).inserted { out.append("\(api.name): the base path \(path) is used by another API on \(domain.name).") }
            }
        }
        return out
    }

    /// `^[A-Za-z0-9$_.+!*'()-]+\z`, byte by byte (one ICU regular expression per API sharing a domain otherwise).
    static func isBasePath(_ path: String) -> Bool {
        FastPattern.all(path, first: isBasePathByte, rest: isBasePathByte)
    }

    private static func isBasePathByte(_ byte: UInt8) -> Bool {
        if FastPattern.isLetter(byte) || FastPattern.isDigit(byte) { return true }
        return "$_.+!*'()-".utf8.contains(byte)
    }

    /// A host name API Gateway accepts, matching the kind of domain asked for.
    private func domainNameProblems(_ domain: DomainDesign) -> [String] {
        let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
        let pattern = #"^(\*\.)?("# + label + #"\.)+[A-Za-z]{2,63}\z"#
        if domain.name.count > 253 || domain.name.range(of: pattern, options: .regularExpression) == nil {
            return ["the domain name \(domain.name) is not a host name such as api.example.com (or *.example.com for a wildcard); correct domain-name."]
        }
        if (domain.kind == "wildcard") != domain.name.hasPrefix("*.") {
            return domain.kind == "wildcard"
                ? ["a wildcard custom domain was asked for, but \(domain.name) does not start with *.; correct domain-name or choose custom-domain single."]
                : ["\(domain.name) is a wildcard, but custom-domain is \(domain.kind); choose custom-domain wildcard or name one host."]
        }
        return []
    }
}
