import Foundation
import Testing
@testable import AdvisorCore

/// What the interaction model asks of the templates: the raised REST integration timeout, and the
/// parts the generator does not build named in the header.
extension GeneratorTests {
    static func situation(_ name: String) throws -> Situation {
        try #require(GeneratorFixtures.situations.first { $0.name == name })
    }

    @Test func longSynchronousRESTIntegrationsCarryTheRaisedTimeout() throws {
        let situation = try Self.situation("rest-long-synchronous-wait")
        let (advice, context) = try GeneratorFixtures.advice(situation)
        let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md")
        let resources = Self.map(try Self.load(text)["Resources"])
        var events = 0
        for (_, resource) in resources {
            let resource = Self.map(resource)
            guard resource["Type"] as? String == "AWS::Serverless::Function" else { continue }
            for (_, event) in Self.map(Self.map(resource["Properties"])["Events"]) {
                let event = Self.map(event)
                guard event["Type"] as? String == "Api" else { continue }
                events += 1
                // 40 s answered: the integration waits 40,000 ms, as long as the function may run.
                #expect(Self.map(event["Properties"])["TimeoutInMillis"] as? Int == 40_000)
            }
        }
        #expect(events > 0)
        #expect(text.contains("Timeout: 40\n"))                                       // the functions' own timeout
        #expect(text.contains("# Requires: the REST integrations wait 40000 ms, above the 29,000 ms default"))
        #expect(text.contains("integration-timeout"))
        let documents = try OpenAPIGenerator.documents(advice, context: context, recordName: "record.md")
        #expect(documents.allSatisfy { $0.text.contains("timeoutInMillis: 40000") })
    }

    @Test func shortRequestsKeepTheDefaultTimeout() throws {
        for situation in GeneratorFixtures.situations where situation.name != "rest-long-synchronous-wait" {
            let (advice, context) = try GeneratorFixtures.advice(situation)
            let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md")
            #expect(!text.contains("TimeoutInMillis"), "\(situation.name)")
            #expect(!text.contains("# Requires:"), "\(situation.name)")
        }
    }

    @Test func theJobPatternIsListedAsNotGenerated() throws {
        let (advice, context) = try GeneratorFixtures.advice(try Self.situation("http-long-work-as-job"))
        let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md")
            .replacingOccurrences(of: "\n#   ", with: " ")
        #expect(text.contains("the job pattern the advice recommends"))
        #expect(!text.contains("TimeoutInMillis"))
        // The record says the same: the job-pattern finding names what generate leaves out.
        let finding = try #require(advice.findings.first { $0.rule == "interaction.job-pattern" })
        #expect(finding.text.contains("does not build"))
    }

    @Test func anotherFrontDoorIsListedAsNotGenerated() throws {
        let rules = try GeneratorFixtures.rules()
        let answers = try Answers.parse("""
            services:
              - name: exports
                resources:
                  - {path: /exports, methods: [POST]}
            consumers: [external-servers]
            auth-mechanisms: [iam]
            max-duration: 40
            result-delivery: wait
            """, file: "t.yaml", rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        #expect(advice.chosen("front-door") == "function-url")
        let text = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "record.md")
            .replacingOccurrences(of: "\n#   ", with: " ")                               // unwrap the header comment
        #expect(text.contains("the recommended front door, a Lambda function URL: this template builds the API Gateway alternative"))
    }
}
