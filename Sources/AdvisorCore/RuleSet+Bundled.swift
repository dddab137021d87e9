extension BundledRules {
    /// Loads the embedded rules.
    public static func load() throws(InputErrors) -> RuleSet {
        try RuleSetLoader.load(files: files)
    }
}
