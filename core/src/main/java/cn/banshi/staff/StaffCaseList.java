package cn.banshi.staff;

import cn.banshi.cases.CaseRecord;
import cn.banshi.catalog.Catalog;
import java.time.LocalDate;
import java.util.List;

/** A page of a staff member's case list with the cursor to the next, named by the town's catalog as of today. */
public record StaffCaseList(List<CaseRecord> items, String nextCursor, Catalog catalog, LocalDate today) {}
