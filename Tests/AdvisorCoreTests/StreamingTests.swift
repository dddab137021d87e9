import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Response streaming in the layout and the templates: which routes stream, the integration timeout, the runtime's
/// support, and the OpenAPI body with responseTransferMode STREAM and the response-streaming invocation URI.
@Suite struct StreamingTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice {
        Engine(rules: rules).advise(try Answers.parse(yaml, file: "t.yaml", rules: rules), whatWouldChange: false)
    }

    func exports(runtime: String = "nodejs24.x", duration: Int = 300, extra: String = "progressive-response: true") -> String {
        """
        api-name: exports
        runtime: \(runtime)
        services:
          - name: exports
            resources:
              - {path: /exports, methods: [GET, POST]}
        consumers: [partners]
        auth-mechanisms: [iam]
        max-duration: \(duration)
        result-delivery: wait
        \(extra)
        """
    }

    @Test func everyLambdaRouteOfAStreamingAPIStreams() throws {
        let advice = try advise(exports())
        #expect(advice.chosen("interaction-model") == "streaming")
        let api = try #require(advice.layout.apis.first)
        let streaming = try #require(api.streaming)
        #expect(streaming.routes == api.routes.filter { $0.integration == "lambda-proxy" && $0.method != "OPTIONS" }.map(\.display))
        #expect(!streaming.routes.isEmpty)
        #expect(streaming.integrationTimeout == 300_000 && streaming.runtimeSupport == "native")
        #expect(streaming.handler.contains("awslambda.streamifyResponse"))
        #expect(advice.findings.contains { $0.rule == "interaction.streaming-handler-format" })
        #expect(!advice.findings.contains { $0.rule == "integration.proxy-response-shape" })
    }

    @Test func theTemplateStreamsThroughAnOpenAPIBody() throws {
        let advice = try advise(exports())
        let context = GeneratorFixtures.context(rules)
        let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "r.md")
        let resources = GeneratorTests.map(try GeneratorTests.load(text)["Resources"])
        let api = GeneratorTests.map(GeneratorTests.map(resources["ExportsApi"])["Properties"])
        let paths = GeneratorTests.map(GeneratorTests.map(api["DefinitionBody"])["paths"])
        #expect(!paths.isEmpty)
        for route in try #require(advice.layout.apis.first).routes where route.integration == "lambda-proxy" {
            let key = route.method == "ANY" ? "x-amazon-apigateway-any-method" : route.method.lowercased()
            let integration = GeneratorTests.map(GeneratorTests.map(GeneratorTests.map(paths[route.path])[key])["x-amazon-apigateway-integration"])
            #expect(integration["responseTransferMode"] as? String == "STREAM", "\(route.display)")
            #expect(integration["timeoutInMillis"] as? Int == 300_000, "\(route.display)")
            let uri = GeneratorTests.map(integration["uri"])["Fn::Sub"] as? String ?? ""
            #expect(uri.hasSuffix("/2021-11-15/functions/${ExportsRouterFunction.Arn}/response-streaming-invocations"), "\(uri)")
        }
        // No SAM events (they would add buffered integrations); API Gateway's permission to invoke is declared instead.
        #expect(!text.contains("Type: Api\n"))
        #expect(resources.values.contains { GeneratorTests.map($0)["Type"] as? String == "AWS::Lambda::Permission" })
        // Streaming past 29 seconds needs no quota increase, and Node.js streams natively: nothing to require or add.
        #expect(!text.contains("# Requires:") && !text.contains("Not generated"))
        let document = try #require(try OpenAPIGenerator.documents(advice, context: context, recordName: "r.md").first).text
        #expect(document.contains("path/2021-11-15/functions/arn:aws:lambda:{region}:{account-id}:function:exports-router/response-streaming-invocations"))
        #expect(document.contains("responseTransferMode: STREAM"))
    }

    @Test func otherRuntimesNeedAnAdapterTheHeaderNames() throws {
        let advice = try advise(exports(runtime: "python3.14"))
        #expect(advice.layout.apis.first?.streaming?.runtimeSupport == "adapter")
        let text = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r.md")
            .replacingOccurrences(of: "\n#   ", with: " ")
        #expect(text.contains("the custom runtime or Lambda Web Adapter layer that lets python3.14 handlers stream"))
        #expect(text.contains("responseTransferMode: STREAM"))
    }

    @Test func shortStreamsKeepTheDefaultIntegrationTimeout() throws {
        let advice = try advise(exports(duration: 20, extra: "gateway-features: [response-streaming]"))
        let streaming = try #require(advice.layout.apis.first?.streaming, "\(advice.chosen("interaction-model") ?? "")")
        #expect(streaming.integrationTimeout == 29_000)
        let text = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r.md")
        #expect(text.contains("responseTransferMode: STREAM") && !text.contains("timeoutInMillis"))
    }

    @Test func buffersWhenNothingAsksForStreaming() throws {
        let advice = try advise(exports(duration: 5, extra: ""))
        #expect(advice.chosen("interaction-model") == "synchronous")
        #expect(advice.layout.apis.allSatisfy { $0.streaming == nil })
        let text = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r.md")
        #expect(!text.contains("STREAM") && !text.contains("response-streaming"))
    }

    @Test func theTreeAndTheRecordShowTheStreaming() throws {
        let advice = try advise(exports())
        let tree = LayoutTree.lines(advice.layout, ascii: true).joined(separator: "\n")
        let count = try #require(advice.layout.apis.first?.streaming?.routes.count)
        #expect(tree.contains("response streaming: \(count) route(s), responseTransferMode STREAM"))
        let markdown = MarkdownExporter.render(advice, context: GeneratorFixtures.context(rules))
        #expect(markdown.contains("#### Response streaming") && markdown.contains("awslambda.streamifyResponse"))
        let records = MADRExporter.records(advice, context: GeneratorFixtures.context(rules), existingFileNames: [])
        let record = try #require(records.first { $0.text.contains("# Interaction model") }).text
        #expect(record.contains("responseTransferMode STREAM"))
    }

    @Test func aStreamingAPIWithCustomIntegrationsIsRefused() throws {
        var advice = try advise(exports())
        advice.layout.apis[0].routes[0].integration = "custom"
        #expect(throws: GenerationRefusal.self) {
            try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r.md")
        }
    }
}
