import AdvisorCore
import Testing
@testable import AdvisorTUI

/// Keys that must not do harm, one consistent "back", confirmation before writing, and a legend that
/// comes from the same key map that handles the keys.
@Suite struct InterviewKeysTests {
    private func fresh(_ file: String? = nil) throws -> AppState { try InterviewFixtures.state(file) }

    private func at(_ question: String, _ state: AppState) -> AppState {
        var state = state
        state.jump(to: question)
        return state
    }

    private func writes(_ effects: [AppEffect]) -> [AppEffect] {
        effects.filter {
            switch $0 {
            case .writeFile, .writeMADR: return true
            default: return false
            }
        }
    }

    /// Presses keys as the runner does, collecting the effects.
    private func run(_ state: AppState, _ keys: [Key]) -> (AppState, [AppEffect]) {
        var current = state
        var effects: [AppEffect] = []
        for key in keys {
            let (next, produced) = Interview.update(current, KeyMap.action(for: key, in: current))
            current = next
            effects += produced
        }
        return (current, effects)
    }

    @Test func noKeyActsWhileTheEnlargeScreenShows() throws {
        let start = InterviewFixtures.press(at("gateway-features", try fresh()), [.enter])
        #expect(start.focus == .answer)
        let (state, effects) = run(start, [.resize(width: 50, height: 12), .down, .char(" "), .enter, .char("s"), .escape,
                                           .resize(width: 80, height: 24)])
        #expect(state.answers == start.answers)
        #expect(state.answers.values["gateway-features"] == nil)
        #expect(state.mode == .browse && state.focus == .answer)
        #expect(effects.isEmpty)
        // q still quits there (the screen says so); unsaved answers stay in the recovery file.
        let dirty = InterviewFixtures.press(start, [.char(" ")])
        let (quit, quitEffects) = run(dirty, [.resize(width: 50, height: 12), .char("q")])
        #expect(quit.finished)
        #expect(!quitEffects.contains(.removeRecovery))
    }

