//! Content negotiation as ASP.NET Web API's `DefaultContentNegotiator` did it,
//! for its two default formatters: JSON (`application/json`, `text/json`) first,
//! then XML (`application/xml`, `text/xml`).
//!
//! For each formatter in turn, the first `Accept` range (by quality, then the
//! more specific first) that one of its media types falls in is its match,
//! ranked as a literal (`application/xml`), a subtype range (`application/*`)
//! or `*/*`. The best literal wins; a range only beats it with a strictly higher
//! quality, and on a tie the earlier formatter (JSON) wins. Nothing matched, or
//! no `Accept` at all: JSON, the first formatter that can write the type. So no
//! answer is ever 406, and a browser's own header (`text/html,…,application/xml;q=0.9,
//! */*;q=0.8`) gets XML: its `application/xml;q=0.9` is a literal that beats the
//! `*/*;q=0.8` JSON matched, which is what people saw opening the sample's API
//! in a browser.

use actix_web::http::header::{Accept, Header, Quality};
use actix_web::mime::Mime;
use actix_web::{HttpMessage, dev::ServiceRequest};

/// A media type the API writes, and so the body and `Content-Type` of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    /// `application/json`: the default.
    ApplicationJson,
    /// `text/json`, which Web API's JSON formatter also served.
    TextJson,
    /// `application/xml`, from the DataContractSerializer.
    ApplicationXml,
    /// `text/xml`, the same XML.
    TextXml,
}

impl MediaType {
    /// The formatters in Web API's order, each with its media types in order.
    const FORMATTERS: [[MediaType; 2]; 2] =
        [[MediaType::ApplicationJson, MediaType::TextJson], [MediaType::ApplicationXml, MediaType::TextXml]];

    /// The `Content-Type` of an answer in this media type.
    pub fn content_type(self) -> &'static str {
        match self {
            MediaType::ApplicationJson => "application/json; charset=utf-8",
            MediaType::TextJson => "text/json; charset=utf-8",
            MediaType::ApplicationXml => "application/xml; charset=utf-8",
            MediaType::TextXml => "text/xml; charset=utf-8",
        }
    }

    /// Whether the body is XML (else JSON).
    pub fn is_xml(self) -> bool {
        matches!(self, MediaType::ApplicationXml | MediaType::TextXml)
    }

    fn parts(self) -> (&'static str, &'static str) {
        match self {
            MediaType::ApplicationJson => ("application", "json"),
            MediaType::TextJson => ("text", "json"),
            MediaType::ApplicationXml => ("application", "xml"),
            MediaType::TextXml => ("text", "xml"),
        }
    }
}

/// How a media type fell in an `Accept` range; better first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ranking {
    Literal,
    SubtypeRange,
    AllRange,
}

/// The media type Web API would have answered a request with this `Accept` in.
pub fn negotiate(request: &ServiceRequest) -> MediaType {
    // The common cases, without parsing: no Accept (JSON) and `*/*` (JSON, the first formatter).
    match request.headers().get(actix_web::http::header::ACCEPT).map(|value| value.as_bytes()) {
        None | Some(b"*/*") => return MediaType::ApplicationJson,
        Some(_) => {}
    }
    match Accept::parse(request) {
        Ok(accept) => choose(&accept),
        // A malformed `Accept` is treated as none: JSON, never an error.
        Err(_) => MediaType::ApplicationJson,
    }
}

/// The choice for a parsed `Accept` header (see the module's doc).
pub fn choose(accept: &Accept) -> MediaType {
    let mut ranges: Vec<(&Mime, Quality)> = accept.iter().map(|item| (&item.item, item.quality)).collect();
    // A stable sort: by quality, then `type/subtype` before `type/*` before `*/*`.
    ranges.sort_by_key(|&(mime, quality)| (std::cmp::Reverse(quality), specificity(mime)));
    let mut best: [Option<(MediaType, Quality)>; 3] = [None; 3];
    for formatter in MediaType::FORMATTERS {
        let Some((media, quality, ranking)) = first_match(&ranges, formatter) else { continue };
        let slot = &mut best[ranking as usize];
        if slot.is_none_or(|(_, current)| quality > current) {
            *slot = Some((media, quality));
        }
    }
    let mut chosen: Option<(MediaType, Quality)> = None;
    for candidate in best.into_iter().flatten() {
        if chosen.is_none_or(|(_, current)| candidate.1 > current) {
            chosen = Some(candidate);
        }
    }
    chosen.map_or(MediaType::ApplicationJson, |(media, _)| media)
}

/// A formatter's match: the first range (in sorted order) that one of its
/// media types falls in, with a quality above zero.
fn first_match(ranges: &[(&Mime, Quality)], formatter: [MediaType; 2]) -> Option<(MediaType, Quality, Ranking)> {
    ranges.iter().filter(|(_, quality)| *quality > Quality::ZERO).find_map(|&(range, quality)| {
        formatter.into_iter().find_map(|media| {
            let (kind, sub) = media.parts();
            let ranking = match (range.type_().as_str(), range.subtype().as_str()) {
                ("*", "*") => Ranking::AllRange,
                (t, "*") if t.eq_ignore_ascii_case(kind) => Ranking::SubtypeRange,
                (t, s) if t.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(sub) => Ranking::Literal,
                _ => return None,
            };
            Some((media, quality, ranking))
        })
    })
}

fn specificity(mime: &Mime) -> u8 {
    match (mime.type_().as_str(), mime.subtype().as_str()) {
        ("*", _) => 2,
        (_, "*") => 1,
        _ => 0,
    }
}

/// Leaves the choice for [`negotiated`] in the request's extensions, to be read
/// after the headers are gone (the API's routes release them before they wait,
/// see `routes/release.rs`).
pub fn remember(request: &ServiceRequest, media: MediaType) {
    // JSON is what `negotiated` assumes: only another choice costs an extension.
    if media != MediaType::ApplicationJson {
        request.extensions_mut().insert(media);
    }
}

/// The media type negotiated for `request` (JSON when nothing else was).
pub fn negotiated(request: &actix_web::HttpRequest) -> MediaType {
    request.extensions().get::<MediaType>().copied().unwrap_or(MediaType::ApplicationJson)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose_for(header: &str) -> MediaType {
        let request = actix_web::test::TestRequest::default().insert_header(("accept", header)).to_srv_request();
        negotiate(&request)
    }

    #[test]
    fn json_unless_xml_is_asked_for_or_preferred() {
        use MediaType::*;
        for (accept, expected) in [
            ("*/*", ApplicationJson),
            ("application/json", ApplicationJson),
            ("text/json", TextJson),
            ("application/xml", ApplicationXml),
            ("text/xml", TextXml),
            ("application/*", ApplicationJson),
            ("text/*", TextJson),
            ("text/html", ApplicationJson),
            ("image/png", ApplicationJson),
            ("application/xml, application/json", ApplicationJson),
            ("application/json;q=0.5, application/xml", ApplicationXml),
            ("application/xml;q=0, */*", ApplicationJson),
            ("application/xml, */*;q=1", ApplicationXml),
            // Firefox's and Chrome's own Accept headers.
            ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ApplicationXml),
            (
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
                ApplicationXml,
            ),
            ("this is not an accept header", ApplicationJson),
        ] {
            assert_eq!(choose_for(accept), expected, "Accept: {accept}");
        }
    }

    #[test]
    fn no_accept_is_json() {
        let request = actix_web::test::TestRequest::default().to_srv_request();
        assert_eq!(negotiate(&request), MediaType::ApplicationJson);
    }
}
