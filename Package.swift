// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dq", targets: ["dq"]),
        // libFuzzer targets: `make fuzz` (swift build --sanitize fuzzer, see the Makefile).
        .executable(name: "FuzzQuery", targets: ["FuzzQuery"]),
        .executable(name: "FuzzImport", targets: ["FuzzImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "Core"),
        .target(name: "Store", dependencies: ["Core", "CSQLite"]),
        .target(name: "QueryLanguage", dependencies: ["Core"]),
        .target(name: "Render", dependencies: ["Core"]),
        .target(name: "Importer", dependencies: ["Core"]),
        .target(name: "Audit", dependencies: ["Core", "Store"]),
        .executableTarget(
            name: "dq",
            dependencies: [
                "Core", "Store", "QueryLanguage", "Render", "Importer", "Audit", "CEditLine",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "FuzzEntries", dependencies: ["Core", "Store", "QueryLanguage", "Importer"]),
        .executableTarget(name: "FuzzQuery", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzEntries"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Core"]),
        .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage", "Core", "Store", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Core", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Core", "Store", "TestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Importer", "Core", "Store", "TestSupport"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzEntries"]),
        .testTarget(name: "dqTests", dependencies: ["dq", "Store", "Core", "TestSupport"], exclude: ["Goldens"]),
    ]
)
