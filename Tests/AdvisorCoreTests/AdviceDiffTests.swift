import AdvisorCore
import BundledRules
import Testing

/// The pure diff of two pieces of advice: what changed and which rules and answers caused it.
@Suite struct AdviceDiffTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    private func advice(_ values: [String: AnswerValue]) -> Advice {
        var all = values
        all["services"] = .inventory(Inventory(services: [Service(name: "orders", resources: [Resource(path: "/orders", methods: ["GET"])])]))
        return Engine(rules: rules).advise(Answers(all))
    }

    @Test func equalAdviceHasNoDifferences() {
        let diff = AdviceDiff.compare(advice([:]), advice([:]))
        #expect(diff.isEmpty)
        #expect(diff.render(old: "a", new: "b").contains("No differences"))
    }

    @Test func aChangedDecisionNamesTheRulesAndAnswersBehindIt() throws {
        let diff = AdviceDiff.compare(advice([:]), advice(["gateway-features": .choices(["usage-plans"])]))
        let apiType = try #require(diff.decisions.first { $0.decision == "api-type" })
        #expect(apiType.before == "http (decided)" && apiType.after == "rest (only-option)")
        #expect(apiType.rules.contains { $0.rule == "api-type.usage-plans-need-rest" && $0.change.hasPrefix("now fires") })
        #expect(apiType.answers.map { "\($0.question): \($0.before ?? "") -> \($0.after ?? "")" } == ["gateway-features: [] (defaulted) -> [usage-plans]"])
        #expect(diff.answers.map(\.question) == ["gateway-features"])
        #expect(diff.rules == nil)
        #expect(diff.layout.contains { $0.added && $0.text.contains("[REST, regional]") })
        #expect(diff.layout.contains { !$0.added && $0.text.contains("[HTTP, regional]") })
        // Every decision listed really changed; every decision that changed is listed.
        let before = advice([:]), after = advice(["gateway-features": .choices(["usage-plans"])])
        let changed = after.decisions.filter { now in
            guard let was = before.outcome(now.decision) else { return true }
            return was.chosen != now.chosen || was.status != now.status
        }
        #expect(Set(diff.decisions.map(\.decision)) == Set(changed.map(\.decision)))
    }
}
