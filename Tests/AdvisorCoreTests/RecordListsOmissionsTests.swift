import Foundation
import Testing
@testable import AdvisorCore

/// The record and the template header agree on what `generate` leaves out: every sentence of the header's
/// "Not generated" list is in the markdown record, and a record without the list has a header without one.
@Suite struct RecordListsOmissionsTests {
    @Test(arguments: try GeneratorFixtures.exampleFiles())
    func theRecordListsWhatTheTemplateLeavesOut(example: String) throws {
        let rules = try GeneratorFixtures.rules()
        let path = GeneratorFixtures.repoRoot.appendingPathComponent("examples/" + example).path
        let advice = Engine(rules: rules).advise(try Answers.load(path: path, rules: rules), whatWouldChange: false)
        let context = GeneratorFixtures.context(rules, file: "examples/" + example)
        let record = MarkdownExporter.render(advice, context: context)
        let omissions = SkeletonGenerator.omissions(advice, context: context)
        guard let template = try? SAMTemplateGenerator.render(advice, context: context, recordName: "r") else {
            // generate refuses: the record says so with the same reasons.
            #expect(!omissions.refusal.isEmpty && record.contains("It refuses to write templates for this advice"))
            return
        }
        let header = template.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: " ")
        #expect(header.contains("Not generated") == !omissions.notGenerated.isEmpty)
        #expect(record.contains("What `generate` leaves out") == !omissions.notGenerated.isEmpty)
        for item in omissions.notGenerated {
            #expect(record.contains(MarkdownText.inline(item)), "record lacks: \(item)")
        }
    }
}
