/// Scale: concurrency from traffic and duration, the scaling rate, the account throttle.
extension EstimateBuilder {
    private func q(_ value: Double) -> String { EstimateFormat.quantity(value) }
    private func percent(_ part: Double, of whole: Double) -> String {
        whole > 0 ? EstimateFormat.quantity(part / whole * 100) + "%" : "n/a"
    }

    /// The answers a scale finding read, as evidence.
    func evidence(_ questions: [String]) -> [Evidence] {
        questions.map { id in
            Evidence(kind: "answer", subject: id, test: "used in the estimate", value: sheet.values[id]?.display ?? "-",
                     held: true, fromDefault: status(id) != .answered)
        }
    }

    mutating func finding(_ severity: Severity, _ title: String, _ text: String, rule: String, facts: [String], reads: [String]) {
        let cited = Engine(rules: rules).citations(facts.filter { rules.facts[$0] != nil })
        findings.append(Finding(severity: severity, title: title, text: text + defaultsNote(reads), rule: rule, decision: "front-door",
                                facts: cited, evidence: evidence(reads)))
    }

    /// When a figure rests on defaults, says so and which questions to answer: a default is not the team's number.
    func defaultsNote(_ reads: [String]) -> String {
        let defaulted = reads.filter { status($0) != .answered && rules.question($0)?.kind == .number }
        guard !defaulted.isEmpty else { return "" }
        let names = defaulted.map { "\($0) (\(EstimateFormat.quantity(number($0)))\(rules.question($0)?.unit.map { " " + $0 } ?? ""))" }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        let questions = defaulted.count == 1 ? defaulted[0] : defaulted.dropLast().joined(separator: ", ") + " and " + (defaulted.last ?? "")
        return " This figure uses the default\(defaulted.count == 1 ? "" : "s") for \(list), not an answer; answer \(questions) to check it against your own numbers."
    }

