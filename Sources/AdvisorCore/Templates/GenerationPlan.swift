import Foundation

/// Why no template was generated: the recommendation cannot be expressed as it stands.
public struct GenerationRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every reason, one sentence each, naming what to change.
    public var reasons: [String]

    /// Creates a refusal.
    public init(reasons: [String]) { self.reasons = reasons }

    /// The reasons as an indented list under one line.
    public var description: String {
        "cannot generate templates from this advice; nothing was written:\n" + reasons.map { "  - " + $0 }.joined(separator: "\n")
    }
}

/// One generated file, with its path relative to the output folder.
public struct GeneratedFile: Sendable, Hashable {
    /// Relative path, e.g. `template.yaml` or `openapi/orders-api.yaml`.
    public var path: String
    /// The file's text.
    public var text: String

    /// Creates a file.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Everything generated from one piece of advice: the SAM template and one OpenAPI file per API.
public enum SkeletonGenerator {
    /// How the header names the decision record when none is given: the report `advise --markdown` writes.
    public static func defaultRecordName(answersFile: String) -> String {
        "the decision record written by `apigw-advisor advise \(answersFile) --markdown FILE`"
    }

    /// `template.yaml` and `openapi/<api>.yaml` for each API, or a refusal naming every problem.
    public static func files(_ advice: Advice, context: ReportContext, recordName: String) throws(GenerationRefusal) -> [GeneratedFile] {
        // One plan, so the layout is checked once for both.
        let plan = try GenerationPlan(advice: advice, context: context, recordName: recordName)
        let template = SAMTemplateGenerator.render(plan: plan)
        let documents = OpenAPIGenerator.documents(plan: plan)
        return [GeneratedFile(path: "template.yaml", text: template)]
            + documents.map { GeneratedFile(path: "openapi/" + $0.fileName, text: $0.text) }
    }
}

extension SkeletonGenerator {
    /// What `generate` would leave out of the template although the advice asks for it, or the reasons it would refuse;
    /// the record lists the same sentences the template header does.
    public static func omissions(_ advice: Advice, context: ReportContext) -> (notGenerated: [String], refusal: [String]) {
        do {
            return (try GenerationPlan(advice: advice, context: context, recordName: "").notGenerated, [])
        } catch {
            return ([], error.reasons)
        }
    }
}

/// The checked layout with the names both generators use, so the template and the documents agree.
struct GenerationPlan {
    /// Template parameters, conditions and the ids SAM itself gives shared resources: none may become a resource id.
    static let parameterNames = ["Runtime", "Stage", "CognitoUserPoolArn", "CognitoUserPoolId", "JwtIssuer", "JwtAudience", "VpcEndpointId",
                                 "UsagePlanRateLimit", "UsagePlanBurstLimit", "UsagePlanQuotaLimit", "UsagePlanQuotaPeriod",
                                 "DomainName", "CertificateArn", "HostedZoneId", "TruststoreUri", "WebAclArn",
                                 "CreateDnsRecord", "ServerlessUsagePlan", "ServerlessApiKey", "ServerlessUsagePlanKey",
                                 "CustomDomainName"]

    let advice: Advice
    let context: ReportContext
    let recordName: String
    var layout: Layout { advice.layout }
    /// API name -> logical id.
    private(set) var apiIDs: [String: String] = [:]
    /// Function name -> logical id.
    private(set) var functionIDs: [String: String] = [:]
    /// The template's namespace, for ids allocated while the template is built.
    var ids = LogicalIDAllocator(reserved: GenerationPlan.parameterNames)
    /// Job-pattern resource (queue, table, bucket) name -> logical id.
    var jobIDs: [String: String] = [:]
    /// Front-door resource (distribution, origin access control, cache policy) key -> logical id.
    var frontDoorIDs: [String: String] = [:]
    /// Push-channel resource (WebSocket API, route, integration, authorizer, stage, table) key -> logical id.
    var pushIDs: [String: String] = [:]
    /// What the generators ask per function or per file, worked out once: asked by scanning every API each time,
    /// these made `generate` quadratic in the inventory.
    private(set) var index = PlanIndex()

    init(advice: Advice, context: ReportContext, recordName: String) throws(GenerationRefusal) {
        self.advice = advice
        self.context = context
        self.recordName = recordName
        let reasons = LayoutCheck(advice: advice).problems()
        guard reasons.isEmpty else { throw GenerationRefusal(reasons: reasons) }
        for api in advice.layout.apis { apiIDs[api.name] = ids.allocate(api.name, suffix: "Api") }
        for function in advice.layout.functions { functionIDs[function.name] = ids.allocate(function.name, suffix: "Function") }
        allocateJobIDs()
        allocatePushIDs()
        index = PlanIndex(self)
    }

    func apiID(_ api: APIDesign) -> String { apiIDs[api.name] ?? LogicalID.make(api.name, suffix: "Api") }
    func functionID(_ name: String) -> String { functionIDs[name] ?? LogicalID.make(name, suffix: "Function") }

    /// The answer to a question as the advice saw it.
    func answer(_ question: String) -> AnswerValue? { advice.context.first { $0.question == question }?.value }

    /// Whether JWTs come from a Cognito user pool (the issuer is then built from the pool id).
    var cognitoIssuer: Bool { answer("auth-mechanisms")?.members?.contains("cognito") ?? false }

