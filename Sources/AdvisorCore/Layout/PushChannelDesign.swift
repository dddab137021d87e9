/// The WebSocket API that pushes messages to the connected clients of one API, present when its interaction model
/// is `async-push` or its services must push (`server-push`): routes, the functions behind them, how `$connect`
/// checks callers, the table of open connections, and which functions post to connections.
public struct PushChannelDesign: Sendable, Hashable, Codable {
    /// The WebSocket API's name, e.g. `chat-push`.
    public var name: String
    /// Where API Gateway finds the route key of a client message: the `action` field of its JSON body.
    public var routeSelection: String
    /// `$connect`, `$disconnect` and `$default`, each with its function.
    public var routes: [PushRoute]
    /// The function behind `$connect` and `$disconnect`: it records and forgets connection ids.
    public var connectionFunction: String
    /// The function behind `$default`: it answers client messages (heartbeats, subscriptions).
    public var messageFunction: String
    /// How `$connect` checks callers: `iam`, `lambda-request` or `none`.
    public var connectAuth: String
    /// The Lambda REQUEST authorizer of `$connect` (nil for IAM or none).
    public var authorizerFunction: String?
    /// What that authorizer checks: `jwt` (an OIDC issuer's tokens), `cognito` (a user pool's tokens) or `lambda`
    /// (the request API's own Lambda authorizer, reused); nil without one.
    public var verifies: String?
    /// Where the authorizer reads the credential, e.g. `route.request.querystring.token` (nil without one).
    public var identitySource: String?
    /// The DynamoDB table of open connections.
    public var table: PushTable
    /// The functions that post to connections through the `@connections` endpoint, in layout order.
    public var senders: [String]
    /// Why it is built so and what it leaves to the code, one sentence each.
    public var notes: [String]

    /// The route key selection expression: clients send `{"action": "...", ...}`.
    static let selection = "$request.body.action"
    /// Hours a connection may last and minutes it may stay idle, from the WebSocket quotas; the table's time to live
    /// matches the first, so a connection whose `$disconnect` never ran still goes away.
    static let connectionHours = 2
    static let idleMinutes = 10
}

/// One route of the push channel.
public struct PushRoute: Sendable, Hashable, Codable {
    /// `$connect`, `$disconnect` or `$default`.
    public var routeKey: String
    /// The function its AWS_PROXY integration invokes.
    public var function: String
    /// `iam`, `custom` (the Lambda authorizer) or `none`; only `$connect` may be authorized.
    public var authorization: String
}

/// The DynamoDB table of open connections (see `TableDesign`).
public typealias PushTable = TableDesign

/// Plans the push channel of one API from its routes, functions and authorizers.
struct PushPlanner {
    let api: APIDesign
    /// The API's functions (handlers and job functions), in layout order.
    let functions: [FunctionDesign]
    /// Who calls the API: browsers cannot set headers on a WebSocket handshake.
    let consumers: [String]
    /// `header`, `cookie` or `query`: how the request API's credential travels.
    let transport: String
    let naming: HandlerNaming
    let packaging: String

    /// Methods that change state: the handlers behind them are the ones that tell connected clients about it.
    static let writes: Set<String> = ["POST", "PUT", "PATCH", "DELETE", "ANY"]

