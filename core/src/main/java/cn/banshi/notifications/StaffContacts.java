package cn.banshi.notifications;

import java.util.List;

/**
 * Where the staff digest finds the people responsible for a town's cases. Today a per-town configuration item
 * ({@link RecordsStaffContacts}); once staff accounts carry phone and e-mail, an implementation over the accounts.
 */
public interface StaffContacts {
    List<StaffContact> forTown(String town);
}
