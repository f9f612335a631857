//! The one HTTP client for user-given URLs: addresses that are not public (loopback, private,
//! link-local, metadata, unspecified, IPv4-mapped forms of those) are refused after DNS
//! resolution and on every redirect, unless their host is in `PRESSROOM_ALLOWED_HOSTS`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Hosts an admin allowed although they are not public: names, `host:port`, IPs or CIDRs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AllowList {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Host(String),
    HostPort(String, u16),
    Net(IpNet),
}

impl AllowList {
    /// Parses `PRESSROOM_ALLOWED_HOSTS`: comma-separated `host`, `host:port`, `ip`, `cidr`.
    pub fn parse(text: &str) -> Result<AllowList, String> {
        let mut entries = vec![];
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let lower = item.to_ascii_lowercase();
            if let Ok(net) = lower.parse::<IpNet>() {
                entries.push(Entry::Net(net));
            } else if let Ok(ip) = lower.trim_matches(['[', ']']).parse::<IpAddr>() {
                entries.push(Entry::Net(IpNet::from(ip)));
            } else if let Ok(sock) = lower.parse::<SocketAddr>() {
                entries.push(Entry::HostPort(sock.ip().to_string(), sock.port()));
            } else if let Some((host, port)) = lower.rsplit_once(':') {
                let port = port.parse::<u16>().map_err(|_| bad(item))?;
                valid_name(host).then_some(()).ok_or_else(|| bad(item))?;
                entries.push(Entry::HostPort(host.to_string(), port));
            } else if valid_name(&lower) {
                entries.push(Entry::Host(lower));
            } else {
                return Err(bad(item));
            }
        }
        Ok(AllowList { entries })
    }

    /// Is this URL's host (and port) listed? Then it may be reached whatever its address.
    pub fn allows_url(&self, url: &Url) -> bool {
        let Some(host) = url.host() else {
            return false;
        };
        let port = url.port_or_known_default().unwrap_or(0);
        let name = match &host {
            Host::Domain(d) => d.to_ascii_lowercase(),
            Host::Ipv4(ip) => ip.to_string(),
            Host::Ipv6(ip) => ip.to_string(),
        };
        let ip = match host {
            Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            Host::Domain(_) => None,
        };
        self.entries.iter().any(|e| match e {
            Entry::Host(h) => *h == name,
            Entry::HostPort(h, p) => *h == name && *p == port,
            Entry::Net(n) => ip.is_some_and(|ip| n.contains(&ip)),
        })
    }

    /// For the resolver, which knows the name but not the port.
    fn allows_name_or_ip(&self, name: &str, ip: IpAddr) -> bool {
        self.entries.iter().any(|e| match e {
            Entry::Host(h) | Entry::HostPort(h, _) => h == name,
            Entry::Net(n) => n.contains(&ip),
        })
    }

    /// `http://` is accepted only for listed hosts (on-premise receivers, tests).
    pub fn allows_plain_http(&self, url: &str) -> bool {
        Url::parse(url).is_ok_and(|u| u.scheme() == "http" && self.allows_url(&u))
    }
}

fn bad(item: &str) -> String {
    format!(
        "bad PRESSROOM_ALLOWED_HOSTS entry {item:?}: expected a host, host:port, IP address or CIDR"
    )
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// Only addresses on the public internet; everything a request forger would aim at is out.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let seg = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00 // unique local
                || (seg[0] & 0xffc0) == 0xfe80 // link-local
                || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
                || (seg[0] == 0x0064 && seg[1] == 0xff9b) // NAT64 may reach private IPv4
                || (seg[0] == 0 && seg[1] == 0 && seg[2] == 0 && seg[3] == 0 && seg[4] == 0 && seg[5] == 0))
            // IPv4-compatible
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local() // includes 169.254.169.254, the cloud metadata address
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // carrier-grade NAT
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking
        || o[0] >= 240)
}

/// Why a URL may not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// The check made before a request and on every redirect. Names are checked again by the
/// resolver, after DNS, where a name that points at a private address is caught.
pub fn check_url(allow: &AllowList, url: &Url) -> Result<(), Refused> {
    let listed = allow.allows_url(url);
    match url.scheme() {
        "https" => {}
        "http" if listed => {}
        "http" => {
            return Err(Refused(format!(
                "{url} uses http://; only hosts in PRESSROOM_ALLOWED_HOSTS may"
            )))
        }
        s => return Err(Refused(format!("scheme {s}:// is not allowed"))),
    }
    if listed {
        return Ok(());
    }
    let ip = match url.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(Host::Domain(_)) => return Ok(()),
        None => return Err(Refused(format!("{url} names no host"))),
    };
    if is_public(ip) {
        Ok(())
    } else {
        Err(Refused(format!(
            "{ip} is not a public address (allow it in PRESSROOM_ALLOWED_HOSTS if it is yours)"
        )))
    }
}

