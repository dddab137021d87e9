import Testing
@testable import AdvisorCore

/// Loading and linting rules: every structural problem is reported with file, line and key.
@Suite struct RuleLoaderTests {
    func errors(_ rules: String, cases: String = "cases: []\n") -> [InputError] {
        EngineFixture.loadErrors(EngineFixture.files(rules: rules, cases: cases))
    }

    @Test func unknownKeySuggestsNearest() {
        let found = errors("""
        rules:
          - id: t.a
            decision: first
            wen: {all: []}
            recommend: y
            reason: r
        """)
        let error = found.first { $0.key == "wen" }
        #expect(error?.suggestion == "when")
        #expect(error?.location.file == "t.rules.yaml")
        #expect(error?.location.line == 4)
        #expect(error?.location.column == 5)
    }

    @Test func unknownQuestionOptionAndDecisionAreNamed() {
        let found = errors("""
        rules:
          - {id: t.a, decision: first, when: {answer: colour, equals: red}, recommend: y, reason: r}
          - {id: t.b, decision: first, when: {answer: color, equals: green}, recommend: y, reason: r}
          - {id: t.c, decision: first, when: {all: []}, recommend: w, reason: r}
          - {id: t.d, decision: thrid, when: {all: []}, recommend: y, reason: r}
          - {id: t.e, decision: second, when: {decision: first, is: k}, recommend: p, reason: r}
        """)
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains("unknown question 'colour'") && text.contains("did you mean 'color'"))
        #expect(text.contains("'green' is not a choice of question 'color'") && text.contains("allowed: red, blue"))
        #expect(text.contains("'w' is not an option of decision 'first'"))
        #expect(text.contains("unknown decision 'thrid'"))
        #expect(text.contains("'k' is not an option of decision 'first'"))
        #expect(found.allSatisfy { $0.location.line > 0 })
    }

    @Test func duplicateRuleIDs() {
        let found = errors("""
        rules:
          - {id: t.a, decision: first, when: {all: []}, recommend: y, reason: r}
          - {id: t.a, decision: first, when: {all: []}, recommend: z, reason: r}
        """)
        #expect(found.contains { $0.message.contains("duplicate rule id") && $0.location.line == 3 })
    }

    @Test func decisionCycleIsRejected() {
        let found = errors("""
        rules:
          - {id: t.a, decision: first, when: {decision: second, is: p}, recommend: y, reason: r}
          - {id: t.b, decision: second, when: {decision: first, is: y}, recommend: q, reason: r}
        """)
        #expect(found.contains { $0.message.contains("cycle") && $0.message.contains("first") && $0.message.contains("second") })
    }

    @Test func ruleCannotReadItsOwnDecision() {
        let found = errors("""
        rules:
          - {id: t.a, decision: first, when: {decision: first, is: y}, recommend: y, reason: r}
        """)
        #expect(found.contains { $0.message.contains("cannot read the decision it acts on") })
    }

    @Test func effectsAndFactsAreChecked() {
        let found = errors("""
        rules:
          - {id: t.a, decision: first, when: {all: []}, recommend: y, exclude: z, reason: r}
          - {id: t.b, when: {all: []}, recommend: y, reason: r}
          - {id: t.c, decision: first, when: {all: []}, recommend: y, strength: huge, reason: r}
          - {id: t.d, when: {all: []}, finding: {severity: fatal, title: x}, reason: r}
          - {id: t.e, decision: first, when: {all: []}, recommend: y, reason: r, facts: [nope]}
          - {id: t.f, decision: first, when: {answer: color, gt: 3}, recommend: y, reason: r}
          - {id: t.g, decision: first, when: {count: color, gt: 1}, recommend: y, reason: r}
        """)
        let text = found.map(\.description).joined(separator: "\n")
        #expect(text.contains("exactly one effect"))
        #expect(text.contains("needs `decision`"))
        #expect(text.contains("unknown strength 'huge'"))
        #expect(text.contains("unknown severity 'fatal'"))
        #expect(text.contains("unknown fact 'nope'"))
        #expect(text.contains("compares numbers"))
        #expect(text.contains("cannot count 'color'"))
    }

    @Test func malformedYAMLNamesLineAndColumn() {
        let found = errors("rules:\n  - id: t.a\n    when: {all: [\n")
        let error = found.first
        #expect(error?.location.file == "t.rules.yaml")
        #expect((error?.location.line ?? 0) > 0)
        #expect(error?.message.contains("malformed") == true)
    }

    @Test func namedConditionCycleAndUnknownRef() {
        var files = EngineFixture.files(rules: """
        rules:
          - {id: t.a, decision: first, when: {ref: nowhere}, recommend: y, reason: r}
        """)
        files[4] = RuleFile(name: "conditions.yaml", text: """
        conditions:
          one: {ref: two}
          two: {not: {ref: one}}
        """)
        let text = EngineFixture.loadErrors(files).map(\.description).joined(separator: "\n")
        #expect(text.contains("unknown named condition 'nowhere'"))
        #expect(text.contains("cycle"))
    }

    @Test func lintRequiresCasesAndRunsThem() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.a, decision: first, when: {answer: flag, equals: true}, recommend: y, reason: r}
          - {id: t.b, decision: first, when: {answer: color, equals: blue}, recommend: z, reason: r}
        """, cases: """
        cases:
          - name: flag on
            answers: {flag: true, owner: me}
            fires: [t.a]
            not-fires: [t.b]
            expect: {first: y}
          - name: wrong on purpose
            answers: {owner: me}
            fires: [t.b]
            expect: {first: z}
        """)
        let problems = RuleLinter.lint(rules).map(\.description)
        #expect(problems.contains { $0.contains("'t.a'") && $0.contains("not-fires") })
        #expect(problems.contains { $0.contains("'t.b'") && $0.contains("`fires`") } == false)
        #expect(problems.contains { $0.contains("wrong on purpose") && $0.contains("t.b should fire but did not") && $0.contains("color equals blue: no") })
        #expect(problems.contains { $0.contains("decision first: expected z, got x") })
    }
}
