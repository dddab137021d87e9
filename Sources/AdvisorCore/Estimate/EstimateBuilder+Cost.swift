/// Cost: a monthly estimate for every candidate front door, and the push channel.
extension EstimateBuilder {
    private func q(_ value: Double) -> String { EstimateFormat.quantity(value) }
    private func millions(_ requests: Double) -> String { q(requests / 1_000_000) + " M" }

    /// The rules that exclude `option` of `decision` for these answers.
    func excluders(_ decision: String, _ option: String) -> [String] {
        advice.outcome(decision)?.scores.first { $0.option == option }?.excludedBy ?? []
    }

    /// `requests x price per million`, or nil when the price fact has no value.
    mutating func perMillion(_ label: String, _ count: Double, what: String, fact: String) -> EstimateLine? {
        guard let price = value(fact) else { return nil }
        let cost = count / 1_000_000 * price
        return EstimateLine(label: label, arithmetic: "\(millions(count)) \(what) x \(EstimateFormat.price(price)) per M = \(EstimateFormat.usd(cost))",
                            value: cost, unit: "USD per month", facts: [fact])
    }

    /// Lambda requests and compute for `invocations` invocations of the average duration.
    mutating func lambda(_ invocations: Double, note: String) -> [EstimateLine] {
        var lines: [EstimateLine] = []
        if let requests = perMillion("Lambda requests" + note, invocations, what: "invocations", fact: "price-lambda-requests") {
            lines.append(requests)
        }
        lines += compute(invocations, seconds: requestSeconds, label: "Lambda compute" + note)
        if jobs { lines += worker() }
        return lines
    }

    /// Duration charges of `invocations` runs of `seconds` each at the answered memory.
    mutating func compute(_ invocations: Double, seconds: Double, label: String) -> [EstimateLine] {
        guard let price = value("price-lambda-gb-second") else { return [] }
        let gigabytes = number("function-memory") / 1024
        let gbSeconds = invocations * seconds * gigabytes
        let cost = gbSeconds * price
        return [EstimateLine(label: label,
                             arithmetic: "\(millions(invocations)) invocations x \(q(seconds)) s x \(q(gigabytes)) GB = \(q(gbSeconds)) GB-s "
                                 + "x \(EstimateFormat.price(price)) = \(EstimateFormat.usd(cost))",
                             value: cost, unit: "USD per month", facts: ["price-lambda-gb-second"])]
    }

    /// The job pattern's worker: one invocation per job, for the average duration.
    mutating func worker() -> [EstimateLine] {
        let jobCount = number("jobs-per-month") * 1000
        var lines: [EstimateLine] = []
        if let requests = perMillion("Worker invocations", jobCount, what: "jobs", fact: "price-lambda-requests") { lines.append(requests) }
        return lines + compute(jobCount, seconds: number("avg-duration"), label: "Worker compute")
    }

