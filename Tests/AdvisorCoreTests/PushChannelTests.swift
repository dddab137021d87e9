import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// The push channel an API gets when its interaction model is async-push or its services must push: the WebSocket
/// routes and functions, how `$connect` checks callers, the connections table, who may post; and what the template
/// and the record say about it.
@Suite struct PushChannelTests {
    let rules: RuleSet
    init() throws { rules = try BundledRules.load() }

    func advise(_ yaml: String) throws -> Advice {
        Engine(rules: rules).advise(try Answers.parse(yaml, file: "t.yaml", rules: rules), whatWouldChange: false)
    }

    func chat(_ extra: String = "", consumers: String = "[browser, mobile]", auth: String = "[cognito]") -> String {
        """
        api-name: chat
        services:
          - name: rooms
            resources:
              - {path: /rooms, methods: [GET, POST]}
              - {path: "/rooms/{roomId}/messages", methods: [GET, POST]}
        consumers: \(consumers)
        browser-origins: ["https://chat.example.com"]
        auth-mechanisms: \(auth)
        server-push: true
        max-duration: 2
        \(extra)
        """
    }

    @Test func chatGetsConnectDisconnectAndDefaultRoutes() throws {
        let advice = try advise(chat())
        #expect(advice.chosen("interaction-model") == "async-push")
        let api = try #require(advice.layout.apis.first)
        let push = try #require(api.push)
        #expect(push.name == "\(api.name)-push" && push.routeSelection == "$request.body.action")
        #expect(push.routes.map(\.routeKey) == ["$connect", "$disconnect", "$default"])
        #expect(push.routes.map(\.function) == [push.connectionFunction, push.connectionFunction, push.messageFunction])
        // Only $connect can be checked; the others must be open or the gateway rejects the route.
        #expect(push.routes.map(\.authorization) == ["custom", "none", "none"])
        for name in [push.connectionFunction, push.messageFunction] {
            #expect(advice.layout.functions.contains { $0.name == name && $0.role == "push" }, "\(name) missing")
        }
        #expect(push.table.partitionKey == "connectionId" && push.table.ttlAttribute == "expiresAt" && push.table.billing == "on-demand")
        #expect(push.table.userIndex == "byUser" && push.table.userAttribute == "userId")
    }

    @Test func tokensAreVerifiedByADedicatedRequestAuthorizerReadingTheQueryStringForBrowsers() throws {
        let push = try #require(try advise(chat()).layout.apis.first?.push)
        #expect(push.connectAuth == "lambda-request" && push.verifies == "jwt")
        #expect(push.identitySource == "route.request.querystring.token")
        let advice = try advise(chat())
        let authorizer = try #require(advice.layout.functions.first { $0.name == push.authorizerFunction })
        #expect(authorizer.role == "authorizer")
        #expect(advice.layout.authorizerUsers()[authorizer.name] == ["\(push.name) $connect"])
        // Without browsers the token travels in the Authorization header of the handshake.
        let mobile = try #require(try advise(chat(consumers: "[mobile]")).layout.apis.first?.push)
        #expect(mobile.identitySource == "route.request.header.Authorization")
    }

    @Test func iamCallersSignTheHandshake() throws {
        let push = try #require(try advise(chat(consumers: "[external-servers]", auth: "[iam]")).layout.apis.first?.push)
        #expect(push.connectAuth == "iam" && push.authorizerFunction == nil && push.identitySource == nil)
        #expect(push.routes.first?.authorization == "iam")
    }

    @Test func aLambdaAuthorizerIsReusedOnConnect() throws {
        let advice = try advise(chat("browser-credentials: true\ncredential-transport: cookie", consumers: "[browser]", auth: "[custom]"))
        let api = try #require(advice.layout.apis.first)
        let push = try #require(api.push)
        #expect(push.verifies == "lambda" && push.authorizerFunction == api.authorizer?.function && push.authorizerFunction != nil)
        #expect(push.identitySource == "route.request.header.Cookie")
        #expect(!advice.layout.functions.contains { $0.name == "\(push.name)-authorizer" })
    }

    @Test func anOpenAPIGetsAnOpenChannelWithoutAUserIndex() throws {
        let push = try #require(try advise(chat(auth: "[none]")).layout.apis.first?.push)
        #expect(push.connectAuth == "none" && push.routes.allSatisfy { $0.authorization == "none" })
        #expect(push.table.userIndex == nil)
        #expect(push.notes.contains { $0.contains("anyone who knows the URL may connect") })
    }

