/// The plain-text summary printed on standard output, readable at 80 columns.
public enum SummaryRenderer {
    /// Renders the summary; `why` adds every decision's full explanation.
    public static func render(_ advice: Advice, context: ReportContext, why: Bool = false, width: Int = 80, ascii: Bool = false) -> String {
        var out: [String] = []
        let rules = context.rules
        out.append("apigw-advisor: advice for \(context.answersFile)")
        out.append("rules: \(advice.rulesName) \(advice.rulesVersion); date: \(context.date)")
        out.append("")
        out.append("DECISIONS")
        for outcome in advice.decisions {
            guard let decision = rules.decision(outcome.decision) else { continue }
            let label = "\(decision.title) "
            let dots = max(2, 38 - label.count)
            // APIs that reach different outcomes are listed one by one, each with its own reasons.
            if advice.differs(outcome.decision) {
                let head = outcome.status == .varies ? "differs per API" : (outcome.chosen.flatMap { decision.option($0)?.title } ?? "?") + " (reasons differ per API)"
                out += TextWrap.wrap(label + String(repeating: ".", count: dots) + " " + head, width: width,
                                     firstIndent: "  ", indent: String(repeating: " ", count: 6))
                for api in advice.apis {
                    guard let each = api.outcome(outcome.decision) else { continue }
                    let chosen = each.chosen.flatMap { decision.option($0)?.title } ?? "CONFLICT: no option left"
                    out += TextWrap.wrap("\(api.api): \(chosen)", width: width, firstIndent: "    ", indent: "        ")
                    if why {
                        out += explanation(each, decision: decision, width: width).map { "  " + $0 }
                    } else if let reason = leadingReason(each) {
                        out += TextWrap.wrap(reason, width: width, firstIndent: "        ", indent: "        ")
                    }
                }
                continue
            }
            let chosen = outcome.chosen.flatMap { decision.option($0)?.title } ?? "CONFLICT: no option left"
            out += TextWrap.wrap(label + String(repeating: ".", count: dots) + " " + chosen, width: width,
                                 firstIndent: "  ", indent: String(repeating: " ", count: 6))
            if why {
                out += explanation(outcome, decision: decision, width: width)
            } else if let reason = leadingReason(outcome) {
                out += TextWrap.wrap(reason, width: width, firstIndent: "      ", indent: "      ")
                if let tradeoff = decidingTradeoff(outcome) {
                    out += TextWrap.wrap("Trade-off: " + tradeoff, width: width, firstIndent: "      ", indent: "      ")
                }
            }
        }
        if !advice.conflicts.isEmpty {
            out.append("")
            out.append("CONFLICTS")
            for conflict in advice.conflicts {
                out += TextWrap.wrap("\(conflict.decision): \(conflict.summary)", width: width, firstIndent: "  ", indent: "    ")
                for firing in conflict.rules {
                    out += TextWrap.wrap("\(firing.rule) (\(firing.effect) \(firing.options.joined(separator: ", "))): \(firing.reason)",
                                         width: width, firstIndent: "    - ", indent: "      ")
                    for evidence in firing.evidence where evidence.held {
                        out += TextWrap.wrap("answer: \(evidence.display)", width: width, firstIndent: "      ", indent: "        ")
                    }
                }
            }
        }
        if !advice.findings.isEmpty {
            out.append("")
            out.append("FINDINGS")
            for finding in advice.findings {
                let on = finding.apis.map { " (on \($0.joined(separator: ", ")))" } ?? ""
                out += TextWrap.wrap("[\(finding.severity.rawValue)] \(finding.title)\(on)", width: width, firstIndent: "  ", indent: "    ")
                out += TextWrap.wrap(finding.text, width: width, firstIndent: "    ", indent: "    ")
                for fact in finding.facts {
                    out += TextWrap.wrap("fact: \(fact.text) (\(fact.source), as of \(fact.asOf))", width: width, firstIndent: "    ", indent: "      ")
                }
            }
        }
        if let estimate = advice.estimate { out += EstimateReport.summary(estimate, width: width) }
        out.append("")
        out.append("LAYOUT")
        out += LayoutTree.lines(advice.layout, ascii: ascii).map { "  " + $0 }
        let defaulted = advice.context.filter { $0.status == .defaulted }.map(\.question)
        if let oldest = advice.oldestFact {
            out.append("")
            out += TextWrap.wrap("Oldest fact relied on: \(oldest.id), last checked \(oldest.asOf) (\(oldest.source)).", width: width, indent: "  ")
        }
        if !defaulted.isEmpty {
            out.append("")
            out += TextWrap.wrap("Defaults used (not answered): " + defaulted.joined(separator: ", "), width: width, indent: "  ")
        }
        if !advice.missingQuestions.isEmpty {
            out += TextWrap.wrap("Missing answers (no default): " + advice.missingQuestions.joined(separator: ", "), width: width, indent: "  ")
        }
        if !advice.ignoredAnswers.isEmpty {
            out += TextWrap.wrap("Ignored answers (question not asked): " + advice.ignoredAnswers.joined(separator: ", "), width: width, indent: "  ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The reason of the strongest rule behind the chosen option, or the resolution note.
    static func leadingReason(_ outcome: DecisionOutcome) -> String? {
        guard outcome.chosen != nil else { return nil }
        return outcome.reason.isEmpty ? outcome.note : "Why: " + outcome.reason
    }

    /// The trade-off of the rule that decided, so the summary states the cost of the choice as the records do.
    static func decidingTradeoff(_ outcome: DecisionOutcome) -> String? {
        guard outcome.chosen != nil, let rule = outcome.decidedBy.first else { return nil }
        return outcome.fired.first { $0.rule == rule && $0.options.contains(outcome.chosen ?? "") }?.tradeoff
    }

    /// Every fired rule, option scores and exclusions of one decision.
    public static func explanation(_ outcome: DecisionOutcome, decision: DecisionPoint, width: Int) -> [String] {
        var out: [String] = []
        out += TextWrap.wrap(outcome.note, width: width, firstIndent: "      ", indent: "      ")
        if !outcome.reason.isEmpty && outcome.reason != outcome.note {
            out += TextWrap.wrap("decided by: \(outcome.reason)", width: width, firstIndent: "      ", indent: "        ")
        }
        if outcome.changes.isEmpty {
            out += TextWrap.wrap("what would change it: no single change to " + (outcome.drivers.isEmpty ? "the answers" : outcome.drivers.joined(separator: ", ")),
                                 width: width, firstIndent: "      ", indent: "        ")
        } else {
            out += TextWrap.wrap("what would change it: " + outcome.changes.map { "\($0.question) = \($0.value) -> \($0.option ?? "conflict")" }.joined(separator: "; "),
                                 width: width, firstIndent: "      ", indent: "        ")
        }
        for score in outcome.scores {
            let state = score.excludedBy.isEmpty ? "score \(score.score)" : "excluded by \(score.excludedBy.joined(separator: ", "))"
            let marker = score.option == outcome.chosen ? "*" : "-"
            out += TextWrap.wrap("\(marker) \(score.option): \(state)", width: width, firstIndent: "      ", indent: "          ")
        }
        for firing in outcome.fired {
            let strength = firing.strength.map { " (\($0.rawValue))" } ?? ""
            out += TextWrap.wrap("\(firing.rule): \(firing.effect) \(firing.options.joined(separator: ", "))\(strength): \(firing.reason)",
                                 width: width, firstIndent: "      rule ", indent: "          ")
            if let tradeoff = firing.tradeoff {
                out += TextWrap.wrap("trade-off: \(tradeoff)", width: width, firstIndent: "          ", indent: "            ")
            }
            for evidence in firing.evidence {
                out += TextWrap.wrap("on \(evidence.display)", width: width, firstIndent: "          ", indent: "            ")
            }
            for fact in firing.facts {
                out += TextWrap.wrap("fact: \(fact.text) (\(fact.source), as of \(fact.asOf))", width: width, firstIndent: "          ", indent: "            ")
            }
        }
        return out
    }
}
