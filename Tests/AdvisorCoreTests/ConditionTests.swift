import Testing
@testable import AdvisorCore

/// One rule per condition kind, each checked with answers that must and must not make it hold.
@Suite struct ConditionTests {
    func fires(_ when: String, _ answers: String) throws -> Bool {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - id: t.probe
            decision: first
            when: \(when)
            recommend: y
            reason: probe
        """)
        let advice = Engine(rules: rules).advise(try EngineFixture.answers(answers, rules))
        return advice.firedRules.contains("t.probe")
    }

    @Test func equalsOnChoice() throws {
        #expect(try fires("{answer: color, equals: blue}", "color: blue\nowner: me"))
        #expect(try !fires("{answer: color, equals: blue}", "color: red\nowner: me"))
        #expect(try !fires("{answer: color, equals: blue}", "owner: me"), "default red applies")
    }

    @Test func equalsOnYesNoAndNumber() throws {
        #expect(try fires("{answer: flag, equals: true}", "flag: true\nowner: me"))
        #expect(try !fires("{answer: flag, equals: true}", "flag: false\nowner: me"))
        #expect(try fires("{answer: seconds, equals: 30}", "seconds: 30.0\nowner: me"))
    }

    @Test func membershipIn() throws {
        #expect(try fires("{answer: color, in: [blue, red]}", "color: red\nowner: me"))
        #expect(try !fires("{answer: color, in: [blue]}", "color: red\nowner: me"))
    }

    @Test func containsForms() throws {
        #expect(try fires("{answer: tags, contains: b}", "tags: [a, b]\nowner: me"))
        #expect(try !fires("{answer: tags, contains: c}", "tags: [a, b]\nowner: me"))
        #expect(try fires("{answer: tags, contains-any: [c, b]}", "tags: [b]\nowner: me"))
        #expect(try !fires("{answer: tags, contains-any: [c]}", "tags: [b]\nowner: me"))
        #expect(try fires("{answer: tags, contains-all: [a, b]}", "tags: [b, a]\nowner: me"))
        #expect(try !fires("{answer: tags, contains-all: [a, c]}", "tags: [a, b]\nowner: me"))
    }

    @Test func numericComparisons() throws {
        #expect(try fires("{answer: seconds, gt: 29}", "seconds: 30\nowner: me"))
        #expect(try !fires("{answer: seconds, gt: 30}", "seconds: 30\nowner: me"))
        #expect(try fires("{answer: seconds, gte: 30}", "seconds: 30\nowner: me"))
        #expect(try fires("{answer: seconds, lt: 30}", "seconds: 29.5\nowner: me"))
        #expect(try !fires("{answer: seconds, lte: 29}", "seconds: 29.5\nowner: me"))
    }

    @Test func counts() throws {
        let inventory = """
        owner: me
        services:
          - name: orders
            team: t1
            resources:
              - {path: /orders, methods: [GET, POST]}
              - {path: "/orders/{id}", methods: [GET]}
          - name: users
            team: t2
            deploys-independently: false
            resources:
              - {path: /users, methods: [GET]}
        """
        #expect(try fires("{count: services, equals: 2}", inventory))
        #expect(try fires("{count: services.resources, equals: 3}", inventory))
        #expect(try fires("{count: services.routes, equals: 4}", inventory))
        #expect(try fires("{count: services.teams, gt: 1}", inventory))
        #expect(try fires("{count: services.shared-deploys, equals: 1}", inventory))
        #expect(try fires("{count: services.path-params, equals: 1}", inventory))
        #expect(try !fires("{count: services.routes, gt: 4}", inventory))
        #expect(try fires("{count: tags, gt: 1}", "tags: [a, b]\nowner: me\norigins: ['https://a.example', 'https://b.example']"))
        #expect(try fires("{count: origins, gt: 1}", "tags: [a]\nowner: me\norigins: ['https://a.example', 'https://b.example']"))
        #expect(try !fires("{count: origins, gt: 1}", "tags: [a]\nowner: me\norigins: ['https://a.example']"))
    }

    @Test func allAnyNot() throws {
        #expect(try fires("{all: [{answer: color, equals: blue}, {answer: flag, equals: true}]}", "color: blue\nflag: true\nowner: me"))
        #expect(try !fires("{all: [{answer: color, equals: blue}, {answer: flag, equals: true}]}", "color: blue\nowner: me"))
        #expect(try fires("{any: [{answer: color, equals: blue}, {answer: flag, equals: true}]}", "flag: true\nowner: me"))
        #expect(try !fires("{any: [{answer: color, equals: blue}, {answer: flag, equals: true}]}", "owner: me"))
        #expect(try fires("{not: {answer: color, equals: blue}}", "owner: me"))
        #expect(try !fires("{not: {answer: color, equals: blue}}", "color: blue\nowner: me"))
        #expect(try fires("{all: []}", "owner: me"), "an empty all holds")
    }

    @Test func namedConditionRef() throws {
        #expect(try fires("{ref: blue-or-b}", "tags: [b]\nowner: me"))
        #expect(try !fires("{ref: blue-or-b}", "tags: [c]\nowner: me"))
    }

    @Test func decisionCondition() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.y, decision: first, when: {answer: flag, equals: true}, recommend: y, reason: flag}
          - {id: t.q, decision: second, when: {decision: first, is: y}, recommend: q, reason: follows y}
          - {id: t.in, decision: second, when: {decision: first, in: [x, z]}, recommend: p, reason: follows x}
        """)
        let engine = Engine(rules: rules)
        let withFlag = engine.advise(try EngineFixture.answers("flag: true\nowner: me", rules))
        #expect(withFlag.chosen("second") == "q")
        #expect(withFlag.firedRules.contains("t.q") && !withFlag.firedRules.contains("t.in"))
        let without = engine.advise(try EngineFixture.answers("owner: me", rules))
        #expect(without.chosen("second") == "p")
        #expect(rules.decisionOrder == ["first", "second"])
    }

    @Test func unansweredMakesComparisonsFalse() throws {
        // `owner` has no default: any test on it is false, and `not` of it is true.
        #expect(try !fires("{answer: owner, equals: me}", "color: red"))
        #expect(try fires("{not: {answer: owner, equals: me}}", "color: red"))
    }

    @Test func hiddenQuestionUsesDefaultAndIgnoresAnswer() throws {
        // origins is asked only when tags contains a; otherwise an explicit answer is ignored.
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.o, decision: first, when: {count: origins, gt: 0}, recommend: y, reason: origins}
        """)
        let advice = Engine(rules: rules).advise(try EngineFixture.answers("owner: me\norigins: ['https://a.example']", rules))
        #expect(!advice.firedRules.contains("t.o"))
        #expect(advice.ignoredAnswers == ["origins"])
        #expect(advice.context.first { $0.question == "origins" }?.status == .hidden)
    }

    @Test func evidenceNamesAnswersAndDefaults() throws {
        let rules = try EngineFixture.ruleSet("""
        rules:
          - {id: t.e, decision: first, when: {all: [{answer: color, equals: red}, {answer: flag, equals: true}]}, recommend: y, reason: r}
        """)
        let advice = Engine(rules: rules).advise(try EngineFixture.answers("flag: true\nowner: me", rules))
        let firing = try #require(advice.outcome("first")?.fired.first)
        #expect(firing.evidence.map(\.subject) == ["color", "flag"])
        #expect(firing.evidence[0].fromDefault && !firing.evidence[1].fromDefault)
        #expect(firing.evidence[0].display.contains("color equals red: yes (value: red, default)"))
    }
}
