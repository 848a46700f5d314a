#![no_main]
//! Any bytes given as a plan: an error or an inventory, never a panic or a hang.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = complyctl::collect::terraform::parse_plan("fuzz.json", data.to_vec());
});
