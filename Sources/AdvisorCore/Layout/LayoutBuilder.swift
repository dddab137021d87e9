/// Derives the recommended layout from the decisions and the inventory, and checks it against limits.
struct LayoutBuilder {
    let rules: RuleSet
    let sheet: AnswerSheet

    private func text(_ id: String) -> String? {
        if case .text(let value)? = sheet.values[id] { return value }
        if case .choice(let value)? = sheet.values[id] { return value }
        return nil
    }

    private func list(_ id: String) -> [String] { sheet.values[id]?.members ?? [] }

    func build(_ advice: Advice) -> (layout: Layout, findings: [Finding]) {
        var layout = Layout()
        var findings: [Finding] = []
        for decision in advice.conflicts.map(\.decision) where !layout.unresolved.contains(decision) { layout.unresolved.append(decision) }
        layout.runtime = text("runtime") ?? "python3.14"
        let apiName = Engine.apiName(sheet)
        let inventory: Inventory
        if case .inventory(let value)? = sheet.values["services"] { inventory = value } else { inventory = Inventory() }
        if inventory.services.isEmpty {
            findings.append(layoutFinding(.warning, "No services in the inventory", "layout.empty-inventory",
                                          "The inventory lists no services, so the layout has no routes or functions. Add the services and their resources to get a concrete layout."))
        }
        let views = Dictionary(inventory.services.map { ($0.name, ServiceAnswers(service: $0, sheet: sheet, rules: rules)) },
                               uniquingKeysWith: { first, _ in first })
        let groups: [APIGrouping.Group] = advice.apis.isEmpty
            ? APIGrouping.groups(inventory, apiCount: advice.chosen("api-count"), apiName: apiName)
            : advice.apis.map { APIGrouping.Group(name: $0.api, services: $0.services) }
        let shared = advice.chosen("api-count") == "shared"
        let naming = HandlerNaming(runtime: layout.runtime)
        let authorizerFunction = "\(apiName)-authorizer"
        var usedNames: Set<String> = [authorizerFunction]
        var routeOwners: [String: String] = [:]
        var needsAuthorizerFunction = false
        var handlers: [FunctionDesign] = []

        for group in groups {
            let pick = { (id: String) in advice.chosen(id, api: group.name) ?? "unresolved" }
            let apiType = pick("api-type"), endpoint = pick("endpoint-type"), style = pick("resource-style")
            let integration = pick("integration"), granularity = pick("function-granularity")
            let packaging = pick("packaging"), cors = pick("cors"), mainAuthorizer = pick("authorizer")
            let members = group.services.compactMap { views[$0] }
            let seen = ServiceAnswers.combined(members, sheet: sheet, rules: rules).values
            var routes: [RouteDesign] = []
            var functionsOfAPI: [FunctionDesign] = []
            var authorizers: [String: AuthorizerDesign] = [:]
            var authorizerOrder: [String] = []
            var jobs: [JobPattern] = []
            for service in inventory.services where group.services.contains(service.name) {
                let view = views[service.name]
                let planned = FunctionPlanner(service: service, style: style, granularity: granularity, packaging: packaging,
                                              naming: naming, sharedAPI: group.services.count > 1 || shared)
                // Names derived from different services can collide (`a` + `/b-c` and `a-b` + `/c`); number the later ones.
                var renamed: [String: String] = [:]
                // One plan per service: `routes` and `functions` each recompute it.
                let withJobs = jobPlan(planned.plan, service: service, view: view, model: pick("interaction-model"), style: style,
                                       apiType: apiType, naming: naming, packaging: packaging)
                let plan = withJobs.plan
                var job = withJobs.job
                var plannedFunctions = plan.functions
                for index in plannedFunctions.indices {
                    let original = plannedFunctions[index].name
                    let name = usedNames.claim(original)
                    if name != original {
                        renamed[original] = name
                        plannedFunctions[index].name = name
                        if plannedFunctions[index].package == original { plannedFunctions[index].package = name }
                    }
                }
                job?.rename(renamed)
                if let job { jobs.append(job) }
                let access = RouteAccess(service: service, view: view, sheet: sheet)
                for var route in plan.routes {
                    if let function = route.function, let name = renamed[function] { route.function = name }
                    let key = route.display
                    if let owner = routeOwners["\(group.name) \(key)"], owner != service.name {
                        findings.append(layoutFinding(.error, "Two services claim the same route", "layout.duplicate-route",
                                                      "\(key) is declared by both \(owner) and \(service.name) on \(group.name). One API can route a path and method to one integration only: rename one resource or give the services separate APIs."))
                    }
                    routeOwners["\(group.name) \(key)"] = service.name
                    route.integration = integration == "custom" ? "custom" : "lambda-proxy"
                    let source = job?.accessSource(path: route.path, method: route.method) ?? (route.path, route.method)
                    route.access = access.level(path: source.path, method: source.method)
                    if route.method != "OPTIONS" {
                        let type = access.authorizerType(route.access, main: mainAuthorizer, apiType: apiType)
                        if route.access == "users" && type == nil {
                            findings.append(layoutFinding(.error, "A route for signed-in users has no token issuer", "layout.users-without-issuer",
                                                          "\(key) of \(service.name) is for signed-in users, but the service's auth-mechanisms list neither cognito nor oidc, so nothing can check their tokens. Add the issuer to auth-mechanisms (at the top level or on the service)."))
                        }
                        if let type {
                            let design = authorizerDesign(type, api: group.name, apiType: apiType, transport: access.transport,
                                                          cognito: seen["auth-mechanisms"]?.members?.contains("cognito") ?? false,
                                                          function: authorizerFunction)
                            if authorizers[design.name] == nil { authorizers[design.name] = design; authorizerOrder.append(design.name) }
                            if type.hasPrefix("lambda-") { needsAuthorizerFunction = true }
                            route.authorizer = design.name
                        }
                        route.apiKeyRequired = access.needsKey(route.access)
                    }
                    route.authorized = route.authorizer != nil
                    routes.append(route)
                }
                functionsOfAPI += plannedFunctions
            }
            let anyAuthorized = routes.contains { $0.authorized }
            routes += preflightRoutes(routes, cors: cors, apiType: apiType, authorized: anyAuthorized)
            let prefix = groups.count > 1 ? "\(group.name) " : ""
            // Grouped in one pass, in route order: a filter over all routes per function was quadratic in the inventory.
            var routesByFunction: [String: [String]] = [:]
            for route in routes {
                if let function = route.function { routesByFunction[function, default: []].append(prefix + route.display) }
            }
            for index in functionsOfAPI.indices {
                functionsOfAPI[index].routes = routesByFunction[functionsOfAPI[index].name] ?? []
            }
            handlers += functionsOfAPI
            // The default authorizer is the decided one when routes use it, else the one most routes use.
            let used = authorizerOrder.map { name in (name, routes.filter { $0.authorizer == name }.count) }
            let decided = authorizerOrder.first { authorizers[$0]?.type == mainAuthorizer }
            let defaultName = decided ?? used.max { $0.1 < $1.1 }?.0
            let ordered = (defaultName.map { [$0] } ?? []) + authorizerOrder.filter { $0 != defaultName }
            let corsDesign = corsDesign(cors, apiType: apiType, integration: integration, values: seen, routes: routes)
            var api = APIDesign(name: group.name, type: apiType, endpoint: endpoint, services: group.services,
                                routes: routes, authorizer: defaultName.flatMap { authorizers[$0] }, cors: corsDesign, basePath: nil)
            api.authorizers = ordered.compactMap { authorizers[$0] }
            api.apiKeys = routes.contains { $0.apiKeyRequired }
            api.jobs = jobs.isEmpty ? nil : jobs
            api.streaming = StreamingDesign.plan(api: api, model: advice.chosen("interaction-model", api: group.name), runtime: layout.runtime,
                                                 maxDuration: seen["max-duration"])
            api.frontDoor = FrontDoorDesign.plan(api: api, door: advice.chosen("front-door", api: group.name),
                                                 model: advice.chosen("interaction-model", api: group.name),
                                                 mechanisms: seen["auth-mechanisms"]?.members ?? [])
            if pick("interaction-model") == "async-push" || seen["server-push"] == .bool(true) {
                let transport: String
                if case .choice(let value)? = seen["credential-transport"] { transport = value } else { transport = "header" }
                let push = PushPlanner(api: api, functions: functionsOfAPI, consumers: seen["consumers"]?.members ?? [], transport: transport,
                                       naming: naming, packaging: packaging).plan(taken: &usedNames)
                api.push = push.design
                handlers += push.functions
            }
            layout.apis.append(api)
        }
        if needsAuthorizerFunction {
            layout.functions.append(FunctionDesign(name: authorizerFunction, service: nil,
                                                   handler: naming.handler(module: "authorizer", function: "handler", service: "authorizer"),
                                                   package: authorizerFunction, routes: [], role: "authorizer"))
        }
        layout.functions += handlers

        if let domainKind = text("custom-domain"), domainKind != "none" {
            let given = text("domain-name") ?? ""
            let name = given.isEmpty ? (domainKind == "wildcard" ? "*.example.com" : "api.example.com") : given
            let edge = layout.apis.contains { $0.endpoint == "edge" }
            let certificate = edge ? "ACM certificate in us-east-1 (edge-optimized endpoints use CloudFront)"
                : "ACM certificate in the API's own Region"
            layout.domain = DomainDesign(name: name, kind: domainKind, certificate: certificate,
                                         mapping: layout.apis.count > 1 ? "base-path" : "root")
            if layout.apis.count > 1 {
                for index in layout.apis.indices { layout.apis[index].basePath = layout.apis[index].services.first ?? layout.apis[index].name }
            }
        }
        findings += limitFindings(layout)
        findings += runtimeFindings(layout.runtime)
        return (layout, findings)
    }

