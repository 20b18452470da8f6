//! The `dossier` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    return_large_blocks_to_the_system();
    dossier::cli::main()
}

/// glibc serves a block of 128 KiB or more with its own mapping, returned to the system when
/// freed, but raises that threshold to the size of every such block freed, up to 32 MiB. A
/// large load frees many (read buffers, grown vectors, per-thread runs), after which blocks
/// of that size come from heaps that are never given back: 100 MB of text peaked at 350 MB
/// resident instead of 250 MB. Fixing the threshold keeps large blocks in mappings of their
/// own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn return_large_blocks_to_the_system() {
    const THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: mallopt only sets an allocator parameter; it is called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks_to_the_system() {}
