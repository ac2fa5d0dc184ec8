package cn.banshi.batch;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Rating;
import cn.banshi.cases.Resolution;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.CaseType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes {@link CaseSpec}s as {@link CaseRecord}s through {@link DynamoCaseStore}, with the status, history and
 * {@link Resolution} the workflows would have set, and a submitter's personal data that no report may show.
 */
public final class CaseWriter {
    public static final String PERSON_NAME = "王小明";
    public static final String PERSON_PHONE = "13912345678";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseWriter() {}

    public static void write(DynamoDbClient dynamo, String town, List<CaseSpec> specs) {
        DynamoCaseStore store = new DynamoCaseStore(dynamo);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CaseSpec spec : specs) futures.add(pool.submit(() -> store.create(record(town, spec), null)));
            for (Future<?> f : futures) f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    static CaseRecord record(String town, CaseSpec s) {
        String trackingNo = TrackingNumbers.newTrackingNo(RANDOM);
        Personal personal = Personal.ofSubmitter(new Personal.Person(PERSON_NAME, PERSON_PHONE, false, null));
        CaseDetails details = s.type() == CaseType.INFO_REQUEST
                ? InfoRequestDetails.of(s.applicantKind(), "electronic", "online")
                : CaseDetails.empty(s.type());
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(
                1, s.receivedAt(), "citizen", CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, "已收到", null));
        CaseStatus status = s.type() == CaseType.INFO_REQUEST
                ? CaseStatus.IN_PROGRESS
                : s.type() == CaseType.DISPUTE ? CaseStatus.MEDIATING : CaseStatus.ASSIGNED;
        Resolution resolution = null;
        Rating rating = null;
        if (s.finished()) {
            Instant at = s.finishedOn().atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
            CaseStatus finalStatus = finalStatus(s);
            history.add(new HistoryEntry(
                    2,
                    at,
                    "staff-1",
                    finalStatus == CaseStatus.WITHDRAWN ? CaseAction.WITHDRAW : CaseAction.RESOLVE,
                    status,
                    finalStatus,
                    "已办结",
                    null));
            status = finalStatus;
            resolution = new Resolution(
                    at,
                    s.finishedOn(),
                    s.onTime(),
                    s.outcome(),
                    s.type() == CaseType.DISPUTE && "agreement-reached".equals(s.outcome()) ? Boolean.TRUE : null);
            if (s.rating() != null) rating = new Rating(s.rating(), null, at.plus(Duration.ofDays(1)));
        }
        return CaseRecord.builder()
                .trackingNo(trackingNo)
                .town(town)
                .type(s.type())
                .category(s.category())
                .village(s.village())
                .title("测试事项")
                .description("测试事项的描述内容。")
                .channel("online")
                .status(status)
                .version(history.size())
                .receivedAt(s.receivedAt())
                .receivedOn(s.receivedOn())
                .dueDate(s.dueDate())
                .personal(personal)
                .details(details)
                .accessHash("hash")
                .history(history)
                .resolution(resolution)
                .rating(rating)
                .build();
    }

    private static CaseStatus finalStatus(CaseSpec s) {
        if (s.type() == CaseType.INFO_REQUEST) {
            return "other:other".equals(s.outcome()) ? CaseStatus.WITHDRAWN : CaseStatus.ANSWERED;
        }
        if ("duplicate".equals(s.outcome())) return CaseStatus.MERGED;
        return "rejected".equals(s.outcome()) ? CaseStatus.REJECTED : CaseStatus.RESOLVED;
    }
}
