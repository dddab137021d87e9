import Foundation
import Testing
@testable import AdvisorCore

/// The position of `needle` in `text`, for checking that sections come in order.
private func position(_ needle: String, in text: String) -> String.Index? { text.range(of: needle)?.lowerBound }

/// How often `needle` occurs in `text`.
private func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

/// The exporter tests, grouped so `--filter ExporterTests` selects all of them.
@Suite("Exporters")
struct ExporterTests {}

extension ExporterTests {
    @Suite("Markdown export")
    struct MarkdownExportTests {
        @Test func everySectionInOrder() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            let headings = ["# API Gateway and Lambda layout advice", "## Context", "## Decisions summary", "## Decisions\n",
                            "## Conflicts", "## Findings", "## Layout", "### Diagram", "## Sources"]
            let positions = headings.map { position($0, in: text) }
            #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(text.contains("- Date: 2026-11-05\n- Answers file: `team/answers.yaml`\n- Rules: export fixture, version 3.1.4"))
            #expect(text.hasSuffix("as much per request as HTTP.\n") && !text.hasSuffix("\n\n"))
        }

        @Test func contextShowsEveryQuestionWithStatusAndEscapedPipes() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            #expect(text.contains("| `consumers` | Who calls the API? | `[browser]` | answered |"))
            // The prompt holds a pipe; unescaped it would split the row into an extra column.
            #expect(text.contains("| `metering` | Do partners pay per call \\| per key? | `yes` | answered |"))
            #expect(text.contains("| `cheap` | Is price the main concern? | `yes` | hidden (not asked; default applies) |"))
            #expect(text.contains("| `budget` | What may the API cost per month? | `250` USD | default (not answered) |"))
            #expect(text.contains("| `ticket` | Which ticket tracks this? | - | missing (no answer, no default) |"))
            #expect(text.contains("| `orders` | checkout | yes | `/orders` GET, POST; `/orders/{id}` GET |"))
            #expect(text.contains("### Callers") && text.contains("### Money"))
        }

        @Test func decisionShowsQuestionOptionsChoiceAndReasons() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            #expect(text.contains("| 1 | REST API or HTTP API | REST API | decided | `fx.metering-needs-rest`, `fx.keys-suit-rest`, `fx.cheap-prefers-http` |"))
            #expect(text.contains("| 2 | CORS handling | Gateway answers preflights | by elimination (no recommendation) | `fx.browser-needs-cors` |"))
            #expect(text.contains("### 1. REST API or HTTP API\n\nDecision `api-type`. Question: Which API Gateway product fits?"))
            #expect(text.contains("Chosen: **REST API** (`rest`)."))
            #expect(text.contains("- **HTTP API** (`http`): excluded by `fx.metering-needs-rest`"))
            #expect(text.contains("- **REST API** (`rest`): chosen; score 3, recommended by `fx.keys-suit-rest`"))
            #expect(text.contains("- **No CORS** (`none`): excluded by `fx.browser-needs-cors`"))
            #expect(text.contains("  - Con: Costs more per request | about 3.5x."))
            #expect(text.contains("- `fx.metering-needs-rest` (require `rest`): Metering partners per key needs usage plans, which only REST APIs have."))
            #expect(text.contains("  - Trade-off: REST costs more per request."))
            #expect(text.contains("  - Evidence: `metering equals true: yes (value: yes)`"))
            #expect(text.contains("  - Fact `rest-only-usage-plans`: Usage plans and API keys exist only on REST APIs. (source CMP: "
                                  + "Choose between REST APIs and HTTP APIs, <https://docs.example.com/apigateway/http-api-vs-rest.html>; as of 2020-03-12)"))
            #expect(text.contains("  - Defined at `fx/fx.rules.yaml:"))
            #expect(text.contains("Resolution: "))
            #expect(text.contains("No conflicts: every decision has an option left."))
        }

        @Test func findingsAndSourcesAreListed() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            #expect(text.contains("### Warnings\n\n- **REST costs more** (`fx.rest-cost-warning`; decision: REST API or HTTP API): Budget for the higher per-request price."))
            #expect(text.contains("  - Evidence: `decision api-type is rest: yes (value: rest)`"))
            // Each source once, sorted by key, with every fact cited from it and its date.
            #expect(occurrences("- **PRICE**:", in: text) == 1)
            #expect(occurrences("- **CMP**:", in: text) == 1)
            #expect(text.contains("- **CMP**: Choose between REST APIs and HTTP APIs <https://docs.example.com/apigateway/http-api-vs-rest.html>\n"
                                  + "  - `rest-only-usage-plans` (as of 2020-03-12): Usage plans and API keys exist only on REST APIs.\n"
                                  + "- **PRICE**: API Gateway pricing <https://example.com/api-gateway/pricing/>\n"
                                  + "  - `price-ratio` (as of 2026-11-01): REST costs about 3.5 times as much per request as HTTP."))
        }

        @Test func layoutTablesAndDiagram() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            #expect(text.contains("### API `orders-api`\n\nType: REST; endpoint: unresolved; services: orders."))
            #expect(text.contains("| Method | Path | Integration | Function | Auth | Note |"))
            #expect(text.contains("| GET | `/orders/{id}` | lambda-proxy | `orders-router` |"))
            #expect(text.contains("| OPTIONS | `/orders` | mock | gateway (mock) | no | preflight answered by the gateway"))
            #expect(text.contains("CORS: gateway.\n\n- Origins: none listed\n- Credentials: not allowed"))
            #expect(text.contains("- Gateway responses that need CORS headers: DEFAULT_4XX, DEFAULT_5XX"))
            #expect(text.contains("| `orders-router` | handler |"))
            #expect(text.contains("```mermaid\nflowchart LR\n"))
            #expect(text.contains("    client_browser[\"Web #quot;browsers#quot;\"]"))
            #expect(text.contains("    api_orders_api[\"orders-api (REST, unresolved)\"]"))
            #expect(text.contains("    fn_orders_router[\"orders-router\"]"))
            #expect(text.contains("  client_browser --> api_orders_api\n  api_orders_api --> fn_orders_router"))
        }

        @Test func conflictIsShownWithBothSides() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.conflictAnswers)
            let text = MarkdownExporter.render(advice, context: context)
            #expect(text.contains("| 2 | CORS handling | none (conflict) | CONFLICT |"))
            #expect(text.contains("Chosen: none. **CONFLICT**: the hard requirements leave no option. The sides:\n\n"
                                  + "- `fx.browser-needs-cors` (require `gateway`): Browsers send preflight requests that must be answered.\n"
                                  + "  - Evidence: `consumers contains browser: yes (value: [browser, partners])`\n"
                                  + "- `fx.partners-refuse-gateway-cors` (exclude `gateway`): The partner contract forbids gateway-made CORS answers."))
            #expect(text.contains("## Conflicts\n\n### CORS handling (`cors`)\n\nNo option is left:"))
            #expect(text.contains("Unresolved because of a conflict: `cors`"))
            #expect(text.contains("`cheap` | Is price the main concern? | `yes` | default (not answered) |"))
        }

        @Test func mermaidIDsAreValidAndUnique() {
            var ids = MermaidDiagram.IDAllocator()
            let first = ids.id(for: "a-b", prefix: "fn")
            let second = ids.id(for: "a_b", prefix: "fn")
            #expect(first == "fn_a_b")
            #expect(second == "fn_a_b_2")
            #expect(ids.id(for: "a-b", prefix: "fn") == "fn_a_b")
            #expect(ids.id(for: "end", prefix: "api") == "api_end")
            #expect(ids.id(for: "x y/ü", prefix: "client") == "client_x_y__")
            #expect(MermaidDiagram.label("say \"hi\"") == "\"say #quot;hi#quot;\"")
        }
    }
}

