/// The asynchronous job pattern of one service on an API whose interaction model is `async-job`: submit, status
/// and result routes, a queue with a dead-letter queue, a worker, a status table and a results bucket.
public struct JobPattern: Sendable, Hashable, Codable {
    /// The service whose long operations become jobs.
    public var service: String
    /// Its long operations, each with its three routes.
    public var operations: [JobOperation]
    /// The function behind every submit route: it validates the input, writes the job record and queues the job.
    public var submitFunction: String
    /// The function behind the status and result routes: it reads the record and signs the result link.
    public var statusFunction: String
    /// The function that runs the jobs from the queue (nil when a workflow runs them).
    public var worker: String?
    /// `lambda-worker` (a function reads the queue) or `workflow` (the work outlasts one invocation).
    public var runner: String
    /// `function`: submit goes through a Lambda function rather than a direct SQS service integration.
    public var submitVia: String
    /// The queue (nil when a workflow runs the jobs).
    public var queue: JobQueue?
    /// The DynamoDB table of job records.
    public var table: JobTable
    /// The S3 bucket the worker writes results to; the result route answers with a presigned link to it.
    public var resultsBucket: String
    /// Days a result (and its job record) is kept.
    public var retentionDays: Int
    /// Timeout in seconds of the submit and status functions (and of the API's other functions).
    public var apiTimeout: Int
    /// Timeout in seconds of the worker: the slowest job, at most Lambda's 900.
    public var workerTimeout: Int
    /// Why the pattern is built so, one sentence each.
    public var notes: [String]
}

/// One long operation as a job: where it is submitted, polled and fetched.
public struct JobOperation: Sendable, Hashable, Codable {
    /// `POST /reports`: answers 202 with the job id and a Location header.
    public var submit: String
    /// `GET /reports/jobs/{jobId}`: the job's status.
    public var status: String
    /// `GET /reports/jobs/{jobId}/result`: a presigned link to the result once the job is done.
    public var result: String
}

/// The SQS queue that hands jobs to the worker.
public struct JobQueue: Sendable, Hashable, Codable {
    /// Queue name.
    public var name: String
    /// Its dead-letter queue.
    public var deadLetterQueue: String
    /// Seconds a received job stays hidden from other receivers: six times the worker's timeout (at most 12 hours).
    public var visibilityTimeout: Int
    /// Receives before a job moves to the dead-letter queue.
    public var maxReceiveCount: Int
    /// Jobs per worker invocation.
    public var batchSize: Int
    /// Whether the worker reports failed messages one by one (ReportBatchItemFailures).
    public var reportBatchItemFailures: Bool
}

/// The DynamoDB table of job records (see `TableDesign`).
public typealias JobTable = TableDesign

/// Plans the job pattern of one service: rewrites its routes and functions and describes the queue, worker and table.
struct JobPlanner {
    let service: Service
    /// The resource style of the API (`proxy` adds explicit job routes beside the catch-all).
    let style: String
    /// The API type (`rest` or `http`).
    let apiType: String
    let naming: HandlerNaming
    let packaging: String
    /// The slowest job in seconds (the service's max-duration).
    let maxDuration: Double

    /// Timeout of the functions that answer the API: submit writes one record and sends one message, status reads one
    /// record. Ten seconds leave room for a cold start and SDK retries and stay under the 29- and 30-second gateway limits.
    static let apiTimeout = 10
    /// Receives before a job is set aside: a job that failed three times is more likely broken than unlucky, and each
    /// attempt may run the whole worker timeout.
    static let maxReceiveCount = 3
    /// How long results and job records are kept.
    static let retentionDays = 7

