//! painlog's entry point: parse the command line, then run a subcommand or the window.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = match painlog::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            // Printing the help can only fail when stdout is closed; there is nobody to tell.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // The message may quote what was typed: shown, never acted on by the terminal.
            let text = error.render().to_string();
            eprint!("{}", painlog::cli::output::printable(&text));
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let now = match painlog::cli::now_from_env() {
        Ok(now) => now,
        Err(message) => {
            eprintln!("painlog: {message}");
            return ExitCode::from(painlog::cli::EXIT_USAGE);
        }
    };
    match cli.command {
        Some(command) => {
            if cli.demo {
                eprintln!(
                    "painlog: --demo opens the window on a demo journal; leave it out to run a command"
                );
                return ExitCode::from(painlog::cli::EXIT_USAGE);
            }
            // --renderer (or PAINLOG_RENDERER, which may be set for every run) only matters to
            // the window: a command ignores it.
            painlog::cli::run(cli.data, command)
        }
        None => painlog::ui::launch(cli.data, cli.demo, now, cli.renderer),
    }
}
