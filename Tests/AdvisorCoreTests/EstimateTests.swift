import Testing
@testable import AdvisorCore
import BundledRules

/// The scale and cost estimate: figures worked out by hand from the answers and the prices in rules/facts.yaml.
@Suite struct EstimateTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String, rules: RuleSet? = nil) throws -> Advice {
        let set = rules ?? self.rules
        return Engine(rules: set).advise(try Answers.parse(yaml, file: "t.yaml", rules: set))
    }

    func estimate(_ yaml: String) throws -> Estimate { try #require(try advise(yaml).estimate) }

    func line(_ lines: [EstimateLine], _ prefix: String) throws -> EstimateLine {
        try #require(lines.first { $0.label.hasPrefix(prefix) }, "no line \(prefix) in \(lines.map(\.label))")
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }

    let publicReads = """
    consumers: [browser, mobile]
    browser-origins: ["*"]
    auth-mechanisms: [none]
    max-duration: 0.5
    avg-duration: 0.08
    peak-rps: 50000
    monthly-requests: 60000
    cache-hit-ratio: 80
    """

    @Test func cachedPublicReadsReachTheFunctionsOnlyOnMisses() throws {
        let advice = try advise(publicReads)
        let estimate = try #require(advice.estimate)
        #expect(advice.chosen("front-door") == "cloudfront-function-url")
        // 50,000 x 20% misses = 10,000 req/s; x 0.08 s = 800, but at least 10,000 / 10 per environment = 1,000.
        #expect(try line(estimate.scale, "Requests reaching the functions").value == 10_000)
        let concurrency = try line(estimate.scale, "Lambda concurrency")
        #expect(concurrency.value == 1_000)
        #expect(concurrency.arithmetic.contains("10,000 req/s x 0.08 s average = 800"))
        #expect(concurrency.arithmetic.contains("10,000 req/s / 10 req/s per environment = 1,000"))
        // 1,000 is 100% of the default quota: reported as approaching (info), not as exceeding; no scaling-rate warning.
        let finding = try #require(advice.findings.first { $0.rule == "scale.lambda-concurrency" })
        #expect(finding.severity == .info)
        #expect(finding.text.contains("peak-rps 50,000 req/s (answered)"))
        #expect(!advice.findings.contains { $0.rule == "scale.scaling-rate" })
        // Not behind API Gateway: no throttle finding although 50,000 is five times the throttle.
        #expect(!advice.findings.contains { $0.rule == "scale.account-throttle" })
        #expect(try line(estimate.scale, "Share of the API Gateway account throttle").value == 500)
    }

    @Test func candidateCostsFollowThePrices() throws {
        let estimate = try estimate(publicReads)
        let byID = Dictionary(uniqueKeysWithValues: estimate.costs.map { ($0.id, $0) })
        // 60,000 M requests at the door (public GETs send no preflight).
        let cloudfront = try #require(byID["cloudfront-function-url"])
        #expect(cloudfront.recommended)
        #expect(close(try line(cloudfront.lines, "CloudFront HTTPS requests").value, 60_000))      // x $1.00 per M
        #expect(close(try line(cloudfront.lines, "Lambda requests").value, 2_400))                 // 12,000 M misses x $0.20
        #expect(close(try line(cloudfront.lines, "Lambda compute").value, 8_000.016))              // 12e9 x 0.08 s x 0.5 GB x $0.0000166667
        #expect(close(cloudfront.monthlyTotal, 70_400.016))
        let http = try #require(byID["api-gateway-http"])
        #expect(!http.recommended)
        #expect(close(http.monthlyTotal, 60_000 + 12_000 + 40_000.08))             // 60e9 x 0.08 s x 0.5 GB x $0.0000166667
        let rest = try #require(byID["api-gateway-rest"])
        #expect(close(try line(rest.lines, "REST API requests").value, 210_000))                   // 60,000 M x $3.50
        let url = try #require(byID["function-url"])
        #expect(close(url.monthlyTotal, 12_000 + 40_000.08))
        let alb = try #require(byID["alb"])
        #expect(close(try line(alb.lines, "ALB hours").value, 16.425))                             // 730 h x $0.0225
        #expect(estimate.assumptions[0].contains("one Region at us-east-1 list prices"))
    }

    @Test func busySynchronousAPIExceedsTheQuotaAndTheScalingRate() throws {
        let advice = try advise("peak-rps: 2000\navg-duration: 0.6\n")
        let estimate = try #require(advice.estimate)
        #expect(try line(estimate.scale, "Lambda concurrency").value == 1_200)          // 2,000 x 0.6
        #expect(try line(estimate.scale, "Time for one function").value == 10)          // (ceil(1,200 / 1,000) - 1) x 10 s
        let quota = try #require(advice.findings.first { $0.rule == "scale.lambda-concurrency" })
        #expect(quota.severity == .warning)
        #expect(quota.text.contains("120%"))
        #expect(advice.findings.contains { $0.rule == "scale.scaling-rate" && $0.severity == .warning })
        #expect(!advice.findings.contains { $0.rule == "scale.account-throttle" })      // 2,000 is 20% of 10,000
    }

    @Test func defaultsAreNamedAsDefaults() throws {
        let advice = try advise("peak-rps: 9000\n")
        let finding = try #require(advice.findings.first { $0.rule == "scale.lambda-concurrency" })
        #expect(finding.text.contains("avg-duration 0.2 s (default)"))                  // 9,000 x 0.2 = 1,800
        #expect(finding.evidence.contains { $0.subject == "avg-duration" && $0.fromDefault })
        let throttle = try #require(advice.findings.first { $0.rule == "scale.account-throttle" })
        #expect(throttle.severity == .info)                                              // 90% of 10,000
    }

    @Test func lowerThrottleRegions() throws {
        let advice = try advise("peak-rps: 2200\naws-region: eu-south-1\n")
        let throttle = try #require(advice.findings.first { $0.rule == "scale.account-throttle" })
        #expect(throttle.severity == .info)                                              // 2,200 / 2,500 = 88%
        #expect(throttle.text.contains("2,200 / 2,500 req/s = 88%"))
        #expect(throttle.facts.map(\.id) == ["account-throttle-lower-regions"])
        let standard = try advise("peak-rps: 2200\naws-region: eu-west-1\n")
        #expect(!standard.findings.contains { $0.rule == "scale.account-throttle" })
    }

    @Test func pushChannelPricesMessagesAndConnectionMinutes() throws {
        let estimate = try estimate("server-push: true\nconnected-clients: 1000\nmonthly-requests: 10\n")
        #expect(close(try line(estimate.pushChannel, "WebSocket messages").value, 10))              // 10 M x $1.00
        let minutes = try line(estimate.pushChannel, "WebSocket connection minutes")
        #expect(close(minutes.value, 10.95))                                                         // 1,000 x 43,800 min x $0.25 per M
        #expect(minutes.arithmetic.contains("1,000 connections x 43,800 min = 43.8 M min"))
        #expect(try self.estimate("{}").pushChannel.isEmpty)
    }

    @Test func restCacheIsPricedAndSavesInvocations() throws {
        let estimate = try estimate("gateway-features: [caching]\ncache-hit-ratio: 50\nmonthly-requests: 10\nconsumers: [mobile]\n")
        let rest = try #require(estimate.costs.first { $0.id == "api-gateway-rest" })
        #expect(rest.recommended)
        #expect(close(try line(rest.lines, "REST API cache").value, 14.6))              // 730 h x $0.020
        #expect(close(try line(rest.lines, "Lambda requests").value, 1))                // 5 M misses x $0.20
        #expect(!rest.lines.contains { $0.label.contains("preflights") })                // no browsers
    }

    @Test func aPriceWithoutAValueIsLeftOutAndSaid() throws {
        var changed = rules
        changed.facts["price-http-requests"]?.value = nil
        let estimate = try #require(try advise("{}", rules: changed).estimate)
        let http = try #require(estimate.costs.first { $0.id == "api-gateway-http" })
        #expect(!http.lines.contains { $0.label.hasPrefix("HTTP API requests") })
        #expect(estimate.assumptions.contains { $0.contains("`price-http-requests` has no value") })
    }

    @Test func jobsArePricedAsShortRequestsPlusTheWorker() throws {
        let advice = try advise("""
        consumers: [mobile]
        max-duration: 900
        avg-duration: 240
        monthly-requests: 3
        jobs-per-month: 30
        peak-rps: 40
        function-memory: 1024
        """)
        #expect(advice.chosen("interaction-model") == "async-job")
        let estimate = try #require(advice.estimate)
        let http = try #require(estimate.costs.first { $0.id == "api-gateway-http" })
        #expect(close(try line(http.lines, "Lambda compute").value, 5.00001))          // 3 M x 0.1 s x 1 GB x $0.0000166667
        #expect(close(try line(http.lines, "Worker compute").value, 120.00024))        // 30,000 jobs x 240 s x 1 GB
        #expect(close(try line(http.lines, "Worker invocations").value, 0.006))        // 0.03 M x $0.20
        #expect(try line(estimate.scale, "Lambda concurrency").value == 4)             // 40 req/s x 0.1 s
        #expect(try line(estimate.scale, "Worker concurrency").value == 3)             // 30,000 / 2,628,000 s x 240 s = 2.74
        #expect(!advice.findings.contains { $0.rule.hasPrefix("scale.") })
    }

    @Test func publicGetsNeedNoPreflight() throws {
        let estimate = try estimate(publicReads)
        #expect(!estimate.costs.flatMap(\.lines).contains { $0.label.contains("preflights") })
        let signedIn = try self.estimate("consumers: [browser]\nbrowser-origins: [\"https://a.example.com\"]\nauth-mechanisms: [cognito]\n")
        #expect(signedIn.costs.flatMap(\.lines).contains { $0.label.contains("0.1 M preflights") })
    }

    @Test func formatting() {
        #expect(EstimateFormat.number(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(EstimateFormat.usd(0.5) == "$0.50")
        #expect(EstimateFormat.price(0.0000166667) == "$0.0000166667")
        #expect(EstimateFormat.price(3.5) == "$3.50")
        #expect(EstimateFormat.quantity(0.08) == "0.08")
        #expect(EstimateFormat.quantity(43.8) == "43.8")
        #expect(EstimateFormat.plain(0.0000166667) == "0.0000166667")
    }
}
