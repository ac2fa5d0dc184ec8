package cn.banshi.intake;

import cn.banshi.attachments.Attachment;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.cases.AccessCodes;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.Catalog;
import cn.banshi.idempotency.IdempotencyStore;
import cn.banshi.idempotency.StoredResponse;
import cn.banshi.logging.Log;
import cn.banshi.notifications.CaseNotices;
import cn.banshi.workflow.CaseDeadlines;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a validated form into a stored case, once per Idempotency-Key, and answers with its receipt. */
public final class IntakeService {
    private static final Log LOG = Log.get(IntakeService.class);

    private final CaseStore cases;
    private final IdempotencyStore idempotency;
    private final Supplier<Deadlines> deadlines;
    private final Clock clock;
    private final SecureRandom random;

    public IntakeService(
            CaseStore cases,
            IdempotencyStore idempotency,
            Supplier<Deadlines> deadlines,
            Clock clock,
            SecureRandom random) {
        this.cases = cases;
        this.idempotency = idempotency;
        this.deadlines = deadlines;
        this.clock = clock;
        this.random = random;
    }

    /** Where the case came from and when; online submissions are received now. */
    public record Receipt(String channel, LocalDate receivedOn, String actor, String clientKey) {
        public Receipt(String channel, LocalDate receivedOn, String actor) {
            this(channel, receivedOn, actor, null);
        }

        public static Receipt online() {
            return online(null);
        }

        /** From a citizen online; {@code clientKey}: {@link cn.banshi.abuse.SubmitterBlocks#clientKey}. */
        public static Receipt online(String clientKey) {
            return new Receipt("online", null, "citizen", clientKey);
        }
    }

    /**
     * Files the case once per (town, scope, Idempotency-Key, body) and answers with {@code answer}'s response to the
     * filed case; a retry gets the stored response back (it holds the access code, which the case keeps only as a
     * hash).
     */
    public StoredResponse submit(
            String town,
            Catalog catalog,
            CaseForm form,
            Receipt receipt,
            String scope,
            String idempotencyKey,
            byte[] rawBody,
            Function<Filed, StoredResponse> answer) {
        return submit(town, catalog, form, receipt, scope, idempotencyKey, rawBody, ref -> {}, no -> List.of(), answer);
    }

    /**
     * As above, with {@code beforeFiling} run once the request holds its idempotency claim, just before the case is
     * written, with the claim's reference (the same for a retry that takes the claim over): a check that writes (a
     * phone verification code's consumption) goes here, so that a replay of a filed submission answers without it
     * and a refusal ({@code ApiException}) releases the claim and writes no case; and with {@code attach} run after
     * {@code beforeFiling} with the claimed tracking number: it attaches the submission's uploads to that case number
     * (docs/attachments.md) and returns them for the record; a refusal (ApiException) files nothing. Only a submission with an Idempotency-Key has a claimed number: without one
     * attachments are refused earlier (the uploads could otherwise be bound to a number a retry does not reuse).
     */
    public StoredResponse submit(
            String town,
            Catalog catalog,
            CaseForm form,
            Receipt receipt,
            String scope,
            String idempotencyKey,
            byte[] rawBody,
            Consumer<String> beforeFiling,
            Function<String, List<Attachment>> attach,
            Function<Filed, StoredResponse> answer) {
        return idempotency.execute(
                town + "\n" + scope, idempotencyKey, rawBody, () -> TrackingNumbers.newTrackingNo(random), claim -> {
                    String trackingNo = claim.trackingNo();
                    // without an Idempotency-Key a write nonce still makes the SDK's retry of an ambiguous put
                    // (a 5xx after the write) find its own case instead of filing a second one
                    String ref = claim.ref() != null ? claim.ref() : "once#" + UUID.randomUUID();
                    beforeFiling.accept(ref);
                    List<Attachment> attachments = attach.apply(trackingNo);
                    while (true) {
                        try {
                            return answer.apply(create(town, catalog, form, receipt, trackingNo, ref, attachments));
                        } catch (CaseStore.TrackingNumberTakenException taken) {
                            if (claim.ref() != null) throw new IllegalStateException("claimed tracking number taken");
                            trackingNo = TrackingNumbers.newTrackingNo(random); // 80 random bits: never in practice
                        }
                    }
                });
    }

    private Filed create(
            String town,
            Catalog catalog,
            CaseForm form,
            Receipt receipt,
            String trackingNo,
            String idempotencyRef,
            List<Attachment> attachments) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate receivedOn = receipt.receivedOn() != null
                ? receipt.receivedOn()
                : now.atZone(ChinaTime.ZONE).toLocalDate();
        Instant receivedAt = receipt.receivedOn() != null
                        && !receivedOn.equals(now.atZone(ChinaTime.ZONE).toLocalDate())
                ? receivedOn.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant()
                : now;
        CaseDeadlines.Start start = CaseDeadlines.atIntake(
                form.type(), form.category(), receivedOn, catalog, deadlines.get(), form.details());
        Due due = start.due();
        String accessCode = TrackingNumbers.newAccessCode(random);
        HistoryEntry first = new HistoryEntry(
                1,
                receivedAt,
                receipt.actor(),
                CaseAction.SUBMIT,
                null,
                CaseStatus.SUBMITTED,
                "已收到您的" + form.type().nameZh(),
                null);
        CaseRecord record = CaseRecord.builder()
                .trackingNo(trackingNo)
                .town(town)
                .type(form.type())
                .category(form.category())
                .village(form.village())
                .title(form.title())
                .description(form.description())
                .channel(receipt.channel())
                .status(CaseStatus.SUBMITTED)
                .version(1)
                .receivedAt(receivedAt)
                .receivedOn(receivedOn)
                .dueDate(due.date())
                .dueProvisionalYear(due.provisionalYear())
                .personal(form.personal())
                .details(start.details())
                .accessHash(AccessCodes.hash(trackingNo, accessCode))
                .history(List.of(first))
                .clientKey(receipt.clientKey())
                .attachments(attachments)
                .build();
        cases.create(CaseNotices.afterStep(record, accessCode), idempotencyRef);
        LOG.info(
                "case created",
                "town",
                town,
                "type",
                form.type().code(),
                "trackingNo",
                trackingNo,
                "channel",
                receipt.channel());
        return new Filed(trackingNo, accessCode, form.type(), CaseStatus.SUBMITTED, receivedAt, due);
    }

    /**
     * The answer a real submission of {@code form} would get (a new tracking number and access code, the due date),
     * for a submission the bot check dropped: nothing is stored, so the number never tracks.
     */
    public Filed decoy(Catalog catalog, CaseForm form) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(ChinaTime.ZONE).toLocalDate();
        Due due = CaseDeadlines.atIntake(form.type(), form.category(), today, catalog, deadlines.get(), form.details())
                .due();
        return new Filed(
                TrackingNumbers.newTrackingNo(random),
                TrackingNumbers.newAccessCode(random),
                form.type(),
                CaseStatus.SUBMITTED,
                now,
                due);
    }
}
