import Foundation
import AdvisorCore
import BundledRules
import Testing

/// Exporting records again: only new or changed decisions get a record, the replaced record is marked
/// superseded, unchanged ones are left alone, and numbering keeps working past 9999.
@Suite struct MADRSupersedeTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    private func advice(_ values: [String: AnswerValue]) -> Advice {
        let inventory = Inventory(services: [Service(name: "orders", resources: [Resource(path: "/orders", methods: ["GET"])])])
        var all = values
        all["services"] = all["services"] ?? .inventory(inventory)
        return Engine(rules: rules).advise(Answers(all))
    }

    private func context() -> ReportContext { ReportContext(answersFile: "answers.yaml", date: "2026-12-01", rules: rules) }

    @Test func aSecondExportOfTheSameAdviceWritesNothing() {
        let first = MADRExporter.plan(advice([:]), context: context(), existing: [])
        #expect(first.newRecords.count == rules.decisions.count)
        #expect(first.superseded.isEmpty && first.unchanged.isEmpty)
        let again = MADRExporter.plan(advice([:]), context: context(), existing: first.newRecords)
        #expect(again.newRecords.isEmpty)
        #expect(again.superseded.isEmpty)
        #expect(again.unchanged.count == rules.decisions.count)
        #expect(MADRExporter.summary(again, folder: "docs/decisions").contains("unchanged"))
    }

    @Test func aChangedOutcomeGetsANewRecordAndSupersedesTheOldOne() throws {
        let before = advice([:])
        let folder = MADRExporter.plan(before, context: context(), existing: []).newRecords
        let after = advice(["gateway-features": .choices(["usage-plans"])])
        let changed = Set(after.decisions.filter { before.outcome($0.decision)?.chosen != $0.chosen }.map(\.decision))
        #expect(changed.contains("api-type"))
        let plan = MADRExporter.plan(after, context: context(), existing: folder)
        let newDecisions = plan.newRecords.map { MADRExporter.ExistingRecord(fileName: $0.fileName, text: $0.text).decision ?? "" }
        #expect(Set(newDecisions).isSuperset(of: changed))
        #expect(plan.unchanged.count + plan.newRecords.count == rules.decisions.count)
        #expect(plan.newRecords.count == plan.superseded.count)
        let next = folder.count + 1
        #expect(plan.newRecords.first?.fileName.hasPrefix(String(format: "%04d-", next)) == true)
        // The replaced record now says which record superseded it; only its status line changed.
        let apiNew = try #require(plan.newRecords.first { $0.text.contains("decision `api-type`") })
        let apiOld = try #require(folder.first { $0.text.contains("decision `api-type`") })
        let marked = try #require(plan.superseded.first { $0.fileName == apiOld.fileName })
        let number = String(apiNew.fileName.prefix(4))
        #expect(marked.text.contains("\nstatus: superseded by \(number)\n"))
        #expect(marked.text.replacingOccurrences(of: "status: superseded by \(number)", with: "status: proposed") == apiOld.text)
        #expect(apiNew.text.contains("Supersedes [\(apiOld.fileName)](\(apiOld.fileName))"))
        // Unchanged decisions' records are not touched.
        for name in plan.superseded.map(\.fileName) { #expect(folder.contains { $0.fileName == name }) }

        // Going back supersedes the second record, not the already superseded first one.
        var updated = folder.filter { record in !plan.superseded.contains { $0.fileName == record.fileName } }
        updated += plan.superseded + plan.newRecords
        let back = MADRExporter.plan(before, context: context(), existing: updated)
        #expect(back.superseded.map(\.fileName).sorted() == plan.newRecords.map(\.fileName).sorted())
    }

    @Test func numberingContinuesPast9999() {
        #expect(MADRExporter.nextNumber(after: ["0007-a.md", "9999-b.md"]) == 10000)
        #expect(MADRExporter.nextNumber(after: ["9999-b.md", "10000-c.md"]) == 10001)
        #expect(MADRExporter.nextNumber(after: ["10000-c.md", "README.md", "123-x.md"]) == 10001)
        #expect(MADRExporter.fileName(number: 10000, title: "Endpoint type") == "10000-endpoint-type.md")
        let existing = [(fileName: "9999-old.md", text: "")]
        let first = MADRExporter.plan(advice([:]), context: context(), existing: existing)
        #expect(first.newRecords.first?.fileName.hasPrefix("10000-") == true)
        let second = MADRExporter.plan(advice(["gateway-features": .choices(["usage-plans"])]), context: context(),
                                       existing: existing + first.newRecords)
        let numbers = Set((existing + first.newRecords + second.newRecords).map(\.fileName).compactMap(MADRExporter.number(of:)))
        #expect(numbers.count == 1 + first.newRecords.count + second.newRecords.count, "no number is used twice")
    }
}
