/// Computes the scale figures, their findings and the cost candidates from the answers and decisions.
///
/// Every limit and price comes from a fact with a `value` in rules/facts.yaml; a missing fact leaves
/// its line out and says so in the assumptions, so the estimate never invents a number.
struct EstimateBuilder {
    let rules: RuleSet
    let sheet: AnswerSheet
    let advice: Advice
    let evaluator: ConditionEvaluator

    /// Hours in the month the prices assume (AWS pricing examples use 730).
    static let hoursPerMonth = 730.0
    /// The share of browser requests assumed to be preceded by a preflight (browsers cache preflights).
    static let preflightShare = 0.1
    /// Findings fire when a figure reaches this share of its limit.
    static let nearShare = 0.8
    /// The duration assumed for the short submit and status requests of the job pattern, in seconds.
    static let jobRequestSeconds = 0.1
    /// Seconds in the month the prices assume.
    static let secondsPerMonth = hoursPerMonth * 3600

    /// Whether the slow operations run as jobs in a worker.
    /// (The layout builds the job pattern for push, too, when the work is slow.)
    var jobs: Bool {
        advice.chosen("interaction-model") == "async-job" || advice.layout.apis.contains { !($0.jobs ?? []).isEmpty }
    }
    /// The duration one API request runs: the average, or the short submit/status call of the job pattern.
    var requestSeconds: Double { jobs ? min(Self.jobRequestSeconds, number("avg-duration")) : number("avg-duration") }

    /// Whether browsers send preflights: calls with an Authorization header or a method other than GET and HEAD.
    var preflighted: Bool {
        guard members("consumers").contains("browser"), advice.chosen("cors") != "none" else { return false }
        let headerAuth = !Set(members("auth-mechanisms")).isDisjoint(with: ["cognito", "oidc", "iam", "custom"])
        guard case .inventory(let inventory)? = sheet.values["services"] else { return headerAuth }
        let methods = Set(inventory.services.flatMap { $0.resources.flatMap(\.methods) })
        return headerAuth || !methods.isSubset(of: ["GET", "HEAD"])
    }

    var assumptions: [String] = []
    var findings: [Finding] = []

    init(rules: RuleSet, sheet: AnswerSheet, advice: Advice, evaluator: ConditionEvaluator) {
        self.rules = rules
        self.sheet = sheet
        self.advice = advice
        self.evaluator = evaluator
    }

    // MARK: answers and facts

    func number(_ question: String) -> Double { sheet.values[question]?.numberValue ?? 0 }
    func members(_ question: String) -> [String] { sheet.values[question]?.members ?? [] }
    func status(_ question: String) -> AnswerStatus { sheet.status[question] ?? .missing }

    /// `peak-rps 2,000 (answered)`: how a finding names the answers its arithmetic used.
    func named(_ question: String) -> String {
        let unit = rules.question(question)?.unit.map { " " + $0 } ?? ""
        let how = status(question) == .answered ? "answered" : "default"
        return "\(question) \(EstimateFormat.quantity(number(question)))\(unit) (\(how))"
    }

    mutating func value(_ fact: String) -> Double? {
        guard let value = rules.facts[fact]?.value else {
            assumptions.append("The fact `\(fact)` has no value in the rules, so the line that needs it is left out.")
            return nil
        }
        return value
    }

    func condition(_ name: String) -> Bool {
        guard let condition = rules.conditions[name] else { return false }
        return evaluator.evaluate(condition).held
    }

    // MARK: build

    mutating func build() -> Estimate {
        let inputIDs = ["monthly-requests", "peak-rps", "avg-duration", "function-memory", "cache-hit-ratio", "jobs-per-month", "connected-clients"]
        let inputs = inputIDs.compactMap { id -> EstimateInput? in
            // Hidden questions do not bear on these answers (no cache asked, no jobs, no push).
            guard rules.question(id) != nil, status(id) != .hidden else { return nil }
            return EstimateInput(question: id, value: number(id), unit: rules.question(id)?.unit ?? "", status: status(id))
        }
        let scale = scaleLines()
        let costs = costCandidates()
        let push = pushLines()
        assumptions.insert(contentsOf: [
            "An estimate for one Region at us-east-1 list prices (first pricing tier, USD, \(Int(Self.hoursPerMonth)) hours a month), "
                + "without free tiers, data transfer, CloudWatch logs, taxes or savings plans; prices in other Regions differ.",
            "Every request is assumed to run for the average duration with the answered memory; the peak figures use the peak rate.",
        ], at: 0)
        if preflighted {
            assumptions.append("Browser preflights are counted as \(Int(Self.preflightShare * 100)) percent of the requests "
                + "(browsers cache a preflight per origin and URL); they invoke a function only where one answers them (CORS handled by the function, or an OPTIONS route "
                + "to a function on an HTTP API's catch-all paths).")
        } else if members("consumers").contains("browser") {
            assumptions.append("No preflights are counted: browsers send GET and HEAD requests without an Authorization header as simple requests.")
        }
        return Estimate(inputs: inputs, scale: scale, costs: costs, pushChannel: push, assumptions: assumptions)
    }
}