    /// Function timeout: the slowest request the team expects, at least Lambda's 3-second default.
    var functionTimeout: Int {
        guard case .number(let seconds)? = answer("max-duration") else { return 3 }
        // Clamped before the conversion: Int(_:) traps on a Double it cannot represent.
        guard seconds.isFinite else { return 3 }
        return Int(min(900, max(3, seconds.rounded(.up))))
    }

    /// The REST integration timeout when clients wait longer than the 29-second default: the function's timeout, in ms.
    /// Only for a synchronous interaction model (a job, push or stream keeps requests short or streams them).
    /// Decided per API: an API whose interaction model is a job, push or stream keeps the default.
    func restIntegrationTimeout(_ api: APIDesign) -> Int? {
        let model = advice.chosen("interaction-model", api: api.name) ?? "synchronous"
        guard api.type == "rest", api.frontDoor == nil, model == "synchronous", case .number(let seconds)? = answer("max-duration"), seconds > 29 else { return nil }
        return functionTimeout * 1000
    }

    /// What the deployment needs before it can succeed, for the header.
    var requirements: [String] { index.requirements }

    /// `requirements`, worked out (once, by `PlanIndex`).
    func computeRequirements() -> [String] {
        guard let millis = layout.apis.lazy.compactMap(restIntegrationTimeout).first else { return [] }
        return ["the REST integrations wait \(millis) ms, above the 29,000 ms default: ask for the API Gateway integration-timeout "
                + "quota increase (Service Quotas) for this account and Region before deploying (AWS may lower the account throttle "
                + "in return); edge-optimized APIs cannot be raised"]
    }

    /// REST APIs with custom integrations are described by an OpenAPI body: SAM events only make proxy integrations.
    func usesDefinitionBody(_ api: APIDesign) -> Bool {
        api.type == "rest" && api.frontDoor == nil && (api.routes.contains { $0.integration == "custom" } || streams(api))
    }

    /// The comment every generated file starts with.
    func header(_ what: String) -> [String] {
        var lines = ["\(what), generated by apigw-advisor on \(context.date).",
                     "Answers: \(context.answersFile)",
                     "Rules: \(advice.rulesName) \(advice.rulesVersion)",
                     "Implements: \(recordName)"]
        let decisions = advice.decisions.map { "\($0.decision)=\($0.chosen ?? "conflict")" }
        lines += TextWrap.wrap("Decisions: " + decisions.joined(separator: ", "), width: 98, firstIndent: "", indent: "  ")
        for requirement in requirements {
            lines += TextWrap.wrap("Requires: " + requirement + ".", width: 98, firstIndent: "", indent: "  ")
        }
        return lines
    }

    /// The value of `Access-Control-Allow-Origin` on responses the gateway makes itself.
    func allowOrigin(_ cors: CorsDesign) -> CorsOrigin {
        let origins = cors.origins.filter { !$0.isEmpty }
        if origins.count > 1 { return .echo }
        return .fixed(origins.first ?? "*")
    }

    /// The header name of an identity source such as `method.request.header.Authorization`.
    static func headerName(_ identitySource: String) -> String {
        identitySource.split(separator: ".").last.map(String.init) ?? "Authorization"
    }
}

/// How a gateway-made response names the allowed origin.
enum CorsOrigin: Equatable {
    /// One origin or `*`.
    case fixed(String)
    /// Several origins: echo the request's Origin (only on gateway-made error responses, which carry no data).
    case echo
}

/// Look-ups by function name and per-template facts, built in one pass over the layout.
struct PlanIndex {
    /// Function -> the job pattern it belongs to (submit, status or worker).
    var jobByFunction: [String: JobPattern] = [:]
    /// Handler functions that serve a route of an API whose long work runs as jobs.
    var onJobAPIs: Set<String> = []
    /// Whether every API runs its long work as jobs.
    var onlyJobAPIs = false
    /// Function -> its function URL.
    var urlByFunction: [String: FunctionURLDesign] = [:]
    /// Function -> the push channels it posts to, records connections of, or checks `$connect` for.
    var sends: [String: [PushChannelDesign]] = [:]
    var connections: [String: [PushChannelDesign]] = [:]
    var authorizes: [String: [PushChannelDesign]] = [:]
    /// What the deployment needs first, for every file's header.
    var requirements: [String] = []

    init() {}

    init(_ plan: GenerationPlan) {
        let apis = plan.layout.apis
        onlyJobAPIs = !apis.isEmpty && apis.allSatisfy { !($0.jobs ?? []).isEmpty }
        for api in apis {
            let jobs = api.jobs ?? []
            for job in jobs { for function in job.functions where jobByFunction[function] == nil { jobByFunction[function] = job } }
            if !jobs.isEmpty { for route in api.routes { if let function = route.function { onJobAPIs.insert(function) } } }
            for url in api.frontDoor?.urls ?? [] where urlByFunction[url.function] == nil { urlByFunction[url.function] = url }
            if let push = api.push {
                for sender in Set(push.senders) { sends[sender, default: []].append(push) }
                connections[push.connectionFunction, default: []].append(push)
                if let authorizer = push.authorizerFunction { authorizes[authorizer, default: []].append(push) }
            }
        }
        requirements = plan.computeRequirements()
    }
}
