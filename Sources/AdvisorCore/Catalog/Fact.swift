/// Where a fact comes from.
public struct FactSource: Sendable, Hashable, Codable {
    /// Short key such as `TO24`.
    public var id: String
    /// Title of the document.
    public var title: String
    /// Address.
    public var url: String
}

/// A fact about API Gateway or Lambda that rules rely on, with its source and date.
public struct Fact: Sendable, Hashable, Codable {
    /// Stable id.
    public var id: String
    /// The fact in one or two sentences.
    public var text: String
    /// Source id.
    public var source: String
    /// Date from which the fact holds as stated (YYYY-MM-DD).
    public var asOf: String
    /// The fact's number when code computes with it (a limit or a price), in `unit`.
    public var value: Double?
    /// What `value` counts, e.g. `USD per million requests`.
    public var unit: String?

    /// Creates a fact.
    public init(id: String, text: String, source: String, asOf: String, value: Double? = nil, unit: String? = nil) {
        self.id = id
        self.text = text
        self.source = source
        self.asOf = asOf
        self.value = value
        self.unit = unit
    }
}
