//! The one place that sets the terminal up and gives it back.
//!
//! [`TerminalGuard::enter`] switches to raw mode and the alternate screen and hides the
//! cursor; dropping the guard, a panic, a signal or a suspend all undo exactly that (and
//! mouse capture, when it was turned on). The same module watches for the terminal going
//! away: a hangup makes reads fail or return nothing forever, and an input reader that
//! retries in a loop would spin the CPU, so a watchdog checks that standard output is still a
//! terminal and ends the program instead.

use std::io::{IsTerminal, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

use super::event_loop::{Event, Host};

/// How often the watchdog checks that the terminal is still there.
const WATCH_EVERY: Duration = Duration::from_millis(200);

/// True while the terminal is in dossier's modes.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// True while mouse capture is on.
static MOUSE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Owns the terminal's modes while it lives.
#[derive(Debug)]
pub struct TerminalGuard {
    _private: (),
}

fn setup() -> std::io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        mouse_on(&mut std::io::stdout())?;
    }
    Ok(())
}

/// Clicks and the wheel, reported in SGR encoding (1000 + 1006). Not crossterm's
/// `EnableMouseCapture`, which also asks for every motion (1003): over SSH that is a report
/// per cell the pointer crosses, for nothing the reader uses.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
/// Turns off every mouse mode a terminal may have, ours or not.
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";

fn mouse_on(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(MOUSE_ON)?;
    out.flush()
}

fn mouse_off(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(MOUSE_OFF)?;
    out.flush()
}

/// Puts the terminal back as it was. Safe to call more than once and from the panic hook;
/// errors are ignored because the terminal may be gone.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = std::io::stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = mouse_off(&mut out);
    }
    leave_modes(&mut out);
    let _ = terminal::disable_raw_mode();
}

/// Leaves every mode the reader may have turned on but raw mode: bracketed paste, a
/// synchronised update, the alternate screen, the hidden cursor. Errors are ignored: the
/// terminal may be gone.
fn leave_modes(out: &mut impl Write) {
    let _ = execute!(
        out,
        DisableBracketedPaste,
        EndSynchronizedUpdate,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Puts the terminal back for a reader that could not: every mode [`TerminalGuard`] turns
/// on, mouse capture included, is turned off, from another process. Raw mode is the
/// caller's to undo (see `supervise`).
pub fn restore_from_outside() {
    let mut out = std::io::stdout();
    let _ = mouse_off(&mut out);
    leave_modes(&mut out);
}

impl TerminalGuard {
    /// Sets the terminal up and installs the panic hook that restores it.
    ///
    /// # Errors
    /// The terminal refused raw mode or the alternate screen (it is restored then).
    pub fn enter(mouse: bool) -> std::io::Result<Self> {
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        MOUSE.store(mouse, Ordering::SeqCst);
        if let Err(e) = setup() {
            restore();
            return Err(e);
        }
        Ok(Self { _private: () })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

impl Host for TerminalGuard {
    fn set_mouse(&mut self, on: bool) {
        MOUSE.store(on, Ordering::SeqCst);
        let mut out = std::io::stdout();
        let _ = if on {
            mouse_on(&mut out)
        } else {
            mouse_off(&mut out)
        };
    }

    fn suspend(&mut self) {
        restore();
        // Stop as the default SIGTSTP action would; we continue here after `fg`.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        let _ = setup();
    }

    fn resume(&mut self) {
        if ACTIVE.load(Ordering::SeqCst) {
            // Another program may have reset the modes while we were stopped.
            let _ = terminal::enable_raw_mode();
            let _ = execute!(
                std::io::stdout(),
                EnterAlternateScreen,
                cursor::Hide,
                EnableBracketedPaste
            );
        } else {
            let _ = setup();
        }
    }

    fn set_clipboard(&mut self, text: &str) {
        let mut out = std::io::stdout();
        let _ = out.write_all(super::clipboard::osc52(text).as_bytes());
        let _ = out.flush();
    }

    fn clear_screen(&mut self) {
        let _ = execute!(std::io::stdout(), terminal::Clear(terminal::ClearType::All));
    }

    fn begin_frame(&mut self) {
        let _ = execute!(std::io::stdout(), BeginSynchronizedUpdate);
    }

    fn end_frame(&mut self) {
        let _ = execute!(std::io::stdout(), EndSynchronizedUpdate);
    }
}

/// Whether a failed write to the terminal means it is gone: its device reports an I/O
/// error or no such device once hung up, a pipe is broken, or standard output is no longer
/// a terminal at all.
#[must_use]
pub fn is_gone(e: &std::io::Error) -> bool {
    /// EIO and ENXIO, as Linux and the BSDs number them.
    const HUNG_UP: [i32; 2] = [5, 6];
    e.raw_os_error().is_some_and(|n| HUNG_UP.contains(&n))
        || e.kind() == std::io::ErrorKind::BrokenPipe
        || !std::io::stdout().is_terminal()
}

/// Starts the threads that feed the event loop from the terminal: input, signals and the
/// hangup watchdog.
///
/// # Errors
/// Signal handlers could not be installed.
pub fn spawn_sources(tx: &Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    let t = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let ev = match sig {
                    SIGTSTP => Event::Suspend,
                    SIGCONT => Event::Continue,
                    _ => Event::Quit,
                };
                if t.send(ev).is_err() {
                    break;
                }
            }
        })?;
    let t = tx.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                match ratatui::crossterm::event::read() {
                    Ok(ev) => {
                        if t.send(Event::Term(ev)).is_err() {
                            break;
                        }
                    }
                    Err(_) => {
                        let _ = t.send(Event::TerminalGone);
                        break;
                    }
                }
            }
        })?;
    let t = tx.clone();
    std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || {
            loop {
                std::thread::sleep(WATCH_EVERY);
                if !std::io::stdout().is_terminal() {
                    let _ = t.send(Event::TerminalGone);
                    break;
                }
            }
        })?;
    Ok(())
}
