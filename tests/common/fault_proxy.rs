//! A fault-injecting HTTP proxy on a loopback port, in front of moto. complyctl is pointed at
//! the proxy (`--endpoint-url`); each request is forwarded to moto unless a [`Rule`] matches it,
//! in which case the proxy answers with the rule's [`Fault`] instead: AWS-shaped throttling and
//! server errors, AccessDenied, a connection reset, or an answer slower than the client's
//! timeout. Rules match on the signing service (from the SigV4 credential scope) and the API
//! operation, and can fire a limited number of times (transient) or forever (persistent).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 400 with the service's throttling code (`Throttling`, `ThrottlingException`).
    Throttle,
    /// 503 `SlowDown` (S3's throttling).
    SlowDown,
    /// 500 `InternalError`.
    ServerError,
    /// The connection is reset (RST) before any answer.
    Reset,
    /// The answer comes after this long (beyond the client's request timeout).
    Slow(Duration),
    /// 403 `AccessDenied` / `AccessDeniedException`.
    AccessDenied,
}

#[derive(Debug, Clone)]
pub struct Rule {
    /// Signing service (`s3`, `iam`, `ec2`, `kms`, ...); `*` for any.
    pub service: &'static str,
    /// The operation: the query `Action`, the JSON `X-Amz-Target` operation, or for S3 and
    /// REST APIs a `METHOD path?query` substring such as `?encryption`; `*` for any.
    pub operation: &'static str,
    pub fault: Fault,
    /// How many more times it fires; `None` = every time.
    pub remaining: Option<usize>,
}

impl Rule {
    pub fn always(service: &'static str, operation: &'static str, fault: Fault) -> Rule {
        Rule {
            service,
            operation,
            fault,
            remaining: None,
        }
    }

    pub fn times(service: &'static str, operation: &'static str, fault: Fault, n: usize) -> Rule {
        Rule {
            service,
            operation,
            fault,
            remaining: Some(n),
        }
    }
}

/// What the proxy saw: (service, operation, fault injected or None).
pub type Log = Vec<(String, String, Option<Fault>)>;

pub struct FaultProxy {
    pub url: String,
    rules: Arc<Mutex<Vec<Rule>>>,
    log: Arc<Mutex<Log>>,
}

struct Request {
    head: String,
    body: Vec<u8>,
    service: String,
    operation: String,
}

impl FaultProxy {
    /// A proxy to `upstream_port` (moto) with these rules; it lives as long as the process.
    pub fn start(upstream_port: u16, rules: Vec<Rule>) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the fault proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let rules = Arc::new(Mutex::new(rules));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (r, l) = (rules.clone(), log.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || serve(conn, upstream_port, &r, &l));
            }
        });
        FaultProxy {
            url: format!("http://127.0.0.1:{port}"),
            rules,
            log,
        }
    }

    /// Every request seen so far.
    pub fn log(&self) -> Log {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// How many faults were injected.
    pub fn injected(&self) -> usize {
        self.log().iter().filter(|(_, _, f)| f.is_some()).count()
    }

    pub fn set_rules(&self, rules: Vec<Rule>) {
        *self.rules.lock().unwrap_or_else(|e| e.into_inner()) = rules;
    }
}

