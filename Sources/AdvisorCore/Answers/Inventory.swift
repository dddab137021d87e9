/// The HTTP methods a resource can declare.
public let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

/// Who may call a route: the access levels a service, resource or method can ask for.
///
/// `public`: anyone, no credentials; `users`: signed-in users with a token (Cognito or OIDC); `partners`:
/// partners with an API key (usage plans); `iam`: SigV4-signed AWS callers; `custom`: a Lambda authorizer.
public let routeAccessLevels = ["public", "users", "partners", "iam", "custom"]

/// The microservices the API fronts.
public struct Inventory: Sendable, Hashable, Codable {
    /// The services, in the order given.
    public var services: [Service] { didSet { counts = Counts(services) } }

    /// The counts `count` conditions read, kept with the services: every condition evaluator (one per service and
    /// per API, again for each alternative the what-would-change search tries) reads them, and walking the whole
    /// inventory each time made advice quadratic in the number of services.
    private var counts: Counts

    /// Creates an inventory.
    public init(services: [Service] = []) {
        self.services = services
        counts = Counts(services)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(services: try container.decode([Service].self, forKey: .services))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(services, forKey: .services)
    }

    private enum CodingKeys: String, CodingKey { case services }

    public static func == (lhs: Inventory, rhs: Inventory) -> Bool { lhs.services == rhs.services }
    public func hash(into hasher: inout Hasher) { hasher.combine(services) }

    /// All resources of all services.
    public var resourceCount: Int { counts.resources }
    /// All resource + method pairs.
    public var routeCount: Int { counts.routes }
    /// Distinct owning teams (services without a team count as their own team).
    public var teamCount: Int { counts.teams }
    /// Services that do not deploy independently.
    public var sharedDeployCount: Int { counts.sharedDeploys }
    /// Resources with a `{param}` path segment.
    public var pathParameterCount: Int { counts.pathParameters }

    /// The derived counts, computed in one pass when the services change.
    private struct Counts: Sendable {
        var resources = 0, routes = 0, teams = 0, sharedDeploys = 0, pathParameters = 0

        init(_ services: [Service]) {
            var owners = Set<String>()
            for service in services {
                owners.insert(service.team ?? "service:" + service.name)
                if !service.deploysIndependently { sharedDeploys += 1 }
                resources += service.resources.count
                for resource in service.resources {
                    routes += resource.methods.count
                    if resource.path.utf8.contains(UInt8(ascii: "{")) { pathParameters += 1 }
                }
            }
            teams = owners.count
        }
    }
}

/// One microservice: its name, owner and resources.
public struct Service: Sendable, Hashable, Codable {
    /// Name, lower-case with dashes.
    public var name: String
    /// Owning team.
    public var team: String?
    /// Whether it is deployed on its own schedule.
    public var deploysIndependently: Bool
    /// Its resources.
    public var resources: [Resource]
    /// Its own answers to per-service questions; questions not listed take the top-level answer.
    public var answers: [String: AnswerValue]
    /// The access its routes need unless a resource or method says otherwise (nil: what the API's authorizer decides).
    public var access: String?

    /// Creates a service.
    public init(name: String, team: String? = nil, deploysIndependently: Bool = true, resources: [Resource] = [],
                answers: [String: AnswerValue] = [:], access: String? = nil) {
        self.name = name
        self.team = team
        self.deploysIndependently = deploysIndependently
        self.resources = resources
        self.answers = answers
        self.access = access
    }

    private enum CodingKeys: String, CodingKey { case name, team, deploysIndependently, resources, answers, access }

    /// Reads what `encode(to:)` writes (per-service answers and access are optional keys).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), team: try container.decodeIfPresent(String.self, forKey: .team),
                  deploysIndependently: try container.decode(Bool.self, forKey: .deploysIndependently),
                  resources: try container.decode([Resource].self, forKey: .resources),
                  answers: try container.decodeIfPresent([String: AnswerValue].self, forKey: .answers) ?? [:],
                  access: try container.decodeIfPresent(String.self, forKey: .access))
    }

    /// Leaves out per-service answers and access when there are none, so a uniform inventory encodes as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(team, forKey: .team)
        try container.encode(deploysIndependently, forKey: .deploysIndependently)
        try container.encode(resources, forKey: .resources)
        if !answers.isEmpty { try container.encode(answers, forKey: .answers) }
        try container.encodeIfPresent(access, forKey: .access)
    }

    /// The access one route needs, as answered: the method's, else the resource's, else the service's (nil: not said).
    public func access(of resource: Resource, method: String) -> String? {
        resource.access[method] ?? resource.access["*"] ?? access
    }
}

/// A resource path and the methods it accepts.
public struct Resource: Sendable, Hashable, Codable {
    /// Path starting with `/`, e.g. `/orders/{id}`.
    public var path: String
    /// Upper-case HTTP methods.
    public var methods: [String]
    /// The access each method needs: method -> access level, `*` for every method not listed.
    public var access: [String: String]

    /// Creates a resource.
    public init(path: String, methods: [String], access: [String: String] = [:]) {
        self.path = path
        self.methods = methods
        self.access = access
    }

    private enum CodingKeys: String, CodingKey { case path, methods, access }

    /// Reads what `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path), methods: try container.decode([String].self, forKey: .methods),
                  access: try container.decodeIfPresent([String: String].self, forKey: .access) ?? [:])
    }

    /// Leaves out the access when none was given.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(methods, forKey: .methods)
        if !access.isEmpty { try container.encode(access, forKey: .access) }
    }
}
