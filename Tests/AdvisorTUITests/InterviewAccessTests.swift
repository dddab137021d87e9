import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI

/// Setting and clearing access per service, resource and method in the inventory editor, and replaying it.
@Suite struct InterviewAccessTests {
    /// From the three-services example: opens the inventory and sets access as Fixtures/three-services-access.yaml has it.
    static var accessKeys: [Key] {
        var keys: [Key] = [.right, .enter]
        // orders: public, then users (the service); /orders GET public; /orders/{orderId} iam for every method.
        keys += [.enter, .char("p"), .char("p")]
        keys += [.down, .down, .down, .enter, .char("p"), .escape]
        keys += [.down, .char("p"), .char("p"), .char("p"), .char("p"), .escape]
        // catalog: public, users, cleared (inherits again), public.
        keys += [.down, .enter, .char("p"), .char("p"), .char("x"), .char("p"), .escape]
        return keys
    }

    /// After `accessKeys`: orders' own answers, typed and chosen on its screen (max-duration 40 s, callers worldwide).
    static var serviceAnswerKeys: [Key] {
        // orders: 3 fields, 2 resources, "+ add a resource" (rows 0-5), then the per-service questions.
        var keys: [Key] = [.up, .enter] + Array(repeating: Key.down, count: 14)
        keys += [.enter, .ctrl("u")] + Key.typing("40") + [.enter]
        keys += Array(repeating: Key.up, count: 7) + [.enter, .down, .enter, .escape]
        return keys
    }

    private func example(_ size: TerminalSize = TerminalSize(width: 80, height: 24)) throws -> AppState {
        try InterviewFixtures.state("examples/three-services-spa.yaml", size: size)
    }

    @Test func accessKeysStepAndClearServiceResourceAndMethodAccess() throws {
        var state = InterviewFixtures.press(try example(), [.right, .enter, .enter, .char("p")])
        #expect(state.inventory.services[0].access == "public")
        #expect(state.message?.text == "Access of service orders: public")
        state = InterviewFixtures.press(state, [.char("p"), .char("p"), .char("p"), .char("p")])
        #expect(state.inventory.services[0].access == "custom")
        // After custom the cycle returns to not set.
        state = InterviewFixtures.press(state, [.char("p")])
        #expect(state.inventory.services[0].access == nil)
        // On a resource row: the resource's access for every method; x clears it.
        state = InterviewFixtures.press(state, [.down, .down, .down, .char("p"), .char("p")])
        #expect(state.inventory.services[0].resources[0].access == ["*": "users"])
        state = InterviewFixtures.press(state, [.char("x")])
        #expect(state.inventory.services[0].resources[0].access.isEmpty)
        // Inside the resource: per method; a method the resource does not have is refused.
        state = InterviewFixtures.press(state, [.enter, .char("p"), .down, .down, .char("p")])
        #expect(state.inventory.services[0].resources[0].access == ["GET": "public"])
        #expect(state.message?.kind == .error)
        #expect(state.message?.text == "/orders has no PUT; toggle it on with Space first")
        // Turning a method off drops its access.
        state = InterviewFixtures.press(state, [.up, .char("p"), .char(" ")])
        #expect(state.inventory.services[0].resources[0].access == ["GET": "public"])
        #expect(state.inventory.services[0].resources[0].methods == ["GET"])
        #expect(state.dirty)
        // The services list has no access key: `p` there is ignored typing and changes nothing.
        let before = InterviewFixtures.press(state, [.escape, .escape])
        state = InterviewFixtures.press(before, [.char("p")])
        #expect(state.message?.text.hasPrefix("Typing ignored") == true)
        #expect(state.inventory == before.inventory)
    }

    @Test func theEditedInventoryIsTheHandWrittenOne() throws {
        let rules = try InterviewFixtures.rules()
        let state = InterviewFixtures.press(try example(), Self.accessKeys + Self.serviceAnswerKeys)
        #expect(state.inventory.services[0].answers == ["max-duration": .number(40), "user-geography": .choice("worldwide")])
        let expected = try InterviewFixtures.answers("Tests/AdvisorTUITests/Fixtures/three-services-access.yaml", rules: rules)
        #expect(state.answers == expected)
    }

