import Testing
@testable import AdvisorCore

/// How decisions are resolved: scores, strengths, ties, defaults, exclusions and conflicts.
@Suite struct ResolutionTests {
    @Test func strongestSumWins() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.y1, decision: first, when: {all: []}, recommend: y, strength: normal, reason: a}
          - {id: t.y2, decision: first, when: {all: []}, recommend: y, strength: weak, reason: b}
          - {id: t.z, decision: first, when: {all: []}, recommend: z, strength: normal, reason: c}
        """)
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "y")
        #expect(outcome.status == .decided)
        #expect(outcome.scores.map(\.score) == [0, 4, 3])
        #expect(outcome.note.contains("y scores 4 against 3"))
    }

    @Test func strongOutweighsTwoNormals() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.y1, decision: first, when: {all: []}, recommend: y, reason: a}
          - {id: t.y2, decision: first, when: {all: []}, recommend: y, reason: b}
          - {id: t.z, decision: first, when: {all: []}, recommend: z, strength: strong, reason: c}
        """)
        #expect(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).chosen("first") == "z")
    }

    @Test func tieIsBrokenByOptionOrderAndReported() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.z, decision: first, when: {all: []}, recommend: z, reason: a}
          - {id: t.y, decision: first, when: {all: []}, recommend: y, reason: b}
        """)
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "y")
        #expect(outcome.status == .tie)
        #expect(outcome.note.contains("Tie"))
    }

    @Test func defaultWhenNothingFires() throws {
        let rules = try EngineFixture.ruleSet("rules: []\n")
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "x")
        #expect(outcome.status == .defaulted)
    }

    @Test func excludedDefaultFallsToFirstRemaining() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.nox, decision: first, when: {all: []}, exclude: x, reason: no x}
        """)
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "y")
        #expect(outcome.scores[0].excludedBy == ["t.nox"])
        #expect(outcome.note.contains("excluded"))
    }

    @Test func exclusionBeatsRecommendation() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.want-y, decision: first, when: {all: []}, recommend: y, strength: strong, reason: want}
          - {id: t.no-y, decision: first, when: {all: []}, exclude: [y], reason: cannot}
        """)
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "x")
    }

    @Test func requireExcludesEveryOtherOption() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.need-z, decision: first, when: {answer: flag, equals: true}, require: z, reason: must}
          - {id: t.want-y, decision: first, when: {all: []}, recommend: y, strength: strong, reason: want}
        """)
        let outcome = try #require(Engine(rules: rules).advise(try EngineFixture.answers("flag: true\nowner: me", rules)).outcome("first"))
        #expect(outcome.chosen == "z")
        #expect(outcome.scores.first { $0.option == "y" }?.excludedBy == ["t.need-z"])
    }

    @Test func conflictingRequirementsAreAConflictNamingBothSides() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.need-z, decision: first, when: {answer: flag, equals: true}, require: z, reason: flag needs z}
          - {id: t.need-y, decision: first, when: {answer: color, equals: blue}, require: y, reason: blue needs y}
          - {id: t.after, decision: second, when: {decision: first, is: z}, recommend: q, reason: follows}
        """)
        let advice = Engine(rules: rules).advise(try EngineFixture.answers("flag: true\ncolor: blue\nowner: me", rules))
        let outcome = try #require(advice.outcome("first"))
        #expect(outcome.chosen == nil)
        #expect(outcome.status == .conflict)
        let conflict = try #require(advice.conflicts.first)
        #expect(Set(conflict.rules.map(\.rule)) == ["t.need-z", "t.need-y"])
        #expect(conflict.rules.flatMap(\.evidence).map(\.subject).sorted() == ["color", "flag"])
        #expect(advice.hasErrors)
        // A later decision reading a conflicted one sees it as undecided.
        #expect(advice.chosen("second") == "p")
        #expect(advice.layout.unresolved == ["first"])
    }

    @Test func findingsAreEvaluatedAfterDecisionsAndSortedBySeverity() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.y, decision: first, when: {all: []}, recommend: y, reason: y}
          - id: t.info
            when: {all: []}
            finding: {severity: info, title: Info}
            reason: just so
          - id: t.err
            decision: first
            when: {decision: first, is: y}
            finding: {severity: error, title: Broken}
            reason: y breaks
            facts: [f1]
        """)
        let advice = Engine(rules: rules).advise(try EngineFixture.answers("owner: me", rules))
        let findings = advice.findings.filter { $0.rule.hasPrefix("t.") }
        #expect(findings.map(\.rule) == ["t.err", "t.info"])
        #expect(findings[0].facts.first?.asOf == "2024-06-04")
        #expect(findings[0].facts.first?.url == "https://example.com/doc")
    }

    @Test func resolutionIsDeterministic() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.z, decision: first, when: {all: []}, recommend: z, reason: a}
          - {id: t.y, decision: first, when: {all: []}, recommend: y, reason: b}
        """)
        let answers = try EngineFixture.answers("owner: me", rules)
        #expect(Engine(rules: rules).advise(answers) == Engine(rules: rules).advise(answers))
    }
}
