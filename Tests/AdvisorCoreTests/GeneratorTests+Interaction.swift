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

    @Test func theJobPatternIsGenerated() throws {
        let (advice, context) = try GeneratorFixtures.advice(try Self.situation("http-long-work-as-job"))
        let text = try SAMTemplateGenerator.render(advice, context: context, recordName: "record.md")
        #expect(!text.replacingOccurrences(of: "\n#   ", with: " ").contains("job pattern"))   // no longer in the not-generated list
        #expect(!text.contains("TimeoutInMillis"))
        let template = try Self.load(text)
        let resources = Self.map(template["Resources"])
        func typed(_ type: String) -> [(String, Map)] {
            resources.compactMap { id, value in Self.map(value)["Type"] as? String == type ? (id, Self.map(value)) : nil }
        }
        // The queue redrives to the dead-letter queue; its visibility timeout is six times the worker's.
        let queues = typed("AWS::SQS::Queue")
        #expect(queues.count == 2)
        let source = try #require(queues.first { Self.map($0.1["Properties"])["RedrivePolicy"] != nil })
        let redrive = Self.map(Self.map(source.1["Properties"])["RedrivePolicy"])
        let target = Self.map(redrive["deadLetterTargetArn"])["Fn::GetAtt"] as? [String]
        #expect(target?.first == queues.first { $0.0 != source.0 }?.0)
        #expect(Self.map(source.1["Properties"])["VisibilityTimeout"] as? Int == 3600)
        // The worker reads that queue, one job at a time, reporting failures per message, with the long timeout.
        let functions = typed("AWS::Serverless::Function")
        let worker = try #require(functions.first { Self.map($0.1["Properties"])["Events"].map { Self.map($0)["JobQueue"] != nil } ?? false })
        let properties = Self.map(worker.1["Properties"])
        #expect(properties["Timeout"] as? Int == 600)
        let event = Self.map(Self.map(Self.map(properties["Events"])["JobQueue"])["Properties"])
        #expect((Self.map(event["Queue"])["Fn::GetAtt"] as? [String])?.first == source.0)
        #expect(event["BatchSize"] as? Int == 1)
        #expect(event["FunctionResponseTypes"] as? [String] == ["ReportBatchItemFailures"])
        // Every other function answers the API quickly: the template-wide timeout is the short one.
        #expect(Self.map(Self.map(template["Globals"])["Function"])["Timeout"] as? Int == 10)
        // The table expires records by time to live; the bucket is private and expires results.
        let table = try #require(typed("AWS::DynamoDB::Table").first)
        #expect(Self.map(table.1["Properties"])["BillingMode"] as? String == "PAY_PER_REQUEST")
        #expect(Self.map(Self.map(table.1["Properties"])["TimeToLiveSpecification"])["Enabled"] as? Bool == true)
        #expect(typed("AWS::S3::Bucket").count == 1)
        // Least privilege: submit may write records and send messages, status may read, the worker may update and write results.
        let policies = Dictionary(functions.map { ($0.0, (Self.map($0.1["Properties"])["Policies"] as? [Any] ?? []).compactMap { Self.map($0).keys.first }) },
                                  uniquingKeysWith: { first, _ in first })
        #expect(policies["ExportsJobSubmitFunction"] == ["DynamoDBWritePolicy", "SQSSendMessagePolicy"])
        #expect(policies["ExportsJobStatusFunction"] == ["DynamoDBReadPolicy", "S3ReadPolicy"])
        #expect(policies["ExportsJobWorkerFunction"] == ["DynamoDBCrudPolicy", "S3WritePolicy"])
        // The record says the same: the job-pattern finding no longer says generate leaves it out.
        let finding = try #require(advice.findings.first { $0.rule == "interaction.job-pattern" })
        #expect(!finding.text.contains("does not build"))
        #expect(finding.text.contains("generate builds them"))
    }

    @Test func aFunctionURLFrontDoorIsBuilt() throws {
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
        // The function URL replaces the API: IAM callers sign, nothing claims a gateway, and its address is an output.
        #expect(!text.contains("this template builds the API Gateway alternative"))
        #expect(!text.contains("AWS::Serverless::HttpApi") && !text.contains("AWS::Serverless::Api"))
        #expect(text.contains("FunctionUrlConfig:\n        AuthType: AWS_IAM\n        InvokeMode: BUFFERED"))
        #expect(try OpenAPIGenerator.documents(advice, context: GeneratorFixtures.context(rules), recordName: "record.md").isEmpty)
    }
}