    mutating func costCandidates() -> [CostCandidate] {
        let requests = number("monthly-requests") * 1_000_000
        let hit = min(max(number("cache-hit-ratio"), 0), 99) / 100
        // (100 - ratio) / 100 rather than 1 - hit: 80% hits leave exactly 0.2, not 0.19999999999999996.
        let miss = (100 - min(max(number("cache-hit-ratio"), 0), 99)) / 100
        let preflights = preflighted ? requests * Self.preflightShare : 0
        // Preflights invoke a function where it answers them: CORS in the function, or an OPTIONS route to a function
        // (an HTTP API's catch-all paths, where the route matches before the CORS configuration can answer).
        let functionsAnswerPreflights = advice.chosen("cors") == "function"
            || advice.layout.apis.contains { $0.routes.contains { $0.method == "OPTIONS" && $0.function != nil } }
        let preflightInvocations = functionsAnswerPreflights ? preflights : 0
        let gatewayCaching = members("gateway-features").contains("caching")
        let door = advice.chosen("front-door"), apiType = advice.chosen("api-type")
        var out: [CostCandidate] = []

        func candidate(_ id: String, _ title: String, recommended: Bool, excludedBy: [String], _ lines: [EstimateLine]) -> CostCandidate {
            CostCandidate(id: id, title: title, recommended: recommended, excludedBy: excludedBy, lines: lines,
                          monthlyTotal: lines.reduce(0) { $0 + $1.value })
        }
        let gatewayRequests = requests + preflights
        let preflightNote = preflights > 0 ? " (incl. \(millions(preflights)) preflights)" : ""

        // API Gateway HTTP API.
        var http: [EstimateLine] = []
        if let line = perMillion("HTTP API requests" + preflightNote, gatewayRequests, what: "requests", fact: "price-http-requests") { http.append(line) }
        http += lambda(requests + preflightInvocations, note: "")
        out.append(candidate("api-gateway-http", "API Gateway HTTP API", recommended: door == "api-gateway" && apiType == "http",
                             excludedBy: excluders("front-door", "api-gateway") + excluders("api-type", "http"), http))

        // API Gateway REST API, with its cache where chosen.
        var rest: [EstimateLine] = []
        if let line = perMillion("REST API requests" + preflightNote, gatewayRequests, what: "requests", fact: "price-rest-requests") { rest.append(line) }
        var restInvocations = requests
        if gatewayCaching, let hourly = value("price-rest-cache-half-gb") {
            let cost = hourly * Self.hoursPerMonth
            rest.append(EstimateLine(label: "REST API cache (0.5 GB)",
                                     arithmetic: "\(q(Self.hoursPerMonth)) h x \(EstimateFormat.price(hourly)) per hour = \(EstimateFormat.usd(cost))",
                                     value: cost, unit: "USD per month", facts: ["price-rest-cache-half-gb"]))
            restInvocations = requests * miss
        }
        rest += lambda(restInvocations + preflightInvocations, note: gatewayCaching && hit > 0 ? " (cache misses)" : "")
        out.append(candidate("api-gateway-rest", "API Gateway REST API", recommended: door == "api-gateway" && apiType == "rest",
                             excludedBy: excluders("front-door", "api-gateway") + excluders("api-type", "rest"), rest))

        // Lambda function URL alone: only the function is billed.
        out.append(candidate("function-url", "Lambda function URL", recommended: door == "function-url",
                             excludedBy: excluders("front-door", "function-url"), lambda(requests, note: "")))

        // CloudFront in front of a function URL: every request at the edge, misses at the function.
        var cloudfront: [EstimateLine] = []
        if let line = perMillion("CloudFront HTTPS requests" + preflightNote, gatewayRequests, what: "requests", fact: "price-cloudfront-https") {
            cloudfront.append(line)
        }
        cloudfront += lambda(requests * miss, note: hit > 0 ? " (cache misses)" : "")
        out.append(candidate("cloudfront-function-url", "CloudFront in front of a function URL", recommended: door == "cloudfront-function-url",
                             excludedBy: excluders("front-door", "cloudfront-function-url"), cloudfront))

        // Application Load Balancer: hours plus capacity units from the average request rate.
        var alb: [EstimateLine] = []
        if let hourly = value("price-alb-hour") {
            let cost = hourly * Self.hoursPerMonth
            alb.append(EstimateLine(label: "ALB hours", arithmetic: "\(q(Self.hoursPerMonth)) h x \(EstimateFormat.price(hourly)) = \(EstimateFormat.usd(cost))",
                                    value: cost, unit: "USD per month", facts: ["price-alb-hour"]))
        }
        if let lcuPrice = value("price-alb-lcu-hour") {
            let averageRate = gatewayRequests / (Self.hoursPerMonth * 3600)
            let lcus = max(averageRate / 25, 1)
            let cost = lcus * Self.hoursPerMonth * lcuPrice
            alb.append(EstimateLine(label: "ALB capacity units",
                                    arithmetic: "\(q(averageRate)) req/s on average / 25 new connections per LCU = \(q(lcus)) LCU "
                                        + "x \(q(Self.hoursPerMonth)) h x \(EstimateFormat.price(lcuPrice)) = \(EstimateFormat.usd(cost))",
                                    value: cost, unit: "USD per month", facts: ["price-alb-lcu-hour"]))
        }
        alb += lambda(requests, note: "")
        out.append(candidate("alb", "Application Load Balancer", recommended: door == "alb", excludedBy: excluders("front-door", "alb"), alb))
        assumptions.append("ALB capacity units assume one new connection per request (an upper bound: clients that keep connections open use fewer) "
            + "and at least one LCU; processed bytes are not counted.")
        if hit > 0 {
            assumptions.append("\(q(hit * 100))% of the requests are answered by the cache where one is in front (CloudFront, or the REST API cache when chosen).")
        }
        return out
    }

    /// WebSocket messages and connection minutes, when the server pushes.
    mutating func pushLines() -> [EstimateLine] {
        let push = advice.chosen("interaction-model") == "async-push" || sheet.values["server-push"] == .bool(true)
        guard push else { return [] }
        var lines: [EstimateLine] = []
        let messages = number("monthly-requests") * 1_000_000
        if let line = perMillion("WebSocket messages", messages, what: "messages", fact: "price-websocket-messages") { lines.append(line) }
        if let price = value("price-websocket-minutes") {
            let minutes = number("connected-clients") * Self.hoursPerMonth * 60
            let cost = minutes / 1_000_000 * price
            lines.append(EstimateLine(label: "WebSocket connection minutes",
                                      arithmetic: "\(q(number("connected-clients"))) connections x \(q(Self.hoursPerMonth * 60)) min = \(millions(minutes)) min "
                                          + "x \(EstimateFormat.price(price)) per M = \(EstimateFormat.usd(cost))",
                                      value: cost, unit: "USD per month", facts: ["price-websocket-minutes"]))
        }
        assumptions.append("The push channel counts the monthly requests as WebSocket messages (32 KB each at most) and the average connected clients as open all month.")
        return lines
    }
}
