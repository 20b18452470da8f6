fn main() -> std::process::ExitCode {
    let paths = std::env::args_os()
        .skip(1)
        .map(std::path::PathBuf::from)
        .collect();
    match dossier::ui::run(paths, dossier::ui::Options::default()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
