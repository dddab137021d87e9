import Foundation
import Testing
@testable import AdvisorCore

/// Answers files: every class of bad input gets an error with its location, key and allowed values.
@Suite struct AnswersTests {
    let rules: RuleSet

    init() throws { rules = try EngineFixture.ruleSet("rules: []\n") }

    func problems(_ text: String) -> [InputError] { EngineFixture.problems(text, rules: rules) }

    @Test func validYAMLAndJSONGiveTheSameAnswers() throws {
        let yaml = try Answers.parse("color: blue\ntags: [b, a]\nseconds: 12.5\nflag: yes\nowner: me\n", file: "a.yaml", rules: rules)
        let json = try Answers.parse(#"{"color": "blue", "tags": ["a", "b"], "seconds": 12.5, "flag": true, "owner": "me"}"#, file: "a.json", rules: rules)
        #expect(yaml == json)
        #expect(yaml.values["tags"] == .choices(["a", "b"]), "multi-choice answers are kept in catalog order")
        #expect(yaml.locations["seconds"]?.line == 3)
    }

    @Test func malformedYAML() {
        let error = problems("color: [blue\nflag: true\n").first
        #expect(error?.message.contains("malformed") == true)
        #expect(error?.location.file == "a.yaml")
        #expect((error?.location.line ?? 0) >= 1)
    }

    @Test func malformedJSONHasLineAndColumn() {
        let error = problems("{\n  \"color\": \"blue\",\n  \"flag\": tru e,\n}\n").first
        #expect(error?.location.line ?? 0 >= 3)
    }

    @Test func unknownKeySuggestsTheNearestQuestion() {
        let error = problems("colour: blue\n").first
        #expect(error?.key == "colour")
        #expect(error?.suggestion == "color")
        #expect(error?.location.line == 1 && error?.location.column == 1)
        #expect(error?.allowed.contains("seconds") == true)
    }

    @Test func wrongTypes() {
        let text = problems("color: [blue]\nseconds: soon\nflag: maybe\ntags: {a: 1}\n").map(\.description).joined(separator: "\n")
        #expect(text.contains("a.yaml:1:8: error: 'color': expected one choice, found a list"))
        #expect(text.contains("a.yaml:2:10: error: 'seconds': expected a number in s, found a string"))
        #expect(text.contains("'flag': expected yes/no"))
        #expect(text.contains("'tags': expected a list of strings, found a mapping"))
    }

    @Test func outOfRange() {
        let error = problems("seconds: 901\n").first
        #expect(error?.description == "a.yaml:1:10: error: 'seconds': 901 is out of range 0...900 s")
    }

    @Test func unknownChoiceListsAllowedValues() {
        let error = problems("color: bleu\n").first
        #expect(error?.suggestion == "blue")
        #expect(error?.allowed == ["red", "blue"])
        #expect(error?.description.contains("allowed: red, blue") == true)
    }

    @Test func patternsAndControlCharacters() {
        #expect(problems("name: Bad_Name\n").first?.message.contains("does not match") == true)
        #expect(problems("name: \"a\\x1b[31m\"\n").first?.message.contains("control character") == true)
    }

    @Test func inventoryProblems() {
        let text = problems("""
        services:
          - name: Orders
            resources:
              - {path: orders, methods: [GET]}
              - {path: "/a/{proxy+}/b", methods: [GET]}
              - {path: /x, methods: [FETCH]}
          - name: orders2
            colour: red
        """).map(\.description).joined(separator: "\n")
        #expect(text.contains("service name 'Orders' must match"))
        #expect(text.contains("must start with /"))
        #expect(text.contains("greedy {name+} segment must be the last one"))
        #expect(text.contains("unknown HTTP method 'FETCH'"))
        #expect(text.contains("'colour': unknown key in a service"))
    }

    @Test func emptyFile() {
        #expect(problems("").first?.message == "the file is empty")
        #expect(problems("# only a comment\n\n").first?.message == "the file is empty")
    }

    @Test func hugeFile() {
        let big = String(repeating: "# padding line\n", count: DocNode.maxBytes / 10)
        #expect(problems(big).first?.message.contains("the limit is") == true)
    }

    @Test func topLevelMustBeAMapping() {
        #expect(problems("- a\n- b\n").first?.message.contains("expected a mapping") == true)
    }

    @Test func duplicateKeys() {
        #expect(problems("color: red\ncolor: blue\n").first?.message.contains("duplicate") == true)
    }

    @Test func missingFile() {
        do {
            _ = try Answers.load(path: "/nonexistent/answers.yaml", rules: rules)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/answers.yaml: error: answers file not found")
        }
    }

    @Test func defaultsAndMissingAreListed() throws {
        let sheet = AnswerSheet(answers: try Answers.parse("color: blue\n", file: "a.yaml", rules: rules), rules: rules)
        #expect(sheet.missing(in: rules) == ["services", "owner"])
        #expect(sheet.defaulted(in: rules).contains("seconds"))
        #expect(sheet.status["color"] == .answered)
    }

    @Test func writerRoundTrips() throws {
        let text = """
        services:
          - name: orders
            team: "team: one"
            deploys-independently: false
            resources:
              - {path: "/orders/{id}", methods: [GET, DELETE]}
        color: blue
        tags: [a, c]
        seconds: 29.5
        flag: true
        origins: ["https://a.example"]
        name: "yes"
        owner: "multi: line \\"quoted\\" #x"
        """
        let rulesWithName = rules
        let answers = try Answers.parse(text, file: "a.yaml", rules: rulesWithName)
        let written = AnswersWriter.yaml(answers, rules: rulesWithName, header: ["saved"])
        let again = try Answers.parse(written, file: "b.yaml", rules: rulesWithName)
        #expect(again == answers)
        #expect(written.hasPrefix("# saved\n"))
    }
}

/// Line endings other than LF.
@Suite struct LineEndingTests {
    @Test func crlfFileStartingWithACommentIsNotEmpty() throws {
        let rules = try EngineFixture.ruleSet("rules: []\n")
        let answers = try Answers.parse("# saved on Windows\r\ncolor: blue\r\nowner: me\r\n", file: "w.yaml", rules: rules)
        #expect(answers.values["color"] == .choice("blue"))
        #expect(answers.locations["color"]?.line == 2)
    }

    @Test func crlfCommentsOnlyIsEmpty() throws {
        let rules = try EngineFixture.ruleSet("rules: []\n")
        do {
            _ = try Answers.parse("# one\r\n  # two\r\n", file: "w.yaml", rules: rules)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.message == "the file is empty")
        }
    }
}
