package cn.banshi.cases;

import java.util.List;

/** One page of a list, newest first (or soonest due first for due-date queries), with an opaque cursor. */
public record CaseListPage(List<CaseRecord> items, String nextCursor) {}
