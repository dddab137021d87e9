import AdvisorCore

/// Deterministic pseudo-random numbers (SplitMix64), so every run benchmarks the same rule set.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

/// A generated rules folder of any size, written as YAML so it goes through the same loader as rules/.
///
/// It keeps the decision ids and option ids the layout builder reads, and its anchor rules force
/// the most expensive layout (one shared API, explicit resources, one function per route, CORS
/// preflights, a Lambda authorizer), so the layout work grows with the inventory as much as it can.
/// The bulk rules spread over generated decisions with every kind of condition: answer tests,
/// inventory and list counts, earlier decisions, named conditions, and all/any/not around them.
struct SyntheticRules {
    /// Number of rules, anchors included.
    let ruleCount: Int
    /// The YAML files, as a rules folder holds them.
    let files: [RuleFile]
    /// Generated questions: id and kind, for building answers.
    let questions: [(id: String, kind: String)]

    /// Rules per `AREA.rules.yaml`, well under DocNode's 4 MB limit per file.
    static let rulesPerFile = 1_000
    /// Choices of generated single questions and options of generated decisions.
    static let choiceCount = 5, optionCount = 4

    /// The layout decisions with their option ids, the first being the default.
    static let layoutDecisions: [(id: String, options: [String])] = [
        ("api-type", ["http", "rest"]), ("endpoint-type", ["regional", "edge", "private"]),
        ("api-count", ["per-service", "shared"]), ("resource-style", ["proxy", "explicit"]),
        ("integration", ["lambda-proxy", "custom"]), ("function-granularity", ["router", "per-resource", "per-route"]),
        ("packaging", ["separate-packages", "shared-package"]), ("cors", ["none", "gateway", "function", "http-api-config"]),
        ("authorizer", ["none", "iam", "cognito", "jwt", "lambda-token", "lambda-request"]),
    ]
    /// The options the anchor rules require.
    static let anchors: [(decision: String, option: String)] = [
        ("api-type", "rest"), ("api-count", "shared"), ("resource-style", "explicit"), ("function-granularity", "per-route"),
        ("packaging", "shared-package"), ("cors", "gateway"), ("authorizer", "lambda-token"),
    ]

    init(rules ruleCount: Int, seed: UInt64 = 42) {
        self.ruleCount = ruleCount
        // Catalogs grow with the rules, as a real folder's would: 100 rules per question and per decision.
        let questionCount = 10 + ruleCount / 100
        let decisionCount = 10 + ruleCount / 100
        let kinds = ["single", "multi", "yesno", "number"]
        let questions = (0..<questionCount).map { (id: "q\($0)", kind: kinds[$0 % kinds.count]) }
        self.questions = questions
        var files = [RuleFile(name: "manifest.yaml", text: "name: synthetic \(ruleCount) rules\nversion: 1.0.0\n")]
        files.append(RuleFile(name: "questions.yaml", text: Self.questionsYAML(questions)))
        files.append(RuleFile(name: "decisions.yaml", text: Self.decisionsYAML(decisionCount)))
        files.append(RuleFile(name: "facts.yaml", text: Self.factsYAML))
        var writer = ConditionWriter(questions: questions, random: SplitMix64(state: seed))
        let named = (0..<20).map { "  c\($0): \(writer.leaf())\n" }.joined()
        files.append(RuleFile(name: "conditions.yaml", text: "conditions:\n" + named))
        var rules = Self.anchors.map { anchor in
            "  - id: AREA.anchor-\(anchor.decision)\n    decision: \(anchor.decision)\n    when: {count: services, gte: 1}\n"
                + "    require: \(anchor.option)\n    reason: The benchmark forces the largest layout.\n"
        }
        for index in rules.count..<ruleCount {
            rules.append(Self.ruleYAML(index, decisions: decisionCount, writer: &writer))
        }
        for start in stride(from: 0, to: rules.count, by: Self.rulesPerFile) {
            let area = "area\(start / Self.rulesPerFile)"
            let chunk = rules[start..<min(start + Self.rulesPerFile, rules.count)].joined(separator: "\n")
            files.append(RuleFile(name: "\(area).rules.yaml", text: "rules:\n" + chunk.replacingOccurrences(of: "AREA.", with: "\(area).")))
        }
        self.files = files
    }

    private static func ruleYAML(_ index: Int, decisions: Int, writer: inout ConditionWriter) -> String {
        let facts = "    facts: [f\(index % 10)]\n"
        if index % 10 == 0 {
            let severity = ["info", "warning", "error"][index % 3]
            return "  - id: AREA.r\(index)\n    when: \(writer.condition(depth: 2, decisionsBefore: decisions))\n"
                + "    finding: {severity: \(severity), title: Synthetic finding \(index)}\n"
                + "    reason: Synthetic finding \(index), to exercise findings at scale.\n" + facts
        }
        let decision = writer.random.below(decisions)
        var text = "  - id: AREA.r\(index)\n    decision: d\(decision)\n"
            + "    when: \(writer.condition(depth: 2, decisionsBefore: decision))\n"
        // Options 1-3 may be excluded, never option 0, so no generated decision ends in conflict.
        if writer.random.below(5) == 0 {
            text += "    exclude: o\(1 + writer.random.below(optionCount - 1))\n"
        } else {
            let strength = ["weak", "normal", "strong"][writer.random.below(3)]
            text += "    recommend: o\(writer.random.below(optionCount))\n    strength: \(strength)\n"
        }
        text += "    reason: Synthetic rule \(index) recommends or excludes an option when its condition holds.\n"
        if index % 3 == 0 { text += "    tradeoff: Synthetic trade-off of rule \(index).\n" }
        return text + facts
    }