    @Test func theHandlersOfWritesAndTheMessageFunctionPost() throws {
        let advice = try advise(chat())
        let api = try #require(advice.layout.apis.first)
        let push = try #require(api.push)
        let writers = Set(api.routes.filter { ["POST", "PUT", "PATCH", "DELETE", "ANY"].contains($0.method) }.compactMap(\.function))
        #expect(!writers.isEmpty)
        #expect(Set(push.senders) == writers.union([push.messageFunction]))
        #expect(!push.senders.contains(push.connectionFunction), "the $connect function cannot post to a connection that is not open yet")
    }

    @Test func slowWorkThatNotifiesRunsAsAJobWhoseWorkerPosts() throws {
        let advice = try advise("""
            api-name: exports
            services:
              - name: exports
                resources:
                  - {path: /exports, methods: [POST]}
            consumers: [mobile]
            auth-mechanisms: [cognito]
            max-duration: 600
            result-delivery: notify
            """)
        #expect(advice.chosen("interaction-model") == "async-push")
        let api = try #require(advice.layout.apis.first)
        let job = try #require(api.jobs?.first)
        let push = try #require(api.push)
        #expect(push.senders == [try #require(job.worker), push.messageFunction])
        #expect(job.notes.contains { $0.contains("posts the status and the result link") })
    }

    @Test func noChannelWithoutPush() throws {
        let advice = try advise("""
            api-name: shop
            services:
              - name: orders
                resources:
                  - {path: /orders, methods: [GET, POST]}
            consumers: [browser]
            browser-origins: ["https://shop.example.com"]
            auth-mechanisms: [cognito]
            server-push: false
            max-duration: 2
            """)
        #expect(advice.layout.apis.allSatisfy { $0.push == nil })
        #expect(!advice.layout.functions.contains { $0.role == "push" })
    }

    @Test func pushBesideSynchronousRequestsStillGetsTheChannel() throws {
        let advice = try advise("""
            api-name: quotes
            services:
              - name: quotes
                resources:
                  - {path: /quotes, methods: [POST]}
            consumers: [external-servers]
            auth-mechanisms: [iam]
            server-push: true
            max-duration: 40
            result-delivery: wait
            """)
        #expect(advice.chosen("interaction-model") == "synchronous")
        #expect(advice.layout.apis.first?.push != nil)
        #expect(advice.findings.contains { $0.rule == "interaction.push-beside-synchronous" })
    }

    // MARK: the template and the record

    func template(_ yaml: String) throws -> String {
        try SAMTemplateGenerator.render(try advise(yaml), context: ReportContext(answersFile: "t.yaml", date: "2026-12-03", rules: rules), recordName: "r")
    }

    @Test func theTemplateBuildsTheChannelAndListsNothingAsMissing() throws {
        let text = try template(chat())
        for needle in ["Type: AWS::ApiGatewayV2::Api", "ProtocolType: WEBSOCKET", "RouteKey: $connect", "RouteKey: $disconnect", "RouteKey: $default",
                       "AuthorizationType: CUSTOM", "AuthorizerType: REQUEST", "- route.request.querystring.token", "AutoDeploy: true",
                       "execute-api:ManageConnections", "IndexName: byUser", "wss://"] {
            #expect(text.contains(needle), "template lacks \(needle)")
        }
        #expect(!text.contains("Not generated"), "nothing of the push channel should be left out")
    }

    @Test func aCustomDomainForTheChannelIsListedAsNotGenerated() throws {
        let advice = try advise(chat("custom-domain: single\ndomain-name: api.chat.example.com"))
        let context = ReportContext(answersFile: "t.yaml", date: "2026-12-03", rules: rules)
        let omissions = SkeletonGenerator.omissions(advice, context: context)
        #expect(omissions.notGenerated.contains { $0.contains("custom domain for the WebSocket API") }, "\(omissions)")
        let header = try SAMTemplateGenerator.render(advice, context: context, recordName: "r")
        #expect(header.contains("custom domain for the WebSocket API"))
    }

    @Test func theRecordDescribesTheChannel() throws {
        let advice = try advise(chat())
        let markdown = MarkdownExporter.render(advice, context: ReportContext(answersFile: "t.yaml", date: "2026-12-03", rules: rules))
        let push = try #require(advice.layout.apis.first?.push)
        #expect(markdown.contains("#### Push channel `\(push.name)` (WebSocket API)"))
        for function in push.senders { #expect(markdown.contains("`\(function)`")) }
        #expect(!markdown.contains("does not build the WebSocket API"))
    }
}
