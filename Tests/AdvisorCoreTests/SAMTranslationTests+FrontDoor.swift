import Foundation
import Testing
@testable import AdvisorCore

/// The function URLs, the CloudFront distribution, its origin access control and the invoke permissions of the
/// translated template, as the layout's front door describes them; every route reaches its function through the
/// deployed cache behaviors.
extension SAMTranslationTests {
    static func checkFrontDoor(_ example: String, api: APIDesign, plan: GenerationPlan, translated: JSONValue) {
        guard let door = api.frontDoor else { return }
        let resources = translated.object?["Resources"]?.object ?? [:]
        func properties(_ id: String) -> [String: JSONValue] { resources[id]?.object?["Properties"]?.object ?? [:] }
        func ofType(_ type: String) -> [(id: String, properties: [String: JSONValue])] {
            resources.filter { $0.value.object?["Type"]?.string == type }.map { ($0.key, $0.value.object?["Properties"]?.object ?? [:]) }
        }
        // One AWS::Lambda::Url per function of the API, with the layout's auth type, invoke mode and CORS origins.
        let urls = ofType("AWS::Lambda::Url")
        for url in door.urls {
            let functionID = plan.functionID(url.function)
            let deployed = urls.filter { mentions($0.properties["TargetFunctionArn"], functionID) }
            #expect(deployed.count == 1, "\(example): \(url.function) has \(deployed.count) function URLs")
            guard let config = deployed.first?.properties else { continue }
            #expect(config["AuthType"]?.string == url.authType, "\(example): \(url.function) auth type")
            #expect(config["InvokeMode"]?.string == url.invokeMode, "\(example): \(url.function) invoke mode")
            #expect(config["Cors"]?.object?["AllowOrigins"]?.array?.compactMap(\.string) == url.cors?.allowOrigins,
                    "\(example): \(url.function) CORS origins")
        }
        guard door.kind == "cloudfront-function-url" else { return }
        // The origin access control signs every request to a Lambda origin.
        let controls = ofType("AWS::CloudFront::OriginAccessControl")
        #expect(controls.count == 1, "\(example): \(controls.count) origin access controls")
        let control = controls.first?.properties["OriginAccessControlConfig"]?.object
        #expect(control?["OriginAccessControlOriginType"]?.string == "lambda" && control?["SigningBehavior"]?.string == "always"
                && control?["SigningProtocol"]?.string == "sigv4", "\(example): origin access control settings")
        let distributions = ofType("AWS::CloudFront::Distribution")
        try? #require(distributions.count == 1, "\(example): \(distributions.count) distributions")
        guard let distribution = distributions.first, let config = distribution.properties["DistributionConfig"]?.object else { return }
        // Each origin is one function's URL host, signed by that origin access control.
        var originFunction: [String: String] = [:]
        for origin in config["Origins"]?.array ?? [] {
            let entries = origin.object ?? [:]
            let url = urls.first { mentions(entries["DomainName"], $0.id) }
            let function = url.flatMap { found in door.urls.first { mentions(found.properties["TargetFunctionArn"], plan.functionID($0.function)) } }
            #expect(mentions(entries["OriginAccessControlId"], controls.first?.id ?? "?"), "\(example): origin without access control")
            if let id = entries["Id"]?.string, let function { originFunction[id] = function.function }
        }
        #expect(Set(originFunction.values) == Set(door.urls.map(\.function)), "\(example): origins \(originFunction) against the URLs")
        // The deployed behaviors, in CloudFront's order, carry every route to the function the layout names.
        var behaviors: [PathBehavior] = (config["CacheBehaviors"]?.array ?? []).compactMap { item in
            let entries = item.object ?? [:]
            guard let pattern = entries["PathPattern"]?.string, let origin = entries["TargetOriginId"]?.string else { return nil }
            return PathBehavior(pattern: pattern, function: originFunction[origin] ?? "?", allowedMethods: [], routes: [])
        }
        if let origin = config["DefaultCacheBehavior"]?.object?["TargetOriginId"]?.string {
            behaviors.append(PathBehavior(pattern: "*", function: originFunction[origin] ?? "?", allowedMethods: [], routes: []))
        }
        for route in api.routes {
            guard let function = route.function else { continue }
            let reached = FrontDoorDesign.function(for: FrontDoorDesign.sample(route.path), in: behaviors)
            #expect(reached == function, "\(example): \(route.display) reaches \(reached ?? "nothing") through CloudFront, not \(function)")
            let methods = (config["CacheBehaviors"]?.array ?? []).first { FrontDoorDesign.matches($0.object?["PathPattern"]?.string ?? "", FrontDoorDesign.sample(route.path)) }
                ?? config["DefaultCacheBehavior"]
            let allowed = methods?.object?["AllowedMethods"]?.array?.compactMap(\.string) ?? []
            #expect(route.method == "ANY" ? allowed.count == 7 : allowed.contains(route.method), "\(example): CloudFront refuses \(route.display): \(allowed)")
        }
        // Only this distribution may call each URL: both actions, CloudFront's principal, the distribution's ARN.
        let permissions = ofType("AWS::Lambda::Permission").filter { $0.properties["Principal"]?.string == "cloudfront.amazonaws.com" }
        for url in door.urls {
            let functionID = plan.functionID(url.function)
            let mine = permissions.filter { mentions($0.properties["FunctionName"], functionID) }
            let actions = Set(mine.compactMap { $0.properties["Action"]?.string })
            #expect(actions == ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"], "\(example): \(url.function) grants CloudFront \(actions.sorted())")
            for permission in mine {
                let source = permission.properties["SourceArn"]?.object?["Fn::Sub"]?.string ?? ""
                #expect(source.contains(":cloudfront::") && source.hasSuffix("distribution/${\(distribution.id)}"),
                        "\(example): \(url.function) permission names \(source)")
            }
            #expect(mine.contains { $0.properties["FunctionUrlAuthType"]?.string == "AWS_IAM" }, "\(example): \(url.function) URL permission auth type")
            #expect(mine.contains { $0.properties["InvokedViaFunctionUrl"] == .bool(true) }, "\(example): \(url.function) invoke permission not limited to the URL")
        }
        // Nothing public: SAM adds its public permissions only for AuthType NONE.
        #expect(!ofType("AWS::Lambda::Permission").contains { $0.properties["Principal"]?.string == "*" }, "\(example): a public permission behind CloudFront")
    }
}
