package cn.banshi.accounts;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Local accounts: passwords as Argon2id hashes on the account item. Disabling needs nothing more here: the local
 * gateway checks the account on every staff request ({@link SignInService#touch}).
 */
public final class LocalIdentities implements StaffIdentities {
    private final StaffAccountStore store;
    private final Supplier<Passwords> passwords;
    private final SecureRandom random;

    public LocalIdentities(StaffAccountStore store, Supplier<Passwords> passwords, SecureRandom random) {
        this.store = store;
        this.passwords = passwords;
        this.random = random;
    }

    @Override
    public Issued issue(StaffAccount account) {
        String temporary = PasswordPolicy.temporary(random);
        return new Issued(passwords.get().hash(temporary), temporary);
    }

    @Override
    public void created(StaffAccount account) {}

    @Override
    public void changed(StaffAccount before, StaffAccount after) {}

    @Override
    public void enabled(StaffAccount account, boolean enabled) {}

    @Override
    public Optional<String> resetPassword(StaffAccount account) {
        String temporary = PasswordPolicy.temporary(random);
        store.setPassword(account.username(), passwords.get().hash(temporary), true);
        return Optional.of(temporary);
    }

    @Override
    public String delivery() {
        return "shown";
    }
}
