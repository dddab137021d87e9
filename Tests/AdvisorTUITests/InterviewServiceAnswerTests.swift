import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI

/// Typing or choosing a service's own answer to a per-service question on the service's screen.
@Suite struct InterviewServiceAnswerTests {
    /// Rows of orders' screen in the three-services example: 3 fields, 2 resources, "+ add a resource", then the
    /// per-service questions in catalog order.
    static func row(_ question: String, _ state: AppState) -> Int {
        let questions = Interview.perServiceQuestions(state.rules).map(\.id)
        return 6 + (questions.firstIndex(of: question) ?? 0)
    }

    /// The example with orders' screen open and the cursor on `question`'s row.
    private func orders(_ question: String, size: TerminalSize = TerminalSize(width: 80, height: 24)) throws -> AppState {
        let start = InterviewFixtures.press(try InterviewFixtures.state("examples/three-services-spa.yaml", size: size),
                                            [.right, .enter, .enter])
        return InterviewFixtures.press(start, Array(repeating: Key.down, count: Self.row(question, start)))
    }

    private func apiOf(_ service: String, _ state: AppState) -> APIAdvice? {
        state.advice.apis.first { $0.services.contains(service) }
    }

    @Test func aNumberIsTypedPrefilledWithTheInheritedValueAndValidatedLikeTheTopLevelEditor() throws {
        var state = try orders("max-duration")
        let before = state.advice
        state = InterviewFixtures.press(state, [.enter])
        // The line editor holds the value orders inherits (the example's top-level 3 s).
        guard case .edit(.serviceAnswer(service: 0, question: "max-duration"), let editor) = state.mode else {
            Issue.record("no editor: \(state.mode)")
            return
        }
        #expect(editor.text == "3")
        // Out of range and not a number: refused with the top-level editor's words, the editor stays open.
        let topLevel = try InterviewFixtures.state("examples/three-services-spa.yaml")
        for typed in ["100000", "abc"] {
            let refused = InterviewFixtures.press(state, [.ctrl("u")] + Key.typing(typed) + [.enter])
            var top = topLevel
            top.jump(to: "max-duration")
            top = InterviewFixtures.press(top, [.enter, .ctrl("u")] + Key.typing(typed) + [.enter])
            #expect(refused.message?.kind == .error)
            #expect(refused.message?.text == top.message?.text)
            #expect(refused.inventory == state.inventory)
            guard case .edit(.serviceAnswer(service: 0, question: "max-duration"), _) = refused.mode else {
                Issue.record("the editor closed on \(typed)")
                continue
            }
        }
        state = InterviewFixtures.press(state, [.ctrl("u")] + Key.typing("40") + [.enter])
        #expect(state.mode == .inventory)
        #expect(state.inventory.services[0].answers["max-duration"] == .number(40))
        #expect(state.answers.values["max-duration"] == .number(3))
        #expect(state.message?.text == "orders: max-duration = 40 s")
        // The advice is recomputed: the orders API now sees 40 s, the others still 3 s.
        #expect(state.advice != before)
        let rules = state.rules
        var expected = try InterviewFixtures.answers("examples/three-services-spa.yaml", rules: rules)
        guard case .inventory(var inventory)? = expected.values["services"] else { throw Failure("no inventory") }
        inventory.services[0].answers["max-duration"] = .number(40)
        expected.values["services"] = .inventory(inventory)
        #expect(state.answers == expected)
        #expect(state.advice == Engine(rules: rules).advise(expected, whatWouldChange: false))
        // The row shows the own answer; an empty field returns orders to the top-level answer.
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        #expect(screen.contains("> max-duration: 40"))
        state = InterviewFixtures.press(state, [.enter, .ctrl("u"), .enter])
        #expect(state.inventory.services[0].answers["max-duration"] == nil)
        #expect(state.message?.text == "orders takes the top-level answer to max-duration")
    }