/// One client connection: requests in a row until the client closes it.
fn serve(mut client: TcpStream, upstream: u16, rules: &Mutex<Vec<Rule>>, log: &Mutex<Log>) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(120)));
    let mut reader = BufReader::new(match client.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    // One request per connection: every answer closes it (the SDK reconnects).
    let Some(req) = read_request(&mut reader) else {
        return;
    };
    let fault = {
        let mut rules = rules.lock().unwrap_or_else(|e| e.into_inner());
        let hit = rules.iter_mut().find(|r| {
            (r.service == "*" || r.service == req.service)
                && (r.operation == "*" || req.operation.contains(r.operation))
                && r.remaining != Some(0)
        });
        hit.map(|r| {
            if let Some(n) = r.remaining.as_mut() {
                *n -= 1;
            }
            r.fault
        })
    };
    log.lock().unwrap_or_else(|e| e.into_inner()).push((
        req.service.clone(),
        req.operation.clone(),
        fault,
    ));
    match fault {
        Some(Fault::Reset) => {
            // SO_LINGER 0: closing sends a RST instead of a FIN.
            let _ = socket2::SockRef::from(&client).set_linger(Some(Duration::ZERO));
            return;
        }
        Some(Fault::Slow(d)) => {
            std::thread::sleep(d);
            // The client gave up long ago; answer anyway, like a slow server would.
            let resp = forward(&req, upstream).unwrap_or_default();
            let _ = client.write_all(&resp);
            let _ = client.shutdown(Shutdown::Both);
            return;
        }
        Some(f) => {
            let _ = client.write_all(&error_response(&req, f));
        }
        None => match forward(&req, upstream) {
            Some(resp) => {
                let _ = client.write_all(&resp);
            }
            None => return,
        },
    }
    let _ = client.flush();
    let _ = client.shutdown(Shutdown::Both);
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let end = line == "\r\n";
        head.push_str(&line);
        if end {
            break;
        }
    }
    let header = |head: &str, name: &str| header_value(head, name);
    let mut body = Vec::new();
    if let Some(n) = header(&head, "content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(n, 0);
        reader.read_exact(&mut body).ok()?;
    } else if header(&head, "transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).ok()?;
            let n = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
        // Re-sent with a length.
        head = head
            .lines()
            .filter(|l| !l.to_ascii_lowercase().starts_with("transfer-encoding"))
            .map(|l| format!("{l}\r\n"))
            .collect::<String>();
        head.truncate(head.trim_end().len());
        head.push_str(&format!("\r\ncontent-length: {}\r\n\r\n", body.len()));
    }
    let service = header(&head, "authorization")
        .and_then(|a| {
            let scope = a
                .split("Credential=")
                .nth(1)?
                .split(',')
                .next()?
                .to_string();
            scope.split('/').nth(3).map(str::to_string)
        })
        .unwrap_or_default();
    let request_line = head.lines().next().unwrap_or_default().to_string();
    let operation = if let Some(t) = header(&head, "x-amz-target") {
        t.rsplit('.').next().unwrap_or_default().to_string()
    } else if let Some(action) = form_value(&body, "Action") {
        action
    } else {
        // REST: `GET /bucket?encryption HTTP/1.1` -> `GET /bucket?encryption`.
        request_line
            .rsplit_once(' ')
            .map(|(l, _)| l.to_string())
            .unwrap_or(request_line)
    };
    Some(Request {
        head,
        body,
        service,
        operation,
    })
}

fn header_value(head: &str, name: &str) -> Option<String> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

fn form_value(body: &[u8], key: &str) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

/// Send the request to moto on a fresh connection and read the whole answer.
fn forward(req: &Request, upstream: u16) -> Option<Vec<u8>> {
    let mut up = TcpStream::connect(("127.0.0.1", upstream)).ok()?;
    let head: String = req
        .head
        .lines()
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\r\n"))
        .collect();
    up.write_all(head.as_bytes()).ok()?;
    up.write_all(b"connection: close\r\n\r\n").ok()?;
    up.write_all(&req.body).ok()?;
    let mut resp = Vec::new();
    up.read_to_end(&mut resp).ok()?;
    Some(resp)
}

/// An error answer shaped like the service's protocol, so the SDK reads its code.
fn error_response(req: &Request, fault: Fault) -> Vec<u8> {
    let (status, reason, code) = match fault {
        Fault::Throttle => (400, "Bad Request", throttle_code(&req.service)),
        Fault::SlowDown => (503, "Slow Down", "SlowDown"),
        Fault::ServerError => (500, "Internal Server Error", "InternalError"),
        Fault::AccessDenied => (403, "Forbidden", denied_code(&req.service)),
        Fault::Reset | Fault::Slow(_) => unreachable!("not an HTTP answer"),
    };
    let message = "injected by the complyctl test fault proxy";
    let json = req.head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("x-amz-target:") || (l.starts_with("content-type:") && l.contains("json"))
    });
    let (ctype, body) = if json {
        (
            "application/x-amz-json-1.1",
            format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
        )
    } else if req.service == "s3" {
        (
            "application/xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>fault</RequestId></Error>"),
        )
    } else if req.service == "ec2" {
        (
            "text/xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>fault</RequestID></Response>"),
        )
    } else {
        (
            "text/xml",
            format!("<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>fault</RequestId></ErrorResponse>"),
        )
    };
    format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: {ctype}\r\nx-amzn-errortype: {code}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn throttle_code(service: &str) -> &'static str {
    match service {
        "iam" | "sts" | "ec2" | "s3" => "Throttling",
        _ => "ThrottlingException",
    }
}

fn denied_code(service: &str) -> &'static str {
    match service {
        "iam" | "sts" | "s3" | "ec2" => "AccessDenied",
        _ => "AccessDeniedException",
    }
}
