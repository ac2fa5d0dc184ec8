package cn.banshi.personaldata;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DueView;
import cn.banshi.cases.FreeText;
import cn.banshi.cases.Personal;
import cn.banshi.cases.PersonalItems;
import cn.banshi.json.Json;
import cn.banshi.store.AttributeJson;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The citizen's copy, the request form and the request views (citizen and staff). */
public final class PersonalDataViews {
    static final int MAX_TEXT = 1000;
    private static final Set<String> FREE_TEXTS =
            Fields.setOf(Arrays.stream(FreeText.values()).map(FreeText::code).toArray(String[]::new));

    private PersonalDataViews() {}

    public static PersonalDataRights.RequestForm requestForm(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("kind", "text");
        String code = f.requiredCode("kind", Fields.setOf("correction", "deletion"));
        String text = f.requiredText("text", 2, MAX_TEXT);
        return new PersonalDataRights.RequestForm(DataRequest.Kind.find(code).orElseThrow(), text);
    }

    public static PersonalDataRights.Answer answerForm(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("outcome", "answer");
        String code = f.requiredCode("outcome", Fields.setOf("done", "refused"));
        String answer = f.requiredText("answer", 2, MAX_TEXT);
        return new PersonalDataRights.Answer(DataRequest.State.find(code).orElseThrow(), answer);
    }

    /**
     * A staff member's mark of a free text as personal: {@code field} (title, description, ratingComment), its
     * {@code text} with the personal parts replaced (within the part's own limits; the service checks it against the
     * current text), {@code expectedVersion}.
     */
    public static PersonalTexts.Mark markForm(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("field", "text", "expectedVersion");
        FreeText part = FreeText.find(f.requiredCode("field", FREE_TEXTS)).orElseThrow();
        String text = part.multiline()
                ? f.requiredText("text", 1, part.maxLength())
                : f.requiredString("text", 1, part.maxLength());
        long expected = f.requiredInt("expectedVersion", 1, Integer.MAX_VALUE);
        return new PersonalTexts.Mark(part, text, expected);
    }

    /**
     * What banshi holds about the person on the case: their own part of the personal attributes (submitter or
     * applicant, the place, how to be told, their words that staff marked as personal), what they wrote as the case
     * shows it, their rating and requests. The other parties of a
     * dispute are other people: only their number is shown.
     */
    public static ObjectNode copy(PersonalDataRights.Copy copy) {
        CaseRecord c = copy.record();
        ObjectNode body = Json.object();
        body.put("trackingNo", c.trackingNo());
        body.put("town", c.town());
        body.put("type", c.type().code());
        body.put("typeName", c.type().nameZh());
        body.put("status", c.status().code());
        body.put("statusName", c.status().nameZh());
        body.put("receivedAt", ChinaTime.timestamp(c.receivedAt()));
        body.put("title", c.title());
        body.put("description", c.description());
        Personal p = c.personal();
        // the texts staff marked as personal are the person's own words
        Personal own =
                new Personal(p.submitter(), null, p.applicant(), p.location(), p.contact(), List.of(), p.markedTexts());
        body.set("personal", AttributeJson.toJson(PersonalItems.toAttribute(own)));
        body.put("otherParties", p.parties() == null ? 0 : p.parties().size());
        if (c.rating() == null) body.putNull("rating");
        else {
            ObjectNode r = body.putObject("rating");
            r.put("score", c.rating().score());
            if (c.rating().comment() == null) r.putNull("comment");
            else r.put("comment", c.rating().comment());
            r.put("at", ChinaTime.timestamp(c.rating().at()));
        }
        if (c.personalErasedAt() == null) body.putNull("personalErasedAt");
        else body.put("personalErasedAt", ChinaTime.timestamp(c.personalErasedAt()));
        body.set("requests", requests(copy.requests(), copy.deadlines(), null));
        body.put("generatedAt", ChinaTime.timestamp(copy.generatedAt()));
        return body;
    }

    /** Requests as JSON; {@code today} set for staff (adds {@code overdue} and who answered). */
    public static ArrayNode requests(List<DataRequest> requests, Deadlines deadlines, LocalDate today) {
        ArrayNode items = Json.object().arrayNode();
        for (DataRequest r : requests) items.add(request(r, deadlines, today));
        return items;
    }

    public static ObjectNode request(DataRequest r, Deadlines deadlines, LocalDate today) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("trackingNo", r.trackingNo());
        o.put("kind", r.kind().code());
        o.put("kindName", r.kind().nameZh());
        if (r.text() == null) o.putNull("text");
        else o.put("text", r.text());
        o.put("receivedAt", ChinaTime.timestamp(r.receivedAt()));
        o.put("receivedOn", r.receivedOn().toString());
        Due due = r.due(deadlines);
        DueView.put(o, due.date(), due.provisionalYear());
        o.put("state", r.state().code());
        o.put("stateName", r.state().nameZh());
        if (r.answer() == null) o.putNull("answer");
        else o.put("answer", r.answer());
        if (r.answeredAt() == null) o.putNull("answeredAt");
        else o.put("answeredAt", ChinaTime.timestamp(r.answeredAt()));
        if (today != null) {
            o.put("overdue", r.isOpen() && due.date().isBefore(today));
            if (r.answeredBy() == null) o.putNull("answeredBy");
            else o.put("answeredBy", r.answeredBy());
        }
        return o;
    }
}
