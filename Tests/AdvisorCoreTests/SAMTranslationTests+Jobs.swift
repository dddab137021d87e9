import Foundation
import Testing
@testable import AdvisorCore

/// The job patterns and streamed routes of the translated template, as the layout describes them: the worker's
/// event source on the queue, the redrive to the dead-letter queue, the table's time to live, each job function's
/// timeout and the rights its role grants.
extension SAMTranslationTests {
    static func number(_ value: JSONValue?) -> Double? { if case .number(let number)? = value { return number } else { return nil } }

    /// Whether any string inside `value` is `text` (a logical id in a Ref, GetAtt or Sub parameter).
    static func mentions(_ value: JSONValue?, _ text: String) -> Bool {
        switch value {
        case .string(let string)?: return string == text
        case .array(let items)?: return items.contains { mentions($0, text) }
        case .object(let entries)?: return entries.values.contains { mentions($0, text) }
        default: return false
        }
    }

    /// Every IAM action the role of a translated function allows, with the statements' resources.
    static func statements(of function: String, in resources: [String: JSONValue]) -> [(actions: [String], resource: JSONValue?)] {
        guard let role = resources[function]?.object?["Properties"]?.object?["Role"]?.object?["Fn::GetAtt"]?.array?.first?.string,
              let policies = resources[role]?.object?["Properties"]?.object?["Policies"]?.array else { return [] }
        return policies.flatMap { policy in
            (policy.object?["PolicyDocument"]?.object?["Statement"]?.array ?? []).map { statement in
                let action = statement.object?["Action"]
                let actions = action?.array?.compactMap(\.string) ?? action?.string.map { [$0] } ?? []
                return (actions, statement.object?["Resource"])
            }
        }
    }

    static func checkJobs(_ example: String, api: APIDesign, plan: GenerationPlan, translated: JSONValue) {
        let resources = translated.object?["Resources"]?.object ?? [:]
        func properties(_ id: String) -> [String: JSONValue] { resources[id]?.object?["Properties"]?.object ?? [:] }
        for job in api.jobs ?? [] {
            let submit = plan.functionID(job.submitFunction), status = plan.functionID(job.statusFunction)
            let table = plan.tableID(job.table.name), bucket = plan.bucketID(job.resultsBucket)
            #expect(number(properties(submit)["Timeout"]) == Double(job.apiTimeout), "\(example): \(submit) timeout")
            #expect(number(properties(status)["Timeout"]) == Double(job.apiTimeout), "\(example): \(status) timeout")
            // The table keeps job records on demand and expires them by time to live.
            #expect(resources[table]?.object?["Type"]?.string == "AWS::DynamoDB::Table", "\(example): \(table) missing")
            #expect(properties(table)["BillingMode"]?.string == "PAY_PER_REQUEST", "\(example): \(table) billing")
            #expect(properties(table)["TimeToLiveSpecification"]?.object?["AttributeName"]?.string == job.table.ttlAttribute
                    && properties(table)["TimeToLiveSpecification"]?.object?["Enabled"] == .bool(true), "\(example): \(table) TTL")
            #expect(resources[bucket]?.object?["Type"]?.string == "AWS::S3::Bucket", "\(example): \(bucket) missing")
            // Least privilege: the submit role writes the table (and sends to the queue), the status role reads the
            // table and the results; neither may do what the other does.
            let submitRights = statements(of: submit, in: resources), statusRights = statements(of: status, in: resources)
            #expect(submitRights.contains { $0.actions.contains("dynamodb:PutItem") && mentions($0.resource, table) }, "\(example): submit cannot write \(table)")
            #expect(!submitRights.contains { $0.actions.contains("s3:GetObject") }, "\(example): submit may read results")
            #expect(statusRights.contains { $0.actions.contains("dynamodb:GetItem") && mentions($0.resource, table) }, "\(example): status cannot read \(table)")
            #expect(statusRights.contains { $0.actions.contains("s3:GetObject") && mentions($0.resource, bucket) }, "\(example): status cannot sign \(bucket) links")
            #expect(!statusRights.contains { $0.actions.contains { $0.hasPrefix("sqs:") || $0 == "dynamodb:PutItem" } }, "\(example): status may write")
            guard let queue = job.queue, let worker = job.worker else { continue }
            let queueID = plan.queueID(queue.name), dlq = plan.queueID(queue.deadLetterQueue), workerID = plan.functionID(worker)
            #expect(submitRights.contains { $0.actions.contains("sqs:SendMessage*") && mentions($0.resource, queueID) }, "\(example): submit cannot send to \(queueID)")
            // The queue redrives to its dead-letter queue and hides a job six times as long as the worker may run.
            #expect(resources[dlq]?.object?["Type"]?.string == "AWS::SQS::Queue", "\(example): \(dlq) missing")
            let redrive = properties(queueID)["RedrivePolicy"]?.object
            #expect(redrive?["deadLetterTargetArn"]?.object?["Fn::GetAtt"]?.array?.first?.string == dlq, "\(example): \(queueID) redrive")
            #expect(number(redrive?["maxReceiveCount"]) == Double(queue.maxReceiveCount), "\(example): \(queueID) maxReceiveCount")
            let workerTimeout = number(properties(workerID)["Timeout"])
            #expect(workerTimeout == Double(job.workerTimeout), "\(example): \(workerID) timeout")
            #expect(number(properties(queueID)["VisibilityTimeout"]) == Double(queue.visibilityTimeout)
                    && Double(queue.visibilityTimeout) >= 6 * (workerTimeout ?? .infinity) || queue.visibilityTimeout == 43_200,
                    "\(example): \(queueID) visibility timeout")
            // The worker's event source mapping reads that queue with the layout's batch settings.
            let mappings = resources.values.filter {
                $0.object?["Type"]?.string == "AWS::Lambda::EventSourceMapping" && mentions($0.object?["Properties"]?.object?["FunctionName"], workerID)
            }
            #expect(mappings.count == 1, "\(example): \(workerID) has \(mappings.count) event source mappings")
            if let mapping = mappings.first?.object?["Properties"]?.object {
                #expect(mapping["EventSourceArn"]?.object?["Fn::GetAtt"]?.array?.compactMap(\.string) == [queueID, "Arn"], "\(example): \(workerID) source")
                #expect(number(mapping["BatchSize"]) == Double(queue.batchSize), "\(example): \(workerID) batch size")
                #expect(mapping["FunctionResponseTypes"]?.array?.compactMap(\.string) == (queue.reportBatchItemFailures ? ["ReportBatchItemFailures"] : nil),
                        "\(example): \(workerID) partial batch responses")
            }
            let workerRights = statements(of: workerID, in: resources)
            #expect(workerRights.contains { $0.actions.contains("dynamodb:UpdateItem") && mentions($0.resource, table) }, "\(example): worker cannot update \(table)")
            #expect(workerRights.contains { $0.actions.contains("s3:PutObject") && mentions($0.resource, bucket) }, "\(example): worker cannot write \(bucket)")
        }
    }
}

