//! The `hireboard` binary as a real process, spoken to over HTTP/1.1 on loopback, for tests
//! of what only a process shows: memory, start-up, several processes on one database.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `hireboard` process, killed when dropped; its standard output and errors go to a file.
pub struct Process {
    child: Child,
    /// `host:port` of a `serve` process.
    pub addr: String,
    stdout: std::path::PathBuf,
}

/// A free port on loopback.
pub fn free_addr() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    format!("127.0.0.1:{port}")
}

impl Process {
    /// Starts `hireboard {command}` with only these settings (and `BIND` for `serve`).
    pub fn start(command: &str, settings: &[(&str, &str)]) -> Process {
        let addr = free_addr();
        let stdout = tempfile::NamedTempFile::new().unwrap().into_temp_path().keep().unwrap();
        let out = std::fs::File::create(&stdout).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hireboard"));
        cmd.arg(command)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("BIND", &addr)
            .env("RUST_LOG", "error")
            // Its errors go to the same file (one shared offset), so that a failed start says
            // why.
            .stdout(Stdio::from(out.try_clone().unwrap()))
            .stderr(Stdio::from(out));
        for (name, value) in settings {
            cmd.env(name, value);
        }
        let child = cmd.spawn().expect("start hireboard");
        Process { child, addr, stdout }
    }

    /// Waits until `/healthz` answers 200 (a `serve` process), at most `limit`.
    pub fn wait_healthy(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.get("/healthz").0 != 200 {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("hireboard exited with {status}: {}", self.output());
            }
            assert!(Instant::now() < deadline, "the server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether the process still runs.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// What it printed so far.
    pub fn output(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    /// The peak resident memory so far (VmHWM), in KiB.
    pub fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }

    /// A GET with the session cookie `cookie` (empty for none): status, the session cookie
    /// it set (or the one sent), the whole response.
    pub fn get(&self, path: &str) -> (u16, String, String) {
        self.request("GET", path, "", "")
    }

    pub fn get_with_cookie(&self, path: &str, cookie: &str) -> (u16, String, String) {
        self.request("GET", path, cookie, "")
    }

    /// A urlencoded POST.
    pub fn post_form(
        &self,
        path: &str,
        cookie: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.request("POST", path, cookie, &body)
    }

    fn request(&self, method: &str, path: &str, cookie: &str, body: &str) -> (u16, String, String) {
        let Ok(mut stream) = TcpStream::connect(&self.addr) else {
            return (0, String::new(), String::new());
        };
        let cookie_header = if cookie.is_empty() {
            String::new()
        } else {
            format!("Cookie: hb_session={cookie}\r\n")
        };
        let _ = write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{cookie_header}\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
        let set = response
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: hb_session="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned());
        (status, set.unwrap_or_else(|| cookie.to_owned()), response)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.stdout);
    }
}
