#![no_main]
//! Any text given as a saved inventory: an error or an inventory, never a panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = complyctl::inventory::Inventory::from_json("fuzz.json", text);
    }
});
