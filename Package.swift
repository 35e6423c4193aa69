// swift-tools-version:6.0
import PackageDescription

// Layers (arrows point to what a module may use):
// loyal → LoyalUI → LoyalTerminal, LoyalStore → LoyalCore; LoyalConfig → LoyalCore;
// LoyalConfig and LoyalTerminal → LoyalTOML.
// LoyalCore imports neither GRDB nor the terminal layer.
/// Every file in themes/ (BundledThemesTests checks the list against the folder).
let shippedThemes = ["default", "gruvbox-dark", "high-contrast", "light", "monochrome", "solarized-dark"]

let package = Package(
    name: "Loyal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loyal", targets: ["loyal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // Tests only: the property-based fuzz test of the CSV reader and importer.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // The catalogues of every text a person reads (one file per language), compiled in like the themes.
        .target(name: "LoyalCore", resources: ["en", "de"].map { .embedInCode("../../catalogue/\($0).toml") }),
        // One C function: sqlite3_config is variadic, which Swift cannot call.
        .target(name: "CSQLiteMode", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "LoyalStore", dependencies: [
            "LoyalCore", "CSQLiteMode",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the few bulk reads that step millions of rows.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The one TOML reader: values with their file, line and key path, typed reads with
        // uniform `FILE:LINE: key "…": …` errors. Config and themes both read through it.
        .target(name: "LoyalTOML", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "LoyalConfig", dependencies: ["LoyalCore", "LoyalTOML"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The shipped themes are compiled in (a resource bundle beside the binary is lost
        // when the binary is copied); themes/ stays their source.
        .target(name: "LoyalTerminal", dependencies: ["CNcursesw", "LoyalTOML"], resources: shippedThemes.map { .embedInCode("../../themes/\($0).toml") }),
        .target(name: "LoyalUI", dependencies: ["LoyalCore", "LoyalStore", "LoyalTerminal"]),
        .executableTarget(name: "loyal", dependencies: [
            "LoyalCore", "LoyalStore", "LoyalConfig", "LoyalTerminal", "LoyalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Not a test: `scripts/bench` builds it in release and prints timings on a large demo database.
        .executableTarget(name: "loyal-bench", dependencies: ["LoyalUI", "LoyalStore", "LoyalTerminal", "LoyalCore"],
                          path: "Sources/LoyalBench"),
        .testTarget(name: "LoyalCoreTests", dependencies: ["LoyalCore"]),
        .testTarget(name: "LoyalStoreTests", dependencies: [
            "LoyalStore", "LoyalCore", "LoyalConfig",
            // To set up files the store must refuse (newer schema, foreign SQLite file) and read pragmas.
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "LoyalConfigTests", dependencies: ["LoyalConfig", "LoyalTOML", "LoyalCore"]),
        .testTarget(name: "LoyalTerminalTests", dependencies: ["LoyalTerminal"]),
        .testTarget(name: "LoyalUITests", dependencies: [
            "LoyalUI", "LoyalTerminal", "LoyalStore", "LoyalCore",
            // To read the audit table after an edit made through the screens.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LoyalCLITests", dependencies: [
            "LoyalCore",
            // To write text that imports refuse straight into a database, as another program could.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