    @Test func backspaceNeverGoesBackAndStrayTypingWritesNothing() throws {
        // The reported session: a, orders, Enter (already exists), Esc, Backspace, then "Orders2" Enter.
        var state = at("services", try fresh("examples/three-services-spa.yaml"))
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.mode == .inventory)
        let (after, effects) = run(state, [.char("a")] + Key.typing("orders") + [.enter, .escape, .backspace]
                                   + Key.typing("Orders2") + [.enter])
        #expect(writes(effects).isEmpty)
        #expect(after.mode == .inventory)
        #expect(after.inventory == state.inventory)
        #expect(after.message?.text.contains("Typing ignored") == true)
        // Backspace does nothing on list screens and in dialogs.
        for mode in [Mode.inventory, .help, .problems, .layoutTree, .exportMenu, .confirm(.quit)] {
            var probe = state
            probe.modes = [mode]
            #expect(KeyMap.action(for: .backspace, in: probe) == .none, "\(mode)")
        }
        // After the stray letters, the next real key works again.
        let recovered = InterviewFixtures.press(after, [.down])
        #expect(!recovered.strayTyping)
    }

    @Test func nothingIsWrittenWithoutAYes() throws {
        let state = try fresh("examples/three-services-spa.yaml")
        for purpose in [Action.exportMarkdown, .exportMADR] {
            let (asked, effects) = InterviewFixtures.apply(state, [.export, purpose, .activate])
            #expect(writes(effects).isEmpty)
            guard case .confirm(.write)? = asked.modes.last else { Issue.record("no confirmation: \(asked.mode)"); continue }
            #expect(writes(InterviewFixtures.apply(asked, [.no]).1).isEmpty)
            #expect(writes(InterviewFixtures.apply(asked, [.back]).1).isEmpty)
            #expect(writes(InterviewFixtures.apply(asked, [.yes]).1).count == 1)
        }
    }

    @Test func unsavedAnswersAreOfferedToBeSavedBeforeAnExport() throws {
        var state = InterviewFixtures.press(at("cold-start-sensitive", try fresh("examples/three-services-spa.yaml")), [.char(" ")])
        #expect(state.dirty)
        var effects: [AppEffect]
        (state, effects) = InterviewFixtures.apply(state, [.export, .exportMADR, .activate])
        #expect(state.mode == .confirm(.saveBeforeExport(.exportMADR, "docs/decisions")))
        #expect(writes(effects).isEmpty)
        // n exports as it is (citing the unsaved interview); Esc cancels.
        #expect(writes(InterviewFixtures.apply(state, [.no]).1).first
                == .writeMADR(folder: "docs/decisions", advice: state.explainedAdvice, answersFile: AppState.unsavedName, date: InterviewFixtures.date))
        #expect(writes(InterviewFixtures.apply(state, [.back]).1).isEmpty)
        // y saves first (asking where, then confirming), then exports citing the saved file.
        (state, effects) = InterviewFixtures.apply(state, [.yes, .activate, .yes])
        guard case .writeFile(let path, _, false, .saveAnswers)? = writes(effects).first else {
            Issue.record("expected the answers to be saved first: \(effects)")
            return
        }
        (state, effects) = InterviewFixtures.apply(state, [.written(.saveAnswers, path)])
        #expect(effects == [.writeMADR(folder: "docs/decisions", advice: state.explainedAdvice, answersFile: path, date: InterviewFixtures.date)])
    }

    @Test func escapeQuitsAtTheTopCancelsChoiceEditorsAndQOrEscapeCloseOverlays() throws {
        let clean = try fresh()
        let (quit, effects) = run(clean, [.escape])
        #expect(quit.finished)
        #expect(effects == [.removeRecovery])
        let dirty = InterviewFixtures.press(at("cold-start-sensitive", clean), [.char(" ")])
        #expect(InterviewFixtures.press(dirty, [.escape]).mode == .confirm(.quit))
        #expect(!InterviewFixtures.press(dirty, [.escape, .escape]).finished)

        // Esc cancels a choice editor: the answer is what it was when the editor opened.
        let runtime = at("runtime", clean)
        let edited = InterviewFixtures.press(runtime, [.enter, .up, .char(" ")])
        #expect(edited.answers.values["runtime"] != nil)
        let cancelled = InterviewFixtures.press(edited, [.escape])
        #expect(cancelled.answers.values["runtime"] == nil)
        #expect(cancelled.focus == .questions && !cancelled.finished)
        let multi = InterviewFixtures.press(at("consumers", clean), [.enter, .down, .char(" "), .down, .char(" "), .escape])
        #expect(multi.answers.values["consumers"] == nil)
        // Enter keeps it.
        #expect(InterviewFixtures.press(runtime, [.enter, .up, .enter]).answers.values["runtime"] != nil)

        for open in [Key.char("?"), .char("w"), .char("t"), .char("c"), .char("o")] {
            for close in [Key.char("q"), .escape] {
                let state = InterviewFixtures.press(clean, [open, close])
                #expect(state.mode == .browse && !state.finished, "\(open) then \(close)")
            }
        }
        let menu = InterviewFixtures.press(clean, [.char("e"), .char("q")])
        #expect(menu.mode == .browse && !menu.finished)
    }

    @Test func restoringTheRecoveryFileMarksNothingAsChanged() throws {
        let rules = try InterviewFixtures.rules()
        let recovered = try InterviewFixtures.answers("examples/three-services-spa.yaml", rules: rules)
        var state = AppState(rules: rules, date: InterviewFixtures.date, recovered: recovered)
        state = InterviewFixtures.press(state, [.char("y")])
        #expect(state.answers.values == recovered.values)
        #expect(state.changedDecisions.isEmpty)
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines()
        #expect(!screen.contains { $0.contains("│*") })
        #expect(state.dirty)
    }

    @Test func lineEditorKeys() throws {
        var state = InterviewFixtures.press(at("api-name", try fresh()), [.enter])
        guard case .edit(_, let empty) = state.mode else { Issue.record("no editor"); return }
        // The default is a placeholder, not text to delete first.
        #expect(empty.text == "")
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        #expect(screen.contains("my-api (default)"))
        state = InterviewFixtures.press(state, Key.typing("shop orders-api"))
        state = InterviewFixtures.press(state, [.ctrl("w")])
        guard case .edit(_, let word) = state.mode else { Issue.record("no editor"); return }
        #expect(word.text == "shop ")
        state = InterviewFixtures.press(state, [.ctrl("a")] + Key.typing("x") + [.ctrl("e")] + Key.typing("y"))
        guard case .edit(_, let moved) = state.mode else { Issue.record("no editor"); return }
        #expect(moved.text == "xshop y")
        state = InterviewFixtures.press(state, [.left, .left, .ctrl("u")])
        guard case .edit(_, let cleared) = state.mode else { Issue.record("no editor"); return }
        #expect(cleared.text == " y" && cleared.cursor == 0)
        state = InterviewFixtures.press(state, [.ctrl("e"), .ctrl("u"), .enter])
        // Enter on an empty field keeps the default.
        #expect(state.mode == .browse)
        #expect(state.answers.values["api-name"] == nil)
    }

    @Test func errorsAndHintsAreInPlainLanguage() throws {
        var state = InterviewFixtures.press(at("api-name", try fresh()), [.enter] + Key.typing("Shop!") + [.enter])
        let message = try #require(state.message?.text)
        #expect(!message.contains("^") && !message.contains("$") && !message.contains("[a-z"))
        #expect(message.contains("lower-case letters"))
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        #expect(!screen.contains("[a-z"))
        state = InterviewFixtures.press(at("browser-origins", try fresh()), [.enter, .enter] + Key.typing("shop") + [.enter])
        #expect(state.message?.text.contains("https://") == true)
        #expect(state.message?.text.contains("\\s") == false)
    }

    @Test func searchCoversGroupTitlesAndFindings() throws {
        let state = try fresh("examples/three-services-spa.yaml")
        let groups = SearchIndex.search("authentication and", rules: state.rules, advice: state.advice)
        #expect(groups.first == SearchIndex.Hit(question: "identity", field: "group", snippet: "Authentication and authorization"))
        let finding = try #require(state.advice.findings.first)
        let hits = SearchIndex.search(finding.title, rules: state.rules, advice: state.advice)
        #expect(hits.contains { $0.field == "finding" && $0.snippet == finding.title })
        // Enter on a group hit opens the group; on a finding, the list of findings.
        let opened = InterviewFixtures.press(state, [.char("/")] + Key.typing("authentication and") + [.enter])
        #expect(opened.mode == .browse && opened.group?.id == "identity")
        let listed = InterviewFixtures.press(state, [.char("/")] + Key.typing(finding.title) + [.down, .enter])
        #expect(listed.mode == .problems || listed.mode == .browse)
    }

    @Test func everyFindingIsListedWithItsFactsAndReachableAt80x24() throws {
        let state = try fresh("examples/three-services-spa.yaml")
        #expect(!state.advice.findings.isEmpty)
        let rows = ProblemList.rows(state)
        for finding in state.advice.findings {
            #expect(rows.contains { $0.title == finding.title && $0.kind == finding.severity.rawValue }, "\(finding.rule)")
        }
        let size = TerminalSize(width: 80, height: 24)
        let header = Screen.render(state, size: size, ascii: false).lines()[0]
        #expect(header.contains("warning(s) (c)"))
        // Walking the list at 80x24 shows every finding's heading and its facts' sources.
        var seen = Set<String>()
        var list = InterviewFixtures.press(state, [.char("c")])
        for _ in 0..<(rows.count + 1) {
            let text = Screen.render(list, size: size, ascii: false).lines().joined(separator: "\n")
            for finding in state.advice.findings where text.contains("\(finding.severity.rawValue): \(String(finding.title.prefix(40)))") {
                seen.insert(finding.title)
            }
            list = InterviewFixtures.press(list, [.down])
        }
        #expect(seen == Set(state.advice.findings.map(\.title)))
        let lines = ProblemsView.lines(rows, state, width: 76, ascii: false).map(\.0.text).joined(separator: " ")
        for fact in state.advice.findings.flatMap(\.facts) { #expect(lines.contains(fact.asOf) && lines.contains(String(fact.url.prefix(20)))) }
    }

    @Test func whyListsEveryRuleThatExcludedAnotherOption() throws {
        for example in ["examples/three-services-spa.yaml", "examples/partner-rest-api.yaml", "examples/internal-vpc-iam.yaml",
                        "examples/legacy-transform.yaml", "examples/multi-origin-browser.yaml"] {
            let state = try fresh(example)
            for outcome in state.advice.decisions {
                let lines = WhyView.lines(state, outcome.decision, ascii: false).map(\.text)
                guard let section = lines.firstIndex(of: "Rules that lost or excluded other options") else {
                    Issue.record("no section"); continue
                }
                let after = lines[section...]
                for score in outcome.scores where score.option != outcome.chosen {
                    for rule in score.excludedBy {
                        #expect(after.contains { $0.contains(rule) }, "\(example) \(outcome.decision): \(rule)")
                    }
                }
                if outcome.scores.contains(where: { $0.option != outcome.chosen && !$0.excludedBy.isEmpty }) {
                    #expect(lines[section + 1] != "none", "\(example) \(outcome.decision)")
                }
            }
        }
    }

    @Test func groupOverviewShowsAnsweredOverTotalAndOpensAGroup() throws {
        var state = InterviewFixtures.press(try fresh("examples/three-services-spa.yaml"), [.char("o")])
        #expect(state.mode == .groups)
        let text = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        for (index, group) in state.rules.groups.enumerated() {
            let counts = GroupProgress.of(state, group: index)
            #expect(text.contains(group.title))
            #expect(text.contains("\(counts.answered)/\(counts.asked) answered"))
        }
        #expect(GroupProgress.of(state, group: 0).answered == 2)
        state = InterviewFixtures.press(state, [.down, .down, .enter])
        #expect(state.mode == .browse && state.groupIndex == 2)
    }

    /// Every view the interview has, for the legend checks.
    private func everyView() throws -> [AppState] {
        let base = try fresh("examples/three-services-spa.yaml")
        var states: [AppState] = []
        for focus in [Pane.questions, .answer, .recommendations] {
            var state = at("consumers", base)
            state.focus = focus
            states.append(state)
            var list = at("browser-origins", base)
            list.focus = focus
            states.append(list)
        }
        let modes: [Mode] = [.edit(.answer("api-name"), LineEditor()), .prompt(.saveAnswers, LineEditor("a.yaml")), .search(LineEditor()),
                             .confirm(.quit), .exportMenu, .why("api-type"), .help, .layoutTree, .problems, .groups, .inventory]
        for mode in modes {
            var state = base
            state.modes = [mode]
            states.append(state)
        }
        for level in [InventoryLevel.service(0), .resource(service: 0, resource: 0)] {
            var state = base
            state.modes = [.inventory]
            state.inventoryLevel = level
            states.append(state)
        }
        // A service's own answer: the choice editors (multi, single, yes/no, list) and the line editors.
        for question in ["consumers", "user-geography", "browser-credentials", "browser-origins"] {
            var state = base
            state.inventoryLevel = .service(0)
            state.modes = [.inventory, .serviceAnswer(ServiceAnswerEditor(service: 0, question: question, cursor: 0, before: nil))]
            states.append(state)
        }
        for target in [EditTarget.serviceAnswer(service: 0, question: "max-duration"),
                       .serviceListItem(service: 0, question: "browser-origins", index: nil)] {
            var state = base
            state.inventoryLevel = .service(0)
            state.modes = [.inventory, .edit(target, LineEditor())]
            states.append(state)
        }
        return states
    }

    @Test func theLegendComesFromTheKeyMapThatHandlesTheKeys() throws {
        for state in try everyView() {
            let commands = KeyMap.commands(for: state)
            for command in commands {
                // Every key a command names reaches that command's action (no earlier command shadows it).
                for binding in command.bindings {
                    #expect(KeyMap.action(for: binding.key, in: state) == binding.action,
                            "\(state.mode) \(state.focus): \(binding.key) is listed as \(command.label)")
                }
                #expect(command.shown >= 1 && command.shown <= command.bindings.count)
                if let ascii = command.asciiKeys {
                    for key in ascii { #expect(command.bindings.contains { $0.key == key }, "\(command.label)") }
                }
            }
            // The bottom rows show exactly the legend of the key map, in its order.
            let legend = KeyMap.legend(for: state, row: .primary, ascii: false)
            #expect(StatusLine.primaryKeys(state, ascii: false).map { "\($0.0) \($0.1)" } == legend.map { "\($0.0) \($0.1)" })
            let screen = Screen.render(state, size: TerminalSize(width: 200, height: 40), ascii: false).lines()
            let bottom = screen[39]
            for (key, label) in legend { #expect(bottom.contains("\(key) \(label)"), "\(state.mode): \(key) \(label) in \(bottom)") }
            // Each view names a way back or out, and no legend entry does nothing.
            #expect(commands.contains { $0.bindings.contains { $0.key == .escape } }, "\(state.mode) has no Esc")
            for command in commands where command.row != .hidden {
                #expect(!command.bindings.contains { $0.action == .none }, "\(command.label)")
            }
        }
    }

    @Test func keysWithoutMeaningInAViewDoNothing() throws {
        for state in try everyView() {
            for key in [Key.char("Z"), .char("9"), .function(9), .insert] {
                let action = KeyMap.action(for: key, in: state)
                let (next, effects) = Interview.update(state, action)
                #expect(writes(effects).isEmpty)
                #expect(next.answers == state.answers)
                if !KeyMap.takesText(state) { #expect(next.modes == state.modes && !next.finished, "\(state.mode) \(key)") }
            }
        }
    }
}
