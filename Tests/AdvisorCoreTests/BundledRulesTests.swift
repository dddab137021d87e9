import Foundation
import Testing
@testable import AdvisorCore

/// The shipped rules: they load, every rule has cases that must and must not fire it, and every case passes.
@Suite struct BundledRulesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedCopyMatchesRulesFolder() throws {
        let onDisk = try RuleSetLoader.files(inDirectory: Self.repoRoot.appendingPathComponent("rules").path)
        let embedded = BundledRules.files
        #expect(embedded.map { ($0.name as NSString).lastPathComponent } == onDisk.map { ($0.name as NSString).lastPathComponent },
                "run scripts/embed-rules.py after editing rules/")
        for (a, b) in zip(embedded, onDisk) {
            #expect(a.text == b.text, "\(b.name) differs from the embedded copy: run scripts/embed-rules.py")
        }
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
