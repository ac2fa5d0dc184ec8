package cn.banshi.local;

import cn.banshi.accounts.SignInService;
import cn.banshi.accounts.SignInStep;
import cn.banshi.accounts.StaffAccount;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The local sign-in's routes ({@code /api/v1/auth/…}, marked {@code x-banshi-local-only} in the OpenAPI file: in AWS
 * the console signs in through Cognito's managed login instead). Issues the same HS256 tokens the local gateway
 * verifies, with the session id as claim {@code sid}; the session's limits are {@link SignInService}'s.
 */
public final class LocalSignInHandler extends ApiHandler {
    private final SignInService signIn;
    private final LocalJwt jwt;
    private final Clock clock;

    public LocalSignInHandler(SignInService signIn, LocalJwt jwt, Clock clock) {
        this.signIn = signIn;
        this.jwt = jwt;
        this.clock = clock;
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "POST /api/v1/auth/sign-in", this::signIn,
                "POST /api/v1/auth/password", this::password,
                "POST /api/v1/auth/code", this::code,
                "POST /api/v1/auth/sign-out", this::signOut);
    }

    private ApiResponse signIn(ApiRequest request) {
        Fields f = Fields.root(request.jsonBody()).allowOnly("username", "password");
        String username = f.requiredString("username", 1, 64);
        String password = f.requiredString("password", 1, 256);
        return answer(signIn.signIn(username, password));
    }

    private ApiResponse password(ApiRequest request) {
        Fields f = Fields.root(request.jsonBody()).allowOnly("challenge", "newPassword");
        String challenge = f.requiredString("challenge", 1, 100);
        String newPassword = f.requiredString("newPassword", 1, 256);
        return answer(signIn.changePassword(challenge, newPassword));
    }

    private ApiResponse code(ApiRequest request) {
        Fields f = Fields.root(request.jsonBody()).allowOnly("challenge", "code");
        String challenge = f.requiredString("challenge", 1, 100);
        String code = f.requiredString("code", 1, 16).replace(" ", "");
        return answer(signIn.code(challenge, code));
    }

    private ApiResponse signOut(ApiRequest request) {
        String header = request.header("authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            jwt.verifySignature(header.substring(7).strip()).ifPresent(claims -> {
                Object sid = claims.get("sid");
                if (sid == null) return;
                LocalStaff.touch(signIn, claims).ifPresent(account -> signIn.signOut(sid.toString(), account));
            });
        }
        return ApiResponse.noContent();
    }

    private ApiResponse answer(SignInStep step) {
        ObjectNode body = Json.object();
        if (step instanceof SignInStep.ChangePassword s) {
            body.put("step", "change-password").put("challenge", s.challenge());
        } else if (step instanceof SignInStep.EnterCode s) {
            body.put("step", "code").put("challenge", s.challenge());
        } else if (step instanceof SignInStep.EnrolTotp s) {
            body.put("step", "enrol-totp")
                    .put("challenge", s.challenge())
                    .put("secret", s.secret())
                    .put("otpauthUri", s.otpauthUri());
        } else if (step instanceof SignInStep.SignedIn s) {
            body.put("step", "signed-in")
                    .put("token", token(s))
                    .put("expiresAt", ChinaTime.timestamp(s.expiresAt()))
                    .put("idleTimeoutSeconds", signIn.policy().idleTimeout().toSeconds());
        }
        return ApiResponse.json(200, body);
    }

    private String token(SignInStep.SignedIn s) {
        StaffAccount account = s.account();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", account.username());
        claims.put("town", account.town());
        claims.put("role", account.role().code());
        if (account.staff().village() != null) claims.put("village", account.village());
        claims.put("name", account.displayName());
        claims.put("sid", s.sessionId());
        return jwt.issue(claims, Duration.between(clock.instant(), s.expiresAt()));
    }
}
