//! Hostile bodies against a real server process: each is answered at once, unread past its
//! route's limit, and the server's peak memory hardly moves.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TestApp, backends};

/// `hireboard serve` on a free port of the app's database, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(app: &TestApp) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = format!("127.0.0.1:{port}");
        let data = tempfile::tempdir().unwrap().keep();
        let child = Command::new(env!("CARGO_BIN_EXE_hireboard"))
            .arg("serve")
            .env("DATABASE_URL", &app.state.config.database_url)
            .env("DATA_DIR", &data)
            .env("SECRET_KEY", "k".repeat(64))
            .env("BIND", &addr)
            .env("HTTP_WORKERS", "2")
            .env("WORKER_CONCURRENCY", "0")
            .env("SEARCH_REFRESH_MS", "0")
            // The bodies' own limits answer here, not the apply form's bot checks.
            .env("APPLY_MIN_FILL_SECONDS", "0")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start hireboard serve");
        let server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(60);
        while server.get("/healthz").0 != 200 {
            assert!(Instant::now() < deadline, "the server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The peak resident memory so far (VmHWM), in KiB.
    fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }

    /// A GET: status, the session cookie, body.
    fn get(&self, path: &str) -> (u16, String, String) {
        let Ok(mut stream) = TcpStream::connect(&self.addr) else {
            return (0, String::new(), String::new());
        };
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let cookie = response
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: hb_session="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        (status, cookie, response)
    }

    /// Sends a hostile body of `total` bytes (with a Content-Length, or chunked) as fast as
    /// the server takes it, and returns the status it answers with and how long that took.
    fn hostile(
        &self,
        path: &str,
        head: &str,
        body_start: &[u8],
        total: usize,
        chunked: bool,
    ) -> (u16, Duration) {
        let started = Instant::now();
        let stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let length = if chunked {
            "Transfer-Encoding: chunked".to_owned()
        } else {
            format!("Content-Length: {total}")
        };
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\n{head}{length}\r\n\r\n",
            self.addr
        );
        let mut writer = stream.try_clone().unwrap();
        let body_start = body_start.to_vec();
        let sender = std::thread::spawn(move || {
            let frame = |data: &[u8]| -> Vec<u8> {
                if chunked {
                    let mut f = format!("{:x}\r\n", data.len()).into_bytes();
                    f.extend_from_slice(data);
                    f.extend_from_slice(b"\r\n");
                    f
                } else {
                    data.to_vec()
                }
            };
            writer.write_all(request.as_bytes())?;
            writer.write_all(&frame(&body_start))?;
            let filler = frame(&vec![b'A'; 64 * 1024]);
            let mut sent = body_start.len();
            while sent < total {
                writer.write_all(&filler)?;
                sent += 64 * 1024;
            }
            std::io::Result::Ok(())
        });
        let mut line = String::new();
        let _ = BufReader::new(&stream).read_line(&mut line);
        let took = started.elapsed();
        let _ = stream.shutdown(std::net::Shutdown::Both);
        let _ = sender.join();
        (
            line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0),
            took,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const BOUNDARY: &str = "hostileboundary";

fn file_part(name: &str) -> String {
    format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"x.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    )
}

fn text_part(name: &str, value: &str) -> String {
    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

const MIB: usize = 1024 * 1024;

#[test]
fn hostile_bodies_are_refused_unread_and_memory_stays_flat() {
    for app in backends() {
        let server = Server::start(&app);
        let multipart = format!("Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n");
        // A session with a valid token for the apply form of a demo posting.
        let (_, cookie, page) = server.get("/en/jobs");
        let slug = page
            .split("href=\"/en/jobs/")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .find(|s| !s.contains('.') && !s.contains('?'))
            .expect("a posting on the search page")
            .to_owned();
        let (status, cookie2, posting) = server.get(&format!("/en/jobs/{slug}"));
        assert_eq!(status, 200);
        let cookie = if cookie2.is_empty() { cookie } else { cookie2 };
        let token = posting
            .split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| {
                panic!(
                    "the apply form's token: {}",
                    &posting[..posting.len().min(3000)]
                )
            })
            .to_owned();
        let with_cookie = format!("{multipart}Cookie: hb_session={cookie}\r\n");
        let apply = format!("/en/jobs/{slug}/apply");
        let before = server.peak_kib();

        // The sign-in form takes no file and a few KiB: 400 MB declared or streamed.
        let login_files = file_part("a");
        let (status, _) = server.hostile(
            "/admin/login",
            &multipart,
            login_files.as_bytes(),
            400 * MIB,
            false,
        );
        assert_eq!(
            status, 413,
            "declared 400 MB to the sign-in form ({})",
            app.backend
        );
        let (status, _) = server.hostile(
            "/admin/login",
            &multipart,
            login_files.as_bytes(),
            400 * MIB,
            true,
        );
        assert_eq!(status, 413, "streamed 400 MB to the sign-in form");
        // A CV before the token: refused before a byte of it is kept.
        let (status, _) = server.hostile(
            &apply,
            &with_cookie,
            file_part("cv").as_bytes(),
            400 * MIB,
            true,
        );
        assert_eq!(status, 403, "a file before the token");
        // With the token first, the CV is read up to its limit only, spooled to disk.
        let with_token = format!("{}{}", text_part("csrf_token", &token), file_part("cv"));
        let (status, _) =
            server.hostile(&apply, &with_cookie, with_token.as_bytes(), 400 * MIB, true);
        assert_eq!(status, 413, "400 MB of CV after a valid token");
        // Eight at once.
        let statuses: Vec<u16> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|i| {
                    let (server, apply, head, body) = (&server, &apply, &with_cookie, &with_token);
                    s.spawn(move || {
                        if i % 2 == 0 {
                            server
                                .hostile(apply, head, body.as_bytes(), 400 * MIB, true)
                                .0
                        } else {
                            server
                                .hostile(
                                    "/admin/login",
                                    head,
                                    file_part("a").as_bytes(),
                                    400 * MIB,
                                    true,
                                )
                                .0
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(
            statuses.iter().all(|s| [403, 413].contains(s)),
            "{statuses:?}"
        );
        let grown = server.peak_kib().saturating_sub(before);
        eprintln!(
            "{}: peak memory grew by {grown} KiB (from {before} KiB)",
            app.backend
        );
        assert!(grown < 32 * 1024, "peak memory grew by {grown} KiB");
        // And the server still answers.
        assert_eq!(server.get("/healthz").0, 200);
    }
}

#[actix_web::test]
async fn a_file_before_the_token_is_refused_unread_and_the_form_keeps_what_was_typed() {
    use crate::support::app::Part;
    for app in backends() {
        let slug = app.with_conn(|c| {
            let co = crate::support::CompanyFactory::new().create(c);
            crate::support::JobFactory::new(&co).create(c)
        });
        let token = app
            .get(&format!("/en/jobs/{slug}"))
            .await
            .html()
            .attr("input[name=csrf_token]", "value");
        let pdf: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let res = app
            .post_parts(
                &format!("/en/jobs/{slug}/apply"),
                &[
                    Part::Text("name", "Grace Hopper"),
                    Part::File("cv", "cv.pdf", "application/pdf", pdf),
                    Part::Text("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(res.status, 403, "{}", app.backend);
        assert_eq!(res.html().attr("input[name=name]", "value"), "Grace Hopper");
        assert!(app.stored("cvs").await.is_empty(), "nothing was stored");
        // Two CVs are one too many; so is a file on a form that takes none.
        let two = app
            .post_parts(
                &format!("/en/jobs/{slug}/apply"),
                &[
                    Part::Text("csrf_token", &token),
                    Part::File("cv", "a.pdf", "application/pdf", pdf),
                    Part::File("cv2", "b.pdf", "application/pdf", pdf),
                ],
            )
            .await;
        assert_eq!(two.status, 413);
        let csrf = app.csrf("/admin/login").await;
        let login = app
            .post_parts(
                "/admin/login",
                &[
                    Part::Text("_csrf", &csrf),
                    Part::File("email", "x.pdf", "application/pdf", pdf),
                ],
            )
            .await;
        assert_eq!(login.status, 413);
        assert!(login.body.contains("<html"), "the localized page");
        // A sign-in form is a few KiB.
        let long = "a".repeat(8 * 1024);
        let res = app
            .post_form("/admin/login", &[("_csrf", &csrf), ("email", &long)])
            .await;
        assert_eq!(res.status, 413);
    }
}