extension ExporterTests {
    @Suite("MADR export")
    struct MADRExportTests {
        @Test func numberingContinuesAfterExistingRecords() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let existing = ["0001-x.md", "0007-y.md", "README.md", "123-short.md", "0009.md", "template.md"]
            let records = MADRExporter.records(advice, context: context, existingFileNames: existing)
            #expect(records.map(\.fileName) == ["0008-rest-api-or-http-api.md", "0009-cors-handling.md"])
            // Past 9999 the numbers get a fifth digit, and such names count (they used to be ignored, so the
            // next run picked 10000 again and failed on "already exists").
            let past = MADRExporter.records(advice, context: context, existingFileNames: existing + ["12345-later.md"])
            #expect(past.map(\.fileName) == ["12346-rest-api-or-http-api.md", "12347-cors-handling.md"])
            #expect(MADRExporter.records(advice, context: context, existingFileNames: []).map(\.fileName).first == "0001-rest-api-or-http-api.md")
            #expect(MADRExporter.nextNumber(after: ["docs/decisions/0042-old.md"]) == 43)
        }

        @Test func fileNamesAreSlugs() {
            #expect(MADRExporter.slug("REST API or HTTP API") == "rest-api-or-http-api")
            #expect(MADRExporter.slug("  Auth: JWT / Cognito?? ") == "auth-jwt-cognito")
            #expect(MADRExporter.slug("Endpoint type (edge, regional)") == "endpoint-type-edge-regional")
            #expect(MADRExporter.slug("???") == "decision")
            #expect(MADRExporter.fileName(number: 12, title: "CORS handling") == "0012-cors-handling.md")
            #expect(MADRExporter.fileName(number: 10000, title: "x") == "10000-x.md")
        }

