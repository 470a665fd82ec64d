//! The SSRF guard: webhooks go to public addresses only. A URL is refused when its host, once
//! resolved, has any address in loopback, private, link-local (cloud metadata lives there),
//! shared, multicast, reserved or unspecified space; IPv4-mapped IPv6 addresses are judged as
//! IPv4. Deliveries connect to the addresses checked here, never to a second lookup, and do
//! not follow redirects. An exact `host:port` allow-list (configuration) lets tests deliver to
//! a receiver on loopback.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

static ALLOW_LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Sets the process's allow-list (`WEBHOOK_ALLOW_HOSTS`) once, at start.
pub fn set_allow_list(hosts: Vec<String>) {
    let _ = ALLOW_LIST.set(hosts);
}

/// The process's allow-list: empty unless configured.
pub fn allow_list() -> Vec<String> {
    ALLOW_LIST.get().cloned().unwrap_or_default()
}

/// Why a URL is refused, as a Fluent id and the offending detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: &'static str,
    pub detail: String,
}

fn refuse(message: &'static str, detail: impl Into<String>) -> Refusal {
    Refusal { message, detail: detail.into() }
}

/// Turns a host and port into addresses. Tests inject their own, so that checking never
/// opens a connection or asks real DNS.
pub trait Resolver: Sync {
    fn resolve(&self, host: &str, port: u16) -> std::io::Result<Vec<SocketAddr>>;
}

/// The system's resolver.
pub struct SystemResolver;

impl Resolver for SystemResolver {
    fn resolve(&self, host: &str, port: u16) -> std::io::Result<Vec<SocketAddr>> {
        (host, port).to_socket_addrs().map(Iterator::collect)
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier-grade NAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4);
    }
    let first = ip.segments()[0];
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link-local
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || first == 0x0064 && ip.segments()[1] == 0xff9b // NAT64 of any IPv4 address
        || first == 0x2002 // 6to4 of any IPv4 address
}

/// Whether a connection to `ip` would reach something other than the public internet.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

/// Checks a webhook URL; the addresses to connect to.
pub fn check(
    url: &str,
    resolver: &dyn Resolver,
    allow: &[String],
) -> Result<Vec<SocketAddr>, Refusal> {
    let parsed = url::Url::parse(url).map_err(|e| refuse("webhook-error-url", e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(refuse("webhook-error-scheme", parsed.scheme()));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refuse("webhook-error-credentials", ""));
    }
    let host = match parsed.host() {
        Some(url::Host::Domain(d)) => d.to_owned(),
        Some(url::Host::Ipv4(ip)) => ip.to_string(),
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        None => return Err(refuse("webhook-error-url", "no host")),
    };
    let port =
        parsed.port_or_known_default().ok_or_else(|| refuse("webhook-error-url", "no port"))?;
    let addresses = resolver
        .resolve(&host, port)
        .map_err(|e| refuse("webhook-error-resolve", format!("{host}: {e}")))?;
    if addresses.is_empty() {
        return Err(refuse("webhook-error-resolve", host));
    }
    let allowed = allow.iter().any(|a| *a == format!("{host}:{port}"));
    if !allowed && let Some(bad) = addresses.iter().find(|a| is_forbidden(a.ip())) {
        return Err(refuse("webhook-error-private", bad.ip().to_string()));
    }
    Ok(addresses)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers every name with fixed addresses, and numeric hosts with themselves.
    struct Fixed(Vec<IpAddr>);

    impl Resolver for Fixed {
        fn resolve(&self, host: &str, port: u16) -> std::io::Result<Vec<SocketAddr>> {
            if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
                return Ok(vec![SocketAddr::new(ip, port)]);
            }
            Ok(self.0.iter().map(|ip| SocketAddr::new(*ip, port)).collect())
        }
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }

    #[test]
    fn every_non_public_address_class_is_refused() {
        let public = Fixed(vec![ip("93.184.215.14")]);
        for url in [
            "http://127.0.0.1/",
            "http://[::1]/",
            "http://0.0.0.0/",
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://0x7f.1/",
            "http://[::ffff:127.0.0.1]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://[fc00::1]/",
            "http://[fe80::1]/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://198.18.0.1/",
            "http://[64:ff9b::7f00:1]/",
        ] {
            let refusal = check(url, &public, &[]).expect_err(url);
            assert_eq!(refusal.message, "webhook-error-private", "{url}");
        }
        // A name that resolves to a private address, even among public ones.
        let mixed = Fixed(vec![ip("93.184.215.14"), ip("10.1.2.3")]);
        assert_eq!(
            check("https://hooks.example.com/x", &mixed, &[]).map_err(|r| r.message),
            Err("webhook-error-private")
        );
    }

    #[test]
    fn public_addresses_pass_and_other_schemes_do_not() {
        let public = Fixed(vec![ip("93.184.215.14"), ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]);
        assert_eq!(check("https://hooks.example.com/in", &public, &[]).map(|a| a.len()), Ok(2));
        for (url, message) in [
            ("ftp://hooks.example.com/", "webhook-error-scheme"),
            ("file:///etc/passwd", "webhook-error-scheme"),
            ("https://user:pw@hooks.example.com/", "webhook-error-credentials"),
            ("not a url", "webhook-error-url"),
        ] {
            assert_eq!(check(url, &public, &[]).map_err(|r| r.message), Err(message), "{url}");
        }
    }

    #[test]
    fn the_allow_list_admits_one_exact_loopback_receiver() {
        let none = Fixed(Vec::new());
        let allow = vec!["127.0.0.1:9999".to_owned()];
        assert!(check("http://127.0.0.1:9999/hook", &none, &allow).is_ok());
        assert!(check("http://127.0.0.1:9998/hook", &none, &allow).is_err());
        assert!(
            check("http://localhost:9999/hook", &Fixed(vec![ip("127.0.0.1")]), &allow).is_err()
        );
    }
}
