import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The shipped rules: they load, every rule has cases that must and must not fire it, and every case passes.
@Suite struct BundledRulesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The rule set compiled into the binary at build time is the one `--rules rules/` loads at run
    /// time, field by field: the model's synthesized Equatable conformances compare every stored
    /// property (so a field added to a question, decision, rule or case is compared without touching
    /// this test), and the canonical texts, written through the synthesized Codable conformances,
    /// show where they differ.
    @Test func bundledEqualsRulesFolderLoadedAtRunTime() throws {
        let folder = try BundledRuleArchive.ruleSet(fromDirectory: Self.repoRoot.appendingPathComponent("rules").path)
        let bundled = try BundledRules.load()
        #expect(!bundled.cases.isEmpty && bundled.cases.count == folder.cases.count)
        #expect(bundled == folder, "the bundled rules differ from rules/ loaded at run time")
        for (a, b) in zip(bundled.questions, folder.questions) { #expect(a == b, "question \(b.id)") }
        for (a, b) in zip(bundled.rules, folder.rules) { #expect(a == b, "rule \(b.id)") }
        for (a, b) in zip(bundled.cases, folder.cases) { #expect(a == b, "case \(b.name)") }
        let expected = try BundledRuleArchive.canonicalText(folder)
        let actual = try BundledRuleArchive.canonicalText(bundled)
        if actual != expected {
            let a = Array(actual.utf8), e = Array(expected.utf8)
            let at = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let around = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self) }
            Issue.record("the bundled rules differ from rules/ at byte \(at):\nbundled: \(around(a))\nrules/:  \(around(e))")
        }
    }

    @Test func withoutCasesIsTheSameRuleSetWithoutCases() throws {
        var all = try BundledRules.load()
        let lean = try BundledRules.load(includingCases: false)
        #expect(lean.cases.isEmpty)
        all.cases = []
        #expect(lean == all)
    }

    /// The canonical comparison does see every field: change one deep inside and the texts differ.
    @Test func canonicalTextSeesNestedFields() throws {
        let rules = try BundledRules.load(includingCases: false)
        var changed = rules
        changed.rules[changed.rules.count - 1].location.column += 1
        #expect(try BundledRuleArchive.canonicalText(changed) != BundledRuleArchive.canonicalText(rules))
        var question = rules
        question.questions[0].choices = question.questions[0].choices.reversed() + [Choice(id: "x", label: "x", help: "")]
        #expect(try BundledRuleArchive.canonicalText(question) != BundledRuleArchive.canonicalText(rules))
    }

    @Test func bundledRulesLoad() throws {
        let rules = try BundledRules.load()
        #expect(!rules.rules.isEmpty)
        #expect(rules.decisionOrder.count == rules.decisions.count)
    }

    @Test func everyRuleHasCasesAndEveryCasePasses() throws {
        let rules = try BundledRules.load()
        let problems = RuleLinter.lint(rules)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// One test per rule area, so a failure names the area.
    @Test(arguments: ["api-type", "endpoint-type", "api-count", "resource-style", "integration", "functions", "cors", "authorizer", "limits"])
    func areaCasesPass(area: String) throws {
        let rules = try BundledRules.load()
        let results = RuleLinter.runCases(rules).filter { $0.area == area }
        #expect(!results.isEmpty, "no cases for area \(area)")
        for result in results where !result.passed {
            Issue.record("\(result.location) \(result.name): \(result.failures.joined(separator: "; "))")
        }
        let ruleIDs = rules.rules.filter { $0.area == area }.map(\.id)
        #expect(!ruleIDs.isEmpty, "no rules for area \(area)")
    }
}
