// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "leads",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "leads", targets: ["leads"]),
        .library(name: "LeadKit", targets: ["LeadKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "LeadKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            // A link to the top-level templates/ folder, so the defaults are compiled into the binary.
            resources: [.embedInCode("Render/Templates")]
        ),
        .executableTarget(
            name: "leads",
            dependencies: [
                "LeadKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // `leads --version`: the git tag and commit the binary was built from.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(
            name: "LeadsFuzz",
            dependencies: ["LeadKit"]
        ),
        .testTarget(
            name: "LeadKitTests",
            dependencies: [
                "LeadKit",
                // The oracle of the differential test: every page rendered by swift-mustache too.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
