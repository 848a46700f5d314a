use std::process::ExitCode;

// mimalloc instead of glibc's malloc: rule evaluation allocates and frees small values at a
// high rate on every worker, and glibc's allocator was a fifth of a scan's CPU (perf).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's defaults keep freed memory committed for a while and commit whole arenas up
/// front, which raised a 10k-resource plan's peak RSS from 129 to 151 MiB and a small plan's
/// from 26 to 47 MiB. Purging after 1 ms and committing on demand bring them to 120 and
/// 28 MiB (glibc: 129 and 27) without losing the speed. A MIMALLOC_* variable set by the
/// user still wins.
fn tune_allocator() {
    // The option numbers come from the mimalloc header libmimalloc-sys builds (build.rs).
    const PURGE_DELAY: &str = env!("COMPLYCTL_MI_OPTION_PURGE_DELAY");
    const ARENA_EAGER_COMMIT: &str = env!("COMPLYCTL_MI_OPTION_ARENA_EAGER_COMMIT");
    for (option, env, value) in [
        (PURGE_DELAY, "MIMALLOC_PURGE_DELAY", 1),
        (ARENA_EAGER_COMMIT, "MIMALLOC_ARENA_EAGER_COMMIT", 0),
    ] {
        let Ok(option) = option.parse() else { continue };
        if std::env::var_os(env).is_none() {
            // SAFETY: sets one of mimalloc's global options while only this thread runs;
            // `option` is the number the header gives that option.
            unsafe { libmimalloc_sys::mi_option_set(option, value) };
        }
    }
}

// On ELF targets this runs as a constructor, before the Rust runtime's first allocation:
// mimalloc reserves its first arena then (set later, arena_eager_commit had no effect).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = {
    extern "C" fn init() {
        tune_allocator();
    }
    init
};

fn main() -> ExitCode {
    #[cfg(not(target_os = "linux"))]
    tune_allocator();
    complyctl::cli::main()
}
