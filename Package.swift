// swift-tools-version:6.0
// Reprise: literate Markdown reports with computation blocks for multimodal-representation
// experiments. Module layout: ../shared/design/architecture.md ("Suggested module layout").
import PackageDescription

/// Numeric kernels (tensor ops, image resampling, encoders, caption metrics) are compiled
/// with optimisation in debug builds too, so `swift test` runs the parity tests on real
/// networks and corpora in minutes rather than hours; debug checks stay in the other targets.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// A system-library target: one `module.modulemap` + `shim.h` under `Sources/<name>`.
func systemLibrary(_ name: String, pkgConfig: String?, apt: [String]) -> Target {
  .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
  name: "Reprise",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "reprise", targets: ["reprise"]),
    .library(name: "Notebook", targets: ["Notebook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    systemLibrary("CBLAS", pkgConfig: "openblas", apt: ["libopenblas-dev"]),
    systemLibrary("CLAPACKE", pkgConfig: "lapacke", apt: ["liblapacke-dev"]),
    systemLibrary("CMarkGFM", pkgConfig: "libcmark-gfm",
                  apt: ["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
    systemLibrary("CZLibrary", pkgConfig: "zlib", apt: ["zlib1g-dev"]),
    systemLibrary("CPNG", pkgConfig: "libpng", apt: ["libpng-dev"]),
    systemLibrary("CJPEG", pkgConfig: "libjpeg", apt: ["libjpeg62-turbo-dev", "libturbojpeg0-dev"]),
    systemLibrary("CRSVG", pkgConfig: "librsvg-2.0", apt: ["librsvg2-dev"]),

    .target(name: "Tensor", dependencies: ["CBLAS", "CLAPACKE"], swiftSettings: optimizedInDebug),
    .target(
      name: "Media", dependencies: ["CZLibrary", "CPNG", "CJPEG", "CRSVG", "Tensor"], swiftSettings: optimizedInDebug),
    .target(name: "Datasets", dependencies: [
      "Media", "Tensor", .product(name: "Crypto", package: "swift-crypto"),
      .product(name: "ZIPFoundation", package: "ZIPFoundation"),
    ]),
    .target(name: "Probes", dependencies: ["Tensor"]),
    .target(name: "Charts"),
    .target(name: "Models", dependencies: [
      "Tensor", "Media", "Datasets", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      .product(name: "Crypto", package: "swift-crypto"),
    ], swiftSettings: optimizedInDebug),
    .target(name: "Captioning", dependencies: [
      "Datasets", "CZLibrary", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
    ], swiftSettings: optimizedInDebug),
    .target(
      name: "Notebook",
      dependencies: [
        "CMarkGFM", "CBLAS", "Tensor", "Media", "Datasets", "Models", "Probes", "Charts", "Captioning",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("templates")]
    ),
    .executableTarget(
      name: "reprise",
      dependencies: ["Notebook", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .target(name: "TestSupport", dependencies: ["Tensor"], path: "Tests/TestSupport"),

    .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"]),
    .testTarget(name: "MediaTests", dependencies: ["Media", "TestSupport"]),
    .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
    .testTarget(name: "ProbesTests", dependencies: ["Probes", "Datasets", "TestSupport"]),
    .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
    .testTarget(name: "ModelsTests", dependencies: [
      "Models", "Datasets", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
    ]),
    .testTarget(name: "CaptioningTests", dependencies: ["Captioning", "Datasets", "TestSupport"]),
    .testTarget(
      name: "NotebookTests", dependencies: ["Notebook", "Datasets", "Models", "Tensor", "TestSupport"], exclude: ["Golden"]),
  ]
)
