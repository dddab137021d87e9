/// The properties of one API's recommended layout that findings may test with `{layout: NAME}`
/// (rules/README.md, "Findings that read the layout"), so a finding never claims what the layout does not do.
public enum LayoutFacts {
    /// Every property, with what it means; the rule loader refuses other names.
    public static let meanings: [(name: String, meaning: String)] = [
        ("authorizer", "the API declares an authorizer resource (Cognito, JWT or Lambda; IAM needs none)"),
        ("lambda-authorizer", "the API has a Lambda (TOKEN or REQUEST) authorizer, whose function API Gateway must be allowed to invoke"),
        ("root-route", "the API routes the root path / itself (for example ANY /)"),
        ("function-preflight", "an OPTIONS route sends preflights to a function"),
        ("custom-integration", "a route uses the custom (non-proxy) integration"),
    ]

    /// The property names.
    public static let names: [String] = meanings.map(\.name)

    /// The properties that hold for `api`.
    static func of(_ api: APIDesign) -> Set<String> {
        var out: Set<String> = []
        if api.authorizers.contains(where: { $0.type != "iam" }) { out.insert("authorizer") }
        if api.authorizers.contains(where: { $0.type.hasPrefix("lambda-") }) { out.insert("lambda-authorizer") }
        if api.routes.contains(where: { $0.path == "/" && $0.method != "OPTIONS" }) { out.insert("root-route") }
        if api.routes.contains(where: { $0.method == "OPTIONS" && $0.function != nil }) { out.insert("function-preflight") }
        if api.routes.contains(where: { $0.integration == "custom" }) { out.insert("custom-integration") }
        return out
    }

    /// The properties of the layout's APIs together (what a system-wide evaluation sees).
    static func of(_ layout: Layout) -> Set<String> {
        layout.apis.reduce(into: Set<String>()) { $0.formUnion(of($1)) }
    }
}