    mutating func scaleLines() -> [EstimateLine] {
        var lines: [EstimateLine] = []
        let peak = number("peak-rps"), average = number("avg-duration")
        let job = jobs
        // A cache in front of the recommended front door answers its hits without a function.
        let hit = min(max(number("cache-hit-ratio"), 0), 99) / 100
        // (100 - ratio) / 100 rather than 1 - hit: 80% hits leave exactly 0.2, not 0.19999999999999996.
        let miss = (100 - min(max(number("cache-hit-ratio"), 0), 99)) / 100
        let door = advice.chosen("front-door")
        let cached = hit > 0 && (door == "cloudfront-function-url"
            || (door == "api-gateway" && advice.chosen("api-type") == "rest" && members("gateway-features").contains("caching")))
        let origin = cached ? peak * miss : peak
        if cached {
            lines.append(EstimateLine(label: "Requests reaching the functions at peak (cache misses)",
                                      arithmetic: "\(q(peak)) req/s x (1 - \(q(hit * 100))% cache hits) = \(q(origin)) req/s",
                                      value: origin, unit: "requests per second", facts: []))
        }
        let seconds = requestSeconds
        let byDuration = origin * seconds
        let perEnvironment = value("lambda-env-10-rps")
        let byRate = perEnvironment.map { $0 > 0 ? origin / $0 : 0 } ?? 0
        let concurrency = max(byDuration, byRate).rounded(.up)
        var arithmetic = "\(q(origin)) req/s x \(q(seconds)) s\(job ? " per submit or status request" : " average") = \(q(byDuration))"
        if let perEnvironment {
            arithmetic += "; at least \(q(origin)) req/s / \(q(perEnvironment)) req/s per environment = \(q(byRate))"
        }
        arithmetic += "; so \(q(concurrency))"
        lines.append(EstimateLine(label: "Lambda concurrency at peak", arithmetic: arithmetic, value: concurrency, unit: "concurrent executions",
                                  facts: ["lambda-concurrency-1000", "lambda-env-10-rps"]))
        if job {
            // Jobs wait in the queue at peaks; the steady worker concurrency is the average arrival rate times the duration.
            let rate = number("jobs-per-month") * 1000 / Self.secondsPerMonth
            let workers = (rate * average).rounded(.up)
            lines.append(EstimateLine(label: "Worker concurrency on average",
                                      arithmetic: "\(q(number("jobs-per-month") * 1000)) jobs / \(q(Self.secondsPerMonth)) s = \(q(rate)) jobs/s "
                                          + "x \(q(average)) s = \(q(workers))",
                                      value: workers, unit: "concurrent executions", facts: []))
        }
        let reads = (cached ? ["peak-rps", "cache-hit-ratio"] : ["peak-rps"]) + (job ? [] : ["avg-duration"])
        if let quota = value("lambda-concurrency-1000") {
            lines.append(EstimateLine(label: "Share of the default account concurrency quota",
                                      arithmetic: "\(q(concurrency)) / \(q(quota)) = \(percent(concurrency, of: quota))",
                                      value: quota > 0 ? concurrency / quota * 100 : 0, unit: "percent", facts: ["lambda-concurrency-1000"]))
            if concurrency >= Self.nearShare * quota {
                let over = concurrency > quota
                let cap = job ? " With a queue in front of the worker, cap its concurrency (maximum concurrency on the event source) so jobs wait instead of failing."
                    : " Request a concurrency increase before launch, and reserve concurrency for the API's functions so other functions cannot starve them."
                finding(over ? .warning : .info,
                        over ? "Peak concurrency exceeds the default Lambda quota" : "Peak concurrency approaches the default Lambda quota",
                        "From \(named("peak-rps"))\(cached ? ", " + named("cache-hit-ratio") : "")\(job ? "" : " and " + named("avg-duration")): \(arithmetic) concurrent executions, "
                            + "\(percent(concurrency, of: quota)) of the \(q(quota)) that an account gets per Region by default "
                            + "(shared by every function in it); past the quota Lambda throttles with 429." + cap,
                        rule: "scale.lambda-concurrency", facts: ["lambda-concurrency-1000", "lambda-env-10-rps"], reads: reads)
            }
        }
        if let rate = value("lambda-scaling-rate"), rate > 0 {
            // The first `rate` environments come at once; each further `rate` takes another 10 seconds.
            let steps = max((concurrency / rate).rounded(.up) - 1, 0)
            let seconds = steps * 10
            lines.append(EstimateLine(label: "Time for one function to scale from zero to the peak",
                                      arithmetic: "(ceil(\(q(concurrency)) / \(q(rate)) environments) - 1) x 10 s = \(q(seconds)) s",
                                      value: seconds, unit: "seconds", facts: ["lambda-scaling-rate"]))
            if concurrency > rate {
                finding(.warning, "A sudden peak outruns Lambda's scaling rate",
                        "One function adds at most \(q(rate)) execution environments every 10 seconds, so reaching "
                            + "\(q(concurrency)) from a cold start takes at least \(q(seconds)) seconds "
                            + "((ceil(\(q(concurrency)) / \(q(rate))) - 1) x 10 s); requests beyond the environments available meanwhile get 429. "
                            + "Ramp traffic up, keep provisioned concurrency for the expected base load, or spread routes over several functions.",
                        rule: "scale.scaling-rate", facts: ["lambda-scaling-rate"], reads: reads)
            }
        }
        let lower = condition("lower-throttle-region")
        let throttleFact = lower ? "account-throttle-lower-regions" : "account-throttle-10k"
        if let throttle = value(throttleFact) {
            let region = sheet.values["aws-region"]?.scalarText ?? "the Region"
            lines.append(EstimateLine(label: "Share of the API Gateway account throttle in \(region) (if behind API Gateway)",
                                      arithmetic: "\(q(peak)) / \(q(throttle)) req/s = \(percent(peak, of: throttle))",
                                      value: throttle > 0 ? peak / throttle * 100 : 0, unit: "percent", facts: [throttleFact]))
            let gateway = advice.chosen("front-door") == "api-gateway"
            if gateway && peak >= Self.nearShare * throttle {
                let regional = lower ? " \(region) is one of the Regions whose default is \(q(throttle)) rather than 10,000." : ""
                finding(peak > throttle ? .warning : .info,
                        peak > throttle ? "Peak traffic exceeds the API Gateway account throttle" : "Peak traffic approaches the API Gateway account throttle",
                        "From \(named("peak-rps")): \(q(peak)) / \(q(throttle)) req/s = \(percent(peak, of: throttle)) of the requests per second "
                            + "API Gateway allows one account in \(region) by default, shared by every REST, HTTP and WebSocket API there; "
                            + "excess requests get 429." + regional
                            + " Request a quota increase well before launch, cache what can be cached in front of the API, or spread the load over accounts.",
                        rule: "scale.account-throttle", facts: [throttleFact], reads: ["peak-rps", "aws-region"])
            }
        }
        if job {
            assumptions.append("For the job pattern the submit and status requests are assumed to run \(q(Self.jobRequestSeconds)) s each; "
                + "the worker runs each job for the average duration, and jobs that arrive faster than the workers finish wait in the queue.")
        }
        return lines
    }
}