/// Resolves names and keeps only public addresses (or listed ones).
struct GuardedResolver {
    allow: AllowList,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow = self.allow.clone();
        let host = name.as_str().to_ascii_lowercase();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let ok: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| is_public(a.ip()) || allow.allows_name_or_ip(&host, a.ip()))
                .collect();
            if ok.is_empty() {
                let shown: Vec<String> = found.iter().map(|a| a.ip().to_string()).collect();
                return Err(Box::new(Refused(format!(
                    "{host} resolves to {} — not a public address (allow it in PRESSROOM_ALLOWED_HOSTS if it is yours)",
                    if shown.is_empty() { "nothing".into() } else { shown.join(", ") }
                ))) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(ok.into_iter()) as Addrs)
        })
    }
}

/// TLS with the ring provider and Mozilla's roots, the same stack lettre already brings.
fn tls_config() -> rustls::ClientConfig {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// Makes ring the process's TLS provider, for any other rustls client built in the process
/// (reqwest without a built-in provider panics otherwise).
pub fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The client every channel adapter uses: guarded resolver, checked redirects, timeouts.
pub fn client(allow: &AllowList, timeout: Duration) -> reqwest::Client {
    install_crypto();
    let redirect_allow = allow.clone();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config())
        .dns_resolver(Arc::new(GuardedResolver {
            allow: allow.clone(),
        }))
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                return attempt.error(Refused("too many redirects".into()));
            }
            match check_url(&redirect_allow, attempt.url()) {
                Ok(()) => attempt.follow(),
                Err(e) => attempt.error(e),
            }
        }))
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .timeout(timeout)
        .user_agent(concat!("Pressroom/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("the HTTP client's settings are valid")
}

/// Reads at most `cap` bytes of a response body; more is an error, not a memory spike.
pub async fn body_capped(mut res: reqwest::Response, cap: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    while let Some(chunk) = res.chunk().await.map_err(|e| e.to_string())? {
        if out.len() + chunk.len() > cap {
            return Err(format!("the answer is larger than {cap} bytes"));
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// The deepest cause of a reqwest error, where the refusal text sits.
pub fn describe(e: &reqwest::Error) -> String {
    use std::error::Error;
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        if let Some(r) = s.downcast_ref::<Refused>() {
            return r.0.clone();
        }
        msg = s.to_string();
        source = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a00:1",
        ] {
            assert!(!is_public(ip(private)), "{private} counted as public");
        }
        for public in ["1.1.1.1", "185.199.108.153", "2a00:1450:4001::200e"] {
            assert!(is_public(ip(public)), "{public} refused");
        }
    }

    #[test]
    fn the_allow_list_takes_hosts_ports_ips_and_networks() {
        let a = AllowList::parse("hooks.internal, 127.0.0.1, 10.1.0.0/16, relay.lan:8443").unwrap();
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(a.allows_url(&u("http://hooks.internal/x")));
        assert!(a.allows_url(&u("http://127.0.0.1:9999/x")));
        assert!(a.allows_url(&u("https://10.1.2.3/x")));
        assert!(!a.allows_url(&u("https://10.2.0.1/x")));
        assert!(a.allows_url(&u("https://relay.lan:8443/")));
        assert!(!a.allows_url(&u("https://relay.lan/")), "other port");
        assert!(AllowList::parse("not a host!").is_err());
        assert_eq!(AllowList::parse("").unwrap(), AllowList::default());
    }

    #[test]
    fn urls_are_checked_before_any_request() {
        let none = AllowList::default();
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(check_url(&none, &u("https://example.ch/hook")).is_ok());
        for bad in [
            "https://127.0.0.1/",
            "https://[::1]/",
            "https://10.0.0.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://0.0.0.0/",
            "https://[::ffff:127.0.0.1]/",
            "http://example.ch/",
            "ftp://example.ch/",
        ] {
            assert!(check_url(&none, &u(bad)).is_err(), "{bad} let through");
        }
        let local = AllowList::parse("127.0.0.1").unwrap();
        assert!(check_url(&local, &u("http://127.0.0.1:8080/")).is_ok());
    }
}