    /// Operations that start work: the service's POST routes (other methods stay synchronous); without any, one
    /// submit route under the service's first path segment.
    var operations: [JobOperation] {
        var submits: [String] = []
        for resource in service.resources where resource.methods.contains("POST") && !submits.contains(resource.path) {
            submits.append(resource.path)
        }
        if submits.isEmpty {
            let first = service.resources.first?.path.split(separator: "/").first.map(String.init) ?? service.name
            submits = ["/\(first)/jobs"]
        }
        return submits.map { path in
            let base = path.hasSuffix("/jobs") ? path : (path == "/" ? "/jobs" : path + "/jobs")
            return JobOperation(submit: "POST \(path)", status: "GET \(base)/{jobId}", result: "GET \(base)/{jobId}/result")
        }
    }

    /// The worker's timeout: the slowest job rounded up, at least Lambda's 3-second default, at most 900 seconds.
    var workerTimeout: Int {
        guard maxDuration.isFinite else { return 900 }
        return Int(min(900, max(3, maxDuration.rounded(.up))))
    }

    /// Rewrites the planned routes and functions: submit routes go to the submit function, status and result routes
    /// to the status function, and the worker joins the functions. Functions left without routes are dropped.
    func apply(routes: [RouteDesign], functions: [FunctionDesign]) -> (routes: [RouteDesign], functions: [FunctionDesign], job: JobPattern) {
        let name = service.name
        let submitName = "\(name)-job-submit", statusName = "\(name)-job-status", workerName = "\(name)-job-worker"
        let workflow = maxDuration > 900
        let operations = self.operations
        var out = routes
        let router = functions.first { $0.name.hasSuffix("-router") }?.name ?? functions.first?.name
        for operation in operations {
            let (method, path) = Self.split(operation.submit)
            if let index = out.firstIndex(where: { $0.method == method && $0.path == path }) {
                out[index].function = submitName
                out[index].note = "submits a job: answers 202 with the job id and a Location header"
            } else {
                // A REST API matches the most specific resource first, so an explicit resource beside the catch-all
                // proxy would hide the router's other methods on that path unless ANY keeps them there.
                if style == "proxy" && apiType == "rest", let router, !out.contains(where: { $0.path == path }) {
                    out.append(RouteDesign(path: path, method: "ANY", integration: "lambda-proxy", function: router, authorized: false,
                                           note: "keeps the other methods of \(path) on the router beside the submit route"))
                }
                out.append(RouteDesign(path: path, method: method, integration: "lambda-proxy", function: submitName, authorized: false,
                                       note: "submits a job: answers 202 with the job id and a Location header"))
            }
            out.append(RouteDesign(path: Self.split(operation.status).path, method: "GET", integration: "lambda-proxy",
                                   function: statusName, authorized: false, note: "the job's status: queued, running, done or failed"))
            out.append(RouteDesign(path: Self.split(operation.result).path, method: "GET", integration: "lambda-proxy",
                                   function: statusName, authorized: false, note: "a presigned S3 link to the result once the job is done"))
        }
        let used = Set(out.compactMap(\.function))
        var planned = functions.filter { used.contains($0.name) }
        func add(_ function: String, module: String) {
            let package = packaging == "shared-package" ? name : function
            planned.append(FunctionDesign(name: function, service: name, handler: naming.handler(module: module, function: "handler", service: name),
                                          package: package, routes: [], role: "handler"))
        }
        add(submitName, module: "job_submit")
        add(statusName, module: "job_status")
        if !workflow {
            add(workerName, module: "job_worker")
            planned[planned.count - 1].role = "worker"
        }
        let timeout = workerTimeout
        var notes = [
            "Submit goes through a Lambda function rather than a direct SQS integration: the function validates the input, writes the job record (status queued) before it queues the job, so a status poll never misses a job that was accepted, and it answers 202 the same way on REST and HTTP APIs.",
            "Results go to S3 and the result route answers with a presigned link, so a result of any size stays out of the job record and out of the 6 MB a buffered Lambda response may carry.",
            "The table is on demand (jobs arrive unevenly) and expires records by time to live after \(Self.retentionDays) days; the bucket expires results after the same time.",
        ]
        var queue: JobQueue?
        if workflow {
            notes.append("The work takes longer than the 900 seconds one Lambda invocation may run, so a Step Functions workflow, not a queue and a worker function, must run it; the submit function starts the workflow.")
        } else {
            queue = JobQueue(name: "\(name)-jobs", deadLetterQueue: "\(name)-jobs-dlq", visibilityTimeout: min(43_200, 6 * timeout),
                             maxReceiveCount: Self.maxReceiveCount, batchSize: 1, reportBatchItemFailures: true)
            notes += [
                "The queue's visibility timeout is six times the worker's \(timeout) s timeout, as AWS advises for SQS event sources, so a throttled batch can be retried before the job reappears.",
                "Batch size 1: each job starts at once in its own invocation with the whole timeout; ReportBatchItemFailures makes the worker return only failed jobs to the queue if the batch grows later.",
                "After \(Self.maxReceiveCount) failed receives a job moves to the dead-letter queue; the worker marks it failed and must be idempotent, since queues deliver at least once.",
            ]
        }
        let job = JobPattern(service: name, operations: operations, submitFunction: submitName, statusFunction: statusName,
                             worker: workflow ? nil : workerName, runner: workflow ? "workflow" : "lambda-worker", submitVia: "function",
                             queue: queue, table: JobTable(name: "\(name)-jobs", partitionKey: "jobId", ttlAttribute: "expiresAt", billing: "on-demand"),
                             resultsBucket: "\(name)-job-results", retentionDays: Self.retentionDays, apiTimeout: Self.apiTimeout,
                             workerTimeout: timeout, notes: notes)
        return (out, planned, job)
    }

