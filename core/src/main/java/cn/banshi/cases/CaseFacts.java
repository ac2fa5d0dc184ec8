package cn.banshi.cases;

import cn.banshi.catalog.CaseType;
import java.time.LocalDate;

/** The few attributes the year's figures need, read with a projection instead of whole case items. */
public record CaseFacts(
        CaseType type,
        String status,
        String category,
        String village,
        LocalDate receivedOn,
        boolean finished,
        boolean onTime,
        String outcome,
        Integer rating) {}