    /// OPTIONS routes the chosen CORS handling needs in addition to the inventory's routes.
    private func preflightRoutes(_ routes: [RouteDesign], cors: String, apiType: String, authorized: Bool) -> [RouteDesign] {
        var seen = Set<String>()
        var out: [RouteDesign] = []
        // Looked up in a set: scanning every route for each path was quadratic in the inventory.
        let declaredOptions = Set(routes.filter { $0.method == "OPTIONS" }.map(\.path))
        for route in routes where !seen.contains(route.path) {
            seen.insert(route.path)
            if declaredOptions.contains(route.path) { continue }
            switch cors {
            case "gateway" where apiType == "rest":
                out.append(RouteDesign(path: route.path, method: "OPTIONS", integration: "mock", function: nil, authorized: false,
                                       note: "preflight answered by the gateway (MOCK integration), no Lambda invocation"))
            case "function":
                out.append(RouteDesign(path: route.path, method: "OPTIONS", integration: "lambda-proxy", function: route.function,
                                       authorized: false, note: "preflight reaches the function without the authorizer"))
            case "http-api-config" where authorized && (route.method == "ANY" || route.path.contains("{proxy+}")):
                out.append(RouteDesign(path: route.path, method: "OPTIONS", integration: "lambda-proxy", function: route.function,
                                       authorized: false, note: "unauthenticated so preflights skip the authorizer; the route matches them before the CORS configuration can, so they invoke the function, which answers 204 and the gateway adds the CORS headers"))
            default:
                continue
            }
        }
        return out
    }

