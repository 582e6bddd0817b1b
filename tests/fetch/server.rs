//! A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: each route is a
//! function of the request and how many times the route was hit, and can
//! misbehave (hang, trickle, reset) as real servers do.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with a request.
pub enum Reply {
    /// A response with a Content-Length.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// A response with chunked transfer coding, one chunk per part.
    Chunked {
        headers: Vec<(String, String)>,
        parts: Vec<Vec<u8>>,
    },
    /// Reads the request and never answers.
    Hang,
    /// Sends the head, then one byte every `every`, forever.
    Trickle { every: Duration },
    /// Closes the connection with a TCP reset.
    Reset,
    /// Waits, then gives the reply: a slow server.
    Delayed(Duration, Box<Reply>),
    /// Holds the reply until the test closes the semaphore (a server slow
    /// for exactly as long as the test needs, with no sleeping).
    #[allow(dead_code, reason = "used by the CLI tests, not by the fetch tests")]
    Held(Arc<tokio::sync::Semaphore>, Box<Reply>),
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn status(status: u16, headers: &[(&str, &str)]) -> Reply {
        Reply::Full {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body: Vec::new(),
        }
    }
}

/// A request as the handler sees it.
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Handler = dyn Fn(&Request, usize) -> Reply + Send + Sync;

/// A running server; it lives until the test process ends.
pub struct Server {
    pub addr: SocketAddr,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    load: Arc<Load>,
}

/// Requests being answered now, and the most at once.
#[derive(Default)]
struct Load {
    active: AtomicUsize,
    peak: AtomicUsize,
}

impl Server {
    /// Starts a server on 127.0.0.1 (any free port) answering with `handler`.
    pub fn start(handler: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on("127.0.0.1", handler)
    }

    /// Starts a server on `ip` (any free port).
    pub fn start_on(
        ip: &str,
        handler: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let std_listener = std::net::TcpListener::bind((ip, 0)).unwrap();
        std_listener.set_nonblocking(true).unwrap();
        let addr = std_listener.local_addr().unwrap();
        let handler: Arc<Handler> = Arc::new(handler);
        let counts = hits.clone();
        let load = Arc::new(Load::default());
        let server_load = load.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = TcpListener::from_std(std_listener).unwrap();
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let handler = handler.clone();
                    let counts = counts.clone();
                    let load = server_load.clone();
                    tokio::spawn(async move {
                        let _ = serve(stream, handler, counts, load).await;
                    });
                }
            });
        });
        Server { addr, hits, load }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The most requests this server was answering at once.
    pub fn peak(&self) -> usize {
        self.load.peak.load(Ordering::SeqCst)
    }

    /// How many requests `path` received.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

async fn serve(
    mut stream: TcpStream,
    handler: Arc<Handler>,
    counts: Arc<Mutex<HashMap<String, usize>>>,
    load: Arc<Load>,
) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    loop {
        // Keep-alive: one request after another on the connection.
        let head_end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i;
            }
            let mut chunk = [0u8; 4096];
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buffer.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
        buffer.drain(..head_end + 4);
        let mut lines = head.lines();
        let path = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("/")
            .to_owned();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let hit = {
            let mut counts = counts.lock().unwrap();
            let count = counts.entry(path.clone()).or_insert(0);
            *count += 1;
            *count
        };
        let request = Request { path, headers };
        let now = load.active.fetch_add(1, Ordering::SeqCst) + 1;
        load.peak.fetch_max(now, Ordering::SeqCst);
        let mut reply = handler(&request, hit);
        let reply = loop {
            reply = match reply {
                Reply::Delayed(wait, inner) => {
                    tokio::time::sleep(wait).await;
                    *inner
                }
                Reply::Held(gate, inner) => {
                    // Closing the semaphore is the release: no wake-up is lost.
                    let _ = gate.acquire().await;
                    *inner
                }
                other => break other,
            };
        };
        let result = answer(&mut stream, reply).await;
        load.active.fetch_sub(1, Ordering::SeqCst);
        if !result? {
            return Ok(());
        }
    }
}

/// Writes the reply; `false` when the connection is done with.
async fn answer(stream: &mut TcpStream, reply: Reply) -> std::io::Result<bool> {
    {
        match reply {
            Reply::Full {
                status,
                headers,
                body,
            } => {
                let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
                for (n, v) in headers {
                    let _ = write!(out, "{n}: {v}\r\n");
                }
                out.push_str("\r\n");
                stream.write_all(out.as_bytes()).await?;
                stream.write_all(&body).await?;
            }
            Reply::Chunked { headers, parts } => {
                let mut out = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n".to_owned();
                for (n, v) in headers {
                    let _ = write!(out, "{n}: {v}\r\n");
                }
                out.push_str("\r\n");
                stream.write_all(out.as_bytes()).await?;
                for part in parts {
                    stream
                        .write_all(format!("{:x}\r\n", part.len()).as_bytes())
                        .await?;
                    stream.write_all(&part).await?;
                    stream.write_all(b"\r\n").await?;
                }
                stream.write_all(b"0\r\n\r\n").await?;
            }
            Reply::Hang => {
                // Hold the connection until the client gives up.
                let mut sink = [0u8; 64];
                while stream.read(&mut sink).await? > 0 {}
                return Ok(false);
            }
            Reply::Trickle { every } => {
                stream
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100000\r\n\r\n")
                    .await?;
                loop {
                    tokio::time::sleep(every).await;
                    stream.write_all(b"x").await?;
                }
            }
            Reply::Reset => {
                stream.set_zero_linger()?;
                return Ok(false);
            }
            Reply::Delayed(..) | Reply::Held(..) => {
                unreachable!("delays are taken before answering")
            }
        }
    }
    Ok(true)
}
