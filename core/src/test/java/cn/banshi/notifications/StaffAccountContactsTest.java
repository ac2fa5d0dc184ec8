package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.banshi.accounts.StaffAccount;
import cn.banshi.auth.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A staff account as the digest's contact: the channels are those the account has. */
class StaffAccountContactsTest {
    static StaffAccount account(Role role, String village, String phone, String email) {
        Instant at = Instant.parse("2021-04-06T01:00:00Z");
        return new StaffAccount("li.si", "gaocheng", role, village, "李四", phone, email, true, at, at);
    }

    @Test
    void theChannelsAreThoseTheAccountHas() {
        assertEquals(
                NotifyChoice.BOTH,
                StaffAccountContacts.contact(account(Role.TOWN_ADMIN, null, "13700001111", "li@gaocheng.gov.cn"))
                        .choice());
        assertEquals(
                NotifyChoice.SMS,
                StaffAccountContacts.contact(account(Role.TOWN_ADMIN, null, "13700001111", null))
                        .choice());
        assertEquals(
                NotifyChoice.EMAIL,
                StaffAccountContacts.contact(account(Role.TOWN_ADMIN, null, null, "li@gaocheng.gov.cn"))
                        .choice());
        assertEquals(
                NotifyChoice.NONE,
                StaffAccountContacts.contact(account(Role.TOWN_ADMIN, null, null, null))
                        .choice());
    }

    @Test
    void villageStaffKeepTheirVillageAndAdminsHaveNone() {
        StaffContact village =
                StaffAccountContacts.contact(account(Role.VILLAGE_STAFF, "meijiadu", "13700001111", null));
        assertEquals("meijiadu", village.village());
        assertEquals("village-staff", village.role());
        assertEquals("li.si", village.id());
        StaffContact admin = StaffAccountContacts.contact(account(Role.TOWN_ADMIN, null, null, "li@gaocheng.gov.cn"));
        assertNull(admin.village());
        assertEquals("town-admin", admin.role());
    }
}
