import Foundation
import Testing
@testable import AdvisorCore

/// The push channels of the translated templates, as the layout describes them: the WebSocket API, each route's
/// check and the function its integration invokes, the `$connect` authorizer, the permissions to invoke, the
/// connections table, and which roles may post to connections.
extension SAMTranslationTests {
    /// Whether some string inside `value` names the logical id `id`: equal to it, or `${id}` / `${id.Attr}` in a Sub.
    static func refers(_ value: JSONValue?, _ id: String) -> Bool {
        switch value {
        case .string(let string)?: return string == id || string.contains("${\(id)}") || string.contains("${\(id).")
        case .array(let items)?: return items.contains { refers($0, id) }
        case .object(let entries)?: return entries.values.contains { refers($0, id) }
        default: return false
        }
    }

    static func checkPush(_ name: String, advice: Advice, plan: GenerationPlan, translated: JSONValue) {
        let resources = translated.object?["Resources"]?.object ?? [:]
        func properties(_ id: String) -> [String: JSONValue] { resources[id]?.object?["Properties"]?.object ?? [:] }
        func of(_ type: String) -> [(String, [String: JSONValue])] {
            resources.filter { $0.value.object?["Type"]?.string == type }.map { ($0.key, $0.value.object?["Properties"]?.object ?? [:]) }
        }
        var posters: Set<String> = []
        for api in advice.layout.apis {
            guard let push = api.push else { continue }
            let apiID = plan.pushAPIID(push)
            #expect(resources[apiID]?.object?["Type"]?.string == "AWS::ApiGatewayV2::Api", "\(name): \(apiID) missing")
            #expect(properties(apiID)["ProtocolType"]?.string == "WEBSOCKET" && properties(apiID)["RouteSelectionExpression"]?.string == push.routeSelection,
                    "\(name): \(apiID) is not a WebSocket API selecting on \(push.routeSelection)")
            let routes = of("AWS::ApiGatewayV2::Route").filter { refers($0.1["ApiId"], apiID) }
            #expect(routes.count == push.routes.count, "\(name): \(apiID) deploys \(routes.count) routes, the layout has \(push.routes.count)")
            for route in push.routes {
                guard let deployed = routes.first(where: { $0.1["RouteKey"]?.string == route.routeKey })?.1 else {
                    Issue.record("\(name): \(push.name) \(route.routeKey) is not deployed")
                    continue
                }
                let expected = route.authorization == "iam" ? "AWS_IAM" : route.authorization == "custom" ? "CUSTOM" : "NONE"
                #expect(deployed["AuthorizationType"]?.string == expected, "\(name): \(route.routeKey) should be \(expected)")
                // The route's target integration invokes the route's function.
                let integration = of("AWS::ApiGatewayV2::Integration").first { refers(deployed["Target"], $0.0) }
                #expect(integration?.1["IntegrationType"]?.string == "AWS_PROXY", "\(name): \(route.routeKey) has no Lambda proxy integration")
                #expect(refers(integration?.1["IntegrationUri"], plan.functionID(route.function)), "\(name): \(route.routeKey) should invoke \(route.function)")
                if route.authorization == "custom", let function = push.authorizerFunction {
                    let authorizer = of("AWS::ApiGatewayV2::Authorizer").first { refers(deployed["AuthorizerId"], $0.0) }?.1
                    #expect(authorizer?["AuthorizerType"]?.string == "REQUEST", "\(name): $connect authorizer type")
                    #expect(refers(authorizer?["AuthorizerUri"], plan.functionID(function)), "\(name): $connect should be checked by \(function)")
                    #expect(authorizer?["IdentitySource"]?.array?.compactMap(\.string) == push.identitySource.map { [$0] }, "\(name): identity source")
                }
            }
            // API Gateway may invoke every function behind the channel, and only for this API.
            for function in push.ownFunctions + (push.authorizerFunction.map { [$0] } ?? []) {
                let allowed = of("AWS::Lambda::Permission").contains { refers($0.1["FunctionName"], plan.functionID(function)) && refers($0.1["SourceArn"], apiID) }
                #expect(allowed, "\(name): \(apiID) may not invoke \(function)")
            }
            let stages = of("AWS::ApiGatewayV2::Stage").filter { refers($0.1["ApiId"], apiID) }
            #expect(stages.count == 1 && stages.first?.1["AutoDeploy"] == .bool(true), "\(name): \(apiID) needs one auto-deployed stage")
            let table = plan.pushTableID(push)
            #expect(properties(table)["TimeToLiveSpecification"]?.object?["AttributeName"]?.string == push.table.ttlAttribute, "\(name): \(table) TTL")
            let indexes = properties(table)["GlobalSecondaryIndexes"]?.array?.compactMap { $0.object?["IndexName"]?.string } ?? []
            #expect(indexes == (push.table.userIndex.map { [$0] } ?? []), "\(name): \(table) indexes \(indexes)")
            let connections = statements(of: plan.functionID(push.connectionFunction), in: resources)
            #expect(connections.contains { $0.actions.contains("dynamodb:PutItem") && $0.actions.contains("dynamodb:DeleteItem") && refers($0.resource, table) },
                    "\(name): \(push.connectionFunction) cannot record connections")
            for sender in push.senders {
                let rights = statements(of: plan.functionID(sender), in: resources)
                #expect(rights.contains { $0.actions.contains("execute-api:ManageConnections") && refers($0.resource, apiID) },
                        "\(name): \(sender) cannot post to \(push.name)")
                #expect(rights.contains { $0.actions.contains("dynamodb:Query") && refers($0.resource, table) }, "\(name): \(sender) cannot read \(table)")
                posters.insert(plan.functionID(sender))
            }
        }
        // Least privilege: no other function may post to connections.
        for function in advice.layout.functions where !posters.contains(plan.functionID(function.name)) {
            let rights = statements(of: plan.functionID(function.name), in: resources)
            #expect(!rights.contains { $0.actions.contains("execute-api:ManageConnections") }, "\(name): \(function.name) may post to connections")
        }
    }

    /// Translates one template; nil (with an issue recorded) when samtranslator refuses it.
    static func translated(_ name: String, template: String) throws -> JSONValue? {
        let folder = try GeneratorTools.write([(name: "sam", files: [(path: "template.yaml", text: template)])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("cloudformation.json").path
        let result = try GeneratorTools.run("python3", ["-c", Self.translate, folder.appendingPathComponent("sam/template.yaml").path, output])
        guard result.status == 0 else {
            Issue.record("\(name): samtranslator refused the template:\n\(result.output)")
            return nil
        }
        return try JSONValue.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self))
    }

    /// Every situation and example whose layout pushes, translated and checked; there must be such cases, with
    /// each way `$connect` checks callers among them, or the check would pass vacuously.
    @Test(.enabled(if: samtranslatorAvailable, "python3 cannot import samtranslator"))
    func pushChannelsAreDeployedAsTheLayoutSays() throws {
        let rules = try GeneratorFixtures.rules()
        var cases: [(String, Advice, ReportContext)] = []
        for situation in GeneratorFixtures.situations {
            let (advice, context) = try GeneratorFixtures.advice(situation)
            cases.append((situation.name, advice, context))
        }
        for example in Self.examples {
            let answers = try Answers.load(path: GeneratorFixtures.repoRoot.appendingPathComponent("examples/" + example).path, rules: rules)
            cases.append((example, Engine(rules: rules).advise(answers, whatWouldChange: false), GeneratorFixtures.context(rules, file: example)))
        }
        var checks: Set<String> = []
        for (name, advice, context) in cases where advice.layout.apis.contains(where: { $0.push != nil }) {
            let plan = try GenerationPlan(advice: advice, context: context, recordName: "r")
            let template = try SAMTemplateGenerator.render(advice, context: context, recordName: "r")
            guard let translated = try Self.translated(name, template: template) else { continue }
            Self.checkPush(name, advice: advice, plan: plan, translated: translated)
            for push in advice.layout.apis.compactMap(\.push) { checks.insert(push.verifies ?? push.connectAuth) }
        }
        #expect(checks.isSuperset(of: ["iam", "jwt", "lambda"]), "push cases cover only \(checks.sorted())")
    }
}