    /// The channel and the functions it adds, named apart from `taken` (which it extends).
    func plan(taken: inout Set<String>) -> (design: PushChannelDesign, functions: [FunctionDesign]) {
        let name = api.name + "-push"
        let connections = taken.claim("\(name)-connections"), messages = taken.claim("\(name)-messages")
        // The API's default authorizer decides who may connect; without one, the first its routes use.
        let guarding = api.authorizer ?? api.authorizers.first
        var connectAuth = "none", verifies: String?, authorizerFunction: String?, identity: String?
        var added: [FunctionDesign] = []
        func function(_ function: String, module: String, role: String, routes: [String]) -> FunctionDesign {
            let package = packaging == "shared-package" ? name : function
            return FunctionDesign(name: function, service: nil, handler: naming.handler(module: module, function: "handler", service: name),
                                  package: package, routes: routes, role: role)
        }
        switch guarding?.type {
        case "iam"?:
            connectAuth = "iam"
        case let type? where type.hasPrefix("lambda-"):
            connectAuth = "lambda-request"; verifies = "lambda"; authorizerFunction = guarding?.function
        case let type?:
            // A WebSocket API has no JWT or Cognito authorizer: a REQUEST authorizer function verifies the token.
            connectAuth = "lambda-request"; verifies = type == "cognito" ? "cognito" : "jwt"
            let authorizer = taken.claim("\(name)-authorizer")
            authorizerFunction = authorizer
            added.append(function(authorizer, module: "push_authorizer", role: "authorizer", routes: ["\(name) $connect (authorizer)"]))
        case nil:
            break
        }
        if connectAuth == "lambda-request" {
            // Browsers cannot add headers to the WebSocket handshake; cookies do travel with it.
            if transport == "cookie" { identity = "route.request.header.Cookie" }
            else if consumers.contains("browser") || transport == "query" { identity = "route.request.querystring.token" }
            else { identity = "route.request.header.Authorization" }
        }
        let routeAuth = connectAuth == "iam" ? "iam" : connectAuth == "none" ? "none" : "custom"
        let routes = [PushRoute(routeKey: "$connect", function: connections, authorization: routeAuth),
                      PushRoute(routeKey: "$disconnect", function: connections, authorization: "none"),
                      PushRoute(routeKey: "$default", function: messages, authorization: "none")]
        added.append(function(connections, module: "push_connections", role: "push", routes: ["\(name) $connect", "\(name) $disconnect"]))
        added.append(function(messages, module: "push_messages", role: "push", routes: ["\(name) $default"]))

        // Who posts: job workers deliver results; otherwise the handlers of the routes that change state; failing
        // both, every handler of the API. The message function answers on its own connection.
        let workers = (api.jobs ?? []).compactMap(\.worker)
        let jobFunctions = Set((api.jobs ?? []).flatMap { [$0.submitFunction, $0.statusFunction] })
        let routed = Set(api.routes.compactMap(\.function))
        let handlers = functions.filter { $0.role == "handler" && routed.contains($0.name) && !jobFunctions.contains($0.name) }
        let writers = Set(api.routes.filter { Self.writes.contains($0.method) }.compactMap(\.function))
        var senders = workers
        if senders.isEmpty { senders = handlers.filter { writers.contains($0.name) }.map(\.name) }
        if senders.isEmpty { senders = handlers.map(\.name) }
        senders.append(messages)

        var notes = [
            "\(connections) writes the connection id on $connect (with who connected, from the authorizer's context) and deletes it on $disconnect; "
                + "the table expires entries after \(PushChannelDesign.connectionHours) hours, the longest a connection lasts, in case $disconnect never ran.",
            "Senders post with the ApiGatewayManagementApi client to the URL in PUSH_ENDPOINT; a post that fails with 410 Gone means the client has left, so the sender deletes that id.",
            "Connections close after \(PushChannelDesign.idleMinutes) idle minutes and after \(PushChannelDesign.connectionHours) hours: clients send a heartbeat "
                + "({\"action\": \"ping\"}, answered by \(messages)) and reconnect with backoff when closed; messages carry at most 128 KB, so large results travel as S3 links.",
        ]
        let checked = connectAuth != "none"
        if checked {
            notes.append("\(connections) stores who connected (userId: the token's subject from the authorizer's context, or the caller's IAM identity) "
                         + "and the byUser index finds every connection of one user, so a sender reaches the right user without scanning the table.")
        }
        notes.append("To push to another group (a room, a topic), store its key with the connection and add an index on it the same way.")
        switch (connectAuth, verifies) {
        case ("iam", _):
            notes.append("$connect requires IAM: clients sign the handshake with SigV4 (a presigned wss:// URL); other routes need no check, because only $connect can be authorized.")
        case ("lambda-request", "lambda"?):
            notes.append("$connect reuses \(authorizerFunction ?? "the API's authorizer"): on a WebSocket API it always receives a REQUEST event (headers and query string), never a TOKEN one, and must return an IAM policy for the $connect ARN.")
        case ("lambda-request", _):
            notes.append("$connect checks the \(verifies == "cognito" ? "Cognito user pool's" : "issuer's") tokens in \(authorizerFunction ?? "a Lambda authorizer"): a WebSocket API has no JWT or Cognito authorizer of its own, so the function verifies the signature, issuer, audience and expiry and returns an IAM policy for the $connect ARN.")
        default:
            notes.append("The request API checks no callers, so neither does $connect: anyone who knows the URL may connect and receive what is broadcast.")
        }
        if identity == "route.request.querystring.token" {
            notes.append("Browsers cannot set headers on a WebSocket handshake, so the token travels as ?token=...: keep it short-lived and keep the query string out of access logs.")
        }
        let design = PushChannelDesign(name: name, routeSelection: PushChannelDesign.selection, routes: routes, connectionFunction: connections,
                                       messageFunction: messages, connectAuth: connectAuth, authorizerFunction: authorizerFunction,
                                       verifies: verifies, identitySource: identity,
                                       table: PushTable(name: "\(name)-connections", partitionKey: "connectionId", ttlAttribute: "expiresAt", billing: "on-demand",
                                                        userIndex: checked ? "byUser" : nil, userAttribute: checked ? "userId" : nil),
                                       senders: senders, notes: notes)
        return (design, added)
    }
}

extension PushChannelDesign {
    /// The functions behind the channel's routes (not its authorizer, which may be the request API's).
    var ownFunctions: [String] { [connectionFunction, messageFunction] }