    /// `POST /reports` -> (`POST`, `/reports`).
    static func split(_ display: String) -> (method: String, path: String) {
        let parts = display.split(separator: " ", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "/")
    }
}

extension JobPattern {
    /// The submit route whose access a job route takes: status and result are for whoever may submit.
    func accessSource(path: String, method: String) -> (path: String, method: String)? {
        for operation in operations {
            let submit = JobPlanner.split(operation.submit)
            if JobPlanner.split(operation.status).path == path || JobPlanner.split(operation.result).path == path {
                return (submit.path, submit.method)
            }
        }
        return nil
    }

    /// Applies the layout's renaming of colliding function names.
    mutating func rename(_ renamed: [String: String]) {
        if let name = renamed[submitFunction] { submitFunction = name }
        if let name = renamed[statusFunction] { statusFunction = name }
        if let worker, let name = renamed[worker] { self.worker = name }
    }

    /// Every function of the pattern.
    var functions: [String] { [submitFunction, statusFunction] + (worker.map { [$0] } ?? []) }
}

extension LayoutBuilder {
    /// The service's routes and functions with its job pattern, when its API runs long work as jobs: the API's
    /// interaction model is `async-job` and the service's own slowest operation takes more than 10 seconds.
    func jobPlan(_ plan: (routes: [RouteDesign], functions: [FunctionDesign]), service: Service, view: ServiceAnswers?, model: String,
                 style: String, apiType: String, naming: HandlerNaming, packaging: String)
        -> (plan: (routes: [RouteDesign], functions: [FunctionDesign]), job: JobPattern?) {
        // Push needs the job pattern as much as polling does: the request answers at once and the worker, when it is
        // done, posts to the client's connections instead of waiting to be asked.
        guard model == "async-job" || model == "async-push", !plan.routes.isEmpty else { return (plan, nil) }
        let values = view?.values ?? sheet.values
        guard case .number(let seconds)? = values["max-duration"], seconds > 10 else { return (plan, nil) }
        let applied = JobPlanner(service: service, style: style, apiType: apiType, naming: naming, packaging: packaging, maxDuration: seconds)
            .apply(routes: plan.routes, functions: plan.functions)
        var job = applied.job
        if model == "async-push" {
            job.notes.append("Clients are told rather than asked: when a job ends, its worker posts the status and the result link to the connections "
                             + "of whoever submitted it; the status and result routes stay for clients that reconnected and missed the message.")
        }
        return ((applied.routes, applied.functions), job)
    }
}

