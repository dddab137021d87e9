/// The scale and cost estimate as display-ready lines, for a screen that wraps them to its own width.
///
/// It says what the reports say (the arithmetic, the scale findings, each candidate's monthly cost, the
/// recommended layout's total, the push channel, each price's source and date, that it is for one Region)
/// and marks which figures rest on defaults rather than answers.
public struct EstimateSheet: Sendable, Hashable {
    /// How a line is meant to be shown.
    public enum Kind: Sendable, Hashable {
        /// A section heading.
        case heading
        /// Ordinary text.
        case text
        /// Secondary text: arithmetic, sources, assumptions.
        case note
        /// A figure or input that rests on a default, not an answer.
        case defaulted
        /// The recommended candidate or total.
        case recommended
        /// A candidate a rule excludes (priced for comparison).
        case excluded
        /// A warning finding.
        case warning
        /// An error finding.
        case error
    }

    /// One line of the sheet.
    public struct Line: Sendable, Hashable {
        /// The text, without indentation.
        public var text: String
        /// How it is shown.
        public var kind: Kind
        /// Columns of indentation, kept when the line is wrapped.
        public var indent: Int
    }

    /// The lines, in reading order.
    public var lines: [Line]
    /// The estimate's inputs that are defaults, not answers (question ids).
    public var defaulted: [String]

    /// Which inputs each part reads (from the estimate builder), to name the defaults each part rests on.
    static let scaleReads = ["peak-rps", "avg-duration", "cache-hit-ratio", "jobs-per-month"]
    static let costReads = ["monthly-requests", "avg-duration", "function-memory", "cache-hit-ratio", "jobs-per-month"]
    static let pushReads = ["monthly-requests", "connected-clients"]

    /// The sheet for `advice`'s estimate; nil when the rules have no estimate questions.
    public static func make(_ advice: Advice, rules: RuleSet) -> EstimateSheet? {
        guard let estimate = advice.estimate else { return nil }
        var sheet = EstimateSheet(lines: [], defaulted: estimate.inputs.filter { $0.status != .answered }.map(\.question))
        sheet.build(estimate, advice: advice, rules: rules)
        return sheet
    }

    private mutating func add(_ text: String, _ kind: Kind = .text, indent: Int = 0) {
        lines.append(Line(text: text, kind: kind, indent: indent))
    }

    private mutating func blank() { add("") }

    /// ` (defaults: peak-rps, avg-duration)` when the part reads defaulted inputs.
    private func defaultsNote(_ reads: [String]) -> String? {
        let used = reads.filter(defaulted.contains)
        return used.isEmpty ? nil : "Uses the default\(used.count == 1 ? "" : "s") for " + used.joined(separator: ", ")
            + ", not an answer: answer \(used.count == 1 ? "it" : "them") to check these figures against your own numbers."
    }

    /// `label: arithmetic`, with the dollar result appended unless the arithmetic already ends with it.
    private func charge(_ line: EstimateLine) -> String {
        let usd = EstimateFormat.usd(line.value)
        return "\(line.label): \(line.arithmetic)" + (line.arithmetic.hasSuffix(usd) ? "" : " = " + usd)
    }

    private mutating func build(_ estimate: Estimate, advice: Advice, rules: RuleSet) {
        add("This is \(EstimateReport.scope): computed from the answers, not a quote. Each price and limit is a fact in the "
            + "rules with its source and date (listed at the end).")
        if !defaulted.isEmpty {
            add("Not answered, so the estimate uses defaults for: " + defaulted.joined(separator: ", ")
                + ". Figures that rest on a default are marked below.", .defaulted)
        }
        blank()
        add("Inputs", .heading)
        for input in estimate.inputs {
            let unit = input.unit.isEmpty ? "" : " " + input.unit
            let answered = input.status == .answered
            add("\(input.question): \(EstimateFormat.quantity(input.value))\(unit) (\(answered ? "answered" : "default"))",
                answered ? .text : .defaulted, indent: 2)
        }

        blank()
        add("Scale", .heading)
        if let note = defaultsNote(Self.scaleReads) { add(note, .defaulted, indent: 2) }
        for line in estimate.scale {
            add("\(line.label): \(EstimateFormat.quantity(line.value)) \(line.unit)", .text, indent: 2)
            add(line.arithmetic, .note, indent: 4)
        }
        let scaleFindings = advice.findings.filter { $0.rule.hasPrefix("scale.") }
        if !scaleFindings.isEmpty {
            blank()
            add("Throttle and scaling findings", .heading)
            for finding in scaleFindings {
                let kind: Kind = finding.severity == .error ? .error : finding.severity == .warning ? .warning : .text
                add("[\(finding.severity.rawValue)] \(finding.title)", kind, indent: 2)
                add(finding.text, .text, indent: 4)
            }
        }

        blank()
        add("Monthly cost of each candidate front door (USD)", .heading)
        if let note = defaultsNote(Self.costReads) { add(note, .defaulted, indent: 2) }
        for candidate in estimate.costs {
            let status = candidate.recommended ? "recommended"
                : candidate.excludedBy.isEmpty ? "alternative" : "excluded by " + candidate.excludedBy.joined(separator: ", ")
            add("\(candidate.title): \(EstimateFormat.usd(candidate.monthlyTotal)) (\(status))",
                candidate.recommended ? .recommended : candidate.excludedBy.isEmpty ? .text : .excluded, indent: 2)
            for line in candidate.lines {
                add(charge(line), .note, indent: 4)
            }
        }

        let push = estimate.pushChannel.reduce(0) { $0 + $1.value }
        if !estimate.pushChannel.isEmpty {
            blank()
            add("Push channel (WebSocket API, added to whichever front door carries the requests)", .heading)
            if let note = defaultsNote(Self.pushReads) { add(note, .defaulted, indent: 2) }
            for line in estimate.pushChannel {
                add(charge(line), .note, indent: 2)
            }
            add("Push channel total: \(EstimateFormat.usd(push))", .text, indent: 2)
        }

        blank()
        add("Recommended layout", .heading)
        if let chosen = estimate.recommended {
            var text = "\(chosen.title): \(EstimateFormat.usd(chosen.monthlyTotal))"
            if !estimate.pushChannel.isEmpty {
                text += " + push channel \(EstimateFormat.usd(push)) = \(EstimateFormat.usd(chosen.monthlyTotal + push))"
            }
            add(text + " per month", .recommended, indent: 2)
        } else {
            add("No front door is recommended for these answers (see the findings), so there is no total for the layout.", .warning, indent: 2)
        }

        blank()
        add("Prices and limits used", .heading)
        var seen: Set<String> = []
        let ids = (estimate.scale + estimate.costs.flatMap(\.lines) + estimate.pushChannel).flatMap(\.facts)
        for id in ids where seen.insert(id).inserted {
            guard let fact = rules.facts[id] else { continue }
            let value = fact.value.map { EstimateFormat.plain($0) + (fact.unit.map { " " + $0 } ?? "") } ?? "-"
            add("\(id): \(value)", .text, indent: 2)
            let title = rules.sources[fact.source].map { "\($0.title), " } ?? ""
            let url = rules.sources[fact.source].map { "; \($0.url)" } ?? ""
            add("source \(fact.source): \(title)as of \(fact.asOf)\(url)", .note, indent: 4)
        }

        blank()
        add("Assumptions", .heading)
        for assumption in estimate.assumptions { add(assumption, .note, indent: 2) }
    }
}
