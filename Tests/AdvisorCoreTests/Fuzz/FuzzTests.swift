import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The bounded fuzz run of the test suite: a fixed seed and count, a few seconds. scripts/fuzz.sh runs
/// longer ones (FUZZ_SEED, FUZZ_ANSWERS, FUZZ_RULES, FUZZ_REPORT) with the same harness.
@Suite struct FuzzTests {
    static func setting(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }

    @Test func mutatedAnswersRulesAndGeneratorsEndInLocatedErrorsOrSafeOutput() throws {
        let rules = try BundledRules.load(includingCases: false)
        let seed = UInt64(Self.setting("FUZZ_SEED", 10))
        var harness = try FuzzHarness(seed: seed, rules: rules)
        harness.fuzzAnswers(count: Self.setting("FUZZ_ANSWERS", 120))
        harness.fuzzRules(count: Self.setting("FUZZ_RULES", 12))
        let figures = harness.figures
        if let report = ProcessInfo.processInfo.environment["FUZZ_REPORT"], !report.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(figures).write(to: URL(fileURLWithPath: report))
        }
        print("fuzz: \(figures)")
        #expect(figures.failures.isEmpty, "\(figures.failures.joined(separator: "\n"))")
        #expect(figures.unlocatedErrors == 0)
        #expect(figures.hangs == 0)
        #expect(figures.answersInputs > 0 && figures.locatedErrors > 0 && figures.accepted > 0, "the run exercised both outcomes: \(figures)")
    }
}
