package org.vtpm.manager.security;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * is generated and shown once on the console of this first start (never in the server log). A set variable always wins, so an
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
            LOG.info("created user 'admin' with a generated password, shown once on the console");
            showOnConsole("\n*** vTPM manager: created user 'admin' with the generated password: " + generated
                    + "\n*** It is not shown again; set " + PASSWORD_VARIABLE + " to choose your own.\n\n");
        }
    }

    /**
     * Writes to the process's own standard output, not through {@code System.out}, which the
     * server routes into its log files: a password must not end up in server.log.
     */
    @SuppressWarnings("resource") // closing it would close the process's standard output
    private static void showOnConsole(String text) {
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        console.print(text);
        console.flush();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
