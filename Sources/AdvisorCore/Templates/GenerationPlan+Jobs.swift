/// What the job patterns of the layout ask of the templates: logical ids, timeouts, and what stays out.
extension GenerationPlan {
    /// Every job pattern with its API, in layout order.
    var jobs: [(api: APIDesign, job: JobPattern)] {
        layout.apis.flatMap { api in (api.jobs ?? []).map { (api: api, job: $0) } }
    }

    /// Names the queues, tables and buckets of the job patterns; called once, after the APIs and functions are named.
    mutating func allocateJobIDs() {
        for (_, job) in jobs {
            if let queue = job.queue {
                jobIDs["queue:" + queue.name] = ids.allocate(queue.name, suffix: "Queue")
                jobIDs["queue:" + queue.deadLetterQueue] = ids.allocate(queue.deadLetterQueue, suffix: "Queue")
            }
            jobIDs["table:" + job.table.name] = ids.allocate(job.table.name, suffix: "Table")
            jobIDs["bucket:" + job.resultsBucket] = ids.allocate(job.resultsBucket, suffix: "Bucket")
        }
    }

    func queueID(_ name: String) -> String { jobIDs["queue:" + name] ?? LogicalID.make(name, suffix: "Queue") }
    func tableID(_ name: String) -> String { jobIDs["table:" + name] ?? LogicalID.make(name, suffix: "Table") }
    func bucketID(_ name: String) -> String { jobIDs["bucket:" + name] ?? LogicalID.make(name, suffix: "Bucket") }

    /// The job pattern a function belongs to (submit, status or worker).
    func job(of function: String) -> JobPattern? { index.jobByFunction[function] }

    /// Whether every API runs its long work as jobs: the functions then all answer quickly, so the template-wide
    /// timeout is the short one and only the workers set their own.
    var onlyJobAPIs: Bool { index.onlyJobAPIs }

    /// The timeout every function gets unless it sets its own.
    var globalTimeout: Int { onlyJobAPIs ? JobPlanner.apiTimeout : functionTimeout }

    /// The timeout of one function: a worker's is the slowest job; a function that answers a job API answers at once.
    func timeout(of function: FunctionDesign) -> Int {
        if let job = job(of: function.name) { return function.role == "worker" ? job.workerTimeout : job.apiTimeout }
        if function.role == "handler" && index.onJobAPIs.contains(function.name) {
            return JobPlanner.apiTimeout
        }
        return globalTimeout
    }

    /// What the job patterns need and the template leaves out, for the header.
    var jobsNotGenerated: [String] {
        jobs.filter { $0.job.runner == "workflow" }.map { _, job in
            "the Step Functions workflow that runs the \(job.service) jobs (they outlast the 900 seconds of one Lambda invocation); "
                + "\(job.submitFunction) must start it, and it needs the states:StartExecution permission"
        }
    }
}
