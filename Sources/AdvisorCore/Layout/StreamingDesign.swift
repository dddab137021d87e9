/// Response streaming of one REST API whose interaction model is `streaming`: which routes stream, how long the
/// integration waits, and how the handlers must be written for the runtime.
public struct StreamingDesign: Sendable, Hashable, Codable {
    /// The routes that stream, as `METHOD path` (every Lambda proxy route but the preflights).
    public var routes: [String]
    /// The integration timeout in milliseconds: the slowest response, at most 15 minutes while streaming.
    public var integrationTimeout: Int
    /// `native` (Node.js managed runtimes) or `adapter` (a custom runtime or the Lambda Web Adapter is needed).
    public var runtimeSupport: String
    /// How a handler streams in this runtime.
    public var handler: String
    /// Why it is built so and what streaming gives up, one sentence each.
    public var notes: [String]

    /// The integration timeout API Gateway uses when none is set.
    static let defaultTimeout = 29_000
    /// The longest a streamed integration may wait.
    static let maxTimeout = 900_000

    /// Whether Lambda streams natively on `runtime`: its Node.js managed runtimes do.
    static func native(_ runtime: String) -> Bool { runtime.hasPrefix("nodejs") }

    /// The streaming of an API, or nil when its interaction model is not `streaming` or it is not a REST API.
    static func plan(api: APIDesign, model: String?, runtime: String, maxDuration: AnswerValue?) -> StreamingDesign? {
        guard model == "streaming", api.type == "rest" else { return nil }
        let routes = api.routes.filter { $0.integration == "lambda-proxy" && $0.method != "OPTIONS" && $0.function != nil }.map(\.display)
        guard !routes.isEmpty else { return nil }
        var seconds = 3.0
        if case .number(let value)? = maxDuration, value.isFinite { seconds = max(3, value.rounded(.up)) }
        let timeout = Int(min(Double(maxTimeout), max(Double(defaultTimeout), seconds * 1000)))
        let native = Self.native(runtime)
        let handler = native
            ? "Wrap each handler in awslambda.streamifyResponse(async (event, responseStream, context) => ...); before the first write, "
                + "set the status code and headers with responseStream = awslambda.HttpResponseStream.from(responseStream, metadata), "
                + "then write the body in chunks and end the stream."
            : "\(runtime) does not stream natively: run the handler on a custom runtime that implements InvokeWithResponseStream, "
                + "or behind the Lambda Web Adapter in its response-streaming mode with a web framework that streams."
        var notes = ["Every Lambda proxy route of the API streams: the integrations set responseTransferMode STREAM and invoke the "
                     + "functions through the response-streaming-invocations URI, so the template describes the API with an OpenAPI body.",
                     "Streamed routes cannot use caching, content encoding or response mapping templates, and a stream idle for 5 minutes "
                     + "(30 seconds on edge-optimized endpoints) is closed; after the first 10 MB the stream is limited to 2 MB/s."]
        if timeout > defaultTimeout {
            notes.append("The integrations wait \(timeout) ms: streaming may run up to 15 minutes without the integration-timeout quota increase a buffered response would need.")
        }
        return StreamingDesign(routes: routes, integrationTimeout: timeout, runtimeSupport: native ? "native" : "adapter",
                               handler: handler, notes: notes)
    }

    /// The lines the layout tree shows for the streaming of one API.
    static func treeItems(_ api: APIDesign) -> [(String, [String])] {
        guard let streaming = api.streaming else { return [] }
        return [("response streaming: \(streaming.routes.count) route(s), responseTransferMode STREAM",
                 ["integration timeout: \(streaming.integrationTimeout) ms",
                  "invocation: .../2021-11-15/functions/FUNCTION_ARN/response-streaming-invocations",
                  streaming.runtimeSupport == "native" ? "runtime: streams natively (awslambda.streamifyResponse)"
                      : "runtime: needs a custom runtime or the Lambda Web Adapter to stream"])]
    }

    /// The streaming of one API as markdown.
    static func markdownLines(_ api: APIDesign) -> [String] {
        guard let streaming = api.streaming else { return [] }
        var out = ["#### Response streaming", ""]
        out.append("- Streamed routes: " + streaming.routes.map(MarkdownText.code).joined(separator: ", ") + ".")
        out.append("- Integration timeout: \(streaming.integrationTimeout) ms.")
        out.append("- Handlers: " + MarkdownText.inline(streaming.handler))
        out += streaming.notes.map { "- " + MarkdownText.inline($0) }
        return out + [""]
    }
}

extension LayoutCheck {
    /// A streaming interaction model the template cannot express: HTTP APIs cannot stream, and custom integrations buffer.
    func streamingProblems() -> [String] {
        var out: [String] = []
        for api in advice.layout.apis where advice.chosen("interaction-model", api: api.name) == "streaming" {
            if api.type != "rest" {
                out.append("\(api.name): the advice streams responses, but only REST APIs stream; an \(api.type.uppercased()) API would buffer them (choose api-type rest).")
            } else if api.routes.contains(where: { $0.integration == "custom" }) {
                out.append("\(api.name): the advice streams responses, but custom integrations buffer the whole response for their mapping templates; use the Lambda proxy integration.")
            }
        }
        return out
    }
}
