/// The resource policy statement of a private API: invoke only through the given interface VPC endpoint.
enum PrivatePolicy {
    /// Allows execute-api:Invoke on the whole API only for requests that arrive through `endpoint` (aws:SourceVpce);
    /// there is no unconditional Allow, so nothing else can reach it however the policy is later extended.
    static func statement(_ endpoint: YAMLNode) -> YAMLNode {
        .mapping([
            YAMLEntry("Effect", .string("Allow")),
            YAMLEntry("Principal", .string("*")),
            YAMLEntry("Action", .string("execute-api:Invoke")),
            YAMLEntry("Resource", .string("execute-api:/*")),
            YAMLEntry("Condition", .mapping([YAMLEntry("StringEquals", .mapping([YAMLEntry("aws:SourceVpce", endpoint)]))])),
        ])
    }
}
