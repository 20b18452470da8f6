//! The reader runs in a child process watched by this one, so that the terminal is given
//! back whatever ends it.
//!
//! A panic, a signal or a suspend are restored by the reader itself ([`super::terminal`]).
//! An abort is not: a failed allocation aborts a Rust program without unwinding, and the
//! kernel's out-of-memory killer sends SIGKILL, which nothing can catch. Either left the
//! terminal raw, on the alternate screen, cursor hidden. The parent saved the terminal's
//! modes before the child started; when the child dies of a signal it puts them back, leaves
//! every mode the reader turns on, and says in one line what happened.
//!
//! The parent stays out of the way otherwise: signals sent to it (TERM, HUP, INT, QUIT,
//! TSTP) are passed on to the reader, which handles them as it always does; it stops when
//! the reader stops (Ctrl-Z), so that the shell gets the terminal back, and wakes the reader
//! when it is continued. The child's exit code is the program's.

use std::io::IsTerminal;
use std::process::Command;

use rustix::process::{Pid, Signal, WaitOptions};
use rustix::termios::{OptionalActions, Termios};

/// Set in the child's environment: the reader runs there.
const CHILD_ENV: &str = "DOSSIER_SUPERVISED";

/// What [`supervise`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Supervision {
    /// This process is to run the reader itself: it is the supervised child, or no child
    /// could be started.
    RunHere,
    /// The reader ran in a child process and ended with this exit code; `problem` says what
    /// ended it when it did not end by itself.
    Ended { code: u8, problem: Option<String> },
}

/// Runs the reader (this program with the same arguments) in a child process and waits
/// for it, restoring the terminal if it dies of a signal.
#[must_use]
pub fn supervise() -> Supervision {
    if std::env::var_os(CHILD_ENV).is_some() || !std::io::stdout().is_terminal() {
        return Supervision::RunHere;
    }
    let saved = rustix::termios::tcgetattr(std::io::stdout()).ok();
    let Ok(exe) = std::env::current_exe() else {
        return Supervision::RunHere;
    };
    // The signals the reader handles reach it through this process as well.
    let Ok(mut signals) = signal_hook::iterator::Signals::new(FORWARDED) else {
        return Supervision::RunHere;
    };
    let handle = signals.handle();
    let child = Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(CHILD_ENV, "1")
        .spawn();
    let Ok(child) = child else {
        handle.close();
        return Supervision::RunHere;
    };
    let pid = Pid::from_child(&child);
    let forwarder = std::thread::Builder::new()
        .name("forward signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if let Some(sig) = Signal::from_named_raw(sig) {
                    let _ = rustix::process::kill_process(pid, sig);
                }
            }
        });
    let status = wait(pid);
    handle.close();
    if let Ok(t) = forwarder {
        let _ = t.join();
    }
    match status {
        Ended::Exited(code) => Supervision::Ended {
            code: u8::try_from(code).unwrap_or(1),
            problem: None,
        },
        Ended::Signalled(sig) => {
            restore(saved.as_ref());
            Supervision::Ended {
                code: u8::try_from(128 + sig).unwrap_or(1),
                problem: Some(why(sig)),
            }
        }
        Ended::Lost => Supervision::Ended {
            code: 1,
            problem: Some("lost track of the reader's process".to_string()),
        },
    }
}

const FORWARDED: [i32; 5] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGTSTP,
];

/// How the child ended.
enum Ended {
    Exited(i32),
    Signalled(i32),
    Lost,
}

/// Waits for the child to end, stopping along with it.
fn wait(pid: Pid) -> Ended {
    loop {
        match rustix::process::waitpid(Some(pid), WaitOptions::UNTRACED) {
            Ok(Some((_, status))) if status.stopped() => {
                // The reader gave the terminal back and stopped (Ctrl-Z): the shell regains
                // the terminal only once every process of the job has stopped.
                let _ =
                    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
                // Continued (`fg`): the shell wakes the whole job, but a SIGCONT sent to
                // this process alone must wake the reader too.
                let _ = rustix::process::kill_process(pid, Signal::CONT);
            }
            Ok(Some((_, status))) => {
                if let Some(sig) = status.terminating_signal() {
                    return Ended::Signalled(sig);
                }
                return Ended::Exited(status.exit_status().unwrap_or(1));
            }
            Ok(None) => {}
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return Ended::Lost,
        }
    }
}

/// Gives the terminal back as it was before the reader started.
fn restore(saved: Option<&Termios>) {
    // Modes first, then the line discipline: the sequences are sent as they were while the
    // terminal is still raw, as the reader itself does.
    super::terminal::restore_from_outside();
    if let Some(t) = saved {
        let _ = rustix::termios::tcsetattr(std::io::stdout(), OptionalActions::Now, t);
    }
}

/// One line on what ended the reader.
fn why(sig: i32) -> String {
    let name = match sig {
        signal_hook::consts::SIGABRT => "aborted (SIGABRT), as when memory runs out",
        signal_hook::consts::SIGKILL => "killed (SIGKILL), as the system does when memory runs out",
        signal_hook::consts::SIGSEGV => "crashed (SIGSEGV)",
        signal_hook::consts::SIGBUS => "crashed (SIGBUS)",
        _ => "ended by a signal",
    };
    format!("the reader was {name} (signal {sig}); the terminal was restored")
}
