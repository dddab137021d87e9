import AdvisorCore

/// The rules shipped with apigw-advisor, compiled into the binary at build time from rules/ by the
/// EmbedRules build plugin (no generated source is kept in git), so it works from any directory.
public enum BundledRules {
    /// The bundled rule set. `includingCases: false` leaves out the rule cases, which only `lint`
    /// and the tests run, so the commands that advise decode less at start-up.
    public static func load(includingCases: Bool = true) throws(InputErrors) -> RuleSet {
        try BundledRuleArchive.decode(ruleSet: BundledRuleData.ruleSet, cases: includingCases ? BundledRuleData.cases : nil)
    }
}
