/// Who may call each route of one service, and what guards it: an authorizer, an API key, both or nothing.
struct RouteAccess {
    let service: Service
    /// The answers the service sees (its own over the top-level ones).
    let values: [String: AnswerValue]
    /// Whether routes that say nothing about access need an API key: the service asks for keys or usage plans
    /// (what every route got before routes could say who calls them).
    let keysByDefault: Bool
    /// How the credential travels: `header`, `cookie` or `query`.
    let transport: String
    /// Every route's access when they all agree (what a proxy resource, which cannot tell routes apart, gets).
    let uniform: String?

    init(service: Service, view: ServiceAnswers?, sheet: AnswerSheet) {
        self.service = service
        values = view?.values ?? sheet.values
        // Declared, not implied by `partners` routes: only what the team asked for every route applies to all of them.
        let mechanisms = (service.answers["auth-mechanisms"] ?? sheet.values["auth-mechanisms"])?.members ?? []
        let features = (service.answers["gateway-features"] ?? sheet.values["gateway-features"])?.members ?? []
        keysByDefault = mechanisms.contains("api-keys") || features.contains("usage-plans")
        if case .choice(let value)? = values["credential-transport"] { transport = value } else { transport = "header" }
        var levels = Set<String>()
        for resource in service.resources {
            for method in resource.methods where method != "OPTIONS" { levels.insert(service.access(of: resource, method: method) ?? "") }
        }
        uniform = levels.count == 1 ? levels.first.flatMap { $0.isEmpty ? nil : $0 } : service.access
    }

    /// The access a route asks for: its method's, its resource's or its service's; nil when none says.
    func level(path: String, method: String) -> String? {
        guard let resource = service.resources.first(where: { $0.path == path }), resource.methods.contains(method) else {
            return uniform
        }
        return service.access(of: resource, method: method)
    }

    /// Whether the route needs an API key.
    func needsKey(_ access: String?) -> Bool { access == "partners" || (access == nil && keysByDefault) }

    /// The authorizer type that guards a route with this access (nil: none), given the API's authorizer decision.
    func authorizerType(_ access: String?, main: String, apiType: String) -> String? {
        switch access {
        case nil:
            return main == "none" || main == "unresolved" ? nil : main
        case "public", "partners":
            return nil
        case "iam":
            return "iam"
        case "custom":
            return "lambda-request"
        default:
            // Signed-in users: the decided token authorizer when it can read the credential where it travels.
            if Self.reads(main, transport: transport) { return main }
            if transport == "cookie" { return "lambda-request" }
            let mechanisms = values["auth-mechanisms"]?.members ?? []
            guard mechanisms.contains("cognito") || mechanisms.contains("oidc") else { return nil }
            if apiType == "http" { return "jwt" }
            if transport == "query" { return "lambda-request" }
            return mechanisms.contains("cognito") ? "cognito" : "lambda-token"
        }
    }

    /// Whether a token authorizer type can read a credential that travels so (Cognito and TOKEN: one header only).
    static func reads(_ type: String, transport: String) -> Bool {
        switch type {
        case "lambda-request": return true
        case "jwt": return transport != "cookie"
        case "cognito", "lambda-token": return transport == "header"
        default: return false
        }
    }
}
