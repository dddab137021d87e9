import AdvisorCore
import Testing
@testable import AdvisorTUI

/// A whole interview answered through key presses on a scripted terminal, saved and replayed.
@Suite struct InterviewSessionTests {
    /// Keys that type `text` into an open editor after clearing `existing` characters.
    private func retype(_ text: String, clearing existing: Int = 0) -> [Key] {
        Array(repeating: Key.backspace, count: existing) + Key.typing(text)
    }

    /// The key presses that answer the interview as Fixtures/three-services.yaml does.
    private var threeServiceKeys: [Key] {
        var keys: [Key] = []
        // Project: the API name (text; the default "my-api" is only a placeholder) and the runtime.
        keys += [.enter] + retype("shop") + [.enter]
        keys += [.enter, .up, .enter]
        // Services: three services, their teams and resources.
        keys += [.char("l"), .enter, .enter] + Key.typing("orders") + [.enter]
        keys += [.enter] + Key.typing("checkout") + [.enter]
        keys += [.down, .down, .enter] + Key.typing("orders") + [.enter, .down, .char(" "), .escape]
        keys += [.char("a")] + Key.typing("orders/{orderId}") + [.enter, .down, .down, .down, .down, .char(" "), .escape, .escape]
        keys += [.char("a")] + Key.typing("catalog") + [.enter, .enter] + Key.typing("catalog") + [.enter]
        keys += [.char("a")] + Key.typing("products") + [.enter, .escape, .escape]
        keys += [.char("a")] + Key.typing("users") + [.enter, .enter] + Key.typing("checkout") + [.enter]
        keys += [.down, .char(" "), .char("a")] + Key.typing("me") + [.enter, .down, .down, .char(" ")]
        keys += [.escape, .escape, .escape]
        // Consumers: browser (the default) and mobile; one browser origin.
        keys += [.right, .enter, .down, .char(" "), .enter]
        keys += [.down, .down, .enter, .enter] + Key.typing("https://shop.example.com") + [.enter, .escape]
        // Identity: Cognito instead of the default "none".
        keys += [.pageDown, .enter, .char(" "), .down, .char(" "), .enter]
        // Gateway features stay at their default; operations: 3 s and cold starts matter.
        keys += [.pageDown, .pageDown, .enter] + retype("3", clearing: 1) + [.enter]
        keys += [.char("j"), .char("j"), .char("j"), .char("j"), .char(" ")]
        // Preferences: routing in code.
        keys += [.right, .enter, .home, .enter]
        // Save under the default name (confirmed) and quit.
        keys += [.char("s"), .enter, .char("y"), .char("q")]
        return keys
    }

    @Test func answersAWholeInterviewAndReplaysToTheHandWrittenRecord() throws {
        let rules = try InterviewFixtures.rules()
        let state = AppState(rules: rules, date: InterviewFixtures.date)
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: threeServiceKeys)
        let performer = RecordingEffectPerformer()
        let runner = InterviewRunner(terminal: terminal, performer: performer, state: state)

        let ending = try runner.run()

        #expect(ending == .quit)
        #expect(terminal.stopCount == 1)
        let saved = try #require(performer.files["answers.yaml"])
        let replayed = try Answers.parse(saved, file: "answers.yaml", rules: rules)
        let expected = try InterviewFixtures.answers("Tests/AdvisorTUITests/Fixtures/three-services.yaml", rules: rules)
        #expect(replayed == expected)
        #expect(replayed.values.keys.sorted() == expected.values.keys.sorted())

        let context = ReportContext(answersFile: "answers.yaml", date: InterviewFixtures.date, rules: rules)
        let engine = Engine(rules: rules)
        #expect(MarkdownExporter.render(engine.advise(replayed), context: context)
                == MarkdownExporter.render(engine.advise(expected), context: context))
        // A clean quit after saving removes the recovery file.
        #expect(performer.effects.last == .removeRecovery)
        #expect(performer.recovery == nil)
    }

    @Test func recommendationsChangeLiveDuringTheSession() throws {
        let rules = try InterviewFixtures.rules()
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: Array(threeServiceKeys.dropLast(4)))
        let runner = InterviewRunner(terminal: terminal, performer: RecordingEffectPerformer(),
                                     state: AppState(rules: rules, date: InterviewFixtures.date))
        #expect(try runner.run() == .endOfInput)
        // Some frame marked a changed recommendation with "*" in the right pane.
        let marked = terminal.frames.contains { frame in frame.lines().contains { $0.contains("│*") } }
        #expect(marked)
        let dirty = runner.state.dirty
        #expect(dirty)
    }

    @Test func endOfInputEndsTheRunnerWithoutSpinning() throws {
        let rules = try InterviewFixtures.rules()
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: [.down], maximumEOFReads: 1)
        let runner = InterviewRunner(terminal: terminal, performer: RecordingEffectPerformer(),
                                     state: AppState(rules: rules, date: InterviewFixtures.date))
        #expect(try runner.run() == .endOfInput)
        #expect(terminal.eofCount == 1)
        #expect(!terminal.isActive)
    }

    @Test func resizeRedrawsAtTheNewSizeAndTinyTerminalsDoNotCrash() throws {
        let rules = try InterviewFixtures.rules()
        let keys: [Key] = [.resize(width: 120, height: 40), .resize(width: 1, height: 1), .resize(width: 59, height: 16),
                           .down, .resize(width: 80, height: 24)]
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: keys)
        let runner = InterviewRunner(terminal: terminal, performer: RecordingEffectPerformer(),
                                     state: AppState(rules: rules, date: InterviewFixtures.date))
        _ = try runner.run()
        #expect(terminal.frames.map(\.size) == [
            TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40), TerminalSize(width: 1, height: 1),
            TerminalSize(width: 59, height: 16), TerminalSize(width: 59, height: 16), TerminalSize(width: 80, height: 24),
        ])
        #expect(terminal.frames[3].lines().contains { $0.contains("Enlarge the terminal") })
        #expect(terminal.frames[5].lines()[0].contains("apigw-advisor"))
    }
}