        @Test func recordFollowsMADR() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let record = try #require(MADRExporter.records(advice, context: context, existingFileNames: []).first).text
            #expect(record.hasPrefix("---\nstatus: proposed\ndate: 2026-11-05\n---\n\n# REST API or HTTP API\n\n## Context and Problem Statement\n\nWhich API Gateway product fits?\n"))
            let sections = ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome",
                            "### Consequences", "### Confirmation", "## Pros and Cons of the Options", "## More Information"]
            let positions = sections.compactMap { position($0, in: record) }
            #expect(positions.count == sections.count)
            #expect(positions == positions.sorted())
            #expect(record.contains("## Decision Drivers\n\n* Do partners pay per call | per key? `metering equals true: yes (value: yes)` "
                                    + "(read by `fx.metering-needs-rest`, `fx.keys-suit-rest`)\n"
                                    + "* Is price the main concern? `cheap equals true: yes (value: yes, default)` (read by `fx.cheap-prefers-http`)\n"))
            #expect(record.contains("## Considered Options\n\n* REST API\n* HTTP API\n"))
            #expect(record.contains("Chosen option: \"REST API\", because metering partners per key needs usage plans, which only REST APIs have "
                                    + "(`fx.metering-needs-rest`); per-key metering is built into REST usage plans (`fx.keys-suit-rest`).\n"))
            #expect(record.contains("* Good, because has usage plans and API keys\n* Bad, because costs more per request | about 3.5x\n"
                                    + "* Bad, because REST costs more per request (trade-off named by `fx.metering-needs-rest`)"))
            #expect(record.contains("### HTTP API\n\nThe cheaper product.\n\n* Good, because roughly 70 percent cheaper\n* Bad, because no usage plans\n"
                                    + "* Bad, because these answers rule it out (`fx.metering-needs-rest`)\n"))
            #expect(record.contains("* Good, because the rules recommend it for these answers (score 3: `fx.keys-suit-rest`)\n"))
            #expect(record.contains("* `fx.metering-needs-rest` (require `rest`): "))
            #expect(record.contains("* **REST costs more** (warning, `fx.rest-cost-warning`)"))
            #expect(record.contains("* CMP: Choose between REST APIs and HTTP APIs <https://docs.example.com/apigateway/http-api-vs-rest.html>"))
            #expect(record.contains("with the rules \"export fixture\" version 3.1.4"))
            #expect(record.hasSuffix(".\n"))
        }

        @Test func conflictRecordIsStillWritten() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.conflictAnswers)
            let records = MADRExporter.records(advice, context: context, existingFileNames: [])
            #expect(records.count == 2)
            let cors = try #require(records.first { $0.fileName == "0002-cors-handling.md" }).text
            #expect(cors.hasPrefix("---\nstatus: proposed\n"))
            #expect(!cors.contains("Chosen option:"))
            #expect(cors.contains("No option is chosen: the answers lead to a conflict. No option is left:"))
            #expect(cors.contains("* `fx.browser-needs-cors` (require `gateway`): Browsers send preflight requests that must be answered. "
                                  + "(on `consumers contains browser: yes (value: [browser, partners])`)"))
            #expect(cors.contains("* `fx.partners-refuse-gateway-cors` (exclude `gateway`)"))
            // The defaulted decision explains itself through its note.
            let apiType = try #require(records.first).text
            #expect(apiType.contains("Chosen option: \"HTTP API\", because HTTP APIs cost less (`fx.cheap-prefers-http`)."))
        }

        @Test func clausesKeepAcronyms() {
            #expect(MarkdownText.clause("REST costs more.") == "REST costs more")
            #expect(MarkdownText.clause("Has keys.") == "has keys")
            #expect(MarkdownText.clause("A single origin.") == "a single origin")
            #expect(MarkdownText.clause("X-Ray is REST-only.") == "X-Ray is REST-only")
        }
    }
}