    /// The lines the layout tree shows for the push channel of one API.
    static func treeItems(_ api: APIDesign) -> [(String, [String])] {
        guard let push = api.push else { return [] }
        var details = push.routes.map { route in
            "\(route.routeKey) -> \(route.function)" + (route.authorization == "none" ? "" : " (\(route.authorization == "iam" ? "IAM" : "authorizer \(push.authorizerFunction ?? "")"))")
        }
        if let source = push.identitySource { details.append("$connect credential: \(source)") }
        details.append("connections table \(push.table.name): on demand, key \(push.table.partitionKey), time to live on \(push.table.ttlAttribute)"
                       + (push.table.userIndex.map { ", index \($0) on \(push.table.userAttribute ?? "")" } ?? ""))
        details.append("posts to @connections: \(push.senders.joined(separator: ", "))")
        return [("push channel \(push.name): WebSocket API, route selection \(push.routeSelection)", details)]
    }

    /// The push channel of one API as markdown.
    static func markdownLines(_ api: APIDesign) -> [String] {
        guard let push = api.push else { return [] }
        var out = ["#### Push channel \(MarkdownText.code(push.name)) (WebSocket API)", ""]
        out += MarkdownText.table(["Route", "Function", "Caller check"], push.routes.map { route in
            [MarkdownText.code(route.routeKey), MarkdownText.code(route.function),
             route.authorization == "iam" ? "IAM (SigV4)" : route.authorization == "custom"
                ? "Lambda REQUEST authorizer \(MarkdownText.code(push.authorizerFunction ?? ""))" : "none"]
        })
        out.append("")
        out.append("- Route selection: \(MarkdownText.code(push.routeSelection)).")
        if let source = push.identitySource { out.append("- `$connect` reads the credential from \(MarkdownText.code(source)).") }
        out.append("- Connections table: \(MarkdownText.code(push.table.name)), on demand, key \(MarkdownText.code(push.table.partitionKey)), "
                   + "time to live on \(MarkdownText.code(push.table.ttlAttribute))"
                   + (push.table.userIndex.map { ", global secondary index \(MarkdownText.code($0)) on \(MarkdownText.code(push.table.userAttribute ?? ""))" } ?? "") + ".")
        out.append("- Post to connections (`execute-api:ManageConnections`): " + push.senders.map(MarkdownText.code).joined(separator: ", ") + ".")
        out += push.notes.map { "- " + MarkdownText.inline($0) }
        return out + [""]
    }
}
