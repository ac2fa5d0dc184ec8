package cn.banshi.intake;

import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.Personal;
import cn.banshi.catalog.CaseType;

/**
 * A validated submission, ready to become a case: the public part (type, category, village, title,
 * description), the personal part and the type-specific non-personal details.
 */
public record CaseForm(
        CaseType type,
        String category,
        String village,
        String title,
        String description,
        Personal personal,
        CaseDetails details) {}
