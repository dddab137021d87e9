import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The job pattern an `async-job` API gets in the layout: submit, status and result routes, the queue, the worker,
/// the status table, the timeouts; and what the SAM template builds from it.
@Suite struct JobPatternTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice {
        Engine(rules: rules).advise(try Answers.parse(yaml, file: "t.yaml", rules: rules), whatWouldChange: false)
    }

    func exports(_ extra: String, duration: Int = 600) -> String {
        """
        api-name: exports
        services:
          - name: exports
            resources:
              - {path: /exports, methods: [POST]}
              - {path: "/exports/{exportId}", methods: [GET]}
        consumers: [mobile]
        auth-mechanisms: [cognito]
        max-duration: \(duration)
        result-delivery: poll
        \(extra)
        """
    }

    @Test func eachPostBecomesASubmitWithStatusAndResultRoutes() throws {
        let advice = try advise(exports(""))
        #expect(advice.chosen("interaction-model") == "async-job")
        let api = try #require(advice.layout.apis.first)
        let job = try #require(api.jobs?.first)
        #expect(api.jobs?.count == 1)
        #expect(job.operations == [JobOperation(submit: "POST /exports", status: "GET /exports/jobs/{jobId}",
                                                result: "GET /exports/jobs/{jobId}/result")])
        let routes = Dictionary(api.routes.map { ($0.display, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(routes["POST /exports"]?.function == job.submitFunction)
        #expect(routes["GET /exports/jobs/{jobId}"]?.function == job.statusFunction)
        #expect(routes["GET /exports/jobs/{jobId}/result"]?.function == job.statusFunction)
        // Whoever may submit may poll: the job routes are guarded like the submit route.
        for display in ["POST /exports", "GET /exports/jobs/{jobId}", "GET /exports/jobs/{jobId}/result"] {
            #expect(routes[display]?.authorizer == routes["POST /exports"]?.authorizer && routes[display]?.authorized == true, "\(display)")
        }
        let worker = try #require(advice.layout.functions.first { $0.name == job.worker })
        #expect(worker.role == "worker" && worker.routes.isEmpty)
        #expect(advice.layout.functions.contains { $0.name == job.submitFunction && $0.routes == ["POST /exports"] })
    }

    @Test func queueWorkerAndTableFollowTheWorkDuration() throws {
        let job = try #require(try advise(exports("")).layout.apis.first?.jobs?.first)
        #expect(job.runner == "lambda-worker" && job.submitVia == "function")
        #expect(job.workerTimeout == 600 && job.apiTimeout == 10)
        let queue = try #require(job.queue)
        #expect(queue.visibilityTimeout == 3600)                          // six times the worker's timeout
        #expect(queue.batchSize == 1 && queue.reportBatchItemFailures && queue.maxReceiveCount == 3)
        #expect(job.table.partitionKey == "jobId" && job.table.ttlAttribute == "expiresAt" && job.table.billing == "on-demand")
        #expect(job.notes.contains { $0.contains("rather than a direct SQS integration") })
        // At 900 s the visibility timeout is 5400 s, well inside SQS's 12 hours.
        let longest = try #require(try advise(exports("", duration: 900)).layout.apis.first?.jobs?.first)
        #expect(longest.queue?.visibilityTimeout == 5400 && longest.workerTimeout == 900)
    }

    @Test func workBeyondFifteenMinutesNeedsAWorkflowNotAWorker() throws {
        let advice = try advise(exports("", duration: 3600))
        let job = try #require(advice.layout.apis.first?.jobs?.first)
        #expect(job.runner == "workflow" && job.queue == nil && job.worker == nil)
        #expect(!advice.layout.functions.contains { $0.role == "worker" })
        let text = try SAMTemplateGenerator.render(advice, context: GeneratorFixtures.context(rules), recordName: "r.md")
            .replacingOccurrences(of: "\n#   ", with: " ")
        #expect(text.contains("the Step Functions workflow that runs the exports jobs"))
        #expect(!text.contains("AWS::SQS::Queue"))
    }

    @Test func synchronousAPIsHaveNoJobs() throws {
        let advice = try advise(exports("", duration: 5).replacingOccurrences(of: "result-delivery: poll", with: ""))
        #expect(advice.chosen("interaction-model") == "synchronous")
        #expect(advice.layout.apis.allSatisfy { $0.jobs == nil })
        #expect(!advice.layout.functions.contains { $0.role == "worker" })
    }

    @Test func explicitRoutesHandTheirPostToTheSubmitFunction() throws {
        let advice = try advise(exports("routing-preference: gateway\nleast-privilege: true"))
        #expect(advice.chosen("resource-style") == "explicit")
        let api = try #require(advice.layout.apis.first)
        let job = try #require(api.jobs?.first)
        #expect(api.routes.filter { $0.display == "POST /exports" }.map(\.function) == [job.submitFunction])
        // The per-method POST function has no route left, so it is gone.
        #expect(!advice.layout.functions.contains { $0.routes.isEmpty && $0.role == "handler" })
    }

    @Test func aRESTProxyKeepsTheOtherMethodsOfTheSubmitPathOnTheRouter() throws {
        let advice = try advise(exports("gateway-features: [usage-plans]\nrouting-preference: code").replacingOccurrences(of: "consumers: [mobile]", with: "consumers: [mobile, partners]"))
        let api = try #require(advice.layout.apis.first)
        try #require(api.type == "rest" && advice.chosen("resource-style") == "proxy", "\(api.type) \(advice.chosen("resource-style") ?? "")")
        let displays = api.routes.map(\.display)
        #expect(displays.contains("ANY /exports") && displays.contains("POST /exports"))
        #expect(api.routes.first { $0.display == "ANY /exports" }?.function?.hasSuffix("-router") == true)
    }

    @Test func theTreeAndTheRecordShowThePattern() throws {
        let advice = try advise(exports(""))
        let tree = LayoutTree.lines(advice.layout, ascii: true).joined(separator: "\n")
        #expect(tree.contains("job pattern of exports"))
        #expect(tree.contains("queue exports-jobs: visibility timeout 3600 s, batch size 1, ReportBatchItemFailures"))
        #expect(tree.contains("exports-job-worker: job_worker.handler"))
        let markdown = MarkdownExporter.render(advice, context: GeneratorFixtures.context(rules))
        #expect(markdown.contains("#### Job pattern of `exports`"))
        #expect(markdown.contains("not a direct SQS integration"))
    }
}
