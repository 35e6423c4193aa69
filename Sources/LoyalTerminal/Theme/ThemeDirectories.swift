import Foundation

extension ThemeLoader {
    /// Where to look for themes, most personal first:
    /// 1. `$XDG_CONFIG_HOME/loyal/themes` (or `~/.config/loyal/themes`),
    /// 2. `<repo>/themes` when the executable sits in a SwiftPM build folder
    ///    (`<repo>/.build/debug/loyal`, `<repo>/.build/<triple>/release/loyal`),
    /// 3. `<prefix>/share/loyal/themes` for an executable in `<prefix>/bin`,
    /// 4. `/usr/share/loyal/themes`.
    /// Pure: it only computes paths; `findFile` checks which exist.
    public static func candidateDirectories(executablePath: String?, environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            dirs.append(join(xdg, "loyal/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(join(home, ".config/loyal/themes"))
        }
        if let exe = executablePath, !exe.isEmpty {
            let components = exe.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let folder = Array(components.dropLast())
            if let build = folder.lastIndex(of: ".build") {
                dirs.append(path(Array(folder[..<build]) + ["themes"], absolute: exe.hasPrefix("/")))
            }
            if folder.last == "bin" {
                dirs.append(path(Array(folder.dropLast()) + ["share", "loyal", "themes"], absolute: exe.hasPrefix("/")))
            }
        }
        dirs.append("/usr/share/loyal/themes")
        var seen: Set<String> = []
        return dirs.filter { seen.insert($0).inserted }
    }

    /// The running executable, resolved through /proc/self/exe when possible
    /// (argv[0] may be relative or a symlink).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }

    /// The candidate directories for this process.
    public static func defaultSearchDirectories() -> [String] {
        candidateDirectories(executablePath: currentExecutablePath(),
                             environment: ProcessInfo.processInfo.environment)
    }

    private static func join(_ base: String, _ rest: String) -> String {
        base.hasSuffix("/") ? base + rest : base + "/" + rest
    }

    private static func path(_ components: [String], absolute: Bool) -> String {
        let parts = components.filter { !$0.isEmpty }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
