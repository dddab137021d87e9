import AdvisorCore
import Testing
@testable import AdvisorTUI

/// The estimate view (`$`): the core's display sheet, the key, scrolling, closing, and when it is recomputed.
@Suite struct InterviewEstimateTests {
    private func texts(_ state: AppState) -> [String] { EstimateView.lines(state).map(\.text) }

    @Test func sheetNamesEveryPartAndTheDefaults() throws {
        // three-services-spa answers no traffic question: every estimate input is a default, and the sheet says so.
        let state = try InterviewFixtures.state("examples/three-services-spa.yaml")
        let sheet = try #require(state.estimateSheet)
        #expect(sheet.defaulted.contains("monthly-requests") && sheet.defaulted.contains("peak-rps"))
        let lines = texts(state)
        #expect(lines.contains { $0.contains("an estimate for one Region") })
        #expect(lines.contains { $0.hasPrefix("Not answered, so the estimate uses defaults for: ") && $0.contains("monthly-requests") })
        #expect(lines.contains { $0.hasPrefix("monthly-requests: ") && $0.hasSuffix("(default)") })
        #expect(lines.contains { $0.hasPrefix("Lambda concurrency at peak: ") })
        #expect(lines.contains("Monthly cost of each candidate front door (USD)"))
        #expect(lines.contains { $0.contains("(recommended)") })
        #expect(lines.contains("Recommended layout"))
        #expect(lines.contains { $0.hasPrefix("source ") && $0.contains("as of 20") })
        #expect(lines.contains("Assumptions"))
        // Each candidate of the engine's estimate is listed with its total.
        let estimate = try #require(state.advice.estimate)
        for candidate in estimate.costs { #expect(lines.contains { $0.hasPrefix(candidate.title + ": $") }) }
        #expect(EstimateView.lines(state).contains { $0.style == Theme.warning && $0.text.contains("default") })
    }

    @Test func answeredInputsAreNotMarkedAndScaleFindingsShow() throws {
        let state = try InterviewFixtures.state("examples/public-read-api.yaml")
        let sheet = try #require(state.estimateSheet)
        #expect(!sheet.defaulted.contains("peak-rps") && !sheet.defaulted.contains("monthly-requests"))
        let lines = texts(state)
        #expect(lines.contains("peak-rps: 50,000 requests per second (answered)") || lines.contains { $0.hasPrefix("peak-rps: 50,000") && $0.hasSuffix("(answered)") })
        // 50,000 req/s x 80 ms exceeds the default account concurrency: the throttle/scaling findings are listed.
        let scale = state.advice.findings.filter { $0.rule.hasPrefix("scale.") }
        #expect(!scale.isEmpty)
        #expect(lines.contains("Throttle and scaling findings"))
        for finding in scale { #expect(lines.contains { $0.hasSuffix(finding.title) }) }
    }

    @Test func pushChannelIsPricedAndAddedToTheLayoutTotal() throws {
        let state = try InterviewFixtures.state("examples/realtime-chat.yaml")
        let estimate = try #require(state.advice.estimate)
        #expect(!estimate.pushChannel.isEmpty)
        let lines = texts(state)
        #expect(lines.contains { $0.hasPrefix("Push channel total: $") })
        #expect(lines.contains { $0.contains("+ push channel $") })
    }

    @Test func dollarOpensScrollsAndCloses() throws {
        let state = try InterviewFixtures.state("examples/three-services-spa.yaml")
        #expect(KeyMap.action(for: .char("$"), in: state) == .openEstimate)
        let open = InterviewFixtures.press(state, [.char("$")])
        #expect(open.mode == .estimate)
        let scrolled = InterviewFixtures.press(open, [.down, .down, .pageDown])
        #expect(scrolled.scroll > 0)
        #expect(InterviewFixtures.press(scrolled, [.end]).scroll == Screen.documentLines(scrolled).count - Screen.documentRect(scrolled.size).height)
        #expect(InterviewFixtures.press(scrolled, [.escape]).mode == .browse)
        #expect(InterviewFixtures.press(scrolled, [.char("q")]).mode == .browse)
        // Pressing $ again in the view keeps it open, once.
        #expect(InterviewFixtures.press(open, [.char("$")]).modes == [.estimate])
        // The key is in the legend and the help, from the same key map.
        let legend = KeyMap.legend(for: state, row: .secondary, ascii: false)
        #expect(legend.contains { $0.0 == "$" && $0.1 == "cost" })
        let help = InterviewFixtures.press(state, [.char("?")])
        #expect(HelpView.lines(help, ascii: false).contains { $0.text.contains("$") && $0.text.contains("cost") })
    }

    @Test func recomputedOnlyWhenAnswersChange() throws {
        var state = try InterviewFixtures.state("examples/three-services-spa.yaml")
        let before = try #require(state.estimateSheet)
        // Moving does not touch it.
        state = InterviewFixtures.press(state, [.down, .down, .right])
        #expect(state.estimateSheet == before)
        // An answer to a traffic question recomputes it.
        state.setAnswer("monthly-requests", .number(250))
        let after = try #require(state.estimateSheet)
        #expect(after != before)
        #expect(!after.defaulted.contains("monthly-requests"))
        #expect(after == EstimateSheet.make(state.advice, rules: state.rules))
    }

    @Test func scriptedSessionOpensTheEstimate() throws {
        let rules = try InterviewFixtures.rules()
        let answers = try InterviewFixtures.answers("examples/public-read-api.yaml", rules: rules)
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: [.char("$"), .pageDown, .escape, .char("q")])
        let runner = InterviewRunner(terminal: terminal, performer: RecordingEffectPerformer(),
                                     state: AppState(rules: rules, answers: answers, date: InterviewFixtures.date))
        #expect(try runner.run() == .quit)
        let opened = try #require(terminal.frames.dropFirst().first)
        #expect(opened.lines().contains { $0.contains("Scale and cost estimate") })
        #expect(opened.lines().contains { $0.contains("an estimate for one") })
        // After Esc the main screen is back.
        #expect(terminal.frames.last?.lines().contains { $0.contains("Scale and cost estimate") } == false)
    }
}
