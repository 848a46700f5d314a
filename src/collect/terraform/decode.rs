//! Turn plan file bytes into UTF-8 text.
//!
//! `terraform show -json > plan.json` in Windows PowerShell 5 writes UTF-16 LE with a BOM;
//! other tools write UTF-8 with or without a BOM. Anything else is rejected with a message
//! that says what was found.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file is empty (expected the JSON output of `terraform show -json`)")]
    Empty,
    #[error("invalid UTF-8 at byte {0} (expected UTF-8 or UTF-16 text)")]
    InvalidUtf8(usize),
    #[error("invalid UTF-16 ({0}) at code unit {1}")]
    InvalidUtf16(&'static str, usize),
    #[error("odd number of bytes in UTF-16 ({0}) text: the file is truncated")]
    OddUtf16(&'static str),
}

#[derive(Clone, Copy)]
enum Endian {
    Little,
    Big,
}

/// Decode plan bytes into a string, detecting UTF-8/UTF-16 (with or without BOM).
pub fn decode_text(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest.to_vec());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(&bytes[2..], Endian::Little);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(&bytes[2..], Endian::Big);
    }
    // Without a BOM, JSON text starts with an ASCII character, so UTF-16 shows a zero byte
    // in the first code unit (RFC 8259 section 8.1 makes the same observation).
    if bytes.len() >= 2 {
        if bytes[0] == 0 && bytes[1] != 0 {
            return utf16(&bytes, Endian::Big);
        }
        if bytes[0] != 0 && bytes[1] == 0 {
            return utf16(&bytes, Endian::Little);
        }
    }
    utf8(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, DecodeError> {
    String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8(e.utf8_error().valid_up_to()))
}

fn utf16(bytes: &[u8], endian: Endian) -> Result<String, DecodeError> {
    let name = match endian {
        Endian::Little => "LE",
        Endian::Big => "BE",
    };
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddUtf16(name));
    }
    let units = bytes.chunks_exact(2).map(|c| match endian {
        Endian::Little => u16::from_le_bytes([c[0], c[1]]),
        Endian::Big => u16::from_be_bytes([c[0], c[1]]),
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => return Err(DecodeError::InvalidUtf16(name, i)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        v
    }

    fn utf16be(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFE, 0xFF] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        v
    }

    #[test]
    fn decodes_every_encoding_terraform_output_is_found_in() {
        let text = r#"{"format_version":"1.2","é":1}"#;
        assert_eq!(decode_text(text.as_bytes().to_vec()).unwrap(), text);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        assert_eq!(decode_text(bom).unwrap(), text);
        for bytes in [
            utf16le(text, true),
            utf16le(text, false),
            utf16be(text, true),
            utf16be(text, false),
        ] {
            assert_eq!(decode_text(bytes).unwrap(), text);
        }
    }

    #[test]
    fn rejects_bad_bytes_with_a_position() {
        assert_eq!(decode_text(vec![]), Err(DecodeError::Empty));
        assert_eq!(
            decode_text(vec![b'{', 0xFF, b'}']),
            Err(DecodeError::InvalidUtf8(1))
        );
        assert_eq!(
            decode_text(vec![0xFF, 0xFE, b'{']),
            Err(DecodeError::OddUtf16("LE"))
        );
        // a lone high surrogate
        assert!(matches!(
            decode_text(vec![0xFF, 0xFE, b'{', 0, 0x00, 0xD8, b'}', 0]),
            Err(DecodeError::InvalidUtf16("LE", 1))
        ));
    }
}
