package cn.banshi.cases;

import java.time.Instant;

/** The citizen's satisfaction rating after resolution: 1–5 and an optional comment, given once. */
public record Rating(int score, String comment, Instant at) {}
