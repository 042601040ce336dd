package org.vtpm.manager.security;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A user as the Elytron realm reads it: a SCRAM-SHA-256 salted password (never the password),
 * its salt and iteration count, and the groups that become roles.
 */
@Entity
@Table(name = "vtpm_user")
public class UserAccount {

    @Id
    @Column(length = 128)
    private String username;

    @Column(name = "password_digest", nullable = false, length = 128)
    private String passwordDigest;

    @Column(nullable = false, length = 64)
    private String salt;

    @Column(nullable = false)
    private int iterations;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vtpm_user_group", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "group_name", length = 128)
    private Set<String> groups = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, ScramPassword password, Set<String> groups) {
        this.username = username;
        setPassword(password);
        this.groups = new HashSet<>(groups);
    }

    public String getUsername() {
        return username;
    }

    public Set<String> getGroups() {
        return Set.copyOf(groups);
    }

    public boolean passwordMatches(String candidate) {
        return ScramPassword.verify(candidate, passwordDigest, salt, iterations);
    }

    public final void setPassword(ScramPassword password) {
        this.passwordDigest = password.digestBase64();
        this.salt = password.saltBase64();
        this.iterations = password.iterations();
    }
}
