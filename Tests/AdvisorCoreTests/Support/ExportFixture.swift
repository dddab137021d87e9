@testable import AdvisorCore

/// A two-decision rule set written inline for the exporter tests, independent of the bundled rules.
/// Pipes and quotes are planted in prompts, labels and notes so escaping can be checked.
enum ExportFixture {
    static let manifest = "name: export fixture\nversion: 3.1.4\n"

    static let questions = """
    groups:
      - id: callers
        title: Callers
      - id: money
        title: Money
    questions:
      - id: services
        group: callers
        kind: inventory
        prompt: Which services sit behind the API?
        help: The inventory.
      - id: consumers
        group: callers
        kind: multi
        prompt: Who calls the API?
        help: Every kind of client.
        choices:
          - {id: browser, label: "Web \\"browsers\\"", help: JavaScript on another origin.}
          - {id: partners, label: Partner servers, help: Other companies.}
        default: []
      - id: metering
        group: money
        kind: yesno
        prompt: Do partners pay per call | per key?
        help: Usage plans.
        default: false
      - id: cheap
        group: money
        kind: yesno
        prompt: Is price the main concern?
        help: Cost first.
        default: true
        ask-if: {answer: metering, equals: false}
      - id: budget
        group: money
        kind: number
        prompt: What may the API cost per month?
        help: A ceiling.
        unit: USD
        min: 0
        max: 100000
        default: 250
      - id: ticket
        group: money
        kind: text
        prompt: Which ticket tracks this?
        help: Free text, no default.
    """

    static let decisions = """
    decisions:
      - id: api-type
        title: REST API or HTTP API
        question: Which API Gateway product fits?
        default: http
        options:
          - id: rest
            title: REST API
            summary: The full-featured product.
            pros: [Has usage plans and API keys.]
            cons: [Costs more per request | about 3.5x.]
          - id: http
            title: HTTP API
            summary: The cheaper product.
            pros: [Roughly 70 percent cheaper.]
            cons: [No usage plans.]
      - id: cors
        title: CORS handling
        question: Who answers CORS preflights?
        default: none
        after: [api-type]
        options:
          - id: none
            title: No CORS
            summary: Nobody calls from a browser.
            pros: [Nothing to configure.]
            cons: [Browsers are blocked.]
          - id: gateway
            title: Gateway answers preflights
            summary: An OPTIONS mock per resource.
            pros: [No function invocation for preflights.]
            cons: [Headers on real responses still come from the function.]
    """

    static let facts = """
    sources:
      - id: CMP
        title: Choose between REST APIs and HTTP APIs
        url: https://docs.example.com/apigateway/http-api-vs-rest.html
      - id: PRICE
        title: API Gateway pricing
        url: https://example.com/api-gateway/pricing/
    facts:
      - id: rest-only-usage-plans
        text: Usage plans and API keys exist only on REST APIs.
        source: CMP
        as-of: 2020-03-12
      - id: price-ratio
        text: REST costs about 3.5 times as much per request as HTTP.
        source: PRICE
        as-of: 2026-11-01
    """

    static let rules = """
    rules:
      - id: fx.metering-needs-rest
        decision: api-type
        when: {answer: metering, equals: true}
        require: rest
        reason: Metering partners per key needs usage plans, which only REST APIs have.
        tradeoff: REST costs more per request.
        facts: [rest-only-usage-plans, price-ratio]
      - id: fx.keys-suit-rest
        decision: api-type
        when: {answer: metering, equals: true}
        recommend: rest
        reason: Per-key metering is built into REST usage plans.
      - id: fx.cheap-prefers-http
        decision: api-type
        when: {answer: cheap, equals: true}
        recommend: http
        strength: strong
        reason: HTTP APIs cost less.
        facts: [price-ratio]
      - id: fx.browser-needs-cors
        decision: cors
        when: {answer: consumers, contains: browser}
        require: gateway
        reason: Browsers send preflight requests that must be answered.
      - id: fx.partners-refuse-gateway-cors
        decision: cors
        when: {answer: consumers, contains: partners}
        exclude: gateway
        reason: The partner contract forbids gateway-made CORS answers.
      - id: fx.rest-cost-warning
        decision: api-type
        when: {decision: api-type, is: rest}
        finding: {severity: warning, title: REST costs more}
        reason: Budget for the higher per-request price.
        facts: [price-ratio]
    """

    /// Answers that decide both decisions: REST is required and recommended; the gateway is the only CORS option left.
    static let decidedAnswers = """
    consumers: [browser]
    metering: true
    services:
      - name: orders
        team: checkout
        resources:
          - {path: /orders, methods: [GET, POST]}
          - {path: "/orders/{id}", methods: [GET]}
    """

    /// Answers that make CORS a conflict (browser requires the gateway, partners exclude it).
    static let conflictAnswers = """
    consumers: [browser, partners]
    ticket: OPS-1
    services:
      - name: orders
        resources:
          - {path: /orders, methods: [GET]}
    """

    static func ruleSet() throws -> RuleSet {
        try RuleSetLoader.load(files: [
            RuleFile(name: "fx/manifest.yaml", text: manifest),
            RuleFile(name: "fx/questions.yaml", text: questions),
            RuleFile(name: "fx/decisions.yaml", text: decisions),
            RuleFile(name: "fx/facts.yaml", text: facts),
            RuleFile(name: "fx/fx.rules.yaml", text: rules),
        ])
    }

    /// Runs the fixture rules on `answers` and returns the advice with a fixed-date context.
    static func advise(_ answers: String, file: String = "team/answers.yaml") throws -> (Advice, ReportContext) {
        let rules = try ruleSet()
        let parsed = try Answers.parse(answers, file: file, rules: rules)
        return (Engine(rules: rules).advise(parsed), ReportContext(answersFile: file, date: "2026-11-05", rules: rules))
    }
}
