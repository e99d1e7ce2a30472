#!/usr/bin/env python3
"""Writes tests/fixtures/web/harbour-crawl.warc and .warc.gz from the fictional pages beside
them: a warcinfo, a request, an HTML response (chunked and gzip-encoded, windows-1252 declared
in the HTTP header), an image response (not a page), an HTML resource, and a revisit."""
import gzip, io, os, uuid

D = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "web")

def record(kind, uri, date, ctype, block, n):
    rid = uuid.UUID(int=n)
    head = [f"WARC/1.1", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{rid}>", f"WARC-Date: {date}"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {ctype}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"

def chunked(b, size=700):
    out = b""
    for i in range(0, len(b), size):
        c = b[i:i + size]
        out += f"{len(c):x}\r\n".encode() + c + b"\r\n"
    return out + b"0\r\n\r\n"

cafe = open(os.path.join(D, "cafe-latin1.html"), "rb").read()
cafe_nodecl = cafe.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b"")
harbour = open(os.path.join(D, "harbour-repost.html"), "rb").read()
gz = gzip.compress(cafe_nodecl, mtime=0)
resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n"
        b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(gz))
png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"
recs = [
    record("warcinfo", None, "2024-06-01T10:00:00Z", "application/warc-fields", b"software: fixture\r\n", 1),
    record("request", "https://marshlane.example/cafe-award", "2024-06-01T10:00:01Z",
           "application/http; msgtype=request", b"GET /cafe-award HTTP/1.1\r\nHost: marshlane.example\r\n\r\n", 2),
    record("response", "https://marshlane.example/cafe-award", "2024-06-01T10:00:02Z",
           "application/http; msgtype=response", resp, 3),
    record("response", "https://marshlane.example/logo.png", "2024-06-01T10:00:03Z",
           "application/http; msgtype=response", png, 4),
    record("resource", "https://copperfield-daily.example/harbour-ferry-winter", "2024-06-02T08:00:00Z",
           "text/html", harbour, 5),
    record("revisit", "https://marshlane.example/cafe-award", "2024-06-03T10:00:00Z",
           "application/http; msgtype=response", b"HTTP/1.1 304 Not Modified\r\n\r\n", 6),
]
open(os.path.join(D, "harbour-crawl.warc"), "wb").write(b"".join(recs))
with open(os.path.join(D, "harbour-crawl.warc.gz"), "wb") as f:
    for r in recs:
        f.write(gzip.compress(r, mtime=0))
