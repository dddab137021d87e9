/// The scale and cost estimate as summary lines, a markdown section and a MADR paragraph.
enum EstimateReport {
    /// Heading words shared by every rendering, so each says what the figures are.
    static let scope = "an estimate for one Region at us-east-1 list prices, USD per month"

    /// `$76,400.02 (recommended)` or `... (excluded by rule)`.
    static func total(_ candidate: CostCandidate) -> String {
        var text = EstimateFormat.usd(candidate.monthlyTotal)
        if candidate.recommended { text += " (recommended)" }
        if !candidate.excludedBy.isEmpty { text += " (excluded by \(candidate.excludedBy.joined(separator: ", ")))" }
        return text
    }

    /// Lines for the 80-column summary: the scale arithmetic and one total per candidate.
    static func summary(_ estimate: Estimate, width: Int) -> [String] {
        var out = ["", "ESTIMATE (\(scope))"]
        for line in estimate.scale {
            out += TextWrap.wrap("\(line.label): \(line.arithmetic)", width: width, firstIndent: "  ", indent: "    ")
        }
        for candidate in estimate.costs {
            let label = "\(candidate.title) "
            let dots = max(2, 42 - label.count)
            out += TextWrap.wrap(label + String(repeating: ".", count: dots) + " " + total(candidate), width: width,
                                 firstIndent: "  ", indent: "      ")
        }
        if !estimate.pushChannel.isEmpty {
            let push = estimate.pushChannel.reduce(0) { $0 + $1.value }
            out += TextWrap.wrap("Push channel (WebSocket API, added to any front door): \(EstimateFormat.usd(push))", width: width,
                                 firstIndent: "  ", indent: "    ")
        }
        if let first = estimate.assumptions.first {
            out += TextWrap.wrap(first + " Every line and assumption is in the markdown record.", width: width, firstIndent: "  ", indent: "  ")
        }
        return out
    }

    /// The markdown section: inputs, scale, each candidate's lines, push, prices used and assumptions.
    static func markdown(_ estimate: Estimate, context: ReportContext) -> [String] {
        var out = ["## Scale and cost estimate", "",
                   "Figures computed from the answers, with their arithmetic: \(scope). Every price and limit is a fact in the rules "
                   + "with its source and date (listed below).", ""]
        out += ["### Inputs", ""]
        out += MarkdownText.table(["Question", "Value", "Status"], estimate.inputs.map {
            [MarkdownText.code($0.question), EstimateFormat.quantity($0.value) + ($0.unit.isEmpty ? "" : " " + $0.unit),
             MarkdownExporter.statusText($0.status)]
        })
        out += ["", "### Scale", ""]
        out += MarkdownText.table(["Figure", "Arithmetic", "Result"], estimate.scale.map {
            [$0.label, $0.arithmetic, EstimateFormat.quantity($0.value) + " " + $0.unit]
        })
        out += ["", "### Monthly cost of the candidate front doors", ""]
        out += MarkdownText.table(["Front door", "Monthly total", "Status"], estimate.costs.map {
            [$0.title, EstimateFormat.usd($0.monthlyTotal),
             $0.recommended ? "recommended" : $0.excludedBy.isEmpty ? "alternative" : "excluded by " + $0.excludedBy.map(MarkdownText.code).joined(separator: ", ")]
        })
        for candidate in estimate.costs {
            out += ["", "#### \(MarkdownText.inline(candidate.title))", ""]
            out += MarkdownText.table(["Charge", "Arithmetic", "USD per month"], candidate.lines.map {
                [$0.label, $0.arithmetic, EstimateFormat.usd($0.value)]
            })
        }
        if !estimate.pushChannel.isEmpty {
            out += ["", "### Push channel (WebSocket API, added to whichever front door carries the requests)", ""]
            out += MarkdownText.table(["Charge", "Arithmetic", "USD per month"], estimate.pushChannel.map {
                [$0.label, $0.arithmetic, EstimateFormat.usd($0.value)]
            })
        }
        out += ["", "### Prices and limits used", ""]
        // Table cells escape `<`, so the address stands as plain text in its own column.
        out += MarkdownText.table(["Fact", "Value", "Source", "Address", "As of"], usedFacts(estimate, context: context).map { fact in
            [MarkdownText.code(fact.id), (fact.value.map(EstimateFormat.plain) ?? "-") + " " + (fact.unit ?? ""),
             fact.source, context.rules.sources[fact.source]?.url ?? "-", fact.asOf]
        })
        out += ["", "### Assumptions", ""] + estimate.assumptions.map { "- \(MarkdownText.inline($0))" } + [""]
        return out
    }

    /// Every fact a line used, once, in first-use order.
    static func usedFacts(_ estimate: Estimate, context: ReportContext) -> [Fact] {
        var seen: Set<String> = []
        let ids = (estimate.scale + estimate.costs.flatMap(\.lines) + estimate.pushChannel).flatMap(\.facts)
        return ids.filter { seen.insert($0).inserted }.compactMap { context.rules.facts[$0] }
    }

    /// The front-door record's paragraph: each candidate's total.
    static func madr(_ estimate: Estimate) -> [String] {
        var out = ["Cost estimate (\(scope); the arithmetic is in the markdown record):", ""]
        out += estimate.costs.map { "* \(MarkdownText.inline($0.title)): \(total($0))" }
        if !estimate.pushChannel.isEmpty {
            out.append("* Push channel (WebSocket API) on top: \(EstimateFormat.usd(estimate.pushChannel.reduce(0) { $0 + $1.value }))")
        }
        return out + [""]
    }
}
