/// One figure of the estimate, with the arithmetic that produced it and the facts it used.
public struct EstimateLine: Sendable, Hashable, Codable {
    /// What the figure is, e.g. `Lambda compute`.
    public var label: String
    /// How it was computed, with every operand, e.g. `1,000,000 invocations x 0.2 s x 0.5 GB x $0.0000166667 per GB-s`.
    public var arithmetic: String
    /// The result.
    public var value: Double
    /// What `value` counts, e.g. `USD per month` or `concurrent executions`.
    public var unit: String
    /// Ids of the facts (limits, prices) it used.
    public var facts: [String]
}

/// An answer the estimate read, and whether it was given or defaulted.
public struct EstimateInput: Sendable, Hashable, Codable {
    /// Question id.
    public var question: String
    /// The value, in the question's unit.
    public var value: Double
    /// The question's unit.
    public var unit: String
    /// Whether the user gave it.
    public var status: AnswerStatus
}

/// The monthly cost of one candidate front door for the answered traffic.
public struct CostCandidate: Sendable, Hashable, Codable {
    /// `api-gateway-http`, `api-gateway-rest`, `function-url`, `cloudfront-function-url` or `alb`.
    public var id: String
    /// Readable name.
    public var title: String
    /// Whether the advice recommends this front door (and API type).
    public var recommended: Bool
    /// Rules that exclude it for these answers; it is still priced, for comparison.
    public var excludedBy: [String]
    /// The charges, one line each.
    public var lines: [EstimateLine]
    /// Sum of the lines, USD per month.
    public var monthlyTotal: Double
}

/// Scale and monthly cost derived from the answers: numbers rules cannot compute, with their arithmetic.
public struct Estimate: Sendable, Hashable, Codable {
    /// The answers it read.
    public var inputs: [EstimateInput]
    /// Concurrency, scaling time and throttle headroom.
    public var scale: [EstimateLine]
    /// One candidate per front door, the recommended one marked.
    public var costs: [CostCandidate]
    /// The WebSocket push channel, added to whichever front door carries the requests (empty without push).
    public var pushChannel: [EstimateLine]
    /// What the figures assume and leave out, including that they are for one Region at us-east-1 prices.
    public var assumptions: [String]

    /// The candidate the advice recommends, if any.
    public var recommended: CostCandidate? { costs.first { $0.recommended } }
}
