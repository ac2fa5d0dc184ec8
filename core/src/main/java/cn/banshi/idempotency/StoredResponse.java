package cn.banshi.idempotency;

/** A response worth replaying: status, JSON body and Location header (may be null). */
public record StoredResponse(int status, String body, String location) {}
