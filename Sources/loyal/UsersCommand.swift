import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

extension TeamRole: ExpressibleByArgument {}

/// `loyal users add|list|set|remove|setting`: who may use a shared database and in what role.
/// With no users Loyal is a single-user tool; only an admin changes users and team settings.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Users of a shared database (OS login names) and their roles: rep, manager, admin.",
        discussion: """
            With no users defined Loyal is a single-user tool and everyone is admin; the first user
            added must be an admin. A rep sees and changes their own customers (those of --rep CODE);
            a manager sees and changes all; only an admin manages users and team settings.
            """,
        subcommands: [Add.self, List.self, SetUser.self, Remove.self, Setting.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (an OS login name) with a role.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's login name.") var name: String
        @Option(help: "rep, manager or admin.") var role: TeamRole
        @Option(help: "The rep code whose customers are this user's (reps).") var rep: String?

        func run() throws {
            let store = try global.openStore(.write)
            try store.addTeamUser(TeamUser(name: name, role: role, repCode: rep?.uppercased()))
            try printLine("user \(name) added as \(role.rawValue)" + (rep.map { " of rep \($0.uppercased())" } ?? ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table or json.") var format: ListFormat = .table

        func run() throws {
            let store = try global.openStore(.read)
            let users = try store.teamUsers()
            let sink = try OutputSink(path: nil)
            switch format {
            case .json:
                try sink.write("[" + users.map {
                    "\n{\"name\":\(JSONText.string($0.name)),\"role\":\"\($0.role.rawValue)\",\"rep\":"
                        + ($0.repCode.map(JSONText.string) ?? "null") + "}"
                }.joined(separator: ",") + "\n]\n")
            case .table, .csv:
                if users.isEmpty {
                    try sink.write("no users: single-user mode, everyone is admin\n")
                } else {
                    try sink.write(TextTable.render(header: ["USER", "ROLE", "REP"],
                                                    rows: users.map { [$0.name, $0.role.rawValue, $0.repCode ?? ""] }))
                    try sink.write("reps see: \(try store.teamSetting(.repsSee) ?? "own")\n")
                }
            }
            try sink.finish()
        }
    }

    struct SetUser: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a user's role or rep.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's login name.") var name: String
        @Option(help: "rep, manager or admin.") var role: TeamRole?
        @Option(help: "The rep code whose customers are this user's.") var rep: String?
        @Flag(name: .customLong("no-rep"), help: "The user has no rep code any more.") var noRep = false

        func run() throws {
            guard role != nil || rep != nil || noRep else { throw ValidationError("give --role, --rep or --no-rep") }
            let store = try global.openStore(.write)
            try store.setTeamUser(name, role: role, repCode: rep?.uppercased(), clearRep: noRep)
            let user = try store.teamUsers().first { $0.name == name }
            try printLine("user \(name): \(user?.role.rawValue ?? "?")" + (user?.repCode.map { " of rep \($0)" } ?? ""))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user (the last admin stays).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's login name.") var name: String

        func run() throws {
            let store = try global.openStore(.write)
            try store.removeTeamUser(name)
            try printLine("user \(name) removed")
        }
    }

    struct Setting: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the team settings kept in the database (only an admin changes them).",
            discussion: """
                reps_see = own|all; the plan's capacity calendar.visits_per_day and calendar.calls_per_day;
                the holidays' state calendar.state; the risk thresholds risk.red_from, risk.amber_from,
                risk.panel_threshold and risk.panel_max_share. A value set here replaces the same key of
                every user's config file; --unset gives it back to each user's config.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting; without it every team setting is listed.") var key: String?
        @Argument(help: "The new value; without it the current one is shown.") var value: String?
        @Flag(help: "Remove the team's value: each user's config applies again.") var unset = false

        func validate() throws {
            if unset, value != nil { throw ValidationError("give a value or --unset, not both") }
            if key == nil, value != nil || unset { throw ValidationError("name the setting") }
        }

        func run() throws {
            let settings = try key.map { [try Self.setting($0)] } ?? TeamSetting.allCases
            let writes = value != nil || unset
            let store = try global.openStore(writes ? .write : .read)
            if writes, let setting = settings.first { try store.setTeamSetting(setting, unset ? nil : value) }
            for setting in settings {
                let shown = try store.teamSetting(setting).map { $0.isEmpty ? "\"\"" : $0 } ?? Text.tr("team_settings.not_set")
                try printLine("\(setting.rawValue) = \(shown)")
            }
        }

        static func setting(_ key: String) throws -> TeamSetting {
            guard let setting = TeamSetting(rawValue: key) else {
                throw ValidationError("unknown team setting \"\(key)\"; known: "
                                      + TeamSetting.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return setting
        }
    }
}
