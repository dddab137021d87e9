import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI
import BundledRules

/// Shared helpers for the interview tests: the bundled rules, fixtures, key scripts and golden files.
enum InterviewFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let date = "2026-01-15"

    static func rules() throws -> RuleSet {
        try BundledRules.load()
    }

    /// Answers read from a file under the repository root (fixtures, examples).
    static func answers(_ relativePath: String, rules: RuleSet) throws -> Answers {
        try Answers.load(path: repoRoot.appendingPathComponent(relativePath).path, rules: rules)
    }

    /// A state started from an answers file.
    static func state(_ relativePath: String? = nil, size: TerminalSize = TerminalSize(width: 80, height: 24)) throws -> AppState {
        let rules = try rules()
        let answers = try relativePath.map { try Self.answers($0, rules: rules) } ?? Answers()
        var state = AppState(rules: rules, answers: answers, answersPath: relativePath, date: date)
        state.size = size
        return state
    }

    /// Applies actions one after another, collecting every effect.
    static func apply(_ state: AppState, _ actions: [Action]) -> (AppState, [AppEffect]) {
        var current = state
        var effects: [AppEffect] = []
        for action in actions {
            let (next, produced) = Interview.update(current, action)
            current = next
            effects += produced
        }
        return (current, effects)
    }

    /// Applies the actions the keys map to, as the runner would (without performing effects).
    static func press(_ state: AppState, _ keys: [Key]) -> AppState {
        var current = state
        for key in keys {
            current = Interview.update(current, KeyMap.action(for: key, in: current)).0
        }
        return current
    }
}

/// Golden screens: plain text of a rendered canvas compared with Tests/AdvisorTUITests/Golden/NAME.txt.
///
/// Run with UPDATE_GOLDEN=1 (e.g. `UPDATE_GOLDEN=1 swift test --filter AdvisorTUITests`) to rewrite the
/// files after an intended change, then review every changed golden by eye: they are the spec.
enum Golden {
    static let folder = InterviewFixtures.testsFolder.appendingPathComponent("Golden")

    static func check(_ canvas: Canvas, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = canvas.lines().joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "golden \(name) differs; rerun with UPDATE_GOLDEN=1 and review", sourceLocation: sourceLocation)
    }
}
