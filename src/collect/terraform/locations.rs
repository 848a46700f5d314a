//! Where each plan resource is declared: the `.tf` file and line of its
//! `resource "TYPE" "NAME" {` block.
//!
//! A plan (`terraform show -json`) names every resource and module call but says nothing about
//! files or lines. This module reads the Terraform configuration directory, finds the top-level
//! `resource` blocks of each module directory with a small tokenizer (comments, quoted strings
//! with `${...}` templates and heredocs are skipped, so braces inside them do not count), and
//! follows the plan's `configuration.module_calls[].source` into local module directories
//! (`./x`, `../x`). Remote modules (registry, git) are not in the repository and are skipped:
//! their resources keep no location.
//!
//! Paths are made relative to a root directory (the repository root, `--sarif-root`) with
//! forward slashes, so code-scanning tools can annotate the right file.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::model::{ConfigModule, Configuration};
use crate::inventory::Location;

/// `.tf` files larger than this are not read (a configuration file is never this large).
const MAX_TF_BYTES: u64 = 16 * 1024 * 1024;
/// Module nesting deeper than this is not followed (cycles through `../` sources).
const MAX_DEPTH: usize = 32;

/// A `resource` block found in a `.tf` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub rtype: String,
    pub name: String,
    /// 1-based line of the `resource` keyword.
    pub line: u32,
}

/// Declaration sites of the resources in a configuration, by (module call path, type, name).
#[derive(Debug, Default)]
pub struct Locations {
    map: HashMap<(Vec<String>, String, String), Location>,
}

impl Locations {
    /// Index the configuration under `tf_dir`; file paths are relative to `root`.
    pub fn index(config: Option<&Configuration>, tf_dir: &Path, root: &Path) -> Locations {
        let mut loc = Locations::default();
        let root = absolute(root);
        let empty = ConfigModule::default();
        let module = config.map(|c| &c.root_module).unwrap_or(&empty);
        let mut cache: HashMap<PathBuf, Vec<(PathBuf, Block)>> = HashMap::new();
        loc.visit(Vec::new(), &absolute(tf_dir), module, &root, &mut cache, 0);
        loc
    }

    /// The location of a resource in the module instance with this configuration path
    /// (module call names without instance keys).
    pub fn get(&self, module_path: &[String], rtype: &str, name: &str) -> Option<&Location> {
        self.map
            .get(&(module_path.to_vec(), rtype.to_string(), name.to_string()))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn visit(
        &mut self,
        path: Vec<String>,
        dir: &Path,
        module: &ConfigModule,
        root: &Path,
        cache: &mut HashMap<PathBuf, Vec<(PathBuf, Block)>>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let blocks = cache
            .entry(dir.to_path_buf())
            .or_insert_with(|| scan_dir(dir));
        for (file, b) in blocks.iter() {
            // Terraform refuses duplicate resource names, so the first one wins only on broken
            // configurations; files are read in name order, so the choice is stable.
            self.map
                .entry((path.clone(), b.rtype.clone(), b.name.clone()))
                .or_insert_with(|| Location {
                    file: relative_path(file, root),
                    line: Some(b.line),
                });
        }
        for (name, call) in &module.module_calls {
            let Some(source) = call.source.as_deref() else {
                continue;
            };
            if !is_local_source(source) {
                tracing::debug!("module.{name}: source {source:?} is not local; no locations");
                continue;
            }
            let child = normalize(&dir.join(source));
            let mut p = path.clone();
            p.push(name.clone());
            self.visit(p, &child, &call.module, root, cache, depth + 1);
        }
    }
}

/// Local module sources start with `./` or `../` (Terraform's own rule; `.\` on Windows).
pub fn is_local_source(s: &str) -> bool {
    s.starts_with("./") || s.starts_with("../") || s.starts_with(".\\") || s.starts_with("..\\")
}

/// The resource blocks of every `*.tf` file directly in `dir`, files in name order.
fn scan_dir(dir: &Path) -> Vec<(PathBuf, Block)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        tracing::debug!("{}: cannot read the directory; no locations", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf") && p.is_file())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        if std::fs::metadata(&f).is_ok_and(|m| m.len() > MAX_TF_BYTES) {
            tracing::warn!("{}: larger than {MAX_TF_BYTES} bytes; skipped", f.display());
            continue;
        }
        let Ok(bytes) = std::fs::read(&f) else {
            tracing::debug!("{}: cannot read; skipped", f.display());
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for b in resource_blocks(&text) {
            out.push((f.clone(), b));
        }
    }
    out
}

