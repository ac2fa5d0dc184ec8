package cn.banshi.auth;

/**
 * An authenticated staff member: the token's {@code sub}, {@code town}, {@code role} and, for village staff,
 * {@code village}.
 */
public record Staff(String sub, String town, Role role, String village) {

    public boolean canAct() {
        return role != Role.AUDITOR;
    }

    public boolean seesPersonalData() {
        return role != Role.AUDITOR;
    }

    /** Whether a case of this town and village is within this staff member's scope. */
    public boolean covers(String caseTown, String caseVillage) {
        if (!town.equals(caseTown)) return false;
        return role != Role.VILLAGE_STAFF || village.equals(caseVillage);
    }
}
