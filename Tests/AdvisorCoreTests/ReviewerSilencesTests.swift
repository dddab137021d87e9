import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The silences a reviewer noticed (issue 13): each gets advice, a clear error or a template that does what the
/// record says.
@Suite struct ReviewerSilencesTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice { try EngineFixture.advise(yaml, rules: rules) }

    // MARK: 1. wildcard custom domain

    @Test func aWildcardDomainSaysHowTenantsAreToldApartAndWhichCertificate() throws {
        let advice = try advise("custom-domain: wildcard\ndomain-name: \"*.example.com\"\n")
        let finding = try #require(advice.findings.first { $0.rule == "limits.wildcard-domain-tenants" })
        #expect(finding.text.contains("Host header") && finding.text.contains("wildcard ACM"))
        #expect(finding.text.contains("Private APIs cannot use wildcard custom domains"))
        #expect(finding.facts.contains { $0.id == "wildcard-certificate" })
        let privateAPI = try advise("consumers: [vpc-only]\ncustom-domain: wildcard\ndomain-name: \"*.internal.example.com\"\n")
        #expect(privateAPI.findings.contains { $0.rule == "limits.wildcard-private-domain" })
        #expect(!privateAPI.findings.contains { $0.rule == "limits.wildcard-domain-tenants" })
    }

    // MARK: 2. several Regions without a custom domain

    @Test func severalRegionsWithoutACustomDomainAreWarned() throws {
        let bare = try advise("multi-region: true\n")
        let finding = try #require(bare.findings.first { $0.rule == "limits.multi-region-needs-custom-domain" })
        #expect(finding.severity == .warning && finding.text.contains("Route 53"))
        let named = try advise("multi-region: true\ncustom-domain: single\ndomain-name: api.example.com\n")
        #expect(!named.findings.contains { $0.rule == "limits.multi-region-needs-custom-domain" })
    }

    // MARK: 3. a wildcard browser origin

    @Test func aWildcardOriginPatternIsRefusedWithAClearLocatedError() throws {
        let problems = EngineFixture.problems("consumers: [browser]\nbrowser-origins: [\"https://app.example.com\", \"https://*.app.example.com\"]\n",
                                              rules: rules)
        let error = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(error.key == "browser-origins" && error.location.line == 2)
        #expect(error.message.contains("'https://*.app.example.com'") && error.message.contains("matches no browser"))
        #expect(error.message.contains("List every web app origin exactly"))
        // Exact origins and * stay valid.
        #expect(EngineFixture.problems("consumers: [browser]\nbrowser-origins: [\"https://app.example.com:8443\"]\n", rules: rules).isEmpty)
        #expect(EngineFixture.problems("consumers: [browser]\nbrowser-origins: [\"*\"]\n", rules: rules).isEmpty)
    }

    @Test func patternHelpNeedsAPattern() {
        let files = EngineFixture.files(rules: "rules: []\n").map { file in
            file.name == "questions.yaml"
                ? RuleFile(name: file.name, text: file.text.replacingOccurrences(of: "    help: Seconds.\n", with: "    help: Seconds.\n    pattern-help: Whole seconds.\n"))
                : file
        }
        #expect(EngineFixture.loadErrors(files).contains { $0.message.contains("pattern-help explains a pattern") })
    }

    // MARK: 4. gateway responses of a credentialed API with several origins

    @Test func gatewayResponsesNeverEchoTheOriginWithCredentials() throws {
        let files = try GeneratorFixtures.exampleOutput("multi-origin-browser.yaml")
        let advice = try advise(String(contentsOf: GeneratorFixtures.repoRoot.appendingPathComponent("examples/multi-origin-browser.yaml"), encoding: .utf8))
        #expect(advice.layout.apis.allSatisfy { $0.cors.allowCredentials && $0.cors.origins.count > 1 && !$0.cors.gatewayResponses.isEmpty })
        #expect(advice.layout.apis.allSatisfy { $0.cors.notes.contains(CorsNotes.uncheckedEcho) })
        var checked = 0
        for file in files where file.path.hasSuffix(".yaml") {
            let blocks = file.text.components(separatedBy: "DEFAULT_").dropFirst()
            for block in blocks {
                let lines = block.split(separator: "\n").prefix(6).joined(separator: "\n")
                guard lines.contains("method.request.header.Origin") else { continue }
                checked += 1
                #expect(!lines.contains("Access-Control-Allow-Credentials"), "\(file.path): \(lines)")
            }
        }
        #expect(checked >= 4, "expected echoed gateway responses in the SAM template and the OpenAPI documents")
    }

    // MARK: 5. a private API's resource policy

    @Test(.enabled(if: SAMTranslationTests.samtranslatorAvailable, "python3 cannot import samtranslator"))
    func thePrivateAPIPolicyAllowsOnlyThroughTheVPCEndpoint() throws {
        let files = try GeneratorFixtures.exampleOutput("internal-vpc-iam.yaml")
        let template = try #require(files.first { $0.path == "template.yaml" })
        let folder = try GeneratorTools.write([(name: "sam", files: [(path: "template.yaml", text: template.text)])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("cloudformation.json").path
        let result = try GeneratorTools.run("python3", ["-c", SAMTranslationTests.translate, folder.appendingPathComponent("sam/template.yaml").path, output])
        try #require(result.status == 0, "samtranslator refused the template:\n\(result.output)")
        let translated = try JSONValue.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self))
        let apis = (translated.object?["Resources"]?.object ?? [:]).values.filter { $0.object?["Type"]?.string == "AWS::ApiGateway::RestApi" }
        #expect(!apis.isEmpty)
        for api in apis {
            let statements = try #require(api.object?["Properties"]?.object?["Body"]?.object?["x-amazon-apigateway-policy"]?.object?["Statement"]?.array)
            #expect(!statements.isEmpty)
            for statement in statements where statement.object?["Effect"]?.string == "Allow" {
                let vpce = statement.object?["Condition"]?.object?["StringEquals"]?.object?["aws:SourceVpce"]
                #expect(vpce != nil, "an Allow without an aws:SourceVpce condition: \(statement)")
            }
        }
        let openapi = try #require(files.first { $0.path.hasPrefix("openapi/") })
        #expect(openapi.text.contains("aws:SourceVpce: \"{vpc-endpoint-id}\""))
        // The record says what the team fills in.
        let advice = try advise(String(contentsOf: GeneratorFixtures.repoRoot.appendingPathComponent("examples/internal-vpc-iam.yaml"), encoding: .utf8))
        let setup = try #require(advice.findings.first { $0.rule == "endpoint-type.private-setup" })
        #expect(setup.text.contains("VpcEndpointId") && setup.text.contains("aws:SourceVpce"))
    }

    // MARK: 6. HTTP API preflights on catch-all paths

    static let catchAllSPA = """
        services:
          - name: orders
            resources:
              - {path: /orders, methods: [GET, POST]}
        consumers: [browser]
        browser-origins: ["https://shop.example.com"]
        auth-mechanisms: [cognito]
        max-duration: 3
        routing-preference: code
        monthly-requests: 10
        """

    @Test func preflightsOnCatchAllHTTPRoutesAreSaidToInvokeTheFunctionAndAreCosted() throws {
        let advice = try advise(Self.catchAllSPA)
        let api = try #require(advice.layout.apis.first)
        #expect(api.type == "http" && advice.chosen("cors") == "http-api-config")
        let preflights = api.routes.filter { $0.method == "OPTIONS" }
        #expect(!preflights.isEmpty)
        for route in preflights {
            // The route reaches the router, so the record must not claim the CORS configuration answers it.
            #expect(route.function != nil && !route.authorized)
            let note = route.note ?? ""
            #expect(note.contains("invoke the function") && !note.contains("the CORS configuration answers them"))
        }
        let notes = api.cors.notes
        #expect(notes.contains { $0.contains("invoke the function") })
        #expect(!notes.contains { $0.contains("answers preflights and adds the headers") })
        // The estimate counts one function invocation per preflight (10 % of 10 M requests).
        let http = try #require(advice.estimate?.costs.first { $0.id == "api-gateway-http" })
        let invocations = try #require(http.lines.first { $0.label.hasPrefix("Lambda requests") })
        #expect(invocations.arithmetic.hasPrefix("11 M invocations"))
        // The template tells the function to answer OPTIONS.
        let template = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r")
        #expect(template.contains("This route invokes the function for every preflight: answer OPTIONS with 204"))
    }

    @Test func explicitHTTPRoutesLeavePreflightsToTheGateway() throws {
        let advice = try advise(Self.catchAllSPA.replacingOccurrences(of: "routing-preference: code", with: "routing-preference: gateway"))
        let api = try #require(advice.layout.apis.first)
        guard api.type == "http", !api.routes.contains(where: { $0.path.contains("{proxy+}") }) else { return }
        #expect(!api.routes.contains { $0.method == "OPTIONS" })
        #expect(try #require(api.cors).notes.contains { $0.contains("no function is invoked") })
    }
}
