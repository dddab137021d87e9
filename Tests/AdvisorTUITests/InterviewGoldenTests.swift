import AdvisorCore
import Testing
@testable import AdvisorTUI

/// Golden screens of the main states at 80x24 and 120x40 (Golden/NAME-WxH.txt; UPDATE_GOLDEN=1 rewrites them).
@Suite struct InterviewGoldenTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    private func check(_ name: String, _ make: (TerminalSize) throws -> AppState, ascii: Bool = false) throws {
        for size in Self.sizes {
            let state = try make(size)
            try Golden.check(Screen.render(state, size: size, ascii: ascii), "\(name)-\(size.width)x\(size.height)")
        }
    }

    private func example(_ size: TerminalSize, _ keys: [Key]) throws -> AppState {
        InterviewFixtures.press(try InterviewFixtures.state("examples/three-services-spa.yaml", size: size), keys)
    }

    @Test func start() throws {
        try check("start") { try InterviewFixtures.state(size: $0) }
    }

    @Test func choiceQuestion() throws {
        // Consumers: browsers replaced by mobile apps. The CORS recommendation changes (marked "*") and the
        // browser questions become hidden, at once.
        try check("choice") { try example($0, [.right, .right, .enter, .down, .char(" "), .up, .char(" ")]) }
    }

    @Test func inventoryEditor() throws {
        try check("inventory") { try example($0, [.right, .enter, .down]) }
        try check("inventory-service") { try example($0, [.right, .enter, .enter]) }
    }

    @Test func perAPIOutcomes() throws {
        // Two APIs that choose differently: the pane lists each API's choice, the why view explains each API.
        func mixed(_ size: TerminalSize, _ keys: [Key]) throws -> AppState {
            InterviewFixtures.press(try InterviewFixtures.state("examples/partner-tier-beside-browser-app.yaml", size: size), keys)
        }
        try check("per-api-pane") { try mixed($0, [.tab]) }
        try check("per-api-why") { try mixed($0, [.tab, .down, .down, .enter]) }
    }

    @Test func whyView() throws {
        try check("why") { try example($0, [.tab, .enter]) }
    }

    @Test func conflict() throws {
        try check("conflict") {
            InterviewFixtures.press(try InterviewFixtures.state("examples/conflict-private-mtls.yaml", size: $0), [.right, .right])
        }
        try check("conflict-list") {
            InterviewFixtures.press(try InterviewFixtures.state("examples/conflict-private-mtls.yaml", size: $0), [.char("c")])
        }
    }

    @Test func help() throws {
        try check("help") { try example($0, [.right, .right, .char("?")]) }
    }

    @Test func layoutTreeAndDialogs() throws {
        try check("layout") { try example($0, [.char("t")]) }
        try check("save-prompt") { try example($0, [.char("s")]) }
    }

    @Test func estimateView() throws {
        // Defaulted traffic (every figure marked) and an answered high-traffic API with its scale findings, scrolled.
        try check("estimate") { try example($0, [.char("$")]) }
        try check("estimate-public-read") {
            InterviewFixtures.press(try InterviewFixtures.state("examples/public-read-api.yaml", size: $0), [.char("$"), .pageDown])
        }
    }

    @Test func asciiFallback() throws {
        try Golden.check(Screen.render(try example(TerminalSize(width: 80, height: 24), [.right, .right, .enter]),
                                       size: TerminalSize(width: 80, height: 24), ascii: true), "choice-ascii-80x24")
    }

    @Test func tooSmallTerminal() throws {
        let state = try InterviewFixtures.state()
        try Golden.check(Screen.render(state, size: TerminalSize(width: 59, height: 16), ascii: false), "too-small-59x16")
        try Golden.check(Screen.render(state, size: TerminalSize(width: 80, height: 15), ascii: false), "too-small-80x15")
        // Every tiny size draws something without crashing.
        for width in 0...8 {
            for height in 0...4 {
                let canvas = Screen.render(state, size: TerminalSize(width: width, height: height), ascii: false)
                #expect(canvas.width == width && canvas.height == height)
            }
        }
        #expect(Screen.render(state, size: TerminalSize(width: 1, height: 1), ascii: false).lines() == ["E"])
    }

    @Test func userTextIsSanitizedOnScreen() throws {
        var state = try InterviewFixtures.state()
        state.setAnswer("services", .inventory(Inventory(services: [Service(name: "evil", team: "t\u{1B}[31mred")])))
        state.jump(to: "services")
        state = InterviewFixtures.press(state, [.enter])
        let text = Screen.render(state, size: TerminalSize(width: 80, height: 24), ascii: false).lines().joined()
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("team t\u{FFFD}red"))
    }
}