    private static func questionsYAML(_ questions: [(id: String, kind: String)]) -> String {
        var text = """
        groups:
          - {id: g, title: Generated}
        questions:
          - {id: services, group: g, kind: inventory, prompt: Services?, help: The inventory.}
          - id: consumers
            group: g
            kind: multi
            prompt: Who calls?
            help: Callers.
            choices:
              - {id: browser, label: Browsers, help: Browsers.}
              - {id: mobile, label: Mobile, help: Mobile apps.}
              - {id: partners, label: Partners, help: Partners.}
            default: []
          - {id: runtime, group: g, kind: text, prompt: Runtime?, help: Runtime., default: python3.13}
          - {id: api-name, group: g, kind: text, prompt: Name?, help: Name., default: bench-api}
          - {id: browser-credentials, group: g, kind: yesno, prompt: Cookies?, help: Credentials., default: false}

        """
        for (index, question) in questions.enumerated() {
            text += "  - id: \(question.id)\n    group: g\n    kind: \(question.kind)\n    prompt: Question \(index)?\n    help: Generated.\n"
            switch question.kind {
            case "single":
                text += "    choices:\n" + (0..<choiceCount).map { "      - {id: c\($0), label: C\($0), help: Choice \($0).}\n" }.joined()
                text += "    default: c0\n"
            case "multi":
                text += "    choices:\n" + (0..<choiceCount).map { "      - {id: m\($0), label: M\($0), help: Member \($0).}\n" }.joined()
                text += "    default: []\n"
            case "yesno":
                text += "    default: false\n"
            default:
                text += "    unit: s\n    min: 0\n    max: 1000\n    default: 10\n"
            }
            // Some questions are asked only after an earlier yes/no question (ids q2, q6, q10, ...), so visibility is evaluated too.
            if index % 7 == 6 { text += "    ask-if: {answer: q\(index - 1 - (index - 3) % 4), equals: true}\n" }
        }
        return text
    }

    private static func decisionsYAML(_ count: Int) -> String {
        func decision(_ id: String, _ options: [String]) -> String {
            "  - id: \(id)\n    title: \(id)\n    question: Which \(id)?\n    default: \(options[0])\n    options:\n"
                + options.map { "      - {id: \($0), title: \($0), summary: Option \($0)., pros: [Good], cons: [Bad]}\n" }.joined()
        }
        let layout = layoutDecisions.map { decision($0.id, $0.options) }
        let generated = (0..<count).map { decision("d\($0)", (0..<optionCount).map { "o\($0)" }) }
        return "decisions:\n" + (layout + generated).joined()
    }

    private static let factsYAML = "sources:\n  - {id: S1, title: Synthetic source, url: https://example.com/s1}\nfacts:\n"
        + (0..<10).map { "  - {id: f\($0), text: Synthetic fact \($0)., source: S1, as-of: 2026-01-01}\n" }.joined()
}

/// Writes random valid conditions as YAML flow mappings.
struct ConditionWriter {
    let questions: [(id: String, kind: String)]
    var random: SplitMix64

    /// A condition tree of at most `depth` levels; decision tests read only decisions `d0..<decisionsBefore`.
    mutating func condition(depth: Int, decisionsBefore: Int) -> String {
        let pick = random.below(10)
        if depth > 0 && pick < 3 {
            let form = pick == 0 ? "any" : "all"
            let items = (0..<(2 + random.below(2))).map { _ in condition(depth: depth - 1, decisionsBefore: decisionsBefore) }
            return "{\(form): [\(items.joined(separator: ", "))]}"
        }
        if depth > 0 && pick == 3 { return "{not: \(condition(depth: depth - 1, decisionsBefore: decisionsBefore))}" }
        if pick == 4 { return "{ref: c\(random.below(20))}" }
        if pick == 5 && decisionsBefore > 0 {
            return "{decision: d\(random.below(decisionsBefore)), is: o\(random.below(SyntheticRules.optionCount))}"
        }
        return leaf()
    }

    /// One answer or count test.
    mutating func leaf() -> String {
        let roll = random.below(12)
        if roll == 0 { return "{count: services, gt: \(random.below(800))}" }
        if roll == 1 { return "{count: services.routes, gte: \(random.below(5_000))}" }
        if roll == 2 { return "{count: services.teams, lt: \(random.below(200))}" }
        let question = questions[random.below(questions.count)]
        switch question.kind {
        case "single":
            return random.below(2) == 0 ? "{answer: \(question.id), equals: c\(random.below(SyntheticRules.choiceCount))}"
                : "{answer: \(question.id), in: [c\(random.below(3)), c\(3 + random.below(2))]}"
        case "multi":
            switch random.below(4) {
            case 0: return "{answer: \(question.id), contains: m\(random.below(SyntheticRules.choiceCount))}"
            case 1: return "{answer: \(question.id), contains-any: [m\(random.below(2)), m\(2 + random.below(3))]}"
            case 2: return "{answer: \(question.id), contains-all: [m\(random.below(2)), m\(2 + random.below(3))]}"
            default: return "{count: \(question.id), gte: \(random.below(4))}"
            }
        case "yesno":
            return "{answer: \(question.id), equals: \(random.below(2) == 0)}"
        default:
            let op = ["gt", "gte", "lt", "lte"][random.below(4)]
            return "{answer: \(question.id), \(op): \(random.below(1_000))}"
        }
    }
}
