import Foundation
import Testing
import Yams
@testable import AdvisorCore

/// Every string the generators write is emitted safely and reads back as itself (issue 10, item 2).
@Suite struct YAMLWriterSafetyTests {
    /// (A byte-order mark only inside a string: Foundation, which Yams decodes scalars with, drops a leading one.)
    static let hostile: [String] = [
        "a\u{2028}Conditions:\n  Injected: true", "b\u{85}Resources: {}", "c\u{2029}x: 1", "crlf\r\nline", "cr\ronly",
        "trailing \n", "\n  indented after a blank line", " leading space", "a: b", "#comment", "- item", "yes", "No",
        "1e3", "0x1F", "012", "2026-01-01", "x\u{FEFF}bom", "esc \u{1B}[2J", "del\u{7F}", "tab\there", "quote\"back\\slash",
        "line\nbreak", "two\nlines\n", "emoji 😀", "non\u{FFFE}char", "", "~", "null", "'single", "%percent", "@at",
        "`tick", "a #b", "ends with colon:", "c1 \u{9B}2J", "*alias", "&anchor", "!tag", "{flow}", "[flow]", "?", "|", ">",
        "text with \u{2028} inside\nand a second line", "nel \u{85}\nin a block", "ok plain text",
    ]

    static func document() -> String {
        let entries = hostile.enumerated().map { index, text in
            YAMLEntry(text.isEmpty ? "empty-key" : text, .mapping([YAMLEntry("value", .string(text)), YAMLEntry("list", .strings([text, "x"]))]),
                      comment: ["entry \(index): \(text)"])
        }
        let header = hostile.map { "Header: \($0)" } + ["Answers: evil\u{2028}Conditions:\u{2028}  Hack: {}"]
        return YAMLWriter.document(.mapping(entries), header: header)
    }

    @Test func everyHostileStringReadsBackWithYams() throws {
        let text = Self.document()
        guard let loaded = try Yams.load(yaml: text) as? [String: Any] else {
            Issue.record("not a mapping:\n\(text)")
            return
        }
        #expect(loaded.count == Self.hostile.count, "no key injected and none lost")
        #expect(loaded["Conditions"] == nil)
        for text in Self.hostile {
            let entry = loaded[text.isEmpty ? "empty-key" : text] as? [String: Any]
            #expect(entry?["value"] as? String == text, "value of \(text.debugDescription)")
            #expect((entry?["list"] as? [Any])?.first as? String == text, "list item \(text.debugDescription)")
        }
    }

    @Test func everyHostileStringReadsBackWithPyYAML() throws {
        guard GeneratorTools.path("python3") != nil else {
            #expect(!GeneratorTools.underCI, "python3 is needed under CI")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigw-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.yaml")
        try Data(Self.document().utf8).write(to: file)
        // PyYAML is what cfn-lint and samtranslator read templates with.
        let script = "import json,sys,yaml\nprint(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))"
        let result = try GeneratorTools.run("python3", ["-c", script, file.path])
        guard result.status == 0 else {
            #expect(result.output.contains("No module named"), "PyYAML refused the document: \(result.output)")
            return
        }
        let loaded = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(loaded?.count == Self.hostile.count)
        for text in Self.hostile {
            let entry = loaded?[text.isEmpty ? "empty-key" : text] as? [String: Any]
            #expect(entry?["value"] as? String == text, "value of \(text.debugDescription)")
        }
    }

    @Test func commentsNeverEndEarly() {
        for text in Self.hostile {
            let line = YAMLWriter.comment(text, indent: "  ")
            let breaks = line.unicodeScalars.filter { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
            #expect(breaks.isEmpty, "\(text.debugDescription) -> \(line.debugDescription)")
        }
    }

    @Test func plainScalarsStayPlain() {
        #expect(YAMLWriter.scalar("orders") == "orders")
        #expect(YAMLWriter.scalar("/orders/{orderId}") == "/orders/{orderId}")
        #expect(YAMLWriter.scalar("${AWS::Region}") == "${AWS::Region}")
        #expect(YAMLWriter.scalar("orders\n") == "\"orders\\n\"")
        #expect(YAMLWriter.scalar("a\u{2028}") == "\"a\\L\"")
        #expect(YAMLWriter.scalar("a\u{85}") == "\"a\\N\"")
        #expect(YAMLWriter.scalar("true") == "\"true\"")
    }

    /// The answers file name and the record name go into every file's header comment: a line separator
    /// there once ended the comment and the rest was read as YAML (a `Conditions:` section appeared).
    @Test func hostileFileAndRecordNamesStayInTheHeaderComment() throws {
        let rules = try GeneratorFixtures.rules()
        guard let situation = GeneratorFixtures.situations.first else { return }
        let answers = try Answers.parse(situation.answers, file: "a.yaml", rules: rules)
        let advice = Engine(rules: rules).advise(answers)
        let plain = try SkeletonGenerator.files(advice, context: ReportContext(answersFile: "a.yaml", date: GeneratorFixtures.date, rules: rules),
                                                recordName: "rec.md")
        let plainKeys = try plain.map { try Set(((Yams.load(yaml: $0.text) as? [String: Any]) ?? [:]).keys) }
        for separator in ["\u{2028}", "\u{2029}", "\u{85}", "\r", "\n"] {
            let file = "evil\(separator)Conditions:\(separator)  Injected: {}\(separator)x.yaml"
            let context = ReportContext(answersFile: file, date: GeneratorFixtures.date, rules: rules)
            let files = try SkeletonGenerator.files(advice, context: context, recordName: "rec\(separator)Outputs: {}")
            #expect(files.count == plain.count)
            for (index, generated) in files.enumerated() {
                let keys = try Set(((Yams.load(yaml: generated.text) as? [String: Any]) ?? [:]).keys)
                #expect(keys == plainKeys[index], "\(generated.path) with \(separator.debugDescription)")
                let header = generated.text.split(separator: "\n").prefix { $0.hasPrefix("#") }
                #expect(!header.joined().unicodeScalars.contains { ["\u{2028}", "\u{2029}", "\u{85}", "\r"].contains($0) })
            }
        }
    }
}
