/// The push channel in the SAM template: a WebSocket API (SAM has no serverless resource for one, so it is written
/// as AWS::ApiGatewayV2 resources), its routes and Lambda proxy integrations, the `$connect` authorizer, an
/// auto-deployed stage, the connections table, and the rights and settings of the functions that use it.
extension SAMTemplateBuilder {
    /// The invocation URI API Gateway calls a function through.
    private func invocationURI(_ function: String) -> YAMLNode {
        .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${\(plan.functionID(function)).Arn}/invocations")
    }

    private func statement(_ actions: [String], _ resource: YAMLNode) -> YAMLNode {
        .mapping([YAMLEntry("Statement", .sequence([.mapping([
            YAMLEntry("Effect", .string("Allow")),
            YAMLEntry("Action", .strings(actions)),
            YAMLEntry("Resource", resource),
        ])]))])
    }

    /// Environment and policies of a function that records connections, posts to them, or checks `$connect`.
    func pushProperties(of function: FunctionDesign, into access: inout FunctionAccess) {
        let (sends, connections, authorizes) = plan.pushChannels(of: function.name)
        for push in connections {
            let table = plan.pushTableID(push)
            access.variables += [YAMLEntry("CONNECTIONS_TABLE", .ref(table)),
                                 YAMLEntry("CONNECTION_TTL_SECONDS", .string(String(PushChannelDesign.connectionHours * 3600)))]
            access.policies.append(statement(["dynamodb:PutItem", "dynamodb:DeleteItem"], .getAtt(table, "Arn")))
            access.why.append("Records connection ids on $connect and deletes them on $disconnect; nothing else.")
        }
        for push in sends {
            let table = plan.pushTableID(push), api = plan.pushAPIID(push)
            if !connections.contains(push) { access.variables.append(YAMLEntry("CONNECTIONS_TABLE", .ref(table))) }
            access.variables.append(YAMLEntry("PUSH_ENDPOINT", .sub("https://${\(api)}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}")))
            access.policies.append(.mapping([YAMLEntry("DynamoDBReadPolicy", .mapping([YAMLEntry("TableName", .ref(table))]))]))
            if !connections.contains(push) { access.policies.append(statement(["dynamodb:DeleteItem"], .getAtt(table, "Arn"))) }
            access.policies.append(statement(["execute-api:ManageConnections"],
                                             .sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${\(api)}/${Stage}/POST/@connections/*")))
            access.why.append("Reads the connections of \(push.name), posts to them through @connections, and deletes those that have gone (410).")
        }
        // Only the channel's own authorizer reads the issuer settings; a reused Lambda authorizer keeps its own.
        for push in authorizes where push.verifies == "jwt" || push.verifies == "cognito" {
            if push.verifies == "cognito" {
                access.variables.append(YAMLEntry("COGNITO_USER_POOL_ARN", .ref("CognitoUserPoolArn")))
            } else {
                access.variables.append(YAMLEntry("JWT_ISSUER", plan.cognitoIssuer
                    ? .sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${CognitoUserPoolId}") : .ref("JwtIssuer")))
                access.variables.append(YAMLEntry("JWT_AUDIENCE", .mapping([YAMLEntry("Fn::Join", .sequence([.string(","), .ref("JwtAudience")]))])))
            }
        }
    }

    /// The WebSocket API, its authorizer, integrations, routes, stage, permissions and connections table, per channel.
    mutating func pushResources() -> [YAMLEntry] {
        var out: [YAMLEntry] = []
        for push in plan.pushChannels {
            let api = plan.pushAPIID(push)
            out.append(YAMLEntry(api, .mapping([
                YAMLEntry("Type", .string("AWS::ApiGatewayV2::Api")),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("Name", .string(push.name)),
                    YAMLEntry("ProtocolType", .string("WEBSOCKET")),
                    YAMLEntry("RouteSelectionExpression", .string(push.routeSelection),
                              comment: ["Clients send JSON such as {\"action\": \"ping\"}; actions without a route of their own go to $default."]),
                ])),
            ]), comment: ["Push channel: connected clients receive what the back end posts to @connections."], spaced: true))
            if let authorizer = push.authorizerFunction, let source = push.identitySource {
                out.append(YAMLEntry(plan.pushAuthorizerID(push), .mapping([
                    YAMLEntry("Type", .string("AWS::ApiGatewayV2::Authorizer")),
                    YAMLEntry("Properties", .mapping([
                        YAMLEntry("ApiId", .ref(api)),
                        YAMLEntry("Name", .string(push.name + "-connect")),
                        YAMLEntry("AuthorizerType", .string("REQUEST"), comment: ["WebSocket APIs take only REQUEST authorizers, and only on $connect."]),
                        YAMLEntry("AuthorizerUri", invocationURI(authorizer)),
                        YAMLEntry("IdentitySource", .strings([source]),
                                  comment: source.contains("querystring") ? ["Browsers cannot set headers on the handshake: wss://...?token=..."] : []),
                    ])),
                ]), spaced: true))
            }
            for function in push.ownFunctions {
                out.append(YAMLEntry(plan.pushIntegrationID(push, function), .mapping([
                    YAMLEntry("Type", .string("AWS::ApiGatewayV2::Integration")),
                    YAMLEntry("Properties", .mapping([
                        YAMLEntry("ApiId", .ref(api)),
                        YAMLEntry("IntegrationType", .string("AWS_PROXY")),
                        YAMLEntry("IntegrationUri", invocationURI(function)),
                    ])),
                ]), spaced: true))
            }
            for route in push.routes {
                var properties = [YAMLEntry("ApiId", .ref(api)), YAMLEntry("RouteKey", .string(route.routeKey))]
                switch route.authorization {
                case "iam": properties.append(YAMLEntry("AuthorizationType", .string("AWS_IAM")))
                case "custom":
                    properties.append(YAMLEntry("AuthorizationType", .string("CUSTOM")))
                    properties.append(YAMLEntry("AuthorizerId", .ref(plan.pushAuthorizerID(push))))
                default: properties.append(YAMLEntry("AuthorizationType", .string("NONE")))
                }
                properties.append(YAMLEntry("Target", .sub("integrations/${\(plan.pushIntegrationID(push, route.function))}")))
                out.append(YAMLEntry(plan.pushRouteID(push, route), .mapping([
                    YAMLEntry("Type", .string("AWS::ApiGatewayV2::Route")),
                    YAMLEntry("Properties", .mapping(properties)),
                ]), spaced: true))
            }
            out.append(YAMLEntry(plan.pushStageID(push), .mapping([
                YAMLEntry("Type", .string("AWS::ApiGatewayV2::Stage")),
                // The first automatic deployment needs the routes; later route changes deploy by themselves.
                YAMLEntry("DependsOn", .strings(push.routes.map { plan.pushRouteID(push, $0) })),
                YAMLEntry("Properties", .mapping([
                    YAMLEntry("ApiId", .ref(api)),
                    YAMLEntry("StageName", .ref("Stage")),
                    YAMLEntry("AutoDeploy", .bool(true)),
                ])),
            ]), spaced: true))
            var sources = push.ownFunctions.map { ($0, "${\(api)}/*") }
            if let authorizer = push.authorizerFunction { sources.append((authorizer, "${\(api)}/authorizers/*")) }
            out += invokePermissions(apiID: api, sources: sources)
            out.append(YAMLEntry(plan.pushTableID(push), tableResource(push.table, billing: "On demand: connections come and go unevenly.",
                                                                    expiry: "Entries carry \(push.table.ttlAttribute) (epoch seconds, \(PushChannelDesign.connectionHours) hours after $connect): a connection lasts no longer.",
                                                                    index: push.table.userIndex.map { "Senders query \($0) for the connections of one user (\(push.table.userAttribute ?? ""), stored on $connect); KEYS_ONLY: the ids are all they need." } ?? ""),
                                 comment: ["Open connections of \(push.name): written on $connect, deleted on $disconnect."], spaced: true))
        }
        return out
    }

    /// The wss:// address of every push channel.
    mutating func pushOutputs() -> [YAMLEntry] {
        plan.pushChannels.map { push in
            let api = plan.pushAPIID(push)
            return YAMLEntry(plan.ids.allocate(api + "Url"), .mapping([
                YAMLEntry("Description", .string("WebSocket URL of \(push.name): clients connect here and receive pushed messages")),
                YAMLEntry("Value", .sub("wss://${\(api)}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}")),
            ]))
        }
    }
}
