// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "apigw-advisor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigw-advisor", targets: ["apigw-advisor"]),
        .library(name: "AdvisorCore", targets: ["AdvisorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "AdvisorCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // rules/ compiled into the binary at build time (see Plugins/EmbedRules); nothing generated is kept in git.
        .executableTarget(name: "rules-compiler", dependencies: ["AdvisorCore"], path: "Sources/rules-compiler"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["rules-compiler"]),
        .target(name: "BundledRules", dependencies: ["AdvisorCore"], plugins: ["EmbedRules"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "AdvisorTUI",
            dependencies: ["AdvisorCore", "CNcursesw"]
        ),
        .executableTarget(
            name: "apigw-advisor",
            dependencies: [
                "AdvisorCore",
                "AdvisorTUI",
                "BundledRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "apigw-bench", dependencies: ["AdvisorCore", "AdvisorTUI", "BundledRules"], path: "Sources/apigw-bench"),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "BundledRules", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["apigw-advisor"]
        ),
        .testTarget(
            name: "AdvisorTUITests",
            dependencies: ["AdvisorTUI", "AdvisorCore", "BundledRules"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