extension SAMTranslationTests {
    @Test(.enabled(if: samtranslatorAvailable, "python3 cannot import samtranslator"))
    func theJobExampleIsTranslated() throws {
        // checkJobs would pass vacuously without an example whose layout has a job pattern.
        #expect(Self.examples.contains("long-report-job.yaml"))
        let rules = try GeneratorFixtures.rules()
        let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/long-report-job.yaml").path, rules: rules)
        #expect(Engine(rules: rules).advise(answers).layout.apis.contains { !($0.jobs ?? []).isEmpty })
    }
}

extension SAMTranslationTests {
    /// Streamed routes invoke through response-streaming-invocations with responseTransferMode STREAM and the
    /// layout's integration timeout; every other route of the template stays buffered.
    static func checkStreaming(_ example: String, api: APIDesign, plan: GenerationPlan, translated: JSONValue) {
        let resources = translated.object?["Resources"]?.object ?? [:]
        guard let paths = resources[plan.apiID(api)]?.object?["Properties"]?.object?["Body"]?.object?["paths"]?.object else { return }
        let streamed = Set(api.streaming?.routes ?? [])
        for route in api.routes where route.integration == "lambda-proxy" {
            let key = route.method == "ANY" ? "x-amazon-apigateway-any-method" : route.method.lowercased()
            guard let integration = paths[route.path]?.object?[key]?.object?["x-amazon-apigateway-integration"]?.object else { continue }
            let uri = integration["uri"]?.object?["Fn::Sub"]?.string ?? integration["uri"]?.string ?? ""
            if streamed.contains(route.display) {
                #expect(integration["responseTransferMode"]?.string == "STREAM", "\(example): \(route.display) does not stream")
                #expect(uri.contains("/2021-11-15/functions/") && uri.hasSuffix("/response-streaming-invocations"),
                        "\(example): \(route.display) streams through \(uri)")
                let timeout = api.streaming?.integrationTimeout ?? StreamingDesign.defaultTimeout
                #expect(number(integration["timeoutInMillis"]) ?? Double(StreamingDesign.defaultTimeout) == Double(timeout),
                        "\(example): \(route.display) integration timeout")
            } else {
                #expect(integration["responseTransferMode"] == nil || integration["responseTransferMode"]?.string == "BUFFERED",
                        "\(example): \(route.display) streams but the layout does not say so")
                #expect(uri.hasSuffix("/invocations") && !uri.contains("response-streaming"), "\(example): \(route.display) uri \(uri)")
            }
        }
    }

    @Test(.enabled(if: samtranslatorAvailable, "python3 cannot import samtranslator"))
    func theStreamingExampleIsTranslated() throws {
        // checkStreaming would pass vacuously without an example whose layout streams.
        #expect(Self.examples.contains("streamed-export.yaml"))
        let rules = try GeneratorFixtures.rules()
        let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/streamed-export.yaml").path, rules: rules)
        #expect(Engine(rules: rules).advise(answers).layout.apis.contains { !($0.streaming?.routes.isEmpty ?? true) })
    }
}
