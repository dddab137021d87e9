extension BundledRules {
    /// Loads the embedded rules: from their pre-parsed form when the script could write one, else from the YAML.
    /// `includingCases: false` leaves out the rule cases, which only `lint` and the tests run (they are
    /// four tenths of the documents, so commands that only advise start faster without them).
    public static func load(includingCases: Bool = true) throws(InputErrors) -> RuleSet {
        let skip = { (name: String) in !includingCases && name.hasSuffix(".cases.yaml") }
        // Patterns are not compiled here: PreparsedRulesTests loads the same files through the YAML path, which does.
        if let documents = preparsedDocuments(skip: skip) {
            return try RuleSetLoader.load(documents: documents, checkPatterns: false)
        }
        return try RuleSetLoader.load(files: files.filter { !skip($0.name) })
    }

    /// Whether `load()` takes the fast path; false sends it through Yams (see scripts/embed-rules.py for when).
    public static var hasPreparsedForm: Bool { preparsedDocuments() != nil }

    /// The pre-parsed documents, or nil when there are none or they do not decode (then the YAML is the source).
    static func preparsedDocuments(skip: (String) -> Bool = { _ in false }) -> [RuleDocument]? {
        preparsed.flatMap { PreparsedDocuments.decode($0, skip: skip) }
    }
}
