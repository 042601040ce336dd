package org.vtpm.manager.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes sure the {@code admin} account exists at start. Its password comes from the environment
 * variable {@value #PASSWORD_VARIABLE}; when that is unset and no admin exists yet, a random one
 * is generated and printed once, on this first start only. A set variable always wins, so an
 * operator can reset a lost password by restarting with it.
 */
@Startup
@Singleton
public class AdminAccount {

    public static final String USERNAME = "admin";
    public static final String GROUP = Roles.ADMIN;
    static final String PASSWORD_VARIABLE = "VTPM_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());
    private static final int GENERATED_PASSWORD_BYTES = 18;

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @PostConstruct
    void ensureAdmin() {
        String configured = System.getenv(PASSWORD_VARIABLE);
        UserAccount admin = em.find(UserAccount.class, USERNAME);
        if (configured != null && !configured.isEmpty()) {
            if (admin == null) {
                em.persist(new UserAccount(USERNAME, ScramPassword.of(configured), Set.of(GROUP)));
                LOG.info("created user 'admin' with the password from " + PASSWORD_VARIABLE);
            } else if (!admin.passwordMatches(configured)) {
                admin.setPassword(ScramPassword.of(configured));
                LOG.info("set the password of user 'admin' from " + PASSWORD_VARIABLE);
            }
        } else if (admin == null) {
            String generated = generatePassword();
            em.persist(new UserAccount(USERNAME, ScramPassword.of(generated), Set.of(GROUP)));
            // Printed once, to the console of the first start, the way an operator expects it.
            System.out.println("\n*** vTPM manager: created user 'admin' with the generated password: " + generated
                    + "\n*** It is not shown again; set " + PASSWORD_VARIABLE + " to choose your own.\n");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