extension JobPattern {
    /// The lines the layout tree shows for the job patterns of one API.
    static func treeItems(_ api: APIDesign) -> [(String, [String])] {
        (api.jobs ?? []).map { job in
            var details = job.operations.map { "\($0.submit) -> 202 with a job id; \($0.status) (status); \($0.result) (result)" }
            details.append("submit: through \(job.submitFunction), not a direct SQS integration (it writes the job record first)")
            if let queue = job.queue {
                details.append("queue \(queue.name): visibility timeout \(queue.visibilityTimeout) s, batch size \(queue.batchSize), ReportBatchItemFailures; "
                               + "dead-letter queue \(queue.deadLetterQueue) after \(queue.maxReceiveCount) receives")
            } else {
                details.append("runner: a Step Functions workflow (not generated): the work outlasts one Lambda invocation")
            }
            if let worker = job.worker { details.append("worker \(worker): SQS event source, timeout \(job.workerTimeout) s") }
            details.append("status table \(job.table.name): on demand, key \(job.table.partitionKey), time to live on \(job.table.ttlAttribute) (\(job.retentionDays) days)")
            details.append("results: S3 bucket \(job.resultsBucket), presigned links, expire after \(job.retentionDays) days")
            details.append("timeouts: API functions \(job.apiTimeout) s, worker \(job.workerTimeout) s")
            return ("job pattern of \(job.service)", details)
        }
    }

    /// What a worker does, for the function list.
    static func workerSummary(_ function: String, in layout: Layout) -> String {
        let job = layout.apis.lazy.flatMap { $0.jobs ?? [] }.first { $0.worker == function }
        return job?.queue.map { "worker of queue \($0.name)" } ?? "worker"
    }
}

extension JobPattern {
    /// The job patterns of one API as markdown: the parts, the settings and why they are so.
    static func markdownLines(_ api: APIDesign) -> [String] {
        var out: [String] = []
        for job in api.jobs ?? [] {
            out += ["#### Job pattern of \(MarkdownText.code(job.service))", ""]
            out += MarkdownText.table(["Operation", "Submit (202 + job id)", "Status", "Result (presigned S3 link)"], job.operations.map { operation in
                [MarkdownText.code(JobPlanner.split(operation.submit).path), MarkdownText.code(operation.submit),
                 MarkdownText.code(operation.status), MarkdownText.code(operation.result)]
            })
            out.append("")
            var parts = ["- Submit: \(MarkdownText.code(job.submitFunction)) (a Lambda function, not a direct SQS integration), timeout \(job.apiTimeout) s.",
                         "- Status and result: \(MarkdownText.code(job.statusFunction)), timeout \(job.apiTimeout) s."]
            if let queue = job.queue, let worker = job.worker {
                parts += ["- Queue: \(MarkdownText.code(queue.name)), visibility timeout \(queue.visibilityTimeout) s; dead-letter queue "
                          + "\(MarkdownText.code(queue.deadLetterQueue)) after \(queue.maxReceiveCount) receives.",
                          "- Worker: \(MarkdownText.code(worker)), SQS event source with batch size \(queue.batchSize)"
                          + (queue.reportBatchItemFailures ? " and ReportBatchItemFailures" : "") + ", timeout \(job.workerTimeout) s."]
            } else {
                parts.append("- Runner: a Step Functions workflow (the template does not build it; its header says so).")
            }
            parts += ["- Status table: \(MarkdownText.code(job.table.name)), on demand, key \(MarkdownText.code(job.table.partitionKey)), "
                      + "time to live on \(MarkdownText.code(job.table.ttlAttribute)) (\(job.retentionDays) days).",
                      "- Results: S3 bucket \(MarkdownText.code(job.resultsBucket)), expired after \(job.retentionDays) days."]
            out += parts + [""]
            out += job.notes.map { "- " + MarkdownText.inline($0) } + [""]
        }
        return out
    }
}
