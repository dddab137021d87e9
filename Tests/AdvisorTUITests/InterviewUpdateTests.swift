import AdvisorCore
import Testing
@testable import AdvisorTUI

/// The pure update function: navigation, every kind of answer, visibility, search, files and quitting.
@Suite struct InterviewUpdateTests {
    private func fresh() throws -> AppState { try InterviewFixtures.state() }

    /// Moves to the group of `question` and selects it.
    private func at(_ question: String, _ state: AppState) -> AppState {
        var state = state
        state.jump(to: question)
        return state
    }

    @Test func movesBetweenQuestionsAndGroupsWithoutLosingAnything() throws {
        var state = try fresh()
        state = InterviewFixtures.press(state, [.down])
        #expect(state.questionIndex == 1)
        // Down on the last question of a group continues into the next group, Up goes back.
        state = InterviewFixtures.press(state, [.down])
        #expect(state.groupIndex == 1 && state.questionIndex == 0)
        state = InterviewFixtures.press(state, [.up])
        #expect(state.groupIndex == 0 && state.questionIndex == 1)
        state = InterviewFixtures.press(state, [.right, .pageDown, .char("l")])
        #expect(state.groupIndex == 3)
        state = InterviewFixtures.press(state, [.pageUp, .left, .char("h"), .left, .left])
        #expect(state.groupIndex == 0)
        // The cursor of each group is remembered.
        #expect(state.questionIndex == 1)
        state = InterviewFixtures.press(state, [.tab])
        #expect(state.focus == .recommendations)
        state = InterviewFixtures.press(state, [.char("j"), .enter])
        #expect(state.mode == .why(state.rules.decisions[1].id))
        state = InterviewFixtures.press(state, [.escape])
        #expect(state.mode == .browse)
    }

    @Test func answersSingleMultiAndYesNoQuestions() throws {
        var state = at("runtime", try fresh())
        let (chosen, effects) = InterviewFixtures.apply(state, [.activate, .up, .toggle])
        #expect(chosen.answers.values["runtime"] == .choice("nodejs22.x"))
        #expect(effects.contains { if case .autosave = $0 { return true } else { return false } })
        #expect(chosen.dirty)

        state = at("consumers", chosen)
        state = InterviewFixtures.apply(state, [.activate, .down, .toggle, .down, .toggle]).0
        #expect(state.answers.values["consumers"] == .choices(["browser", "mobile", "partners"]))
        state = InterviewFixtures.apply(state, [.home, .toggle]).0
        #expect(state.answers.values["consumers"] == .choices(["mobile", "partners"]))

        state = at("cold-start-sensitive", state)
        state = InterviewFixtures.apply(state, [.toggle]).0
        #expect(state.answers.values["cold-start-sensitive"] == .bool(true))
        state = InterviewFixtures.apply(state, [.resetAnswer]).0
        #expect(state.answers.values["cold-start-sensitive"] == nil)
    }

