/// The job pattern in the SAM template: the queue and its dead-letter queue, the status table, the results bucket,
/// the worker's SQS event source, each job function's timeout, environment and least-privilege policies.
extension SAMTemplateBuilder {
    /// `Globals.Function.Timeout`: short when every API runs its long work as jobs, else the slowest request.
    var globalTimeout: YAMLEntry {
        plan.onlyJobAPIs
            ? YAMLEntry("Timeout", .int(plan.globalTimeout),
                        comment: ["Seconds: the API functions answer at once (the long work runs as jobs); each worker sets its own timeout."])
            : YAMLEntry("Timeout", .int(plan.globalTimeout),
                        comment: ["Seconds: the slowest request the answers expect (max-duration), at least Lambda's default of 3."])
    }

    func workerDescription(_ function: FunctionDesign) -> String {
        guard let job = plan.job(of: function.name), let queue = job.queue else { return "Runs jobs" }
        return "Runs the \(job.service) jobs from the \(queue.name) queue and writes their status and results"
    }

    /// The timeout of a function of a job pattern (and the short timeout of a job API's other functions); its
    /// environment and least-privilege policies go into `access`, which the push channel may add to.
    func jobProperties(of function: FunctionDesign, into access: inout FunctionAccess) -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        let timeout = plan.timeout(of: function)
        if timeout != plan.globalTimeout {
            out.append(YAMLEntry("Timeout", .int(timeout), comment: [function.role == "worker"
                ? "Seconds: the slowest job (max-duration); the queue's visibility timeout is six times this."
                : "Seconds: this function answers the API at once; the long work runs in the job worker."]))
        }
        guard let job = plan.job(of: function.name) else { return out }
        let table = YAMLEntry("JOB_TABLE", .ref(plan.tableID(job.table.name)))
        let bucket = YAMLEntry("RESULTS_BUCKET", .ref(plan.bucketID(job.resultsBucket)))
        func policy(_ name: String, _ parameter: String, _ value: YAMLNode) -> YAMLNode {
            .mapping([YAMLEntry(name, .mapping([YAMLEntry(parameter, value)]))])
        }
        let tableRef = YAMLNode.ref(plan.tableID(job.table.name)), bucketRef = YAMLNode.ref(plan.bucketID(job.resultsBucket))
        switch function.name {
        case job.submitFunction:
            access.variables += [table, YAMLEntry("JOB_TTL_DAYS", .string(String(job.retentionDays)))]
            access.policies.append(policy("DynamoDBWritePolicy", "TableName", tableRef))
            if let queue = job.queue {
                access.variables.append(YAMLEntry("JOB_QUEUE_URL", .ref(plan.queueID(queue.name))))
                access.policies.append(policy("SQSSendMessagePolicy", "QueueName", .getAtt(plan.queueID(queue.name), "QueueName")))
            }
            access.why.append("Writes job records and sends jobs to the queue; nothing else.")
        case job.statusFunction:
            access.variables += [table, bucket]
            access.policies += [policy("DynamoDBReadPolicy", "TableName", tableRef), policy("S3ReadPolicy", "BucketName", bucketRef)]
            access.why.append("Reads job records and signs result links (s3:GetObject); nothing else.")
        default:
            access.variables += [table, bucket]
            access.policies += [policy("DynamoDBCrudPolicy", "TableName", tableRef), policy("S3WritePolicy", "BucketName", bucketRef)]
            access.why.append("Updates job records and writes results; SAM adds the receive and delete rights of the SQS event source.")
        }
        return out
    }

    /// The worker's SQS event source.
    func jobEvents(of function: FunctionDesign) -> [YAMLEntry] {
        guard function.role == "worker", let job = plan.job(of: function.name), let queue = job.queue else { return [] }
        var properties = [YAMLEntry("Queue", .getAtt(plan.queueID(queue.name), "Arn")),
                          YAMLEntry("BatchSize", .int(queue.batchSize), comment: ["One job per invocation: each starts at once and has the whole timeout."])]
        if queue.reportBatchItemFailures {
            properties.append(YAMLEntry("FunctionResponseTypes", .strings(["ReportBatchItemFailures"]),
                                        comment: ["The worker returns batchItemFailures, so only failed jobs go back to the queue."]))
        }
        return [YAMLEntry("JobQueue", .mapping([YAMLEntry("Type", .string("SQS")), YAMLEntry("Properties", .mapping(properties))]))]
    }

    /// The queue, dead-letter queue, table and bucket of every job pattern.
    func jobResources() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for (_, job) in plan.jobs {
            if let queue = job.queue {
                out.append(YAMLEntry(plan.queueID(queue.name), .mapping([
                    YAMLEntry("Type", .string("AWS::SQS::Queue")),
                    YAMLEntry("Properties", .mapping([
                        YAMLEntry("VisibilityTimeout", .int(queue.visibilityTimeout),
                                  comment: ["Six times the worker's \(job.workerTimeout) s timeout, as AWS advises for Lambda event sources."]),
                        YAMLEntry("SqsManagedSseEnabled", .bool(true)),
                        YAMLEntry("RedrivePolicy", .mapping([
                            YAMLEntry("deadLetterTargetArn", .getAtt(plan.queueID(queue.deadLetterQueue), "Arn")),
                            YAMLEntry("maxReceiveCount", .int(queue.maxReceiveCount)),
                        ]), comment: ["After \(queue.maxReceiveCount) failed attempts a job is set aside in the dead-letter queue."]),
                    ])),
                ]), comment: ["Jobs of \(job.service), submitted by \(job.submitFunction) and run by \(job.worker ?? "the workflow")."], spaced: true))
                out.append(YAMLEntry(plan.queueID(queue.deadLetterQueue), .mapping([
                    YAMLEntry("Type", .string("AWS::SQS::Queue")),
                    YAMLEntry("Properties", .mapping([
                        YAMLEntry("MessageRetentionPeriod", .int(1_209_600), comment: ["14 days to inspect failed jobs and redrive them."]),
                        YAMLEntry("SqsManagedSseEnabled", .bool(true)),
                    ])),
                ]), spaced: true))
            }
            out.append(YAMLEntry(plan.tableID(job.table.name), tableResource(job.table, billing: "On demand: jobs arrive unevenly.",
                                                                              expiry: "Records carry \(job.table.ttlAttribute) (epoch seconds, \(job.retentionDays) days after submit) and expire by themselves."),
                                 comment: ["Job records of \(job.service): status queued, running, done or failed, and the result's key."], spaced: true))
            out.append(YAMLEntry(plan.bucketID(job.resultsBucket), .mapping([
                YAMLEntry("Type", .string("AWS::S3::Bucket")),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("PublicAccessBlockConfiguration", .mapping(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]
                        .map { YAMLEntry($0, .bool(true)) })),
                    YAMLEntry("LifecycleConfiguration", .mapping([YAMLEntry("Rules", .sequence([.mapping([
                        YAMLEntry("Id", .string("ExpireResults")),
                        YAMLEntry("Status", .string("Enabled")),
                        YAMLEntry("ExpirationInDays", .int(job.retentionDays)),
                    ])]))])),
                ])),
            ]), comment: ["Results of \(job.service) jobs; clients fetch them through presigned links from the result route."], spaced: true))
        }
        return out
    }

    /// The dead-letter queue of every job pattern, to alarm on.
    mutating func jobOutputs() -> [YAMLEntry] {
        plan.jobs.compactMap { _, job in
            guard let queue = job.queue else { return nil }
            return YAMLEntry(plan.ids.allocate(plan.queueID(queue.deadLetterQueue) + "Url"), .mapping([
                YAMLEntry("Description", .string("Dead-letter queue of the \(job.service) jobs: alarm when it holds messages (ApproximateNumberOfMessagesVisible > 0).")),
                YAMLEntry("Value", .ref(plan.queueID(queue.deadLetterQueue))),
            ]))
        }
    }
}

