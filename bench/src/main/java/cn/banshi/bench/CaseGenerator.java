package cn.banshi.bench;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.AccessCodes;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.Personal;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Category;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real case items for one town (through {@link CaseItems#toItem}, so every index attribute is what the handlers
 * write): the town's case types in their usual shares, its categories and villages, received over the two years
 * before {@code until}, a quarter of them still open, with due dates a few weeks after receipt.
 */
public final class CaseGenerator {
    private static final CaseType[] TYPES = {
        CaseType.COMPLAINT,
        CaseType.COMPLAINT,
        CaseType.COMPLAINT,
        CaseType.COMPLAINT,
        CaseType.HELP,
        CaseType.HELP,
        CaseType.ENQUIRY,
        CaseType.ENQUIRY,
        CaseType.SUGGESTION,
        CaseType.DISPUTE
    };
    private static final CaseStatus[] OPEN = {
        CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.REPLIED
    };
    private static final CaseStatus[] FINISHED = {
        CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.CLOSED, CaseStatus.REJECTED
    };

    private final Catalog catalog;
    private final LocalDate until;
    private final long seed;

    public CaseGenerator(Catalog catalog, LocalDate until, long seed) {
        this.catalog = catalog;
        this.until = until;
        this.seed = seed;
    }

    public CaseRecord record(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        SecureRandom ids = new SecureRandom(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (seed)});
        CaseType type = TYPES[r.nextInt(TYPES.length)];
        List<Category> categories = catalog.categoriesFor(type);
        Category category = categories.get(r.nextInt(categories.size()));
        String village =
                catalog.villages().get(r.nextInt(catalog.villages().size())).id();
        LocalDate receivedOn = until.minusDays(r.nextInt(730));
        Instant receivedAt = receivedOn
                .atTime(8 + r.nextInt(10), r.nextInt(60), r.nextInt(60))
                .atZone(ChinaTime.ZONE)
                .toInstant();
        boolean open = receivedOn.isAfter(until.minusDays(60)) ? r.nextInt(2) == 0 : r.nextInt(20) == 0;
        CaseStatus status = open ? OPEN[r.nextInt(OPEN.length)] : FINISHED[r.nextInt(FINISHED.length)];
        String trackingNo = TrackingNumbers.newTrackingNo(ids);
        Personal personal = Personal.ofSubmitter(
                        new Personal.Person("测试" + (i % 1000), String.format("139%08d", i), false, null))
                .withLocation(new Personal.Location("高塍镇测试路" + (i % 500) + "号", null, null));
        HistoryEntry first = new HistoryEntry(
                1, receivedAt, "citizen", CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, "已收到您的" + type.nameZh(), null);
        List<HistoryEntry> history = status == CaseStatus.SUBMITTED
                ? List.of(first)
                : List.of(
                        first,
                        new HistoryEntry(
                                2,
                                receivedAt.plusSeconds(86_400),
                                "staff@" + catalog.town().id(),
                                actionTo(status),
                                CaseStatus.SUBMITTED,
                                status,
                                "办理进展：" + status.nameZh(),
                                null));
        return CaseRecord.builder()
                .trackingNo(trackingNo)
                .town(catalog.town().id())
                .type(type)
                .category(category.id())
                .village(village)
                .title("第" + i + "号 " + category.name() + "问题")
                .description("关于" + category.name() + "的反映，编号 " + i + "，请尽快处理。")
                .channel(r.nextInt(5) == 0 ? "hotline-12345" : "online")
                .status(status)
                .version(history.size())
                .receivedAt(receivedAt)
                .receivedOn(receivedOn)
                .dueDate(receivedOn.plusDays(15 + r.nextInt(20)))
                .personal(personal)
                .details(CaseDetails.empty(type))
                .accessHash(AccessCodes.hash(trackingNo, "4F7QKM2X9D"))
                .history(history)
                .build();
    }

    /** The hotline action that leads to {@code status} (the generated history jumps there in one step). */
    private static CaseAction actionTo(CaseStatus status) {
        return switch (status) {
            case ACCEPTED -> CaseAction.ACCEPT;
            case ASSIGNED -> CaseAction.ASSIGN;
            case REPLIED -> CaseAction.REPLY;
            case RESOLVED -> CaseAction.RESOLVE;
            case CLOSED -> CaseAction.CLOSE;
            case REJECTED -> CaseAction.REJECT;
            default -> throw new IllegalArgumentException(status.code());
        };
    }

    public Iterator<Map<String, AttributeValue>> items(int count) {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (next >= count) throw new NoSuchElementException();
                return CaseItems.toItem(record(next++));
            }
        };
    }
}
