/// The HTTP methods a resource can declare.
public let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

/// The microservices the API fronts.
public struct Inventory: Sendable, Hashable, Codable {
    /// The services, in the order given.
    public var services: [Service]

    /// Creates an inventory.
    public init(services: [Service] = []) { self.services = services }

    /// All resources of all services.
    public var resourceCount: Int { services.reduce(0) { $0 + $1.resources.count } }
    /// All resource + method pairs.
    public var routeCount: Int { services.reduce(0) { $0 + $1.resources.reduce(0) { $0 + $1.methods.count } } }
    /// Distinct owning teams (services without a team count as their own team).
    public var teamCount: Int { Set(services.map { $0.team ?? "service:" + $0.name }).count }
    /// Services that do not deploy independently.
    public var sharedDeployCount: Int { services.filter { !$0.deploysIndependently }.count }
    /// Resources with a `{param}` path segment.
    public var pathParameterCount: Int {
        services.reduce(0) { $0 + $1.resources.filter { $0.path.contains("{") }.count }
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

    /// Creates a service.
    public init(name: String, team: String? = nil, deploysIndependently: Bool = true, resources: [Resource] = []) {
        self.name = name
        self.team = team
        self.deploysIndependently = deploysIndependently
        self.resources = resources
    }
}

/// A resource path and the methods it accepts.
public struct Resource: Sendable, Hashable, Codable {
    /// Path starting with `/`, e.g. `/orders/{id}`.
    public var path: String
    /// Upper-case HTTP methods.
    public var methods: [String]

    /// Creates a resource.
    public init(path: String, methods: [String]) {
        self.path = path
        self.methods = methods
    }
}