    @Test func numbersAreCheckedAgainstTheirRange() throws {
        var state = at("max-duration", try fresh())
        state = InterviewFixtures.apply(state, [.activate, .deleteBackward] + Array(repeating: .character("9"), count: 5) + [.activate]).0
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("out of range") == true)
        #expect(state.answers.values["max-duration"] == nil)
        state = InterviewFixtures.apply(state, Array(repeating: .deleteBackward, count: 4) + [.activate]).0
        #expect(state.answers.values["max-duration"] == .number(9))
        #expect(state.mode == .browse)
        state = at("max-duration", state)
        state = InterviewFixtures.apply(state, [.activate, .deleteBackward, .character("x"), .activate]).0
        #expect(state.message?.text.hasPrefix("Enter a number in s") == true)
    }

    @Test func textAndListAnswersFollowTheirPatterns() throws {
        var state = at("api-name", try fresh())
        state = InterviewFixtures.apply(state, [.activate, .character("!"), .activate]).0
        #expect(state.message?.kind == .error)
        state = InterviewFixtures.apply(state, [.back]).0
        #expect(state.answers.values["api-name"] == nil)

        state = at("browser-origins", state)
        state = InterviewFixtures.apply(state, [.activate, .activate] + "ftp://x".map { .character($0) } + [.activate]).0
        #expect(state.message?.kind == .error)
        state = InterviewFixtures.apply(state, [.home, .deleteForward, .deleteForward, .deleteForward]
                                        + "https".map { .character($0) } + [.activate]).0
        #expect(state.answers.values["browser-origins"] == .list(["https://x"]))
        state = InterviewFixtures.apply(state, [.home, .remove]).0
        #expect(state.answers.values["browser-origins"] == .list([]))
    }

    @Test func conditionalQuestionsHideAndTellWhy() throws {
        var state = at("consumers", try fresh())
        #expect(state.status(of: "browser-origins") == .defaulted)
        state = InterviewFixtures.apply(state, [.activate, .home, .toggle]).0 // browser off
        #expect(state.status(of: "browser-origins") == .hidden)
        state = at("browser-origins", state)
        state = InterviewFixtures.apply(state, [.activate]).0
        // In words, naming the question and the choice, not the rule grammar.
        #expect(state.message?.text == "Hidden: asked only when the answer to \"Who calls the API?\" includes Web browsers (JavaScript on another origin)")
        #expect(state.focus == .questions)
    }

    @Test func highlightsTheDecisionsAnAnswerChanged() throws {
        var state = at("auth-mechanisms", try fresh())
        #expect(state.changedDecisions.isEmpty)
        state = InterviewFixtures.apply(state, [.activate, .home, .toggle, .down, .toggle]).0 // none off, cognito on
        #expect(state.answers.values["auth-mechanisms"] == .choices(["cognito"]))
        #expect(state.changedDecisions.contains("authorizer"))
        #expect(state.previousAdvice?.chosen("authorizer") != state.advice.chosen("authorizer"))
        // 30 rows: the decision list (interaction model and front door first) reaches the authorizer.
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 30), ascii: false).lines()
        #expect(screen.contains { $0.hasSuffix("│*Authorizer type                │") })
    }

    @Test func searchFindsQuestionsByTheirHelpAndJumps() throws {
        var state = try fresh()
        state = InterviewFixtures.press(state, [.char("/")] + Key.typing("snapstart"))
        guard case .search(let editor) = state.mode else { Issue.record("search is not open"); return }
        #expect(editor.text == "snapstart")
        let hits = SearchIndex.search("snapstart", rules: state.rules)
        #expect(hits.map(\.question) == ["runtime", "cold-start-sensitive"])
        state = InterviewFixtures.press(state, [.down, .enter])
        #expect(state.mode == .browse)
        #expect(state.currentQuestion?.id == "cold-start-sensitive")
    }

    @Test func quittingAsksOnlyWhenThereAreUnsavedChanges() throws {
        let clean = try fresh()
        let (quit, effects) = InterviewFixtures.apply(clean, [.quit])
        #expect(quit.finished)
        #expect(effects == [.removeRecovery])

        var dirty = InterviewFixtures.press(at("cold-start-sensitive", clean), [.char(" ")])
        dirty = InterviewFixtures.press(dirty, [.char("q")])
        #expect(dirty.mode == .confirm(.quit))
        dirty = InterviewFixtures.press(dirty, [.char("n")])
        #expect(!dirty.finished)
        #expect(dirty.mode == .browse)
        dirty = InterviewFixtures.press(dirty, [.char("q"), .char("y")])
        #expect(dirty.finished)
    }

    @Test func savingNeverOverwritesWithoutConfirmation() throws {
        var state = InterviewFixtures.press(at("cold-start-sensitive", try fresh()), [.char(" ")])
        var effects: [AppEffect]
        (state, effects) = InterviewFixtures.apply(state, [.save, .activate])
        // Nothing is written before the user says yes.
        #expect(effects.allSatisfy { if case .writeFile = $0 { return false } else { return true } })
        #expect(state.mode == .confirm(.write(.saveAnswers, "answers.yaml")))
        (state, effects) = InterviewFixtures.apply(state, [.yes])
        guard case .writeFile(let path, let text, false, .saveAnswers)? = effects.first else {
            Issue.record("expected a write without overwrite, got \(effects)")
            return
        }
        #expect(path == "answers.yaml")
        #expect(text.contains("cold-start-sensitive: true"))
        (state, effects) = InterviewFixtures.apply(state, [.alreadyExists(.saveAnswers, path)])
        #expect(state.mode == .confirm(.overwrite(.saveAnswers, path)))
        (state, effects) = InterviewFixtures.apply(state, [.no])
        #expect(effects.isEmpty)
        (state, effects) = InterviewFixtures.apply(state, [.save, .activate, .yes, .alreadyExists(.saveAnswers, path), .yes])
        #expect(effects.last == .writeFile(path: path, text: text, overwrite: true, purpose: .saveAnswers))
        (state, _) = InterviewFixtures.apply(state, [.written(.saveAnswers, path)])
        #expect(!state.dirty)
        #expect(state.answersPath == path)
    }

    @Test func exportsAskForAPathAndUseTheSavedFileInTheRecord() throws {
        let state = try InterviewFixtures.state("examples/three-services-spa.yaml")
        let (_, markdown) = InterviewFixtures.apply(state, [.export, .exportMarkdown, .activate, .yes])
        guard case .writeFile(let path, let text, false, .exportMarkdown)? = markdown.first else {
            Issue.record("expected a markdown write, got \(markdown)")
            return
        }
        #expect(path == "examples/three-services-spa.md")
        #expect(text.contains("- Answers file: `examples/three-services-spa.yaml`"))
        let (_, madr) = InterviewFixtures.apply(state, [.export, .exportMADR, .activate, .yes])
        #expect(madr == [.writeMADR(folder: "docs/decisions", advice: state.explainedAdvice,
                                    answersFile: "examples/three-services-spa.yaml", date: InterviewFixtures.date)])
    }

    @Test func inventoryEditsAreValidatedAndDeletesConfirmed() throws {
        var state = at("services", try fresh())
        state = InterviewFixtures.press(state, [.enter, .char("a")] + Key.typing("Orders") + [.enter])
        #expect(state.message?.kind == .error)
        state = InterviewFixtures.press(state, [.escape, .char("a")] + Key.typing("orders") + [.enter])
        #expect(state.inventory.services.map(\.name) == ["orders"])
        #expect(state.inventoryLevel == .service(0))
        state = InterviewFixtures.press(state, [.char("a")] + Key.typing("orders/") + [.enter])
        #expect(state.message?.text.contains("must not end with /") == true)
        state = InterviewFixtures.press(state, [.backspace, .enter, .char(" ")])
        #expect(state.message?.text == "A resource needs at least one method")
        state = InterviewFixtures.press(state, [.down, .char(" "), .escape, .escape, .char("d")])
        #expect(state.inventory.services.first?.resources == [Resource(path: "/orders", methods: ["GET", "POST"])])
        #expect(state.mode == .confirm(.deleteService(0)))
        state = InterviewFixtures.press(state, [.char("y")])
        #expect(state.inventory.services.isEmpty)
        #expect(state.answers.values["services"] == .inventory(Inventory()))
    }

    @Test func offersToRestoreARecoveryFileThatDiffers() throws {
        let rules = try InterviewFixtures.rules()
        let recovered = Answers(["cold-start-sensitive": .bool(true)])
        var state = AppState(rules: rules, date: InterviewFixtures.date, recovered: recovered)
        #expect(state.mode == .confirm(.restoreRecovery))
        state = InterviewFixtures.press(state, [.char("y")])
        #expect(state.answers == recovered)
        #expect(state.dirty)
        let same = AppState(rules: rules, answers: recovered, date: InterviewFixtures.date, recovered: recovered)
        #expect(same.mode == .browse)
    }
}
