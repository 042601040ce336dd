package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.tpm.attest.Challenge;
import org.vtpm.tpm.attest.Redemption;

/**
 * Challenges in the database, one transaction per call. Redemption is a conditional UPDATE of the
 * unused row: the database lets exactly one of two concurrent redemptions of a nonce change it,
 * whichever node they run on.
 */
@Stateless
@PermitAll
public class ChallengeStore {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    public void register(Challenge challenge) {
        em.persist(new ChallengeRecord(challenge.nonce().hex(), challenge.subject(), challenge.issuedAt(),
                challenge.expiresAt()));
    }

    public Redemption redeem(String subject, String nonceHex, Instant now) {
        int won = em.createQuery("UPDATE ChallengeRecord c SET c.used = true, c.version = c.version + 1"
                        + " WHERE c.nonce = :nonce AND c.subject = :subject AND c.used = false")
                .setParameter("nonce", nonceHex)
                .setParameter("subject", subject)
                .executeUpdate();
        ChallengeRecord challenge = em.find(ChallengeRecord.class, nonceHex);
        if (challenge == null || !challenge.getSubject().equals(subject)) {
            return Redemption.UNKNOWN;
        }
        if (won == 0) {
            return Redemption.REPLAYED;
        }
        return now.isBefore(challenge.getExpires()) ? Redemption.FRESH : Redemption.EXPIRED;
    }

    /** Forgets challenges that expired before {@code cutoff}; a nonce that old is unknown anyway. */
    public int purge(Instant cutoff) {
        return em.createQuery("DELETE FROM ChallengeRecord c WHERE c.expires < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
