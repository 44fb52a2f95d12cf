//! painlog's entry point: parse the command line, then run a subcommand or the window.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = painlog::cli::Cli::parse();
    match cli.command {
        Some(command) => {
            if cli.demo {
                eprintln!(
                    "painlog: --demo opens the window on a demo journal; leave it out to run a command"
                );
                return ExitCode::from(painlog::cli::EXIT_USAGE);
            }
            painlog::cli::run(cli.data, command)
        }
        None => painlog::ui::launch(cli.data, cli.demo),
    }
}
