#![no_main]
//! Any text given as .complyctl.yaml: an error or a config, never a panic or an alias bomb.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = complyctl::config::Config::parse("fuzz.yaml", text);
    }
});
