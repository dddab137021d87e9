import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Findings read the layout and the evidence status, not only the answers (issue 13, "Findings that fit the
/// layout"): a finding never claims what the layout does not do, and never passes a default off as an answer.
@Suite struct FindingsFitLayoutTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice { try EngineFixture.advise(yaml, rules: rules) }

    static let twoServices = """
        services:
          - name: orders
            team: checkout
            resources:
              - {path: /orders, methods: [GET, POST]}
          - name: billing
            team: payments
            resources:
              - {path: /invoices, methods: [GET]}

        """

    // MARK: the layout condition

    @Test func onlyFindingsMayReadTheLayoutAndOnlyKnownProperties() throws {
        let decisionRule = """
            rules:
              - id: t.reads-layout
                decision: first
                when: {layout: root-route}
                recommend: y
                reason: Decisions come before the layout.
            """
        let errors = EngineFixture.loadErrors(EngineFixture.files(rules: decisionRule))
        #expect(errors.contains { $0.message.contains("only findings can read the layout") })
        let throughRef = EngineFixture.files(rules: """
            rules:
              - id: t.reads-layout
                decision: first
                when: {ref: routed}
                recommend: y
                reason: Even through a named condition.
            """).map { file in
            file.name == "conditions.yaml" ? RuleFile(name: file.name, text: "conditions:\n  routed: {layout: root-route}\n") : file
        }
        #expect(EngineFixture.loadErrors(throughRef).contains { $0.message.contains("only findings can read the layout") })
        let unknown = EngineFixture.loadErrors(EngineFixture.files(rules: """
            rules:
              - id: t.finding
                when: {layout: root-routes}
                finding: {severity: info, title: T}
                reason: A typo.
            """))
        let error = try #require(unknown.first { $0.message.contains("unknown layout property") })
        #expect(error.allowed == LayoutFacts.names && error.suggestion == "root-route")
        let finding = try EngineFixture.ruleSet("""
            rules:
              - id: t.finding
                when: {not: {layout: root-route}}
                finding: {severity: info, title: Nothing routes the root}
                reason: No API of the layout routes /.
            """)
        let advice = Engine(rules: finding).advise(try EngineFixture.answers("owner: me\n", finding))
        let fired = try #require(advice.findings.first { $0.rule == "t.finding" })
        #expect(fired.evidence.first?.kind == "layout" && fired.evidence.first?.display.contains("layout root-route holds: no") == true)
    }

    // MARK: 1. permission to invoke an authorizer function

    @Test func invokePermissionOnlyWhereTheLayoutHasALambdaAuthorizer() throws {
        let jwt = try advise("auth-mechanisms: [cognito]\n" + Self.twoServices)
        #expect(jwt.layout.functions.allSatisfy { $0.role != "authorizer" })
        #expect(jwt.findings.contains { $0.rule == "authorizer.recreate-per-api" })
        #expect(!jwt.findings.contains { $0.rule == "authorizer.invoke-permission-per-api" })
        #expect(!jwt.findings.contains { $0.text.lowercased().contains("invoke the authorizer") || $0.text.contains("permission to invoke") })

        let lambda = try advise("auth-mechanisms: [custom]\n" + Self.twoServices)
        #expect(lambda.findings.contains { $0.rule == "authorizer.invoke-permission-per-api" })

        // A Lambda authorizer decided, but every route public: no authorizer in the layout, no finding about one.
        let open = try advise("auth-mechanisms: [custom]\n" + Self.twoServices.replacingOccurrences(of: "    resources:", with: "    access: public\n    resources:"))
        #expect(open.layout.apis.allSatisfy { $0.authorizers.isEmpty })
        #expect(!open.findings.contains { ["authorizer.recreate-per-api", "authorizer.invoke-permission-per-api"].contains($0.rule) })
    }

    // MARK: 2. ANY / only when the layout has it

    @Test func theRootFindingSaysTheLayoutRoutesRootOnlyWhenItDoes() throws {
        let own = try advise("services:\n  - name: orders\n    resources:\n      - {path: /orders, methods: [GET]}\n")
        #expect(own.layout.apis.first?.routes.contains { $0.display == "ANY /" } == true)
        #expect(own.findings.contains { $0.rule == "resource-style.proxy-misses-root" })

        let shared = try advise("""
            services:
              - name: users
                team: core
                deploys-independently: false
                resources:
                  - {path: /users, methods: [GET]}
              - name: sessions
                team: core
                deploys-independently: false
                resources:
                  - {path: /sessions, methods: [POST]}
            """)
        #expect(shared.outcome("api-count")?.chosen == "shared" && shared.outcome("resource-style")?.chosen == "proxy")
        #expect(shared.layout.apis.allSatisfy { api in !api.routes.contains { $0.path == "/" } })
        #expect(!shared.findings.contains { $0.rule == "resource-style.proxy-misses-root" })
        #expect(shared.findings.contains { $0.rule == "resource-style.proxy-root-unrouted" })
    }

    /// Over every example: a finding that says the layout routes / (or grants an authorizer invoke permission)
    /// holds on APIs whose layout does.
    @Test(arguments: (try? GeneratorFixtures.exampleFiles()) ?? [])
    func examplesFindingsAgreeWithTheirLayout(example: String) throws {
        let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/" + example).path, rules: rules)
        let advice = Engine(rules: rules).advise(answers, whatWouldChange: false)
        for finding in advice.findings {
            let apis = advice.layout.apis.filter { finding.apis?.contains($0.name) ?? true }
            if finding.text.contains("its own ANY / route") {
                #expect(apis.allSatisfy { api in api.routes.contains { $0.display == "ANY /" } }, "\(example): \(finding.rule)")
            }
            if finding.text.contains("permission on the function") {
                #expect(apis.allSatisfy { $0.authorizers.contains { $0.type.hasPrefix("lambda-") } }, "\(example): \(finding.rule)")
            }
        }
    }

    // MARK: 3. a scale figure from a default says so

    @Test func aScaleFindingOnADefaultNamesTheDefaultAndTheQuestion() throws {
        let defaulted = try advise("peak-rps: 8000\n")
        let finding = try #require(defaulted.findings.first { $0.rule == "scale.lambda-concurrency" })
        #expect(finding.text.contains("uses the default for avg-duration (0.2 s), not an answer; answer avg-duration"))
        #expect(!finding.text.contains("your answers"))
        let answered = try advise("peak-rps: 8000\navg-duration: 0.2\n")
        let same = try #require(answered.findings.first { $0.rule == "scale.lambda-concurrency" })
        #expect(!same.text.contains("not an answer"))
    }

    // MARK: 4. over the package limits says "over"

    @Test func packagesOverTheLimitsAreNeverCalledClose() throws {
        let over = try advise("package-zipped: 70\npackage-unzipped: 280\n")
        let fired = over.decisions.flatMap(\.fired).filter { $0.rule.contains("package") }
        #expect(fired.contains { $0.rule == "function-granularity.packages-over-limits" })
        for firing in fired { #expect(!firing.reason.contains("close to"), "\(firing.rule)") }
        for finding in over.findings { #expect(!finding.text.contains("close to the 250"), "\(finding.rule)") }
        #expect(over.outcome("function-granularity")?.chosen == "per-resource")

        let near = try advise("package-zipped: 45\npackage-unzipped: 230\n")
        let reasons = near.decisions.flatMap(\.fired).filter { $0.rule.contains("package") }.map(\.reason)
        #expect(reasons.contains { $0.contains("close to") } && !reasons.contains { $0.contains("over Lambda's limits") })
    }

    // MARK: 5. one characterisation of the custom integration everywhere

    @Test func theCustomIntegrationReadsTheSameInSummaryMarkdownAndJSON() throws {
        let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/legacy-transform.yaml").path, rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let context = GeneratorFixtures.context(rules, file: "examples/legacy-transform.yaml")
        let summary = SummaryRenderer.render(advice, context: context)
        let markdown = MarkdownExporter.render(advice, context: context)
        let document = try JSONExporter.decode(JSONExporter.render(advice, context: context))
        let phrase = "AWS recommends the proxy integration for Lambda backends"
        #expect(advice.outcome("integration")?.chosen == "custom")
        let cons = try #require(document.advice.decisions.first { $0.decision == "integration" }?.scores.first { $0.option == "custom" }?.cons)
        #expect(cons.contains { $0.hasPrefix(phrase) })
        for con in cons { #expect(markdown.contains("  - Con: \(con)")) }
        #expect(TextWrap.unwrapped(summary).contains("Trade-off: " + phrase))
        for text in [summary, markdown] { #expect(!text.contains("treats it as legacy")) }
    }
}

extension TextWrap {
    /// The text with line breaks and indentation folded to single spaces, so wrapped phrases can be searched.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
