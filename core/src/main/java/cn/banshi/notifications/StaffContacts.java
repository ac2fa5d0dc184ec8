package cn.banshi.notifications;

import java.util.List;

/**
 * Where the staff digest finds the people responsible for a town's cases: the town's staff accounts
 * ({@link StaffAccountContacts}).
 */
public interface StaffContacts {
    List<StaffContact> forTown(String town);
}