    private func authorizerDesign(_ type: String, api: String, apiType: String, transport: String, cognito: Bool,
                                  function: String) -> AuthorizerDesign {
        let http = apiType == "http"
        // Where the credential is read: the Authorization header, the Cookie header, or a `token` query parameter.
        func source(_ transport: String) -> String {
            let prefix = http ? "$request." : "method.request."
            switch transport {
            case "cookie": return prefix + "header.Cookie"
            case "query": return prefix + "querystring.token"
            default: return prefix + "header.Authorization"
            }
        }
        let suffix = transport == "header" ? "" : "-\(transport)"
        switch type {
        case "iam":
            return AuthorizerDesign(name: "\(api)-iam", type: type, function: nil, identitySource: "SigV4-signed request (AWS_IAM)",
                                    issuer: nil, cacheTTL: nil)
        case "cognito", "lambda-token":
            // These read one header only; RouteAccess never gives them a cookie or a query parameter.
            var design = AuthorizerDesign(name: "\(api)-\(type)", type: type, function: type == "cognito" ? nil : function,
                                          identitySource: "method.request.header.Authorization", issuer: nil,
                                          cacheTTL: type == "cognito" ? nil : 300)
            design.transport = "header"
            return design
        case "jwt":
            var design = AuthorizerDesign(name: "\(api)-jwt\(suffix)", type: type, function: nil, identitySource: source(transport),
                                          issuer: cognito ? "https://cognito-idp.{region}.amazonaws.com/{userPoolId}" : "https://{your-identity-provider}/",
                                          cacheTTL: nil)
            design.transport = transport
            return design
        default:
            var design = AuthorizerDesign(name: "\(api)-\(type)\(suffix)", type: type, function: function, identitySource: source(transport),
                                          issuer: nil, cacheTTL: 300)
            design.transport = transport
            return design
        }
    }