/// The top-level `resource "TYPE" "NAME" {` blocks of one file of HCL native syntax.
pub fn resource_blocks(src: &str) -> Vec<Block> {
    let tokens = tokenize(src);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.depth == 0 && t.kind == Tok::Ident("resource".to_string()) {
            if let (Some(a), Some(b), Some(open)) =
                (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3))
            {
                if let (Some(rtype), Some(name), Tok::Open) = (a.label(), b.label(), &open.kind) {
                    out.push(Block {
                        rtype: rtype.to_string(),
                        name: name.to_string(),
                        line: t.line,
                    });
                    i += 4;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    /// A quoted string without template sequences; `None` when it had any.
    Str(Option<String>),
    Open,
    Close,
    /// Anything else: operators, numbers, heredocs, punctuation.
    Other,
}

#[derive(Debug)]
struct Token {
    kind: Tok,
    line: u32,
    /// Brace depth before this token (0 = top level of the file).
    depth: u32,
}

impl Token {
    /// A block label: a plain quoted string or a bare identifier.
    fn label(&self) -> Option<&str> {
        match &self.kind {
            Tok::Str(Some(s)) => Some(s),
            Tok::Ident(s) => Some(s),
            _ => None,
        }
    }
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line = self.line.saturating_add(1);
        }
        Some(c)
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' {
                return;
            }
            self.bump();
        }
    }

    fn skip_block_comment(&mut self) {
        // after `/*`
        while let Some(c) = self.bump() {
            if c == '*' && self.peek() == Some('/') {
                self.bump();
                return;
            }
        }
    }

    /// After the opening `"`: read to the closing quote, skipping `${...}` / `%{...}` templates
    /// (which may hold nested strings and braces). Returns the text when it had no template.
    fn quoted(&mut self) -> Option<String> {
        let mut text = String::new();
        let mut plain = true;
        while let Some(c) = self.bump() {
            match c {
                '"' => return plain.then_some(text),
                '\\' => {
                    if let Some(e) = self.bump() {
                        text.push(match e {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            other => other,
                        });
                    }
                }
                '$' | '%' if self.peek() == Some(c) && self.peek_at(1) == Some('{') => {
                    // `$${` and `%%{` are literal `${` / `%{`
                    self.bump();
                    self.bump();
                    text.push(c);
                    text.push('{');
                }
                '$' | '%' if self.peek() == Some('{') => {
                    self.bump();
                    plain = false;
                    self.template_expr();
                }
                '\n' => {
                    // Unterminated string: HCL strings are single-line; recover at the line end.
                    return None;
                }
                other => text.push(other),
            }
        }
        None
    }

    /// After `${` or `%{`: skip the expression up to its matching `}`.
    fn template_expr(&mut self) {
        let mut depth = 1u32;
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.bump();
                    self.quoted();
                }
                '{' => {
                    self.bump();
                    depth += 1;
                }
                '}' => {
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                '#' => self.skip_line(),
                '/' if self.peek_at(1) == Some('/') => self.skip_line(),
                '/' if self.peek_at(1) == Some('*') => {
                    self.bump();
                    self.bump();
                    self.skip_block_comment();
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// After `<<` or `<<-` and the marker: skip lines up to the one holding only the marker.
    fn heredoc(&mut self, marker: &str) {
        self.skip_line();
        self.bump(); // the newline
        loop {
            if self.peek().is_none() {
                return;
            }
            let start = self.pos;
            self.skip_line();
            let line: String = self.chars[start..self.pos].iter().collect();
            self.bump();
            if line.trim() == marker {
                return;
            }
        }
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn tokenize(src: &str) -> Vec<Token> {
    let mut lx = Lexer {
        chars: src.trim_start_matches('\u{feff}').chars().collect(),
        pos: 0,
        line: 1,
    };
    let mut out = Vec::new();
    let mut depth: u32 = 0;
    while let Some(c) = lx.peek() {
        let line = lx.line;
        match c {
            _ if c.is_whitespace() => {
                lx.bump();
            }
            '#' => lx.skip_line(),
            '/' if lx.peek_at(1) == Some('/') => lx.skip_line(),
            '/' if lx.peek_at(1) == Some('*') => {
                lx.bump();
                lx.bump();
                lx.skip_block_comment();
            }
            '"' => {
                lx.bump();
                let s = lx.quoted();
                out.push(Token {
                    kind: Tok::Str(s),
                    line,
                    depth,
                });
            }
            '<' if lx.peek_at(1) == Some('<') => {
                lx.bump();
                lx.bump();
                if lx.peek() == Some('-') {
                    lx.bump();
                }
                let mut marker = String::new();
                while let Some(m) = lx.peek().filter(|m| is_ident_char(*m)) {
                    marker.push(m);
                    lx.bump();
                }
                if !marker.is_empty() {
                    lx.heredoc(&marker);
                }
                out.push(Token {
                    kind: Tok::Other,
                    line,
                    depth,
                });
            }
            '{' => {
                lx.bump();
                out.push(Token {
                    kind: Tok::Open,
                    line,
                    depth,
                });
                depth = depth.saturating_add(1);
            }
            '}' => {
                lx.bump();
                depth = depth.saturating_sub(1);
                out.push(Token {
                    kind: Tok::Close,
                    line,
                    depth,
                });
            }
            _ if is_ident_start(c) => {
                let mut s = String::new();
                while let Some(ch) = lx.peek().filter(|ch| is_ident_char(*ch)) {
                    s.push(ch);
                    lx.bump();
                }
                out.push(Token {
                    kind: Tok::Ident(s),
                    line,
                    depth,
                });
            }
            _ => {
                lx.bump();
                out.push(Token {
                    kind: Tok::Other,
                    line,
                    depth,
                });
            }
        }
    }
    out
}

/// An absolute form of `p`: canonical when it exists, else joined to the current directory.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    normalize(&joined)
}

/// Resolve `.` and `..` lexically, then canonicalize when the path exists (symlinks).
fn normalize(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `file` relative to `root`, with forward slashes (`../` when outside it).
pub fn relative_path(file: &Path, root: &Path) -> String {
    let f: Vec<Component> = file.components().collect();
    let r: Vec<Component> = root.components().collect();
    let common = f.iter().zip(&r).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Different prefixes (drives): no relative form.
        return slashes(f.iter());
    }
    let mut parts: Vec<String> = Vec::new();
    for _ in common..r.len() {
        parts.push("..".to_string());
    }
    for c in &f[common..] {
        parts.push(c.as_os_str().to_string_lossy().to_string());
    }
    parts.join("/")
}

fn slashes<'a>(it: impl Iterator<Item = &'a Component<'a>>) -> String {
    let mut s = String::new();
    for c in it {
        match c {
            Component::RootDir => s.push('/'),
            Component::Prefix(p) => s.push_str(&p.as_os_str().to_string_lossy()),
            other => {
                if !s.is_empty() && !s.ends_with('/') {
                    s.push('/');
                }
                s.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<(String, String, u32)> {
        resource_blocks(src)
            .into_iter()
            .map(|b| (b.rtype, b.name, b.line))
            .collect()
    }

    #[test]
    fn finds_top_level_resource_blocks() {
        let src = r#"
resource "aws_s3_bucket" "a" {
  bucket = "x"
}

resource aws_s3_bucket b {
}
data "aws_s3_bucket" "c" {}
resource "aws_kms_key" "d" { description = "}" }
"#;
        assert_eq!(
            names(src),
            vec![
                ("aws_s3_bucket".into(), "a".into(), 2),
                ("aws_s3_bucket".into(), "b".into(), 6),
                ("aws_kms_key".into(), "d".into(), 9),
            ]
        );
    }

    #[test]
    fn skips_comments_strings_templates_and_heredocs() {
        let src = r#"# resource "aws_s3_bucket" "comment" {
// resource "aws_s3_bucket" "comment2" {
/* resource "aws_s3_bucket" "comment3" {
   } */
resource "aws_iam_policy" "p" {
  name   = "x ${jsonencode({ a = "}" })} y"
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow"}
    resource "aws_s3_bucket" "in_heredoc" {
  EOT
  other = <<EOF
}}}
EOF
  nested {
    s = "resource \"x\" \"y\" {"
  }
}
resource "aws_s3_bucket" "after" {
  # }
  /* } */
}
"#;
        assert_eq!(
            names(src),
            vec![
                ("aws_iam_policy".into(), "p".into(), 5),
                ("aws_s3_bucket".into(), "after".into(), 18),
            ]
        );
    }

    #[test]
    fn nested_resource_words_are_not_blocks() {
        let src = "locals {\n  resource = \"x\"\n}\nmodule \"m\" {\n  resource \"a\" \"b\" {}\n}\n";
        assert!(names(src).is_empty());
    }

    #[test]
    fn template_labels_and_crlf() {
        let src = "resource \"aws_s3_bucket\" \"${x}\" {\r\n}\r\nresource \"aws_s3_bucket\" \"ok\" {\r\n}\r\n";
        assert_eq!(names(src), vec![("aws_s3_bucket".into(), "ok".into(), 3)]);
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for src in [
            "resource \"a\" \"b\" {",
            "resource \"a",
            "x = <<EOF\nno end",
            "/* open",
            "x = \"${",
            "}}}}",
            "\u{feff}resource \"a\" \"b\" {}",
        ] {
            let _ = names(src);
        }
        assert_eq!(
            names("\u{feff}resource \"a\" \"b\" {}"),
            vec![("a".into(), "b".into(), 1)]
        );
    }

    #[test]
    fn relative_paths_use_forward_slashes() {
        assert_eq!(
            relative_path(Path::new("/repo/infra/main.tf"), Path::new("/repo")),
            "infra/main.tf"
        );
        assert_eq!(
            relative_path(Path::new("/other/main.tf"), Path::new("/repo/sub")),
            "../../other/main.tf"
        );
        assert_eq!(
            relative_path(Path::new("/repo/main.tf"), Path::new("/repo")),
            "main.tf"
        );
    }

    #[test]
    fn follows_local_module_sources_recursively() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let w = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        w("infra/b.tf", "\n\nresource \"aws_vpc\" \"main\" {}\n");
        w("infra/a.tf", "resource \"aws_s3_bucket\" \"logs\" {\n}\n");
        w(
            "infra/mods/app/main.tf",
            "# app\nresource \"aws_s3_bucket\" \"this\" {}\n",
        );
        w("shared/net/x.tf", "resource \"aws_vpc\" \"inner\" {}\n");
        let config: Configuration = serde_json::from_value(serde_json::json!({
            "root_module": {
                "module_calls": {
                    "app": {
                        "source": "./mods/app",
                        "module": {"module_calls": {
                            "net": {"source": "../../../shared/net", "module": {}}
                        }}
                    },
                    "remote": {"source": "terraform-aws-modules/vpc/aws", "module": {}}
                }
            }
        }))
        .unwrap();
        let loc = Locations::index(Some(&config), &root.join("infra"), root);
        let at = |path: &[&str], t: &str, n: &str| {
            let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            loc.get(&p, t, n).map(|l| (l.file.clone(), l.line))
        };
        assert_eq!(
            at(&[], "aws_s3_bucket", "logs"),
            Some(("infra/a.tf".to_string(), Some(1)))
        );
        assert_eq!(
            at(&[], "aws_vpc", "main"),
            Some(("infra/b.tf".to_string(), Some(3)))
        );
        assert_eq!(
            at(&["app"], "aws_s3_bucket", "this"),
            Some(("infra/mods/app/main.tf".to_string(), Some(2)))
        );
        assert_eq!(
            at(&["app", "net"], "aws_vpc", "inner"),
            Some(("shared/net/x.tf".to_string(), Some(1)))
        );
        assert_eq!(at(&["app"], "aws_s3_bucket", "logs"), None);
        assert_eq!(at(&["remote"], "aws_vpc", "this"), None);
        assert_eq!(loc.len(), 4);
        // Relative to another root.
        let loc = Locations::index(Some(&config), &root.join("infra"), &root.join("infra"));
        assert_eq!(
            loc.get(&["app".to_string(), "net".to_string()], "aws_vpc", "inner")
                .map(|l| l.file.as_str()),
            Some("../shared/net/x.tf")
        );
    }

    #[test]
    fn local_sources() {
        assert!(is_local_source("./modules/x"));
        assert!(is_local_source("../shared"));
        assert!(!is_local_source("terraform-aws-modules/vpc/aws"));
        assert!(!is_local_source("git::https://example.com/x.git"));
        assert!(!is_local_source("modules/x"));
    }
}
