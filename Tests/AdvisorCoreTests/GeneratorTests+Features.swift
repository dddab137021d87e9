import Foundation
import Testing
@testable import AdvisorCore

/// API keys and usage plans, custom domains, mutual TLS, X-Ray and WAF, and the header's list of what is left out.
extension GeneratorTests {
    static func plan(_ situation: Situation) throws -> GenerationPlan {
        let (advice, context) = try GeneratorFixtures.advice(situation)
        return try GenerationPlan(advice: advice, context: context, recordName: "r")
    }

    @Test(arguments: GeneratorFixtures.situations)
    func apiKeysAndUsagePlansFollowTheAnswers(situation: Situation) throws {
        let (advice, template) = try Self.template(situation)
        let plan = try Self.plan(situation)
        let resources = Self.map(template["Resources"])
        let parameters = Self.map(template["Parameters"])
        let outputs = Self.map(template["Outputs"])
        let keyed = advice.layout.apis.filter(plan.usesApiKeys)
        let asked = situation.answers.contains("api-keys") || situation.answers.contains("usage-plans")
        #expect(keyed.isEmpty == !asked, "\(situation.name): API keys asked \(asked), generated for \(keyed.map(\.name))")
        for api in advice.layout.apis {
            let apiID = try #require(Self.apiID(api, in: resources))
            let auth = Self.map(Self.properties(resources, apiID)["Auth"])
            let usagePlan = Self.map(auth["UsagePlan"])
            guard plan.usesApiKeys(api) else {
                #expect(auth["UsagePlan"] == nil && auth["ApiKeyRequired"] == nil)
                continue
            }
            #expect(usagePlan["CreateUsagePlan"] as? String == (keyed.count > 1 ? "SHARED" : "PER_API"))
            #expect(Self.map(Self.map(usagePlan["Throttle"])["RateLimit"])["Ref"] as? String == "UsagePlanRateLimit")
            #expect(Self.map(Self.map(usagePlan["Quota"])["Period"])["Ref"] as? String == "UsagePlanQuotaPeriod")
            if api.cors.handling == "gateway" && !plan.usesDefinitionBody(api) {
                #expect(auth["AddApiKeyRequiredToCorsPreflight"] as? Bool == false, "\(api.name): SAM's preflights would need a key")
            }
        }
        for name in ["UsagePlanRateLimit", "UsagePlanBurstLimit", "UsagePlanQuotaLimit", "UsagePlanQuotaPeriod"] {
            #expect((parameters[name] != nil) == !keyed.isEmpty, "\(name)")
            if let value = Self.map(parameters[name])["Default"] { #expect(!"\(value)".isEmpty) }
        }
        let planOutputs = outputs.filter { (Self.map(Self.map($0.value)["Value"])["Ref"] as? String)?.hasSuffix(".UsagePlan") == true }
        #expect(planOutputs.count == (keyed.count > 1 ? 1 : keyed.count))
        #expect(planOutputs.values.allSatisfy { (Self.map($0)["Description"] as? String)?.contains("create-usage-plan-key") == true })
    }

    @Test(arguments: GeneratorFixtures.situations)
    func customDomainMatchesLayout(situation: Situation) throws {
        let (advice, template) = try Self.template(situation)
        let plan = try Self.plan(situation)
        let resources = Self.map(template["Resources"])
        let parameters = Self.map(template["Parameters"])
        let domain = plan.generatedDomain
        #expect((parameters["DomainName"] != nil) == (domain != nil) && (parameters["CertificateArn"] != nil) == (domain != nil))
        #expect((parameters["TruststoreUri"] != nil) == (domain != nil && plan.mutualTLS))
        for api in advice.layout.apis {
            let apiID = try #require(Self.apiID(api, in: resources))
            let properties = Self.properties(resources, apiID)
            let settings = Self.map(properties["Domain"])
            guard let domain else {
                #expect(properties["Domain"] == nil)
                continue
            }
            #expect(Self.map(settings["DomainName"])["Ref"] as? String == "DomainName")
            #expect(settings["EndpointConfiguration"] as? String == (api.endpoint == "edge" ? "EDGE" : "REGIONAL"))
            #expect((settings["BasePath"] as? [String]) == (advice.layout.apis.count > 1 ? api.basePath.map { [$0] } : nil))
            #expect((settings["MutualTlsAuthentication"] != nil) == plan.mutualTLS)
            #expect((properties["DisableExecuteApiEndpoint"] as? Bool == true) == plan.mutualTLS)
            if domain.kind == "wildcard" { #expect(Self.map(parameters["DomainName"])["AllowedPattern"] as? String == #"^\*\.[A-Za-z0-9.-]+$"#) }
        }
        let records = resources.values.filter { Self.map($0)["Type"] as? String == "AWS::Route53::RecordSet" }
        #expect(records.count == (domain == nil ? 0 : 1))
        #expect(records.allSatisfy { Self.map($0)["Condition"] as? String == "CreateDnsRecord" })
    }

    @Test(arguments: GeneratorFixtures.situations)
    func tracingAndWafFollowTheAnswers(situation: Situation) throws {
        let (advice, template) = try Self.template(situation)
        let plan = try Self.plan(situation)
        let resources = Self.map(template["Resources"])
        let function = Self.map(Self.map(template["Globals"])["Function"])
        #expect((function["Tracing"] as? String == "Active") == plan.features.contains("xray-tracing"))
        let associations = resources.values.map(Self.map).filter { $0["Type"] as? String == "AWS::WAFv2::WebACLAssociation" }
        #expect(associations.count == advice.layout.apis.filter(plan.waf).count)
        for api in advice.layout.apis {
            let properties = Self.properties(resources, try #require(Self.apiID(api, in: resources)))
            #expect((properties["TracingEnabled"] as? Bool == true) == plan.tracing(api))
        }
    }

    /// The header lists exactly what was asked for and is not in the files.
    @Test(arguments: GeneratorFixtures.situations)
    func headerListsWhatIsNotGenerated(situation: Situation) throws {
        let plan = try Self.plan(situation)
        let file = try #require(try GeneratorFixtures.files(situation).first { $0.path == "template.yaml" })
        let header = file.text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map { $0.dropFirst(2) }.joined(separator: " ")
        for feature in plan.features {
            let rest = plan.layout.apis.allSatisfy { $0.type == "rest" }
            let generated = GenerationPlan.generatedFeatures.contains(feature) && rest
            #expect(header.contains(feature) != generated, "\(situation.name): \(feature) generated \(generated), header: \(header)")
        }
        #expect(!header.contains("custom domain"), "\(situation.name): the domain is generated")
        #expect(!header.contains("API keys"))
    }

    // MARK: refusals and what is left out

    static let featureRefusals: [(name: String, advice: Advice, message: String)] = {
        typealias F = GeneratorFixtures
        let orders = F.function("orders")
        let get = F.route("GET", "/orders", "orders")
        let single = DomainDesign(name: "api.example.com", kind: "single", certificate: "", mapping: "root")
        let wildcard = DomainDesign(name: "*.example.com", kind: "wildcard", certificate: "", mapping: "root")
        let mtls: [String: AnswerValue] = ["mutual-tls": .bool(true)]
        var shared = [F.api("a", routes: [get]), F.api("b", routes: [F.route("GET", "/b", "orders")])]
        shared[0].basePath = "a"
        return [
            ("API keys on HTTP", F.advice(apis: [F.api("a", type: "http", routes: [F.route("GET", "/orders", "orders", apiKey: true)])], functions: [orders],
                                          answers: ["auth-mechanisms": .choices(["api-keys"])]),
             "API keys and usage plans exist only on REST APIs"),
            ("a partner route on HTTP", F.advice(apis: [F.api("a", type: "http", routes: [get, F.route("GET", "/feed", "orders", apiKey: true)])],
                                                 functions: [orders]),
             "GET /feed need a key"),
            ("wildcard private", F.advice(apis: [F.api("a", endpoint: "private", routes: [get])], functions: [orders], domain: wildcard),
             "private custom domains do not support wildcards"),
            ("mutual TLS on edge", F.advice(apis: [F.api("a", endpoint: "edge", routes: [get])], functions: [orders], domain: single, answers: mtls),
             "mutual TLS needs a regional custom domain"),
            ("not a host name", F.advice(apis: [F.api("a", routes: [get])], functions: [orders],
                                         domain: DomainDesign(name: "https://api.example.com/", kind: "single", certificate: "", mapping: "root")),
             "is not a host name"),
            ("wildcard kind, single name", F.advice(apis: [F.api("a", routes: [get])], functions: [orders],
                                                    domain: DomainDesign(name: "api.example.com", kind: "wildcard", certificate: "", mapping: "root")),
             "does not start with *."),
            ("shared domain without base path", F.advice(apis: shared, functions: [orders], domain: single), "b shares the custom domain"),
        ]
    }()

    @Test(arguments: 0..<featureRefusals.count)
    func refusesFeaturesThatCannotBeExpressed(index: Int) throws {
        let (name, advice, message) = Self.featureRefusals[index]
        let context = GeneratorFixtures.context(try GeneratorFixtures.rules())
        let refusal = #expect(throws: GenerationRefusal.self, "\(name)") {
            try SkeletonGenerator.files(advice, context: context, recordName: "r")
        }
        #expect(refusal?.description.contains(message) == true, "\(name): \(refusal?.description ?? "no refusal")")
    }

    @Test func privateSingleDomainIsListedAsNotGenerated() throws {
        typealias F = GeneratorFixtures
        let advice = F.advice(apis: [F.api("a", endpoint: "private", routes: [F.route("GET", "/orders", "orders")])], functions: [F.function("orders")],
                              domain: DomainDesign(name: "vault.example.com", kind: "single", certificate: "", mapping: "root"))
        let text = try SAMTemplateGenerator.render(advice, context: F.context(try F.rules()), recordName: "r")
        #expect(text.contains("# Not generated (see the advice): the private custom domain vault.example.com"))
        #expect(!text.contains("Domain:") && !text.contains("CertificateArn"))
    }
}
