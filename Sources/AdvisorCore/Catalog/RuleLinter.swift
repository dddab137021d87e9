/// The outcome of running one rule case.
public struct CaseResult: Sendable {
    /// The case.
    public var name: String
    /// Area of its cases file.
    public var area: String
    /// Where it is defined.
    public var location: SourceLocation
    /// What did not match; empty when the case passed.
    public var failures: [String]

    /// Whether it passed.
    public var passed: Bool { failures.isEmpty }
}

/// Checks a loaded rule set beyond what loading checks: every rule has cases, and every case passes.
public enum RuleLinter {
    /// Runs every case of the rule set.
    public static func runCases(_ rules: RuleSet) -> [CaseResult] {
        let engine = Engine(rules: rules)
        return rules.cases.map { ruleCase in
            var failures: [String] = []
            let answers: Answers
            do throws(InputErrors) {
                answers = try Answers.decode(ruleCase.answers, rules: rules)
            } catch {
                return CaseResult(name: ruleCase.name, area: ruleCase.area, location: ruleCase.location,
                                  failures: error.errors.map { "answers: \($0.description)" })
            }
            let advice = engine.advise(answers, whatWouldChange: false)
            let fired = advice.firedRules
            for id in ruleCase.fires where !fired.contains(id) {
                failures.append("\(id) should fire but did not\(whyNot(id, rules: rules, advice: advice, answers: answers))")
            }
            for id in ruleCase.notFires where fired.contains(id) {
                failures.append("\(id) should not fire but did")
            }
            for (decision, expected) in ruleCase.expect.map({ ($0.decision, $0.option) }) {
                let parts = decision.split(separator: "/").map(String.init)
                let outcome = parts.count == 2 ? advice.apis.first { $0.api == parts[0] }?.outcome(parts[1]) : advice.outcome(decision)
                let actual = outcome?.status == .conflict ? "conflict" : outcome?.status == .varies ? "varies" : outcome?.chosen ?? "undecided"
                if actual != expected {
                    failures.append("decision \(decision): expected \(expected), got \(actual) (\(outcome?.note ?? ""))")
                }
            }
            return CaseResult(name: ruleCase.name, area: ruleCase.area, location: ruleCase.location, failures: failures)
        }
    }

    /// The failed tests of a rule's condition, to make a failing case easy to fix.
    static func whyNot(_ id: String, rules: RuleSet, advice: Advice, answers: Answers) -> String {
        guard let rule = rules.rule(id) else { return "" }
        let sheet = AnswerSheet(answers: answers, rules: rules)
        var decisions: [String: String] = [:]
        for outcome in advice.decisions { if let chosen = outcome.chosen { decisions[outcome.decision] = chosen } }
        let result = ConditionEvaluator(rules: rules, values: sheet.values, status: sheet.status, decisions: decisions).evaluate(rule.when)
        let failed = result.evidence.filter { !$0.held }.map(\.display)
        return failed.isEmpty ? "" : ": " + failed.joined(separator: "; ")
    }

    /// Every problem with the rule set: rules without cases, and failing cases, with file and line.
    public static func lint(_ rules: RuleSet) -> [InputError] {
        var errors: [InputError] = []
        let casesByArea = Dictionary(grouping: rules.cases, by: \.area)
        for area in Set(casesByArea.keys).subtracting(rules.areas).sorted() {
            if let first = casesByArea[area]?.first {
                errors.append(InputError(first.location, "cases file without a rules file (\(area).rules.yaml)"))
            }
        }
        for rule in rules.rules {
            let cases = casesByArea[rule.area] ?? []
            if !cases.contains(where: { $0.fires.contains(rule.id) }) {
                errors.append(InputError(rule.location, key: rule.id, "no case in \(rule.area).cases.yaml lists this rule under `fires`"))
            }
            if !cases.contains(where: { $0.notFires.contains(rule.id) }) {
                errors.append(InputError(rule.location, key: rule.id, "no case in \(rule.area).cases.yaml lists this rule under `not-fires`"))
            }
        }
        for result in runCases(rules) where !result.passed {
            for failure in result.failures {
                errors.append(InputError(result.location, key: result.name, "case fails: \(failure)"))
            }
        }
        return errors
    }
}

/// A fact whose last check against its source is older than the allowed age.
public struct StaleFact: Sendable, Hashable {
    /// The fact.
    public var fact: Fact
    /// Days between its as-of date and today.
    public var ageDays: Int
}

extension RuleLinter {
    /// Facts whose `as-of` lies more than `maxAgeDays` before `today` (YYYY-MM-DD), oldest first.
    /// A fact with an unreadable date counts as stale, so it is never silently trusted.
    public static func staleFacts(_ rules: RuleSet, today: String, maxAgeDays: Int) -> [StaleFact] {
        guard let now = civilDay(today) else { return [] }
        return rules.facts.values.compactMap { fact -> StaleFact? in
            guard let day = civilDay(fact.asOf) else { return StaleFact(fact: fact, ageDays: Int.max) }
            let age = now - day
            return age > maxAgeDays ? StaleFact(fact: fact, ageDays: age) : nil
        }.sorted { $0.ageDays != $1.ageDays ? $0.ageDays > $1.ageDays : $0.fact.id < $1.fact.id }
    }

    /// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), or nil when it is not one.
    public static func civilDay(_ date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y0 = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
