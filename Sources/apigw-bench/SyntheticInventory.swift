import AdvisorCore

/// Generated answers: an inventory of any number of services plus an answer to every generated question.
enum SyntheticAnswers {
    /// Four resources and seven routes per service, owned by one team per five services.
    static func inventory(services count: Int) -> Inventory {
        Inventory(services: (0..<count).map { index in
            let name = "svc-\(index)"
            return Service(name: name, team: "team-\(index / 5)", deploysIndependently: index % 7 != 0, resources: [
                Resource(path: "/\(name)/items", methods: ["GET", "POST"]),
                Resource(path: "/\(name)/items/{id}", methods: ["GET", "PUT", "DELETE"]),
                Resource(path: "/\(name)/items/{id}/parts", methods: ["GET"]),
                Resource(path: "/\(name)/search", methods: ["GET"]),
            ])
        })
    }

    /// Answers for `rules` with an inventory of `services` services; the same values for the same sizes on every run.
    static func answers(for rules: SyntheticRules, services: Int, seed: UInt64 = 7) -> Answers {
        var random = SplitMix64(state: seed)
        var values: [String: AnswerValue] = [
            "services": .inventory(inventory(services: services)),
            "consumers": .choices(["browser", "mobile"]),
        ]
        for question in rules.questions {
            switch question.kind {
            case "single":
                values[question.id] = .choice("c\(random.below(SyntheticRules.choiceCount))")
            case "multi":
                // Catalog order, as the answers decoder stores multi-choice answers.
                values[question.id] = .choices((0..<SyntheticRules.choiceCount).filter { _ in random.below(2) == 0 }.map { "m\($0)" })
            case "yesno":
                values[question.id] = .bool(random.below(2) == 0)
            default:
                values[question.id] = .number(Double(random.below(1_001)))
            }
        }
        return Answers(values)
    }
}