    @Test func aMultiSelectStartsFromTheInheritedChoicesAndEscRestores() throws {
        var state = try orders("consumers")
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.mode == .serviceAnswer(ServiceAnswerEditor(service: 0, question: "consumers", cursor: 0, before: nil)))
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        #expect(screen.contains("[x] Web browsers"))
        #expect(screen.contains("Inherits the top-level answer; a choice"))
        let choices = try #require(state.rules.question("consumers")).choiceIDs
        let mobile = try #require(choices.firstIndex(of: "mobile"))
        let partners = try #require(choices.firstIndex(of: "partners"))
        // Space toggles from the inherited [browser]; each toggle is the service's answer at once (the advice follows).
        state = InterviewFixtures.press(state, Array(repeating: Key.down, count: partners) + [.char(" ")])
        #expect(state.inventory.services[0].answers["consumers"] == .choices(["browser", "partners"]))
        #expect(apiOf("orders", state)?.services == ["orders"])
        // Esc cancels: orders inherits again.
        let cancelled = InterviewFixtures.press(state, [.escape])
        #expect(cancelled.mode == .inventory)
        #expect(cancelled.inventory.services[0].answers["consumers"] == nil)
        // Enter keeps what the checkboxes show.
        state = InterviewFixtures.press(state, Array(repeating: Key.up, count: partners - mobile) + [.char(" "), .enter])
        #expect(state.mode == .inventory)
        #expect(state.inventory.services[0].answers["consumers"] == .choices(["browser", "mobile", "partners"]))
        #expect(state.message?.text == "orders: consumers = browser,mobile,partners")
    }

    @Test func aSingleChoiceAndAYesNoAreChosenWithEnter() throws {
        var state = try orders("user-geography")
        state = InterviewFixtures.press(state, [.enter])
        // The cursor starts on the inherited choice.
        #expect(state.serviceAnswerEditor?.cursor == 0)
        state = InterviewFixtures.press(state, [.down, .enter])
        #expect(state.inventory.services[0].answers["user-geography"] == .choice("worldwide"))
        #expect(state.mode == .inventory)
        state = InterviewFixtures.press(state, [.down, .down, .enter])
        #expect(state.serviceAnswerEditor?.question == "browser-credentials")
        #expect(state.serviceAnswerEditor?.cursor == 1)
        state = InterviewFixtures.press(state, [.up, .enter])
        #expect(state.inventory.services[0].answers["browser-credentials"] == .bool(true))
        // x in the editor returns the service to the top-level answer.
        state = InterviewFixtures.press(state, [.enter, .char("x")])
        #expect(state.inventory.services[0].answers["browser-credentials"] == nil)
        #expect(state.message?.text == "orders takes the top-level answer to browser-credentials")
    }

    @Test func aListAddsToTheInheritedItemsAndRefusesWhatAnAnswersFileRefuses() throws {
        var state = try orders("browser-origins")
        state = InterviewFixtures.press(state, [.enter, .char("a")] + Key.typing("ftp://admin") + [.enter])
        #expect(state.message?.kind == .error)
        // The words the top-level list editor uses for the same item.
        var top = try InterviewFixtures.state("examples/three-services-spa.yaml")
        top.jump(to: "browser-origins")
        top = InterviewFixtures.press(top, [.enter, .char("a")] + Key.typing("ftp://admin") + [.enter])
        #expect(top.message?.kind == .error)
        #expect(state.message?.text == top.message?.text)
        #expect(state.inventory.services[0].answers["browser-origins"] == nil)
        state = InterviewFixtures.press(state, [.ctrl("u")] + Key.typing("https://admin.shop.example.com") + [.enter])
        #expect(state.inventory.services[0].answers["browser-origins"] == .list(["https://shop.example.com", "https://admin.shop.example.com"]))
        #expect(state.serviceAnswerEditor?.cursor == 1)
        // d deletes the highlighted item of the service's list.
        state = InterviewFixtures.press(state, [.up, .char("d")])
        #expect(state.inventory.services[0].answers["browser-origins"] == .list(["https://admin.shop.example.com"]))
        state = InterviewFixtures.press(state, [.escape])
        #expect(state.mode == .inventory)
    }

    @Test func aQuestionNotAskedForTheServiceIsRefusedAndDimmed() throws {
        var state = try orders("multiple-auth-same-method")
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false)
        #expect(screen.lines().contains { $0.contains("> multiple-auth-same-method: not asked") })
        // Off the cursor, the row is dimmed.
        let above = Screen.render(InterviewFixtures.press(state, [.up]), size: TerminalSize(width: 80, height: 24), ascii: false)
        let line = try #require(above.lines().firstIndex { $0.contains("multiple-auth-same-method: not asked") })
        #expect(above.cell(x: 4, y: line)?.style == Theme.hidden)
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.mode == .inventory)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.hasPrefix("Not asked for orders: asked only when") == true)
        // Once orders answers two mechanisms, it is asked for orders (and not at the top level).
        state = InterviewFixtures.press(state, [.up, .up, .enter, .down, .down, .char(" "), .enter])
        #expect(state.inventory.services[0].answers["auth-mechanisms"]?.members?.count == 2)
        state = InterviewFixtures.press(state, [.down, .down, .enter])
        #expect(state.serviceAnswerEditor?.question == "multiple-auth-same-method")
        #expect(state.status(of: "multiple-auth-same-method") == .hidden)
    }

    @Test func movingTheCursorInTheEditorLeavesTheAnswersAndAdviceAlone() throws {
        let state = InterviewFixtures.press(try orders("gateway-features"), [.enter])
        for key in [Key.down, .down, .up, .end, .home] {
            let (next, effects) = Interview.update(state, KeyMap.action(for: key, in: state))
            #expect(effects.isEmpty)
            #expect(next.answers == state.answers)
            #expect(next.advice == state.advice && next.previousAdvice == state.previousAdvice)
        }
    }

    @Test func serviceAnswerScreens() throws {
        for size in InterviewGoldenTests.sizes {
            let multi = InterviewFixtures.press(try orders("consumers", size: size), [.enter, .down, .char(" ")])
            try Golden.check(Screen.render(multi, size: size, ascii: false), "service-answer-multi-\(size.width)x\(size.height)")
            let number = InterviewFixtures.press(try orders("max-duration", size: size), [.enter])
            try Golden.check(Screen.render(number, size: size, ascii: false), "service-answer-number-\(size.width)x\(size.height)")
        }
    }
}

private struct Failure: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
