/// The recommended layout: APIs, routes, functions, authorizers and CORS, derived from the decisions.
public struct Layout: Sendable, Hashable, Codable {
    /// The APIs.
    public var apis: [APIDesign] = []
    /// The Lambda functions, including a shared authorizer function if any.
    public var functions: [FunctionDesign] = []
    /// The runtime the handlers are named for.
    public var runtime: String = ""
    /// Custom domain, if one is wanted.
    public var domain: DomainDesign?
    /// Decisions in conflict: the parts of the layout they govern are left undecided.
    public var unresolved: [String] = []

    /// Creates an empty layout.
    public init() {}

    /// What each authorizer function checks callers of, in one pass: the APIs whose authorizers name it (in API
    /// order), then the push channels whose `$connect` it guards (as `chat-push $connect`).
    public func authorizerUsers() -> [String: [String]] {
        var users: [String: [String]] = [:]
        for api in apis { for name in Set(api.authorizers.compactMap(\.function)) { users[name, default: []].append(api.name) } }
        for push in apis.compactMap(\.push) { if let name = push.authorizerFunction { users[name, default: []].append("\(push.name) $connect") } }
        return users
    }
}

/// One API Gateway API.
public struct APIDesign: Sendable, Hashable, Codable {
    /// Name, e.g. `orders-api`.
    public var name: String
    /// `rest`, `http`, or `unresolved`.
    public var type: String
    /// `regional`, `edge`, `private`, or `unresolved`.
    public var endpoint: String
    /// Services it fronts.
    public var services: [String]
    /// Its routes.
    public var routes: [RouteDesign]
    /// Its default authorizer: the one the authorizer decision chose, when its routes use it (each API has its own,
    /// even when they share a function).
    public var authorizer: AuthorizerDesign?
    /// How it handles CORS.
    public var cors: CorsDesign
    /// Base path under the custom domain, if one is used.
    public var basePath: String?
    /// Every authorizer its routes use (the default one first), one per mechanism and way the credential travels.
    public var authorizers: [AuthorizerDesign] = []
    /// Whether some of its routes require an API key (it then has API keys and a usage plan).
    public var apiKeys: Bool = false
    /// The job pattern of each service whose long operations run as jobs (nil unless the interaction model is async-job).
    public var jobs: [JobPattern]? = nil
    /// How its responses stream (nil unless the interaction model is streaming).
    public var streaming: StreamingDesign? = nil
    /// The front door that replaces API Gateway for this API (nil while API Gateway is the front door).
    public var frontDoor: FrontDoorDesign? = nil
    /// The WebSocket API that pushes to its connected clients (nil unless the interaction model is async-push or its
    /// services must push).
    public var push: PushChannelDesign? = nil
}

/// One route: a resource path and a method, with where it goes.
public struct RouteDesign: Sendable, Hashable, Codable {
    /// Resource path, e.g. `/orders/{id}` or `/{proxy+}`.
    public var path: String
    /// HTTP method or ANY.
    public var method: String
    /// `lambda-proxy`, `custom` or `mock` (gateway-answered preflight).
    public var integration: String
    /// The function it invokes (nil for a mock).
    public var function: String?
    /// Whether an authorizer (or IAM) protects it.
    public var authorized: Bool
    /// Why the route exists, when that is not obvious.
    public var note: String?
    /// The name of the API's authorizer that protects it (nil: none).
    public var authorizer: String? = nil
    /// Whether callers must send an API key.
    public var apiKeyRequired: Bool = false
    /// The access the answers ask for (`public`, `users`, `partners`, `iam`, `custom`); nil when the route takes
    /// what the API's authorizer decision says.
    public var access: String? = nil

    /// `GET /orders`.
    public var display: String { "\(method) \(path)" }
}

/// One Lambda function.
public struct FunctionDesign: Sendable, Hashable, Codable {
    /// Name, e.g. `orders-router`.
    public var name: String
    /// Service it belongs to (nil for the shared authorizer).
    public var service: String?
    /// Handler string for the runtime.
    public var handler: String
    /// Deployment package (several functions share one under shared packaging).
    public var package: String
    /// Routes it serves, as `METHOD path` (with the API name when there are several APIs).
    public var routes: [String]
    /// `handler`, `authorizer`, `worker` (runs jobs from a queue; serves no route) or `push` (a WebSocket route's function).
    public var role: String
}

/// An authorizer of one API.
public struct AuthorizerDesign: Sendable, Hashable, Codable {
    /// Name.
    public var name: String
    /// `iam`, `cognito`, `lambda-token`, `lambda-request` or `jwt`.
    public var type: String
    /// The Lambda function behind a Lambda authorizer.
    public var function: String?
    /// Where the credentials are read.
    public var identitySource: String
    /// For JWT: the issuer (a template when it depends on deployment values).
    public var issuer: String?
    /// Result cache TTL in seconds for Lambda authorizers.
    public var cacheTTL: Int?
    /// How the credential travels: `header`, `cookie` or `query`.
    public var transport: String = "header"
}

/// CORS handling of one API.
public struct CorsDesign: Sendable, Hashable, Codable {
    /// `none`, `gateway`, `function`, `http-api-config` or `unresolved`.
    public var handling: String
    /// Allowed origins.
    public var origins: [String]
    /// Whether credentials (cookies, Authorization) are allowed.
    public var allowCredentials: Bool
    /// Allowed request headers.
    public var allowHeaders: [String]
    /// Allowed methods.
    public var allowMethods: [String]
    /// Gateway responses that need CORS headers (REST).
    public var gatewayResponses: [String]
    /// Where each CORS header comes from, in one or two sentences.
    public var notes: [String]
}

/// The custom domain and how APIs sit under it.
public struct DomainDesign: Sendable, Hashable, Codable {
    /// The domain, e.g. `api.example.com` or `*.example.com`.
    public var name: String
    /// `single` or `wildcard`.
    public var kind: String
    /// Where the certificate must live.
    public var certificate: String
    /// `base-path` when several APIs share the domain.
    public var mapping: String
}
