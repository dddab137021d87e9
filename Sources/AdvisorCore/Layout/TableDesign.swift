/// A DynamoDB table of the layout: the job records of a job pattern, or the open connections of a push channel.
public struct TableDesign: Sendable, Hashable, Codable {
    /// Table name.
    public var name: String
    /// Partition key (a string).
    public var partitionKey: String
    /// The attribute holding the expiry time in epoch seconds (DynamoDB time to live).
    public var ttlAttribute: String
    /// `on-demand`.
    public var billing: String
    /// A global secondary index that finds one user's items (nil when there is none: job tables, open channels).
    public var userIndex: String? = nil
    /// The attribute that index is keyed by: who the item belongs to.
    public var userAttribute: String? = nil
}