extension ExporterTests {
    @Suite("JSON export")
    struct JSONExportTests {
        @Test func roundTripsToTheSameAdvice() throws {
            for answers in [ExportFixture.decidedAnswers, ExportFixture.conflictAnswers] {
                let (advice, context) = try ExportFixture.advise(answers)
                let text = JSONExporter.render(advice, context: context)
                let document = try JSONExporter.decode(text)
                #expect(document.advice == advice)
                #expect(document == AdviceDocument(advice, context: context))
                #expect(document.schemaVersion == 2 && document.generator == "apigw-advisor")
                #expect(document.rules == RulesIdentity(name: "export fixture", version: "3.1.4"))
                #expect(document.date == "2026-11-05" && document.answersFile == "team/answers.yaml")
            }
        }

        @Test func keyNamesAndPlainAnswerValues() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let text = JSONExporter.render(advice, context: context)
            let root = try #require(try JSONValue.parse(text).object)
            #expect(root.keys.sorted() == ["advice", "answersFile", "date", "generator", "rules", "schemaVersion"])
            let adviceKeys = try #require(root["advice"]?.object).keys.sorted()
            #expect(adviceKeys == ["apis", "conflicts", "context", "decisions", "findings", "ignoredAnswers", "layout", "oldestFact", "rulesName", "rulesVersion"])
            let contextEntries = try #require(root["advice"]?.object?["context"]?.array)
            let entries = Dictionary(uniqueKeysWithValues: contextEntries.compactMap { entry in entry.object?["question"]?.string.map { ($0, entry) } })
            #expect(entries["consumers"] == .object(["question": .string("consumers"), "status": .string("answered"), "kind": .string("multi"),
                                                     "value": .array([.string("browser")])]))
            #expect(entries["metering"] == .object(["question": .string("metering"), "status": .string("answered"), "kind": .string("yesno"),
                                                    "value": .bool(true)]))
            #expect(entries["ticket"] == .object(["question": .string("ticket"), "status": .string("missing")]))
            let services = entries["services"]?.object?["value"]?.object?["services"]?.array?.first?.object
            #expect(services?.keys.sorted() == ["deploysIndependently", "name", "resources", "team"])
            #expect(!text.contains("_0"))
            #expect(text.contains("\"url\" : \"https://docs.example.com/apigateway/http-api-vs-rest.html\""))
            #expect(text.hasPrefix("{\n  \"advice\" : {") && text.hasSuffix("}\n"))
        }

        @Test func matchesTheDocumentedSchema() throws {
            let schema = try SchemaCheck.loadAdviceSchema()
            for answers in [ExportFixture.decidedAnswers, ExportFixture.conflictAnswers] {
                let (advice, context) = try ExportFixture.advise(answers)
                let violations = schema.violations(try JSONValue.parse(JSONExporter.render(advice, context: context)))
                #expect(violations.isEmpty, "\(violations)")
            }
        }

        @Test func schemaCheckCatchesMissingAndUndocumentedKeys() throws {
            let schema = try SchemaCheck.loadAdviceSchema()
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            guard case .object(var root) = try JSONValue.parse(JSONExporter.render(advice, context: context)) else {
                Issue.record("not an object")
                return
            }
            root["date"] = nil
            root["extra"] = .string("x")
            let violations = schema.violations(.object(root))
            #expect(violations.contains("$: missing required key date"))
            #expect(violations.contains("$: undocumented key extra"))
        }

        @Test func answerValuesCodeAsPlainJSON() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let encode = { (value: AnswerValue) in String(decoding: try encoder.encode(value), as: UTF8.self) }
            #expect(try encode(.choice("rest")) == "\"rest\"")
            #expect(try encode(.choices(["a", "b"])) == "[\"a\",\"b\"]")
            #expect(try encode(.bool(false)) == "false")
            #expect(try encode(.number(30)) == "30")
            #expect(try encode(.inventory(Inventory(services: [Service(name: "s")]))) == "{\"services\":[{\"deploysIndependently\":true,\"name\":\"s\",\"resources\":[]}]}")
            let decoder = JSONDecoder()
            #expect(try decoder.decode(AnswerValue.self, from: Data("[\"a\"]".utf8)) == .list(["a"]))
            #expect(try decoder.decode(AnswerValue.self, from: Data("2.5".utf8)) == .number(2.5))
            #expect(try decoder.decode(AnswerValue.self, from: Data("true".utf8)) == .bool(true))

            // With the kind beside it, every case reads back as itself.
            let values: [AnswerValue?] = [.choice("x"), .choices(["x"]), .bool(true), .number(1.5), .text("t"), .list([]),
                                          .inventory(Inventory(services: [Service(name: "s", team: "t", resources: [Resource(path: "/a", methods: ["GET"])])])), nil]
            for value in values {
                let entry = ContextEntry(question: "q", value: value, status: value == nil ? .missing : .answered)
                #expect(try decoder.decode(ContextEntry.self, from: try encoder.encode(entry)) == entry)
            }
        }
    }
}