    @Test func aSavedSessionReplaysToTheRecordOfTheHandWrittenFile() throws {
        let rules = try InterviewFixtures.rules()
        let keys = Self.accessKeys + Self.serviceAnswerKeys + [.escape, .char("s"), .ctrl("u")] + Key.typing("access.yaml") + [.enter, .char("y"), .char("q")]
        let terminal = ScriptedTerminal(width: 80, height: 24, keys: keys)
        let performer = RecordingEffectPerformer()
        let runner = InterviewRunner(terminal: terminal, performer: performer, state: try example())
        #expect(try runner.run() == .quit)
        let saved = try #require(performer.files["access.yaml"])
        // The saved file is checked in, so the end-to-end test can replay it through `apigw-advisor advise`.
        let savedURL = InterviewFixtures.testsFolder.appendingPathComponent("Fixtures/three-services-access.saved.yaml")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try saved.write(to: savedURL, atomically: true, encoding: .utf8)
        }
        #expect(saved == (try String(contentsOf: savedURL, encoding: .utf8)))
        let replayed = try Answers.parse(saved, file: "access.yaml", rules: rules)
        let expected = try InterviewFixtures.answers("Tests/AdvisorTUITests/Fixtures/three-services-access.yaml", rules: rules)
        #expect(replayed == expected)
        let context = ReportContext(answersFile: "answers.yaml", date: InterviewFixtures.date, rules: rules)
        let engine = Engine(rules: rules)
        #expect(MarkdownExporter.render(engine.advise(replayed), context: context)
                == MarkdownExporter.render(engine.advise(expected), context: context))
    }

    @Test func accessScreens() throws {
        for size in InterviewGoldenTests.sizes {
            let service = InterviewFixtures.press(try example(size), Self.accessKeys + [.up, .enter])
            try Golden.check(Screen.render(service, size: size, ascii: false), "inventory-access-service-\(size.width)x\(size.height)")
            let resource = InterviewFixtures.press(service, [.down, .down, .down, .enter])
            try Golden.check(Screen.render(resource, size: size, ascii: false), "inventory-access-resource-\(size.width)x\(size.height)")
        }
    }

    @Test func theWhyViewExplainsEachAPIOfADecisionThatVaries() throws {
        let state = try InterviewFixtures.state("examples/partner-tier-beside-browser-app.yaml")
        #expect(state.advice.outcome("api-type")?.status == .varies)
        let texts = WhyView.lines(state, "api-type", ascii: false).map(\.text)
        let storefront = try #require(texts.firstIndex { $0.hasPrefix("API storefront-api (storefront): HTTP API") })
        let partners = try #require(texts.firstIndex { $0.hasPrefix("API partner-feed-api (partner-feed): REST API") })
        #expect(storefront < partners)
        // Each API's own rules and evidence follow its heading.
        #expect(texts[storefront..<partners].contains { $0.contains("api-type.http-is-cheaper: recommend http") })
        #expect(texts[partners...].contains { $0.contains("api-type.usage-plans-need-rest") })
        #expect(texts[partners...].contains { $0.hasPrefix("on: ") })
        #expect(!texts.contains { $0.contains("no option (conflict)") })
        // The pane lists each API's choice under the decision.
        let decision = try #require(state.rules.decision("api-type"))
        #expect(RecommendationPane.apiChoices(state, decision, long: false) == ["    storefront-api: http", "    partner-feed-api: rest"])
    }

    @Test func aServiceListsItsOwnAnswersAndXReturnsOneToInheriting() throws {
        let start = try InterviewFixtures.state("examples/partner-tier-beside-browser-app.yaml")
        // storefront: 3 fields, 3 resources, "+ add a resource", then the per-service questions (consumers first).
        var state = InterviewFixtures.press(start, [.right, .enter, .enter] + Array(repeating: Key.down, count: 7))
        let screen = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined(separator: "\n")
        #expect(screen.contains("> consumers: [browser]"))
        #expect(screen.contains("browser-credentials: (inherits yes)"))
        #expect(state.inventory.services[0].answers["consumers"] == .choices(["browser"]))
        // Enter opens the service's own editor (InterviewServiceAnswerTests); Esc leaves it unchanged.
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.serviceAnswerEditor?.question == "consumers")
        state = InterviewFixtures.press(state, [.escape])
        #expect(state.mode == .inventory)
        #expect(state.inventory == start.inventory)
        state = InterviewFixtures.press(state, [.char("x")])
        #expect(state.inventory.services[0].answers["consumers"] == nil)
        #expect(state.inventory.services[0].answers["auth-mechanisms"] != nil)
        #expect(state.message?.text == "Cleared consumers of storefront; it takes the top-level answer")
        state = InterviewFixtures.press(state, [.char("x")])
        #expect(state.message?.text == "storefront already takes the top-level answer to consumers")
        #expect(state.inventory.services[0].access == start.inventory.services[0].access)
    }
}
