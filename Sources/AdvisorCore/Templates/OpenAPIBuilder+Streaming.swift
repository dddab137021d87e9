/// Streamed Lambda proxy integrations of a REST API: responseTransferMode STREAM, the response-streaming
/// invocation URI and the integration timeout (rules/facts.yaml rest-streaming-lambda-integration).
extension OpenAPIBuilder {
    /// The integration of a route that streams, or nil when it does not.
    func streamedIntegration(_ route: RouteDesign) -> YAMLNode? {
        guard rest, let streaming = api.streaming, streaming.routes.contains(route.display), let function = route.function else { return nil }
        var entries = [YAMLEntry("type", .string("aws_proxy")),
                       YAMLEntry("httpMethod", .string("POST")),
                       YAMLEntry("uri", streamingURI(function),
                                 comment: ["InvokeWithResponseStream: the 2021-11-15 API and response-streaming-invocations."]),
                       YAMLEntry("passthroughBehavior", .string("when_no_match")),
                       YAMLEntry("responseTransferMode", .string("STREAM"), comment: ["API Gateway sends each chunk as the function writes it."])]
        if streaming.integrationTimeout != StreamingDesign.defaultTimeout {
            entries.append(YAMLEntry("timeoutInMillis", .int(streaming.integrationTimeout)))
        }
        return .mapping(entries)
    }

    private func streamingURI(_ function: String) -> YAMLNode {
        switch target {
        case .document:
            return .string("arn:aws:apigateway:{region}:lambda:path/2021-11-15/functions/arn:aws:lambda:{region}:{account-id}:function:\(function)/response-streaming-invocations")
        case .definitionBody:
            return .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${\(plan.functionID(function)).Arn}/response-streaming-invocations")
        }
    }
}

/// What streaming asks of the plan.
extension GenerationPlan {
    /// Whether the REST API streams some of its routes.
    func streams(_ api: APIDesign) -> Bool { api.type == "rest" && !(api.streaming?.routes.isEmpty ?? true) }

    /// What streaming needs that the template cannot express, for the header.
    var streamingNotGenerated: [String] {
        guard let streaming = layout.apis.lazy.compactMap(\.streaming).first, streaming.runtimeSupport != "native" else { return [] }
        return ["the custom runtime or Lambda Web Adapter layer that lets \(layout.runtime) handlers stream (Lambda streams natively only on its Node.js runtimes)"]
    }
}

extension SAMTemplateBuilder {
    /// Why an API is described by an embedded OpenAPI body rather than SAM events.
    func definitionBodyComment(_ api: APIDesign) -> [String] {
        let file = "openapi/\(OpenAPIGenerator.fileName(api.name))"
        if api.routes.contains(where: { $0.integration == "custom" }) {
            return ["SAM events only make Lambda proxy integrations; the custom integrations, their mapping",
                    "templates, the authorizer and CORS are therefore described here (same as \(file))."]
        }
        return ["The streamed integrations (responseTransferMode STREAM, response-streaming-invocations URI), the",
                "authorizer and CORS are described here (same as \(file))."]
    }
}
