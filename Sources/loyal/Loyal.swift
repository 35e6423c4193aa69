import ArgumentParser

@main
struct Loyal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyal",
        abstract: "Customer retention dashboard for account managers: accounts, value, early warning, calendar.",
        discussion: """
            Without a subcommand Loyal opens its terminal UI on the database.
            The database is --db PATH, else $LOYAL_DB, else $XDG_DATA_HOME/loyal/loyal.db.
            Settings are read from --config PATH, else $XDG_CONFIG_HOME/loyal/config.toml.
            """,
        subcommands: [UICommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self,
                      AccountsCommand.self, AgendaCommand.self, ReportCommand.self, RefreshCommand.self, FeedbackCommand.self, ConfigCommand.self, KeysCommand.self],
        defaultSubcommand: UICommand.self)
}
