//! The address of the person behind a request.
//!
//! Behind a load balancer or reverse proxy every connection comes from the proxy, so the
//! per-address limits (sign-in, alert sign-ups) would throttle every visitor at once and the
//! back office's session list would show the proxy. `TRUSTED_PROXIES` names the proxies whose
//! `X-Forwarded-For` is believed. The header is read from the right, as Rails' `RemoteIp` and
//! nginx's `real_ip_recursive` do: each trusted hop vouches for the address before it, and the
//! first address that is not a trusted proxy is the client. Whatever a client wrote into the
//! header itself sits further left and is never reached, so it cannot choose its address. With
//! no trusted proxies (the default) the header is ignored.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use actix_web::HttpRequest;
use ipnet::IpNet;

/// Addresses and networks of the proxies in front of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl FromStr for TrustedProxies {
    type Err = String;

    /// `10.0.0.0/8, 192.0.2.7, fd00::/8`: networks or single addresses, comma-separated.
    fn from_str(text: &str) -> Result<TrustedProxies, String> {
        text.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{item:?} is neither an address nor a network"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client of a connection from `peer` that carried these `X-Forwarded-For` entries
    /// (every header's, in order).
    pub fn client<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl DoubleEndedIterator<Item = &'a str>,
    ) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.contains(client) {
            return client;
        }
        for entry in forwarded_for.rev() {
            match parse_entry(entry) {
                Some(ip) => {
                    client = ip;
                    if !self.contains(ip) {
                        break;
                    }
                }
                // A hop we trust passed on something that is not an address (`unknown`, an
                // obfuscated name): nothing left of it can be vouched for.
                None => break,
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`192.0.2.1:5000`,
/// `[2001:db8::1]:80`), as some proxies write it.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
}

/// The client address of `req` under the app's `TRUSTED_PROXIES`; none when the connection has
/// no peer address (a Unix socket, a test request without one).
pub fn of(req: &HttpRequest) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let Some(state) = req.app_data::<actix_web::web::Data<crate::AppState>>() else {
        return Some(peer);
    };
    let trusted = &state.config.trusted_proxies;
    if trusted.is_empty() {
        return Some(peer.to_canonical());
    }
    let entries: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    Some(trusted.client(peer, entries.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn client(trusted: &str, peer: &str, header: &str) -> IpAddr {
        let trusted: TrustedProxies = trusted.parse().unwrap();
        trusted.client(ip(peer), header.split(',').filter(|e| !e.is_empty()))
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        assert_eq!(client("", "203.0.113.9", "198.51.100.1"), ip("203.0.113.9"));
    }

    #[test]
    fn a_connection_from_elsewhere_than_a_proxy_is_its_own_client() {
        assert_eq!(client("10.0.0.0/8", "203.0.113.9", "198.51.100.1"), ip("203.0.113.9"));
    }

    #[test]
    fn the_rightmost_untrusted_address_is_the_client() {
        // The client wrote 1.1.1.1 itself; the proxy appended the address it saw.
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "1.1.1.1, 203.0.113.7"), ip("203.0.113.7"));
        // Two proxies: the outer one's address is trusted too, so the walk goes past it.
        assert_eq!(
            client("10.0.0.0/8,192.0.2.10", "10.0.0.2", "1.1.1.1, 203.0.113.7, 192.0.2.10"),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_request_made_inside_the_trusted_network_is_its_leftmost_hop() {
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "10.1.2.3"), ip("10.1.2.3"));
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", ""), ip("10.0.0.2"));
    }

    #[test]
    fn entries_with_ports_ipv6_and_mapped_addresses_are_understood() {
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7:51234"), ip("203.0.113.7"));
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "[2001:db8::7]:443"), ip("2001:db8::7"));
        // A dual-stack listener sees IPv4 proxies as ::ffff:a.b.c.d.
        assert_eq!(client("10.0.0.0/8", "::ffff:10.0.0.2", "2001:db8::7"), ip("2001:db8::7"));
    }

    #[test]
    fn junk_stops_the_walk_at_the_last_address_vouched_for() {
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, unknown"), ip("10.0.0.2"));
        assert_eq!(client("10.0.0.0/8", "10.0.0.2", "unknown, 203.0.113.7"), ip("203.0.113.7"));
    }

    #[test]
    fn the_setting_names_networks_and_addresses() {
        let parsed: TrustedProxies = " 10.0.0.0/8 ,192.0.2.7, fd00::/8,".parse().unwrap();
        assert!(parsed.contains(ip("10.200.0.1")));
        assert!(parsed.contains(ip("192.0.2.7")));
        assert!(!parsed.contains(ip("192.0.2.8")));
        assert!(parsed.contains(ip("fd12::1")));
        let err = "10.0.0.0/8, proxy.internal".parse::<TrustedProxies>().unwrap_err();
        assert!(err.contains("proxy.internal"), "{err}");
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
    }
}
