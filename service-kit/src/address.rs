//! The `--bind` address: an IP address or a host name, and the URL a browser
//! can open for it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

/// clap's value parser for `--bind`: an IP address as is, or a host name
/// (`localhost`) resolved now, at start, to one of its addresses (IPv4 first,
/// so that the `127.0.0.1` URLs of the docs work for `localhost`). A name that
/// does not resolve is a clear usage error naming the flag.
pub fn parse_bind(text: &str) -> Result<IpAddr, String> {
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(ip);
    }
    let addresses: Vec<IpAddr> = (text, 0)
        .to_socket_addrs()
        .map_err(|error| format!("cannot resolve the host name `{text}`: {error}"))?
        .map(|address| address.ip())
        .collect();
    addresses
        .iter()
        .find(|ip| ip.is_ipv4())
        .or(addresses.first())
        .copied()
        .ok_or_else(|| format!("the host name `{text}` has no address"))
}

/// `http://address/` as a browser can open it: a server listening on every
/// interface (`0.0.0.0`, `::`) is reached through loopback, not at `0.0.0.0`.
pub fn browsable_url(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_pass_and_localhost_resolves_to_loopback() {
        assert_eq!(parse_bind("0.0.0.0"), Ok(IpAddr::from([0, 0, 0, 0])));
        assert_eq!(parse_bind("::"), Ok(IpAddr::V6(Ipv6Addr::UNSPECIFIED)));
        assert!(parse_bind("localhost").unwrap().is_loopback());
    }

    #[test]
    fn a_name_that_does_not_resolve_says_so() {
        let error = parse_bind("no-such-host.invalid").unwrap_err();
        assert!(error.starts_with("cannot resolve the host name `no-such-host.invalid`"), "{error}");
    }

    #[test]
    fn every_interface_is_shown_as_loopback() {
        assert_eq!(browsable_url(([0, 0, 0, 0], 7735).into()), "http://127.0.0.1:7735/");
        assert_eq!(browsable_url((Ipv6Addr::UNSPECIFIED, 7735).into()), "http://[::1]:7735/");
        assert_eq!(browsable_url(([192, 168, 1, 2], 80).into()), "http://192.168.1.2:80/");
    }
}
