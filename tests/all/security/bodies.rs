//! Hostile bodies against a real server process: each is answered at once, unread past its
//! route's limit, and the server's peak memory hardly moves.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support::process::Process;
use crate::support::{TestApp, backends};

/// `hireboard serve` on the app's database, for hostile bodies.
struct Server(Process);

impl std::ops::Deref for Server {
    type Target = Process;
    fn deref(&self) -> &Process {
        &self.0
    }
}

impl Server {
    fn start(app: &TestApp) -> Server {
        let data = tempfile::tempdir().unwrap().keep();
        let mut process = Process::start(
            "serve",
            &[
                ("DATABASE_URL", &app.state.config.database_url),
                ("DATA_DIR", &data.display().to_string()),
                ("SECRET_KEY", &"k".repeat(64)),
                ("HTTP_WORKERS", "2"),
                ("WORKER_CONCURRENCY", "0"),
                ("SEARCH_REFRESH_MS", "0"),
                // The bodies' own limits answer here, not the apply form's bot checks.
                ("APPLY_MIN_FILL_SECONDS", "0"),
            ],
        );
        process.wait_healthy(Duration::from_secs(60));
        Server(process)
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
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let length = if chunked {
            "Transfer-Encoding: chunked".to_owned()
        } else {
            format!("Content-Length: {total}")
        };
        let request =
            format!("POST {path} HTTP/1.1\r\nHost: {}\r\n{head}{length}\r\n\r\n", self.addr);
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
        (line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0), took)
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
                panic!("the apply form's token: {}", &posting[..posting.len().min(3000)])
            })
            .to_owned();
        let with_cookie = format!("{multipart}Cookie: hb_session={cookie}\r\n");
        let apply = format!("/en/jobs/{slug}/apply");
        let before = server.peak_kib();

        // The sign-in form takes no file and a few KiB: 400 MB declared or streamed.
        let login_files = file_part("a");
        let (status, _) =
            server.hostile("/admin/login", &multipart, login_files.as_bytes(), 400 * MIB, false);
        assert_eq!(status, 413, "declared 400 MB to the sign-in form ({})", app.backend);
        let (status, _) =
            server.hostile("/admin/login", &multipart, login_files.as_bytes(), 400 * MIB, true);
        assert_eq!(status, 413, "streamed 400 MB to the sign-in form");
        // A CV before the token: refused before a byte of it is kept.
        let (status, _) =
            server.hostile(&apply, &with_cookie, file_part("cv").as_bytes(), 400 * MIB, true);
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
                            server.hostile(apply, head, body.as_bytes(), 400 * MIB, true).0
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
        assert!(statuses.iter().all(|s| [403, 413].contains(s)), "{statuses:?}");
        let grown = server.peak_kib().saturating_sub(before);
        eprintln!("{}: peak memory grew by {grown} KiB (from {before} KiB)", app.backend);
        assert!(grown < 32 * 1024, "peak memory grew by {grown} KiB");
        // And the server still answers.
        assert_eq!(server.get("/healthz").0, 200);
    }
}

#[actix_web::test]
async fn a_file_before_the_token_is_refused_unread_and_the_form_keeps_what_was_typed() {
    use crate::support::app::Part;
    for app in backends() {
        let (slug, token) = super::posting_and_apply_token(&app).await;
        let pdf = super::PDF;
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
                &[Part::Text("_csrf", &csrf), Part::File("email", "x.pdf", "application/pdf", pdf)],
            )
            .await;
        assert_eq!(login.status, 413);
        assert!(login.body.contains("<html"), "the localized page");
        // A sign-in form is a few KiB.
        let long = "a".repeat(8 * 1024);
        let res = app.post_form("/admin/login", &[("_csrf", &csrf), ("email", &long)]).await;
        assert_eq!(res.status, 413);
    }
}
