package cn.banshi.idempotency;

/**
 * The right to perform one idempotent operation. {@code trackingNo} is fixed when the key is first claimed
 * so that a retry taking over a stalled claim writes the same case, never a second one. {@code ref} is null
 * when the request carried no Idempotency-Key.
 */
public record Claim(String ref, String trackingNo) {}
