/// The shipped themes, compiled into the binary from `themes/*.toml` (Package.swift
/// embeds each file): a copied or installed `loyal` has its colours without any file
/// beside it. Files in a themes directory still come first, so a user's own
/// `default.toml` overrides the bundled one.
public enum BundledThemes {
    /// Theme name → file text.
    public static let texts: [String: String] = {
        var out: [String: String] = [:]
        for (name, bytes) in files { out[name] = String(decoding: bytes, as: UTF8.self) }
        return out
    }()

    /// Where a bundled theme is said to come from in messages.
    public static func location(of name: String) -> String { "(built into loyal) \(name).toml" }

    // One line per file in themes/; a test checks that none is missing.
    private static let files: [(String, [UInt8])] = [
        ("default", PackageResources.default_toml),
        ("gruvbox-dark", PackageResources.gruvbox_dark_toml),
        ("high-contrast", PackageResources.high_contrast_toml),
        ("light", PackageResources.light_toml),
        ("monochrome", PackageResources.monochrome_toml),
        ("solarized-dark", PackageResources.solarized_dark_toml),
    ]
}
