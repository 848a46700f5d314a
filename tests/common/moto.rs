//! A real AWS API emulator for the live-collector tests: `moto_server` (from `moto[server]`,
//! installed into ./.venv by scripts/test.sh), started once per test binary on a free loopback
//! port and stopped when the binary exits. Tests hold [`Moto::lock`] and start from a reset
//! server, since they share it. Accounts are seeded through the AWS SDK, never mocked.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use aws_config::{BehaviorVersion, Region, SdkConfig};

pub const ACCOUNT: &str = "123456789012";

pub struct Moto {
    pub port: u16,
    pub url: String,
    _child: Child,
    lock: Mutex<()>,
}

static SERVER: OnceLock<Moto> = OnceLock::new();
static SERVER_WITH_MANAGED_POLICIES: OnceLock<Moto> = OnceLock::new();

fn moto_server_path() -> PathBuf {
    let p = std::env::var_os("COMPLYCTL_MOTO_SERVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| super::repo().join(".venv/bin/moto_server"));
    if !p.exists() {
        panic!(
            "moto_server not found at {}: the live AWS tests need the AWS emulator moto. \
             Run ./scripts/test.sh (it installs moto[server] into ./.venv), or set \
             COMPLYCTL_MOTO_SERVER to a moto_server executable.",
            p.display()
        );
    }
    p
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    l.local_addr().expect("local addr").port()
}

/// A minimal HTTP/1.1 request to the server; returns (status, body).
pub fn http(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

impl Moto {
    /// The server of this test binary, started on first use.
    pub fn get() -> &'static Moto {
        SERVER.get_or_init(|| Moto::start(&[]))
    }

    /// A second server whose IAM accounts hold the AWS managed policies (AdministratorAccess...).
    /// moto only loads them when started so, and they make every account slower to create and
    /// every GetAccountAuthorizationDetails answer ~1,000 policies larger, hence its own server.
    pub fn with_aws_managed_policies() -> &'static Moto {
        SERVER_WITH_MANAGED_POLICIES
            .get_or_init(|| Moto::start(&[("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")]))
    }

    fn start(env: &[(&str, &str)]) -> Moto {
        let exe = moto_server_path();
        let port = free_port();
        let log = std::env::temp_dir().join(format!("complyctl-moto-{port}.log"));
        // A tiny supervisor: it waits on its stdin, which this process holds open until it
        // exits (normally or not), then stops the server. No server outlives the tests.
        let script = r#"
            "$0" -H 127.0.0.1 -p "$1" >"$2" 2>&1 &
            pid=$!
            read -r _ || true
            kill "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
        "#;
        let child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(&exe)
            .arg(port.to_string())
            .arg(&log)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok((200, _)) = http(port, "GET", "/moto-api/data.json", "") {
                break;
            }
            if Instant::now() > deadline {
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("moto_server did not answer on port {port} within 60s; its log:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Moto {
            port,
            url: format!("http://127.0.0.1:{port}"),
            _child: child,
            lock: Mutex::new(()),
        }
    }

    /// Exclusive use of a freshly reset server (every account and region emptied, IAM
    /// authorization off).
    pub fn lock(&self) -> MutexGuard<'_, ()> {
        let g = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let (code, body) = http(self.port, "POST", "/moto-api/reset", "").expect("reset moto");
        assert_eq!(code, 200, "moto reset failed: {body}");
        self.set_auth(None);
        g
    }

    /// Make moto enforce IAM policies from now on (`Some(0)`), or stop (`None`).
    pub fn set_auth(&self, after_requests: Option<u32>) {
        let body = after_requests
            .map(|n| n.to_string())
            .unwrap_or_else(|| "inf".to_string());
        let (code, text) =
            http(self.port, "POST", "/moto-api/reset-auth", &body).expect("reset-auth");
        assert_eq!(code, 200, "moto reset-auth failed: {text}");
    }

    /// SDK configuration for seeding: static test credentials, this server, one region.
    pub async fn config(&self, region: &str) -> SdkConfig {
        self.config_with(region, "testing", "testing").await
    }

    pub async fn config_with(&self, region: &str, key: &str, secret: &str) -> SdkConfig {
        aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(region.to_string()))
            .endpoint_url(&self.url)
            .credentials_provider(aws_sdk_s3::config::Credentials::new(
                key, secret, None, None, "test",
            ))
            .load()
            .await
    }

    pub async fn s3(&self, region: &str) -> aws_sdk_s3::Client {
        let conf = self.config(region).await;
        aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&conf)
                .force_path_style(true)
                .build(),
        )
    }

    /// `complyctl ARGS --aws --endpoint-url URL` with test credentials and no ambient AWS config.
    pub fn complyctl(&self, args: &[&str]) -> assert_cmd::Command {
        self.complyctl_at(&self.url, args)
    }

    /// The same, with the requests sent to `url` (e.g. a fault proxy in front of this server).
    pub fn complyctl_at(&self, url: &str, args: &[&str]) -> assert_cmd::Command {
        let mut c = super::complyctl();
        c.args(args)
            .args(["--aws", "--endpoint-url", url])
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env_remove("AWS_SESSION_TOKEN")
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .env("AWS_CONFIG_FILE", "/nonexistent/complyctl-test-config")
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                "/nonexistent/complyctl-test-credentials",
            )
            .env("AWS_EC2_METADATA_DISABLED", "true");
        c
    }
}

/// A multi-threaded runtime for seeding from synchronous tests.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Turn versioning of `bucket` on (or suspend it).
pub async fn set_versioning(s3: &aws_sdk_s3::Client, bucket: &str, on: bool) {
    use aws_sdk_s3::types::{BucketVersioningStatus, VersioningConfiguration};
    let status = if on {
        BucketVersioningStatus::Enabled
    } else {
        BucketVersioningStatus::Suspended
    };
    s3.put_bucket_versioning()
        .bucket(bucket)
        .versioning_configuration(VersioningConfiguration::builder().status(status).build())
        .send()
        .await
        .expect("PutBucketVersioning");
}
