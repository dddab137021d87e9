import AdvisorCore
import Testing
@testable import AdvisorTUI

/// The interaction, scale and cost questions are asked only when relevant: dimmed as hidden and refused by Enter
/// until the answers they depend on make them relevant.
@Suite struct InterviewRelevanceTests {
    @Test func longWorkQuestionsAppearWhenTheWorkIsLong() throws {
        var state = try InterviewFixtures.state("examples/three-services-spa.yaml")
        // 3 s of work: no result delivery, jobs or push-client questions (streaming is asked above 2 s); the cache ratio waits for caching or heavy traffic.
        for id in ["result-delivery", "jobs-per-month", "connected-clients", "cache-hit-ratio"] {
            #expect(state.status(of: id) == .hidden, "\(id)")
        }
        // Always relevant to the estimate.
        for id in ["avg-duration", "monthly-requests", "function-memory", "aws-region", "server-push"] {
            #expect(state.status(of: id) != .hidden, "\(id)")
        }
        state.jump(to: "result-delivery")
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.hasPrefix("Hidden: asked only when") == true)
        #expect(state.focus == .questions)
        state.setAnswer("max-duration", .number(40))
        for id in ["result-delivery", "jobs-per-month", "progressive-response"] { #expect(state.status(of: id) != .hidden, "\(id)") }
        state.jump(to: "result-delivery")
        state = InterviewFixtures.press(state, [.enter])
        #expect(state.focus == .answer)
        // Choosing notify brings in the connected-clients question.
        state.setAnswer("result-delivery", .choice("notify"))
        #expect(state.status(of: "connected-clients") != .hidden)
        state.setAnswer("monthly-requests", .number(200))
        #expect(state.status(of: "cache-hit-ratio") != .hidden)
    }
}
