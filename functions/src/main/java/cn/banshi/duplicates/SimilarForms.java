package cn.banshi.duplicates;

import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.notifications.Channel;
import cn.banshi.notifications.NotifyChoice;
import cn.banshi.validation.ChineseIds;
import cn.banshi.validation.Fields;
import java.math.BigDecimal;
import java.util.Optional;

/** The request bodies of the similar-case routes. */
final class SimilarForms {
    private SimilarForms() {}

    /** {@code {category, village, text, lat?, lng?}}: what the citizen has filled so far. */
    static SimilarService.Draft draft(Fields f, Catalog catalog) {
        f.allowOnly("category", "village", "text", "lat", "lng");
        String category = f.requiredString("category", 1, 64);
        if (SimilarCases.PUBLIC_TYPES.stream()
                .noneMatch(t -> catalog.limitFor(category, t).isPresent())) {
            throw Errors.unknownCategory("category");
        }
        String village = f.requiredString("village", 1, 64);
        if (catalog.village(village).isEmpty()) throw Errors.unknownVillage("village");
        String text = f.requiredText("text", SimilarService.MIN_TEXT, 2000);
        Optional<Double> lat = f.optionalNumber("lat", -90, 90);
        Optional<Double> lng = f.optionalNumber("lng", -180, 180);
        if (lat.isPresent() != lng.isPresent()) throw Errors.required(lat.isPresent() ? "lng" : "lat");
        return new SimilarService.Draft(
                category,
                village,
                text,
                lat.map(BigDecimal::valueOf).orElse(null),
                lng.map(BigDecimal::valueOf).orElse(null));
    }

    /** {@code {phone?, email?, notify?}}: at least one way to be told; the choice defaults like a submission's. */
    static Followers.Contact contact(Fields f) {
        f.allowOnly("phone", "email", "notify");
        String phone = f.optionalPhone("phone").orElse(null);
        String email = f.optionalEmail("email").orElse(null);
        boolean mobile = phone != null && ChineseIds.isMobile(phone);
        if (phone == null && email == null) throw Errors.required("phone");
        NotifyChoice choice = f.optionalCode("notify", NotifyChoice.CODES)
                .map(NotifyChoice::fromCode)
                .orElse(mobile && email != null ? NotifyChoice.BOTH : mobile ? NotifyChoice.SMS : NotifyChoice.EMAIL);
        if (choice == NotifyChoice.NONE) {
            throw Errors.notAllowed("notify", "关注事项需选择接收通知的方式", "Following needs a way to be told");
        }
        if (choice.uses(Channel.SMS) && !mobile) {
            throw Errors.notAllowed("notify", "短信通知需要填写手机号码", "SMS notifications need a mobile number");
        }
        if (choice.uses(Channel.EMAIL) && email == null) throw Errors.required("email");
        return new Followers.Contact(choice, phone, email);
    }
}