extension ExporterTests {
    @Suite("Export determinism")
    struct ExportDeterminismTests {
        @Test func sameInputsGiveIdenticalOutputs() throws {
            for answers in [ExportFixture.decidedAnswers, ExportFixture.conflictAnswers] {
                let (first, context) = try ExportFixture.advise(answers)
                let (second, _) = try ExportFixture.advise(answers)
                #expect(MarkdownExporter.render(first, context: context) == MarkdownExporter.render(second, context: context))
                #expect(JSONExporter.render(first, context: context) == JSONExporter.render(second, context: context))
                let records = { (advice: Advice) in
                    MADRExporter.records(advice, context: context, existingFileNames: ["0003-a.md"]).map { "\($0.fileName)\n\($0.text)" }
                }
                #expect(records(first) == records(second))
            }
        }

        @Test func onlyTheContextDateAppears() throws {
            let (advice, context) = try ExportFixture.advise(ExportFixture.decidedAnswers)
            let outputs = [MarkdownExporter.render(advice, context: context), JSONExporter.render(advice, context: context)]
                + MADRExporter.records(advice, context: context, existingFileNames: []).map(\.text)
            for output in outputs {
                let dates = output.matches(of: /\b20\d\d-\d\d-\d\d\b/).map { String($0.output) }
                // Fact dates are data; any other date would have to come from the clock.
                #expect(Set(dates).isSubset(of: ["2026-11-05", "2020-03-12", "2026-11-01"]), "\(Set(dates))")
            }
        }
    }
}
