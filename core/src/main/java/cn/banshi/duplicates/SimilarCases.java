package cn.banshi.duplicates;

import cn.banshi.catalog.CaseType;
import java.util.Set;

/** Which cases take part in suggestions and following. */
public final class SimilarCases {
    /**
     * The hotline types: their matter is public (a blocked drain, a noisy factory). Disputes, petitions and information
     * requests concern their filer and are never suggested to others nor followed.
     */
    public static final Set<CaseType> PUBLIC_TYPES =
            Set.of(CaseType.COMPLAINT, CaseType.HELP, CaseType.ENQUIRY, CaseType.SUGGESTION);

    private SimilarCases() {}
}
