/// The parts of the layout the interaction model adds (job patterns, streamed routes) in the Mermaid diagram and
/// the MADR record of the interaction-model decision.
enum InteractionReport {
    /// Nodes (in a `jobs` subgraph) and edges for every job pattern: submit -> queue -> worker, the dead-letter
    /// queue, the status table and the results bucket.
    static func mermaid(_ layout: Layout, ids: inout MermaidDiagram.IDAllocator) -> (nodes: [String], edges: [String]) {
        let jobs = jobsMermaid(layout, ids: &ids), push = pushMermaid(layout, ids: &ids)
        return (jobs.nodes + push.nodes, jobs.edges + push.edges)
    }

    /// Nodes (in a `push` subgraph) and edges for every push channel: the WebSocket API to its functions, the
    /// connections table, and the senders posting back through @connections.
    static func pushMermaid(_ layout: Layout, ids: inout MermaidDiagram.IDAllocator) -> (nodes: [String], edges: [String]) {
        let channels = layout.apis.compactMap(\.push)
        guard !channels.isEmpty else { return ([], []) }
        var nodes = ["  subgraph push[\"Push\"]"]
        var edges: [String] = []
        for push in channels {
            let api = ids.id(for: push.name, prefix: "ws"), table = ids.id(for: push.table.name, prefix: "table")
            nodes += ["    \(api)[\(MermaidDiagram.label("WebSocket API \(push.name)"))]",
                      "    \(table)[(\(MermaidDiagram.label("DynamoDB \(push.table.name)")))]"]
            let connections = ids.id(for: push.connectionFunction, prefix: "fn"), messages = ids.id(for: push.messageFunction, prefix: "fn")
            edges += ["  \(api) -- $connect, $disconnect --> \(connections)", "  \(api) -- $default --> \(messages)",
                      "  \(connections) -- connection ids --> \(table)"]
            if let authorizer = push.authorizerFunction { edges.append("  \(api) -. $connect check .-> \(ids.id(for: authorizer, prefix: "fn"))") }
            edges += push.senders.map { "  \(ids.id(for: $0, prefix: "fn")) -. @connections .-> \(api)" }
        }
        nodes.append("  end")
        return (nodes, edges)
    }

    static func jobsMermaid(_ layout: Layout, ids: inout MermaidDiagram.IDAllocator) -> (nodes: [String], edges: [String]) {
        let jobs = layout.apis.flatMap { $0.jobs ?? [] }
        guard !jobs.isEmpty else { return ([], []) }
        var nodes = ["  subgraph jobs[\"Jobs\"]"]
        var edges: [String] = []
        for job in jobs {
            let submit = ids.id(for: job.submitFunction, prefix: "fn"), status = ids.id(for: job.statusFunction, prefix: "fn")
            let table = ids.id(for: job.table.name, prefix: "table"), bucket = ids.id(for: job.resultsBucket, prefix: "bucket")
            if let queue = job.queue, let worker = job.worker {
                let queueID = ids.id(for: queue.name, prefix: "queue"), dlq = ids.id(for: queue.deadLetterQueue, prefix: "queue")
                let workerID = ids.id(for: worker, prefix: "fn")
                nodes += ["    \(queueID)[\(MermaidDiagram.label("SQS \(queue.name)"))]", "    \(dlq)[\(MermaidDiagram.label("DLQ \(queue.deadLetterQueue)"))]"]
                edges += ["  \(submit) -- send job --> \(queueID)", "  \(queueID) -- batch of \(queue.batchSize) --> \(workerID)",
                          "  \(queueID) -. after \(queue.maxReceiveCount) receives .-> \(dlq)",
                          "  \(workerID) -- status --> \(table)", "  \(workerID) -- result --> \(bucket)"]
            } else {
                let workflow = ids.id(for: job.service + "-workflow", prefix: "sfn")
                nodes.append("    \(workflow)[\(MermaidDiagram.label("Step Functions workflow (not generated)"))]")
                edges += ["  \(submit) -- start --> \(workflow)", "  \(workflow) -- status --> \(table)", "  \(workflow) -- result --> \(bucket)"]
            }
            nodes += ["    \(table)[(\(MermaidDiagram.label("DynamoDB \(job.table.name)")))]", "    \(bucket)[(\(MermaidDiagram.label("S3 \(job.resultsBucket)")))]"]
            edges += ["  \(submit) -- job record --> \(table)", "  \(status) -- read --> \(table)", "  \(status) -. presigned link .-> \(bucket)"]
        }
        nodes.append("  end")
        return (nodes, edges)
    }

    /// What the interaction model puts into the layout, for the record of that decision.
    static func madr(_ advice: Advice) -> [String] {
        var out: [String] = []
        for api in advice.layout.apis {
            if let streaming = api.streaming {
                out += ["Response streaming on \(MarkdownText.code(api.name)):", ""]
                out.append("* \(streaming.routes.map(MarkdownText.code).joined(separator: ", ")): integration responseTransferMode STREAM, "
                           + "invoked through the response-streaming-invocations URI, integration timeout \(streaming.integrationTimeout) ms.")
                out.append("* Handlers: " + MarkdownText.inline(streaming.handler))
                out += streaming.notes.map { "* " + MarkdownText.inline($0) } + [""]
            }
            for job in api.jobs ?? [] {
                out += ["Job pattern of \(MarkdownText.code(job.service)) on \(MarkdownText.code(api.name)):", ""]
                for operation in job.operations {
                    out.append("* \(MarkdownText.code(operation.submit)) answers 202 with a job id; \(MarkdownText.code(operation.status)) "
                               + "gives the status; \(MarkdownText.code(operation.result)) a presigned link to the result.")
                }
                if let queue = job.queue, let worker = job.worker {
                    out.append("* \(MarkdownText.code(job.submitFunction)) queues jobs on \(MarkdownText.code(queue.name)) (visibility timeout "
                               + "\(queue.visibilityTimeout) s, dead-letter queue \(MarkdownText.code(queue.deadLetterQueue)) after "
                               + "\(queue.maxReceiveCount) receives); \(MarkdownText.code(worker)) runs them (batch size \(queue.batchSize), "
                               + "ReportBatchItemFailures, timeout \(job.workerTimeout) s).")
                } else {
                    out.append("* A Step Functions workflow must run the jobs (not generated): they outlast one Lambda invocation.")
                }
                out.append("* Status table \(MarkdownText.code(job.table.name)) (on demand, time to live \(job.retentionDays) days); "
                           + "results in \(MarkdownText.code(job.resultsBucket)); API functions time out after \(job.apiTimeout) s.")
                out += job.notes.map { "* " + MarkdownText.inline($0) } + [""]
            }
            if let push = api.push {
                out += ["Push channel of \(MarkdownText.code(api.name)): the WebSocket API \(MarkdownText.code(push.name)):", ""]
                out.append("* " + push.routes.map { "\(MarkdownText.code($0.routeKey)) -> \(MarkdownText.code($0.function))" }.joined(separator: ", ")
                           + "; `$connect` is checked by " + (push.connectAuth == "iam" ? "IAM (SigV4)"
                               : push.connectAuth == "none" ? "nothing" : "the Lambda REQUEST authorizer \(MarkdownText.code(push.authorizerFunction ?? ""))") + ".")
                out.append("* Connections table \(MarkdownText.code(push.table.name)); posting to connections: "
                           + push.senders.map(MarkdownText.code).joined(separator: ", ") + ".")
                out += push.notes.map { "* " + MarkdownText.inline($0) } + [""]
            }
        }
        return out
    }
}
