package cn.banshi.notifications;

import cn.banshi.accounts.StaffAccount;
import cn.banshi.accounts.StaffAccountStore;
import cn.banshi.auth.Role;
import java.util.List;
import java.util.Optional;

/**
 * The staff digest's people, read from the staff accounts ({@link StaffAccountStore#listTown}): the town's enabled
 * town admins and village staff (auditors never act, so they get no digest; a disabled account gets nothing). The
 * channels are those the account has: SMS if it has a phone, e-mail if it has an address, both if both.
 */
public final class StaffAccountContacts implements StaffContacts {
    private final StaffAccountStore accounts;

    public StaffAccountContacts(StaffAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<StaffContact> forTown(String town) {
        return accounts.listTown(town).stream()
                .filter(StaffAccount::enabled)
                .filter(a -> a.role() == Role.TOWN_ADMIN || (a.role() == Role.VILLAGE_STAFF && a.village() != null))
                .map(StaffAccountContacts::contact)
                .toList();
    }

    static StaffContact contact(StaffAccount account) {
        StaffAccount.Contact c = account.contact();
        return new StaffContact(
                account.username(),
                account.role().code(),
                account.role() == Role.VILLAGE_STAFF ? account.village() : null,
                c.phone().orElse(null),
                c.email().orElse(null),
                choice(c.phone(), c.email()));
    }

    private static NotifyChoice choice(Optional<String> phone, Optional<String> email) {
        if (phone.isPresent() && email.isPresent()) return NotifyChoice.BOTH;
        if (phone.isPresent()) return NotifyChoice.SMS;
        return email.isPresent() ? NotifyChoice.EMAIL : NotifyChoice.NONE;
    }
}
