package cn.banshi.api;

import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.errors.Errors;
import java.util.Map;

/**
 * Reads the staff member from the claims that API Gateway's JWT authorizer (or the local gateway) verified
 * and put in {@code requestContext.authorizer.jwt.claims}. Handlers still check role and scope themselves.
 */
public final class StaffAuth {
    private StaffAuth() {}

    public static Staff require(ApiRequest request) {
        var context = request.event().getRequestContext();
        if (context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null) {
            throw Errors.unauthorized();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        if (claims == null) throw Errors.unauthorized();
        String sub = claims.get("sub");
        String town = claims.get("town");
        Role role = Role.fromCode(claims.get("role")).orElseThrow(Errors::unauthorized);
        String village = claims.get("village");
        if (sub == null || sub.isBlank() || town == null || town.isBlank()) throw Errors.unauthorized();
        if (role == Role.VILLAGE_STAFF && (village == null || village.isBlank())) throw Errors.unauthorized();
        return new Staff(sub, town, role, role == Role.VILLAGE_STAFF ? village : null);
    }

    public static Staff requireRole(ApiRequest request, Role... allowed) {
        Staff staff = require(request);
        for (Role role : allowed) if (staff.role() == role) return staff;
        throw Errors.forbidden("您的角色无权执行此操作", "Your role may not do this");
    }
}
