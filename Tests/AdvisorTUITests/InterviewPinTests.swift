import AdvisorCore
import Testing
@testable import AdvisorTUI

/// Pinning a decision from its why view, and the why view's "what would change it" section.
@Suite struct InterviewPinTests {
    @Test func pCyclesThePinOfTheDecisionInTheWhyView() throws {
        let start = try InterviewFixtures.state("examples/three-services-spa.yaml")
        let why = InterviewFixtures.press(start, [.tab, .enter])
        guard case .why(let decision) = why.mode else { Issue.record("not in the why view"); return }
        let options = try #require(why.rules.decision(decision)?.optionIDs)
        let once = InterviewFixtures.press(why, [.char("p")])
        #expect(once.answers.pins[decision] == options[0])
        #expect(once.advice.outcome(decision)?.status == .pinned || once.advice.outcome(decision)?.status == .conflict)
        #expect(once.message?.text == "Pinned \(decision) to \(options[0])")
        let twice = InterviewFixtures.press(once, [.char("p")])
        #expect(twice.answers.pins[decision] == options[1])
        let around = InterviewFixtures.press(twice, Array(repeating: .char("p"), count: options.count - 1))
        #expect(around.answers.pins[decision] == nil)
        // The pin is part of the answers: autosaved and written by save, and it replays.
        let (_, effects) = Interview.update(why, .cyclePin)
        let autosaved = effects.compactMap { effect -> String? in if case .autosave(let text) = effect { return text } else { return nil } }
        #expect(autosaved.first?.contains("pins:\n  \(decision): \(options[0])") == true)
        let replayed = try Answers.parse(AnswersWriter.yaml(once.answers, rules: once.rules), file: "t.yaml", rules: once.rules)
        #expect(replayed.pins == once.answers.pins)
    }

    @Test func whyViewSaysWhatWouldChangeIt() throws {
        let why = InterviewFixtures.press(try InterviewFixtures.state("examples/three-services-spa.yaml"), [.tab, .enter])
        guard case .why(let decision) = why.mode else { Issue.record("not in the why view"); return }
        let text = WhyView.lines(why, decision, ascii: true).map(\.text).joined(separator: "\n")
        #expect(text.contains("What would change it"))
        let outcome = try #require(why.advice.outcome(decision))
        #expect(!outcome.changes.isEmpty)
        if let flip = outcome.changes.first { #expect(text.contains("\(flip.question) = \(flip.value)")) }
    }
}