extension SAMTemplateBuilder {
    /// An on-demand DynamoDB table keyed by a string, with time to live, and its user index if it has one.
    func tableResource(_ table: TableDesign, billing: String, expiry: String, index indexComment: String = "") -> YAMLNode {
        let keys = [table.partitionKey] + (table.userAttribute.map { [$0] } ?? [])
        var properties = [
            YAMLEntry("BillingMode", .string("PAY_PER_REQUEST"), comment: [billing]),
            YAMLEntry("AttributeDefinitions", .sequence(keys.map {
                .mapping([YAMLEntry("AttributeName", .string($0)), YAMLEntry("AttributeType", .string("S"))])
            })),
            YAMLEntry("KeySchema", .sequence([.mapping([YAMLEntry("AttributeName", .string(table.partitionKey)), YAMLEntry("KeyType", .string("HASH"))])])),
        ]
        if let index = table.userIndex, let attribute = table.userAttribute {
            properties.append(YAMLEntry("GlobalSecondaryIndexes", .sequence([.mapping([
                YAMLEntry("IndexName", .string(index)),
                YAMLEntry("KeySchema", .sequence([.mapping([YAMLEntry("AttributeName", .string(attribute)), YAMLEntry("KeyType", .string("HASH"))])])),
                YAMLEntry("Projection", .mapping([YAMLEntry("ProjectionType", .string("KEYS_ONLY"))])),
            ])]), comment: indexComment.isEmpty ? [] : [indexComment]))
        }
        properties.append(YAMLEntry("TimeToLiveSpecification", .mapping([YAMLEntry("AttributeName", .string(table.ttlAttribute)),
                                                                        YAMLEntry("Enabled", .bool(true))]), comment: [expiry]))
        return .mapping([YAMLEntry("Type", .string("AWS::DynamoDB::Table")), YAMLEntry("Properties", .mapping(properties))])
    }
}

/// The environment variables and policies of one function, gathered from the job pattern and the push channel so
/// that each function gets one `Environment` and one `Policies` block.
struct FunctionAccess {
    var variables: [YAMLEntry] = []
    var policies: [YAMLNode] = []
    /// Why the policies are what they are, one sentence per part that added some.
    var why: [String] = []

    /// `Environment` and `Policies`, when anything was added.
    var entries: [YAMLEntry] {
        var out: [YAMLEntry] = []
        if !variables.isEmpty { out.append(YAMLEntry("Environment", .mapping([YAMLEntry("Variables", .mapping(variables))]))) }
        if !policies.isEmpty { out.append(YAMLEntry("Policies", .sequence(policies), comment: why)) }
        return out
    }
}
