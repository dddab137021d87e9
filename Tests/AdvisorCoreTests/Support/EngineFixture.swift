@testable import AdvisorCore

/// A small rule set written inline, so engine tests do not depend on the bundled rules.
enum EngineFixture {
    static let manifest = "name: fixture\nversion: 1.0.0\n"

    static let questions = """
    groups:
      - id: g
        title: Group
    questions:
      - id: services
        group: g
        kind: inventory
        prompt: Services?
        help: The services.
      - id: color
        group: g
        kind: single
        prompt: Colour?
        help: Pick one.
        choices:
          - {id: red, label: Red, help: Red.}
          - {id: blue, label: Blue, help: Blue.}
        default: red
      - id: tags
        group: g
        kind: multi
        prompt: Tags?
        help: Any.
        choices:
          - {id: a, label: A, help: A.}
          - {id: b, label: B, help: B.}
          - {id: c, label: C, help: C.}
        default: []
      - id: seconds
        group: g
        kind: number
        prompt: How long?
        help: Seconds.
        unit: s
        min: 0
        max: 900
        default: 5
      - id: flag
        group: g
        kind: yesno
        prompt: Flag?
        help: Yes or no.
        default: false
      - id: origins
        group: g
        kind: list
        prompt: Origins?
        help: Origins.
        pattern: "^https?://[^/]+$"
        default: []
        ask-if: {answer: tags, contains: a}
      - id: name
        group: g
        kind: text
        prompt: Name?
        help: A name.
        pattern: "^[a-z][a-z0-9-]*$"
        default: my-api
      - id: owner
        group: g
        kind: text
        prompt: Owner?
        help: Required text.
    """

    static let decisions = """
    decisions:
      - id: first
        title: First decision
        question: Which?
        default: x
        options:
          - {id: x, title: X, summary: X., pros: [fast], cons: [costly]}
          - {id: y, title: Y, summary: Y.}
          - {id: z, title: Z, summary: Z.}
      - id: second
        title: Second decision
        question: Which next?
        default: p
        options:
          - {id: p, title: P, summary: P.}
          - {id: q, title: Q, summary: Q.}
    """

    static let facts = """
    sources:
      - {id: SRC, title: A source, url: "https://example.com/doc"}
    facts:
      - {id: f1, text: A fact., source: SRC, as-of: 2024-06-04}
    """

    static let conditions = """
    conditions:
      blue-or-b: {any: [{answer: color, equals: blue}, {answer: tags, contains: b}]}
    """

    static func files(rules: String, cases: String = "cases: []\n", extra: [RuleFile] = []) -> [RuleFile] {
        [RuleFile(name: "manifest.yaml", text: manifest),
         RuleFile(name: "questions.yaml", text: questions),
         RuleFile(name: "decisions.yaml", text: decisions),
         RuleFile(name: "facts.yaml", text: facts),
         RuleFile(name: "conditions.yaml", text: conditions),
         RuleFile(name: "t.rules.yaml", text: rules),
         RuleFile(name: "t.cases.yaml", text: cases)] + extra
    }

    static func ruleSet(_ rules: String, cases: String = "cases: []\n") throws -> RuleSet {
        try RuleSetLoader.load(files: files(rules: rules, cases: cases))
    }

    static func answers(_ yaml: String, _ rules: RuleSet) throws -> Answers {
        try Answers.parse(yaml, file: "answers.yaml", rules: rules)
    }

    /// The errors loading these rules produces (empty when it loads).
    static func loadErrors(_ files: [RuleFile]) -> [InputError] {
        do {
            _ = try RuleSetLoader.load(files: files)
            return []
        } catch {
            return error.errors
        }
    }
}

extension EngineFixture {
    /// Every problem parsing `text` as an answers file reports; empty when it parses.
    static func problems(_ text: String, rules: RuleSet) -> [InputError] {
        do {
            _ = try Answers.parse(text, file: "a.yaml", rules: rules)
            return []
        } catch {
            return error.errors
        }
    }

    /// The advice for an answers file given as text (reported as `t.yaml`).
    static func advise(_ yaml: String, rules: RuleSet) throws -> Advice {
        Engine(rules: rules).advise(try Answers.parse(yaml, file: "t.yaml", rules: rules))
    }
}