    private func corsDesign(_ handling: String, apiType: String, integration: String, values: [String: AnswerValue],
                            routes: [RouteDesign]) -> CorsDesign {
        let mechanisms = values["auth-mechanisms"]?.members ?? []
        let browser = values["consumers"]?.members?.contains("browser") ?? false
        let origins = values["browser-origins"]?.members ?? []
        let credentials = values["browser-credentials"] == .bool(true)
        var headers = ["Content-Type", "Authorization"]
        if mechanisms.contains("api-keys") || routes.contains(where: \.apiKeyRequired) { headers.append("X-Api-Key") }
        if mechanisms.contains("iam") { headers += ["X-Amz-Date", "X-Amz-Security-Token"] }
        var methods = Array(Set(routes.map(\.method))).sorted()
        if methods.contains("ANY") { methods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] }
        var notes: [String] = []
        var responses: [String] = []
        // An OPTIONS route that reaches a function matches preflights before an HTTP API's CORS configuration can answer them.
        let catchAllPreflights = routes.contains { $0.method == "OPTIONS" && $0.function != nil }
        switch handling {
        case "gateway":
            notes.append("The gateway answers preflight OPTIONS requests itself.")
            if integration != "custom" {
                notes.append("With the Lambda proxy integration the gateway cannot add headers to real responses: the function returns Access-Control-Allow-Origin (and Vary: Origin) on every response.")
            }
        case "function":
            notes.append("The function answers OPTIONS and sets every CORS header, echoing the request's Origin when it is on the allow-list, with Vary: Origin.")
        case "http-api-config":
            notes.append("The HTTP API's CORS configuration adds the headers to every response; CORS headers returned by the function are ignored.")
            notes.append(catchAllPreflights
                ? "Preflights to the catch-all paths match their unauthenticated OPTIONS routes and invoke the function (it answers 204 with no body; the gateway adds the CORS headers); only paths whose methods are declared one by one are answered by the gateway without a function."
                : "The gateway answers preflights itself: no route matches OPTIONS, so no function is invoked.")
        default:
            if browser { notes.append("CORS is unresolved: see the conflict.") }
        }
        if apiType == "rest" && browser && handling != "none" {
            responses = ["DEFAULT_4XX", "DEFAULT_5XX"]
            notes.append("Gateway-generated errors (authorizer 401/403, throttling 429, timeout 504) carry CORS headers only through the DEFAULT_4XX and DEFAULT_5XX gateway responses.")
            if credentials && origins.count > 1 { notes.append(CorsNotes.uncheckedEcho) }
        }
        return CorsDesign(handling: handling, origins: handling == "none" ? [] : origins, allowCredentials: credentials && handling != "none",
                          allowHeaders: handling == "none" ? [] : headers, allowMethods: handling == "none" ? [] : methods,
                          gatewayResponses: responses, notes: notes)
    }

    private func limitFindings(_ layout: Layout) -> [Finding] {
        var out: [Finding] = []
        var templateEstimate = 0
        for api in layout.apis {
            let resources = Set(api.routes.flatMap { Self.resourcePaths($0.path) }).count
            if api.type == "rest" && resources > 300 {
                out.append(layoutFinding(.warning, "\(api.name) exceeds 300 resources", "layout.rest-resources",
                                         "\(api.name) needs \(resources) resources (every path segment is one); the default quota is 300 per REST API. Ask for an increase or split the API.", facts: ["rest-per-api-quotas"]))
            }
            if api.type == "http" && api.routes.count > 300 {
                out.append(layoutFinding(.warning, "\(api.name) exceeds 300 routes", "layout.http-routes",
                                         "\(api.name) has \(api.routes.count) routes; the default quota is 300 per HTTP API. Ask for an increase or split the API.", facts: ["http-per-api-quotas"]))
            }
            // A rough count of what one stack per API declares: methods, resources, functions with role and permission.
            let functions = Set(api.routes.compactMap(\.function)).count
            let estimate = api.routes.count + (api.type == "rest" ? resources : 0) + functions * 3 + 4
            templateEstimate += estimate
            if estimate > 500 {
                out.append(layoutFinding(.warning, "\(api.name) needs about \(estimate) CloudFormation resources", "layout.cloudformation-resources",
                                         "One template for \(api.name) would declare about \(estimate) resources (routes or methods, resources, and a function, role and permission per function); a template holds at most 500. Use nested stacks, fewer functions or several APIs.", facts: ["cfn-500-resources"]))
            }
        }
        // `generate` writes every API into one template, so the stack limit applies to the sum too.
        if layout.apis.count > 1 && templateEstimate > 500 && !out.contains(where: { $0.rule == "layout.cloudformation-resources" }) {
            out.append(layoutFinding(.warning, "The template needs about \(templateEstimate) CloudFormation resources", "layout.cloudformation-template-resources",
                                     "The generated template holds all \(layout.apis.count) APIs in one stack: about \(templateEstimate) resources (routes or methods, resources, and a function, role and permission per function), over CloudFormation's 500 per stack. Deploy the APIs as separate stacks or nested stacks, or use fewer functions.", facts: ["cfn-500-resources"]))
        }
        return out
    }

    /// An older runtime of a family that has a newer one: its deprecation date, from the runtime choices' data.
    func runtimeFindings(_ runtime: String) -> [Finding] {
        guard let question = rules.question("runtime"), let chosen = question.choice(runtime) else { return [] }
        func family(_ id: String) -> Substring { id.prefix { !$0.isNumber } }
        // Choices list the newest runtime of a family first.
        guard let newest = question.choices.first(where: { family($0.id) == family(runtime) }), newest.id != runtime else { return [] }
        let when = chosen.deprecation.map { " AWS deprecates \(runtime) on \($0); after that date new functions cannot use it, and later updates are blocked." } ?? ""
        return [layoutFinding(.info, "A newer runtime than \(runtime) exists", "layout.runtime-deprecation",
                              "\(newest.label) (\(newest.id)) is available.\(when) Plan the upgrade while both are supported.", facts: ["lambda-runtimes"])]
    }

    /// Every resource a path creates in a REST API: `/a/{b}` creates `/a` and `/a/{b}`.
    static func resourcePaths(_ path: String) -> [String] {
        let segments = path.split(separator: "/")
        return segments.indices.map { "/" + segments[...$0].joined(separator: "/") }
    }

    private func layoutFinding(_ severity: Severity, _ title: String, _ id: String, _ text: String, facts: [String] = []) -> Finding {
        Finding(severity: severity, title: title, text: text, rule: id, decision: nil,
                facts: Engine(rules: rules).citations(facts.filter { rules.facts[$0] != nil }), evidence: [])
    }
}

extension Set<String> {
    /// `base`, or `base-2`, `base-3`, ... when taken: the first free name, now taken too.
    mutating func claim(_ base: String) -> String {
        var candidate = base, counter = 2
        while contains(candidate) { candidate = "\(base)-\(counter)"; counter += 1 }
        insert(candidate)
        return candidate
    }
}
