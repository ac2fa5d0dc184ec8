package cn.banshi.notifications;

/**
 * A staff member the daily digest goes to: {@code role} town-admin (the town's cases without a village, and those of
 * villages without enabled village staff) or village-staff (their {@code village}'s), with how to reach them.
 */
public record StaffContact(String id, String role, String village, String phone, String email, NotifyChoice choice) {
    public boolean isVillageStaff() {
        return village != null;
    }
}
